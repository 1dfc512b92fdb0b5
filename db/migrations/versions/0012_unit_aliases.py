"""unit_aliases: other spellings of a unit's name in import files, mapped once and remembered

An import no longer creates a unit for every unknown 受理单位 (a misspelt name became a unit in
the quarterly ranking); an administrator maps the unknown name to a unit, and the next file
with that spelling goes to the same unit.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 02:11:29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "unit_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["units.id"],
            name=op.f("fk_unit_aliases_unit_id_units"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_aliases")),
        sa.UniqueConstraint("name", name=op.f("uq_unit_aliases_name")),
    )
    op.create_index("ix_unit_aliases_unit_id", "unit_aliases", ["unit_id"])


def downgrade() -> None:
    op.drop_index("ix_unit_aliases_unit_id", table_name="unit_aliases")
    op.drop_table("unit_aliases")
