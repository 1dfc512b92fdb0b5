"""installation keys; trusted public keys of the other sites

Backups and sync files are signed and encrypted (issue 18, app.keys, app.sealed_archive):

- `installation_keys`: this database's Ed25519 and X25519 key pairs, made at first need (not
  here: each copy of a migrated database must get keys of its own), and the public half of
  its recovery key.
- `sync_peers` gains the public keys of another site, trusted once by an administrator, and
  when and by whom they were trusted.

Plain CREATE TABLE and ADD COLUMN only.

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def _peer_columns() -> list[sa.Column]:
    return [
        sa.Column("signing_key", sa.LargeBinary(), nullable=True),
        sa.Column("agreement_key", sa.LargeBinary(), nullable=True),
        sa.Column("keys_trusted_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("keys_trusted_by", sa.String(length=100), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "installation_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("signing_private", sa.LargeBinary(), nullable=False),
        sa.Column("agreement_private", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("recovery_public", sa.LargeBinary(), nullable=True),
        sa.Column("recovery_made_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("recovery_made_by", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_installation_keys")),
    )
    for column in _peer_columns():
        op.add_column("sync_peers", column)


def downgrade() -> None:
    # SQLite 3.35+ drops a column in place (as 0009, 0013 and 0015 do).
    for column in reversed(_peer_columns()):
        op.execute(f"ALTER TABLE sync_peers DROP COLUMN {column.name}")
    op.drop_table("installation_keys")
