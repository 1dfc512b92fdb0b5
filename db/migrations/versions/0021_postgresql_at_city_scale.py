"""fast on both backends at city scale (issue 23): indexes that PostgreSQL chooses even with stale
statistics, and the phone number reversed for 尾号 searches.

- call_queue: a partial index on (priority, ready_at, id) of the open entries without an
  appointment, the claim's order;
- case_phones.e164_reversed (e164 backwards, filled here) with an index, so that "ends with
  5678" is a prefix search;
- cases: (completed_on, id) in place of completed_on alone, the case list's order.

Revision ID: 0021
Revises: 0020
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

OPEN_WITHOUT_APPOINTMENT = "status = 'open' AND appointment_at IS NULL"


def upgrade() -> None:
    with op.batch_alter_table("call_queue", schema=None) as batch_op:
        batch_op.create_index(
            "ix_call_queue_open_pick",
            ["priority", "ready_at", "id"],
            unique=False,
            sqlite_where=sa.text(OPEN_WITHOUT_APPOINTMENT),
            postgresql_where=sa.text(OPEN_WITHOUT_APPOINTMENT),
        )

    with op.batch_alter_table("case_phones", schema=None) as batch_op:
        batch_op.add_column(sa.Column("e164_reversed", sa.String(length=20), nullable=True))
    _fill_reversed()
    with op.batch_alter_table("case_phones", schema=None) as batch_op:
        batch_op.create_index(
            "ix_case_phones_e164_reversed",
            ["e164_reversed"],
            unique=False,
            postgresql_ops={"e164_reversed": "varchar_pattern_ops"},
        )

    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_completed_on"))
        batch_op.create_index("ix_cases_completed_id", ["completed_on", "id"], unique=False)


def _fill_reversed() -> None:
    """e164 backwards in one statement: PostgreSQL has reverse(); SQLite gets it for the
    connection (db.models.reversed_e164 fills the column from now on)."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        bind.connection.driver_connection.create_function(
            "reverse", 1, lambda text: text[::-1] if text else None, deterministic=True
        )
    op.execute("UPDATE case_phones SET e164_reversed = reverse(e164) WHERE e164 IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_completed_id")
        batch_op.create_index(batch_op.f("ix_cases_completed_on"), ["completed_on"], unique=False)

    with op.batch_alter_table("case_phones", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_case_phones_e164_reversed",
            postgresql_ops={"e164_reversed": "varchar_pattern_ops"},
        )
        batch_op.drop_column("e164_reversed")

    with op.batch_alter_table("call_queue", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_call_queue_open_pick",
            sqlite_where=sa.text(OPEN_WITHOUT_APPOINTMENT),
            postgresql_where=sa.text(OPEN_WITHOUT_APPOINTMENT),
        )
