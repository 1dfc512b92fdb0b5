"""The configurable outcome table: seeded from app.outcomes, edited by the administrator."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from app.desk.calls import record_failed_call
from app.desk.outcomes import OutcomeInvalid, call_outcomes, outcome_row, update_outcome
from app.desk.queue import next_case
from app.outcomes import DEFAULT_OUTCOMES
from db.models import CallOutcome

from . import helpers as h

NOW = h.local(2026, 11, 16, 10)


def test_outcomes_are_seeded_from_the_defaults_with_keys(any_db):
    with any_db.sessions.begin() as session:
        rows = call_outcomes(session)
        call_outcomes(session)  # seeding twice adds nothing
        assert session.scalar(select(func.count()).select_from(CallOutcome)) == len(
            DEFAULT_OUTCOMES
        )
    assert [r.code for r in rows] == [o.code for o in DEFAULT_OUTCOMES]
    keys = {r.code: r.key for r in rows}
    assert keys["completed"] is None
    assert (keys["no_answer"], keys["busy"], keys["wrong_number"], keys["appointment"]) == (
        "N",
        "B",
        "W",
        "A",
    )
    assert len({k for k in keys.values() if k}) == len(rows) - 1  # one key each, none shared
    busy = next(r for r in rows if r.code == "busy")
    assert (busy.label, busy.retry_minutes, busy.final, busy.contact) == ("占线", 15, False, False)
    wrong = next(r for r in rows if r.code == "wrong_number")
    assert wrong.next_number and wrong.final


def test_the_administrator_edits_an_outcome(sqlite_db):
    with sqlite_db.sessions.begin() as session:
        update_outcome(session, "busy", retry_minutes=30, label="忙线", key="g")
        update_outcome(session, "other_person", active=False)
        busy = outcome_row(session, "busy")
        assert (busy.retry_minutes, busy.label, busy.key) == (30, "忙线", "G")
        assert "other_person" not in [r.code for r in call_outcomes(session)]
        assert outcome_row(session, "other_person").active is False


def test_an_edited_retry_wait_is_what_the_queue_uses(sqlite_db):
    operator, _ = h.two_operators(sqlite_db)
    with sqlite_db.sessions.begin() as session:
        update_outcome(session, "busy", retry_minutes=40)
        case = h.case(session, h.unit(session), "A-1", date(2026, 11, 2))
        h.entry(session, case, NOW - timedelta(hours=1))
    item = next_case(sqlite_db, operator, now=NOW)
    with sqlite_db.sessions.begin() as session:
        retry = record_failed_call(
            session, item.entry_id, operator, "busy", phone_e164=None, now=NOW
        )
    assert retry == NOW + timedelta(minutes=40)


@pytest.mark.parametrize(
    ("code", "changes"),
    [
        ("busy", {"key": "N"}),  # no_answer has it
        ("busy", {"key": "NB"}),
        ("busy", {"retry_minutes": -5}),
        ("busy", {"colour": "red"}),  # not a field
        ("completed", {"active": False}),
        ("no-such", {"label": "x"}),
    ],
)
def test_bad_edits_are_refused(sqlite_db, code, changes):
    with sqlite_db.sessions.begin() as session, pytest.raises(OutcomeInvalid):
        update_outcome(session, code, **changes)
