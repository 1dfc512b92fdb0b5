"""The configurable outcome table: seeded from app.outcomes, edited by the administrator."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from app.desk.calls import record_failed_call
from app.desk.outcomes import (
    MAX_RETRY_MINUTES,
    OutcomeInvalid,
    all_outcomes,
    call_outcomes,
    check_outcomes,
    outcome_row,
    save_outcomes,
    update_outcome,
)
from app.desk.queue import next_case
from app.outcomes import DEFAULT_OUTCOMES
from app.roles import NotPermitted
from app.staff import add_staff
from db.models import AuditEntry, CallOutcome

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
        ("busy", {"retry_minutes": MAX_RETRY_MINUTES + 1}),
        ("busy", {"key": "?"}),  # a letter or a digit
        ("busy", {"key": None}),  # active: the desk chooses it by its key
        ("busy", {"label": "无人接听"}),  # no_answer's
        ("busy", {"label": " "}),
        ("busy", {"label_en": ""}),
        ("busy", {"position": -1}),
        ("completed", {"final": False}),
        ("completed", {"contact": False}),
        ("completed", {"key": "C"}),
        ("appointment", {"final": True}),
        ("appointment", {"next_number": True}),
        ("other_person", {"active": True, "key": "B"}),  # busy's, active
    ],
)
def test_bad_edits_are_refused(sqlite_db, code, changes):
    with sqlite_db.sessions.begin() as session, pytest.raises(OutcomeInvalid):
        update_outcome(session, code, **changes)


def test_two_outcomes_swap_keys_in_one_save_audited(any_db):
    with any_db.sessions.begin() as session:
        admin = add_staff(session, "管理员", "administrator").id
        rows = save_outcomes(
            session, {"busy": {"key": "n"}, "no_answer": {"key": "B"}}, by_id=admin
        )
        assert (rows["busy"].key, rows["no_answer"].key) == ("N", "B")
        update_outcome(session, "busy", key="N", by_id=admin)  # no change: nothing audited
        entries = session.execute(
            select(AuditEntry.actor, AuditEntry.before, AuditEntry.after)
            .where(AuditEntry.action == "outcome.change")
            .order_by(AuditEntry.id)
        ).all()
    assert sorted(
        (before["code"], before["key"], after["key"]) for _, before, after in entries
    ) == [
        ("busy", "B", "N"),
        ("no_answer", "N", "B"),
    ]
    assert entries[0].actor == f"管理员 (#{admin})"


def test_a_refused_save_changes_nothing_and_operators_may_not_edit(any_db):
    with any_db.sessions.begin() as session:
        operator = add_staff(session, "王芳", "operator").id
        with pytest.raises(NotPermitted):
            update_outcome(session, "busy", retry_minutes=5, by_id=operator)
    with any_db.sessions() as session, pytest.raises(OutcomeInvalid, match="已用于"):
        save_outcomes(session, {"busy": {"retry_minutes": 5}, "no_answer": {"key": "B"}})
    with any_db.sessions() as session:
        assert outcome_row(session, "busy").retry_minutes == 15


def test_the_rules_are_plain_python_for_an_editor_to_check_as_one_types(sqlite_db):
    with sqlite_db.sessions() as session:
        rows = all_outcomes(session)
    edited = [replace(r, key=" z ") if r.code == "busy" else r for r in rows]
    assert next(r for r in check_outcomes(edited) if r.code == "busy").key == "Z"
    without_completed = [r for r in rows if r.code != "completed"]
    with pytest.raises(OutcomeInvalid, match="缺少“已回访”"):
        check_outcomes(without_completed)
