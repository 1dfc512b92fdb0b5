"""log-in: staff get a user name, an Argon2 password hash and a failed-log-in count

The user name is unique through a unique index, not a constraint: SQLite adds an index in place,
while a constraint would need the staff table copied, and every table that refers to staff
forbids dropping it. For the same reason the downgrade drops the columns in place (SQLite 3.35+)
instead of copying the table.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_COLUMNS = ("locked_until", "failed_logins", "password_hash", "username")


def upgrade() -> None:
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.add_column(sa.Column("username", sa.String(length=50), nullable=True))
        batch_op.add_column(sa.Column("password_hash", sa.String(length=255), nullable=True))
        batch_op.add_column(
            sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(
            sa.Column("locked_until", db.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_index("uq_staff_username", ["username"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_staff_username", table_name="staff")
    for column in _COLUMNS:
        op.drop_column("staff", column)
