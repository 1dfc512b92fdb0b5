"""access_tokens: tokens for scheduled command-line jobs

A logged-in administrator makes a token for one user, for some commands and some hours
(`main.py token create`, app.tokens); the table keeps only its SHA-256, who made it, when it
expires, when it was revoked and last used. Plain CREATE TABLE only.

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def _time(name: str, *, nullable: bool = True) -> sa.Column:
    return sa.Column(name, db.types.UTCDateTime(timezone=True), nullable=nullable)


def _person(name: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [name], ["staff.id"], name=op.f(f"fk_access_tokens_{name}_staff")
    )


def upgrade() -> None:
    op.create_table(
        "access_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("commands", sa.JSON(), nullable=True),
        _time("created_at", nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        _time("expires_at", nullable=False),
        _time("revoked_at"),
        sa.Column("revoked_by_id", sa.Integer(), nullable=True),
        _time("last_used_at"),
        _person("staff_id"),
        _person("created_by_id"),
        _person("revoked_by_id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_access_tokens_token_hash")),
    )
    op.create_index("ix_access_tokens_staff_id", "access_tokens", ["staff_id"])


def downgrade() -> None:
    op.drop_index("ix_access_tokens_staff_id", table_name="access_tokens")
    op.drop_table("access_tokens")
