"""the coverage plan under 0.5 s at a million cases (issue 23): an index of the cases of a unit
and period with everything the plan's pass over a quarter reads of them (the report's index,
ix_cases_unit_period_first, and whether a number is valid, and the id: PostgreSQL then reads the
index alone); and ix_call_queue_appointment made partial, of the entries with an appointment
only, so that PostgreSQL does not take it for the claim in queue order on the statistics of
before a queue refresh.

Revision ID: 0022
Revises: 0021
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

NAME = "ix_cases_unit_period_plan"
COLUMNS = [
    "unit_id",
    "completed_on",
    "is_enterprise",
    "first_evaluation_id",
    "has_valid_phone",
    "id",
]


APPOINTMENT = "ix_call_queue_appointment"
APPOINTMENT_COLUMNS = ["status", "appointment_at"]
WITH_APPOINTMENT = sa.text("appointment_at IS NOT NULL")


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(NAME, COLUMNS, unique=False)
    with op.batch_alter_table("call_queue", schema=None) as batch_op:
        batch_op.drop_index(APPOINTMENT)
        batch_op.create_index(
            APPOINTMENT,
            APPOINTMENT_COLUMNS,
            unique=False,
            sqlite_where=WITH_APPOINTMENT,
            postgresql_where=WITH_APPOINTMENT,
        )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and sa.inspect(bind).has_table("sqlite_stat1"):
        # A file someone analyzed: the new index gets its statistics too, or the planner
        # compares it, with default guesses, against indexes it knows (a fraction of a second
        # at 1 M cases). A file never analyzed stays so: the plan does not rely on them.
        op.execute(f"ANALYZE {NAME}")


def downgrade() -> None:
    with op.batch_alter_table("call_queue", schema=None) as batch_op:
        batch_op.drop_index(APPOINTMENT)
        batch_op.create_index(APPOINTMENT, APPOINTMENT_COLUMNS, unique=False)
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(NAME)
