"""The world of the complaint tests (units, staff of each role, a case handled by 张伟), with a
completed revisit call whose suggestion is praise."""

from __future__ import annotations

from datetime import date

import pytest

import app.importing  # noqa: F401, I001  (see tests/complaints/conftest.py)
from db.database import Database
from db.models import CallAttempt, Evaluation
from tests.complaints.conftest import World, at, make_world
from tests.complaints.test_gui import gui, kept  # noqa: F401  (fixtures: gui is autouse)
from tests.gui.conftest import window  # noqa: F401  (fixtures of the call desk)
from tests.gui.test_call_desk import desk, desk_db, drafts_dir, operator  # noqa: F401


@pytest.fixture
def world(any_db: Database) -> World:
    with any_db.sessions.begin() as session:
        return make_world(session)


def add_revisit(database: Database, world: World, suggestion: str | None, day: date) -> int:
    """A completed phone revisit of the world's case; its evaluation's id."""
    moment = at(day.year, day.month, day.day, 10)
    with database.sessions.begin() as session:
        evaluation = Evaluation(
            case_id=world.case,
            channel="phone",
            round=1,
            evaluated_at=moment,
            overall="very_satisfied",
            suggestion=suggestion,
            operator_id=world.operator,
        )
        session.add(evaluation)
        session.flush()
        session.add(
            CallAttempt(
                case_id=world.case,
                attempted_at=moment,
                outcome="completed",
                operator_id=world.operator,
                evaluation_id=evaluation.id,
            )
        )
        return evaluation.id
