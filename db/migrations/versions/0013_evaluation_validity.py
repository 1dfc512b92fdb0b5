"""evaluations: what the platform said about each evaluation, and whether it is valid for J 5.1.2

Real 好差评 exports carry default ratings (系统默认评价), 追评 (评价次数 2), anonymous and
unreviewed evaluations. Only a valid online evaluation within the window takes a case out of
the phone queue (J 5.1.2); each evaluation now says whether it is valid and, if not, why.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def columns() -> tuple[sa.Column, ...]:
    return (
        sa.Column("is_default", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("valid", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("invalid_reason", sa.String(length=20), nullable=True),
        sa.Column("attempt", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("evaluator", sa.String(length=200), nullable=True),
        sa.Column("anonymous", sa.Boolean(), nullable=True),
        sa.Column("review_status", sa.String(length=20), nullable=True),
        sa.Column("labels", sa.JSON(), nullable=True),
        sa.Column("region_code", sa.String(length=20), nullable=True),
    )


def upgrade() -> None:
    # Plain ADD COLUMN, not a batch copy: copying the table would drop the triggers that keep
    # cases.first_evaluation_id (migration 0004).
    for column in columns():
        op.add_column("evaluations", column)


def downgrade() -> None:
    # SQLite 3.35+ drops a column in place, keeping the table's triggers.
    for column in reversed(columns()):
        op.execute(f"ALTER TABLE evaluations DROP COLUMN {column.name}")
