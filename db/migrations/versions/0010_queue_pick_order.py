"""call_queue: the pick index ends with the id, as "next case" orders by it

next_case takes the first free entry by priority, ready_at, id. SQLite puts the rowid at the end
of every index, so (status, priority, ready_at) already gave that order; PostgreSQL did not, and
sorted every entry of the first priority (Incremental Sort) on each pick before it could lock one.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-22 09:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_call_queue_pick", table_name="call_queue")
    op.create_index("ix_call_queue_pick", "call_queue", ["status", "priority", "ready_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_call_queue_pick", table_name="call_queue")
    op.create_index("ix_call_queue_pick", "call_queue", ["status", "priority", "ready_at"])
