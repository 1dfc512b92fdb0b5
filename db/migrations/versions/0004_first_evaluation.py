"""cases.first_evaluation_id, kept by triggers on evaluations

The quarterly report scores each case by its first evaluation. Finding it per case at city scale
(a quarter of 250 000 cases) costs a correlated search per case; keeping its id on the case makes
the report one pass over a covering index. Triggers keep it right whichever code writes
evaluations (imports, the call desk, Form B, outlet sync).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# The earliest round-1 evaluation of the case being updated (cases.id).
FIRST = (
    "(SELECT e.id FROM evaluations e WHERE e.case_id = cases.id AND e.round = 1 "
    "ORDER BY e.evaluated_at, e.id LIMIT 1)"
)

SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER tr_evaluations_first_insert AFTER INSERT ON evaluations BEGIN
        UPDATE cases SET first_evaluation_id = {FIRST} WHERE id = NEW.case_id;
    END""",
    f"""CREATE TRIGGER tr_evaluations_first_delete AFTER DELETE ON evaluations BEGIN
        UPDATE cases SET first_evaluation_id = {FIRST} WHERE id = OLD.case_id;
    END""",
    f"""CREATE TRIGGER tr_evaluations_first_update
        AFTER UPDATE OF case_id, round, evaluated_at ON evaluations BEGIN
        UPDATE cases SET first_evaluation_id = {FIRST} WHERE id IN (OLD.case_id, NEW.case_id);
    END""",
)

# On PostgreSQL the case row is locked first, so that the search that follows (a new statement,
# hence a new snapshot under READ COMMITTED) sees an evaluation another seat has just committed.
POSTGRES_FUNCTION = f"""
CREATE FUNCTION refresh_first_evaluation() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM 1 FROM cases WHERE id = NEW.case_id FOR UPDATE;
        UPDATE cases SET first_evaluation_id = {FIRST} WHERE id = NEW.case_id;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM 1 FROM cases WHERE id = OLD.case_id FOR UPDATE;
        UPDATE cases SET first_evaluation_id = {FIRST} WHERE id = OLD.case_id;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""
POSTGRES_TRIGGER = """
CREATE TRIGGER tr_evaluations_first
AFTER INSERT OR DELETE OR UPDATE OF case_id, round, evaluated_at ON evaluations
FOR EACH ROW EXECUTE FUNCTION refresh_first_evaluation()
"""


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("first_evaluation_id", sa.Integer(), nullable=True))
    op.execute(f"UPDATE cases SET first_evaluation_id = {FIRST}")
    op.create_index(
        "ix_cases_unit_period_first",
        "cases",
        ["unit_id", "completed_on", "is_enterprise", "first_evaluation_id"],
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)
        op.execute(POSTGRES_TRIGGER)
    else:
        for trigger in SQLITE_TRIGGERS:
            op.execute(trigger)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER tr_evaluations_first ON evaluations")
        op.execute("DROP FUNCTION refresh_first_evaluation()")
    else:
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER tr_evaluations_first_{name}")
    op.drop_index("ix_cases_unit_period_first", table_name="cases")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("first_evaluation_id")
