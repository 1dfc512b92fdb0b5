"""import_profiles; the scoring evaluation is the first valid one, and never a 追评

Two changes of issue 17 part A in one revision (0016 is the one revision assigned to this work):

- `import_profiles`: the 好差评 export layouts an administrator adds (app.importing.profiles),
  shared by every seat of the database.
- The triggers of migration 0004 that keep `cases.first_evaluation_id` now pick the earliest
  *valid* first-attempt round-1 evaluation, else the earliest first-attempt round-1 evaluation
  of any validity; a 追评 (attempt 2) is never picked. A default rating recorded by the platform
  before the citizen is phoned no longer scores in place of the phone revisit, and whether a
  case whose only evaluations are invalid scores at all is the report's setting
  (`evaluations.invalid_scores`). They also follow changes of `valid` and `attempt`.

Plain CREATE/DROP TABLE and triggers only: evaluations and cases are never copied (a copy would
drop the triggers).

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# The scoring evaluation of the case being updated (cases.id): valid ones first (true sorts
# after false, hence DESC on both backends), then by time.
FIRST_VALID = (
    "(SELECT e.id FROM evaluations e WHERE e.case_id = cases.id AND e.round = 1 "
    "AND e.attempt = 1 ORDER BY e.valid DESC, e.evaluated_at, e.id LIMIT 1)"
)
# Migration 0004's: the earliest round-1 evaluation, whatever it is.
FIRST_ANY = (
    "(SELECT e.id FROM evaluations e WHERE e.case_id = cases.id AND e.round = 1 "
    "ORDER BY e.evaluated_at, e.id LIMIT 1)"
)
# The cases whose first evaluation the two rules may disagree on.
AFFECTED = "id IN (SELECT case_id FROM evaluations WHERE attempt <> 1 OR NOT valid)"

NEW_COLUMNS = "case_id, round, evaluated_at, valid, attempt"
OLD_COLUMNS = "case_id, round, evaluated_at"


def _sqlite_triggers(first: str, columns: str) -> tuple[str, ...]:
    return (
        f"""CREATE TRIGGER tr_evaluations_first_insert AFTER INSERT ON evaluations BEGIN
            UPDATE cases SET first_evaluation_id = {first} WHERE id = NEW.case_id;
        END""",
        f"""CREATE TRIGGER tr_evaluations_first_delete AFTER DELETE ON evaluations BEGIN
            UPDATE cases SET first_evaluation_id = {first} WHERE id = OLD.case_id;
        END""",
        f"""CREATE TRIGGER tr_evaluations_first_update
            AFTER UPDATE OF {columns} ON evaluations BEGIN
            UPDATE cases SET first_evaluation_id = {first} WHERE id IN (OLD.case_id, NEW.case_id);
        END""",
    )


def _postgres_function(first: str) -> str:
    # As in 0004: the case row is locked first, so that the search that follows (a new
    # statement, a new snapshot) sees an evaluation another seat has just committed.
    return f"""
CREATE OR REPLACE FUNCTION refresh_first_evaluation() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM 1 FROM cases WHERE id = NEW.case_id FOR UPDATE;
        UPDATE cases SET first_evaluation_id = {first} WHERE id = NEW.case_id;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM 1 FROM cases WHERE id = OLD.case_id FOR UPDATE;
        UPDATE cases SET first_evaluation_id = {first} WHERE id = OLD.case_id;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""


def _postgres_trigger(columns: str) -> str:
    return f"""
CREATE TRIGGER tr_evaluations_first
AFTER INSERT OR DELETE OR UPDATE OF {columns} ON evaluations
FOR EACH ROW EXECUTE FUNCTION refresh_first_evaluation()
"""


def _replace_triggers(first: str, columns: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER tr_evaluations_first ON evaluations")
        op.execute(_postgres_function(first))
        op.execute(_postgres_trigger(columns))
    else:
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER tr_evaluations_first_{name}")
        for trigger in _sqlite_triggers(first, columns):
            op.execute(trigger)
    op.execute(f"UPDATE cases SET first_evaluation_id = {first} WHERE {AFFECTED}")


def upgrade() -> None:
    op.create_table(
        "import_profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("definition", sa.JSON(), nullable=False),
        sa.Column("updated_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_profiles")),
        sa.UniqueConstraint("name", name=op.f("uq_import_profiles_name")),
    )
    _replace_triggers(FIRST_VALID, NEW_COLUMNS)


def downgrade() -> None:
    _replace_triggers(FIRST_ANY, OLD_COLUMNS)
    op.drop_table("import_profiles")
