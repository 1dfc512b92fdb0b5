"""Issue 22, do not call: a marked number is never dialled again by any path (the queue's claim,
an appointment, a second-round callback, a number dialled by hand), the outcome marks the number
dialled, nothing but an administrator's audited action clears a mark, and an import of cases
leaves marks alone."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.desk.appointments import mark_missed_appointments
from app.desk.calls import record_failed_call
from app.desk.do_not_call import (
    BY_HAND,
    FROM_OUTCOME,
    DoNotCallRefused,
    ListRefused,
    clear,
    clear_number,
    end_uncallable,
    is_marked,
    mark,
    mark_number,
    marks,
    require_callable,
)
from app.desk.queue import next_case
from app.roles import NotPermitted
from db.models import AuditEntry, CallAttempt, Case, DoNotCall, QueueEntry
from tests.importing.helpers import CASE_HEADER, case_row, run_import, write_csv
from tests.users.helpers import accounts

from . import helpers as h

NOW = h.local(2026, 11, 16, 10)  # a Monday, in calling hours
A, B, C = "+8613812345678", "+8613912345678", "+8613712345678"


def _queue(database, phones=(h.MOBILE,), **values) -> int:
    with database.sessions.begin() as session:
        owner = h.unit(session, f"单位 {len(phones)} {values.get('kind', 'first')}")
        number = session.scalar(select(QueueEntry.id).order_by(QueueEntry.id.desc())) or 0
        case = h.case(session, owner, f"DNC-{number + 1}", date(2026, 11, 2), phones=phones)
        return h.entry(session, case, NOW - timedelta(hours=1), **values).id


def _entry(database, entry_id: int) -> QueueEntry:
    with database.sessions() as session:
        return session.get_one(QueueEntry, entry_id)


def _sneak_in(database, *numbers: str) -> None:
    """Marks as a sync file brings them: rows of the table, no service called."""
    with database.sessions.begin() as session:
        for number in numbers:
            session.add(DoNotCall(phone_e164=number, source="outcome", marked_at=NOW))


def _actions(database, action: str) -> list[AuditEntry]:
    with database.sessions() as session:
        return list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
            )
        )


def _operator(database) -> int:
    return h.two_operators(database)[0]


# The outcome


def test_the_do_not_call_outcome_marks_the_number_dialled_and_ends_the_case(any_db):
    operator = _operator(any_db)
    entry_id = _queue(any_db, phones=(h.MOBILE, h.SECOND_MOBILE))
    item = next_case(any_db, operator, now=NOW)
    assert item is not None and item.next_phone_index == 0
    with any_db.sessions.begin() as session:
        assert (
            record_failed_call(
                session,
                entry_id,
                operator,
                "do_not_call",
                phone_e164=None,
                note="请不要再打来",
                now=NOW,
            )
            is None
        )
    done = _entry(any_db, entry_id)
    assert (done.status, done.result) == ("done", "do_not_call")
    with any_db.sessions() as session:
        row = session.scalar(select(DoNotCall))
        assert (row.phone_e164, row.source, row.reason) == (A, FROM_OUTCOME, "请不要再打来")
        assert (row.case_id, row.marked_by_id, row.cleared_at) == (done.case_id, operator, None)
        assert session.scalar(select(CallAttempt.phone_e164)) == A
        assert not is_marked(session, B)  # only the number dialled
    [audit] = _actions(any_db, "do_not_call.mark")
    assert audit.after["phone_e164"] == A and audit.actor.startswith("王芳")


def test_the_outcome_on_the_second_number_marks_that_one(any_db):
    operator = _operator(any_db)
    entry_id = _queue(any_db, phones=(h.MOBILE, h.SECOND_MOBILE))
    next_case(any_db, operator, now=NOW)
    with any_db.sessions.begin() as session:
        record_failed_call(
            session, entry_id, operator, "do_not_call", phone_e164=B, note="不要打", now=NOW
        )
    with any_db.sessions() as session:
        assert [r.phone_e164 for r in session.scalars(select(DoNotCall))] == [B]


def test_a_later_outcome_or_mark_never_weakens_a_mark(any_db):
    people = accounts(any_db)
    with any_db.sessions.begin() as session:
        assert mark(session, A, source=BY_HAND, by_id=people.admin, reason="本人来函", now=NOW)
    with any_db.sessions.begin() as session:
        assert not mark(session, A, source=FROM_OUTCOME, by_id=people.operator, reason="again")
    with any_db.sessions() as session:
        row = session.scalar(select(DoNotCall))
        assert (row.source, row.reason, row.marked_by_id) == (BY_HAND, "本人来函", people.admin)


# Every path that would dial


def test_the_claim_passes_over_a_case_whose_every_number_is_marked(any_db):
    operator = _operator(any_db)
    marked_entry = _queue(any_db, phones=(h.MOBILE, h.SECOND_MOBILE))
    other_entry = _queue(any_db, phones=("13712345678",))
    _sneak_in(any_db, A, B)  # while the case waits in the queue
    item = next_case(any_db, operator, now=NOW)
    assert item is not None and item.entry_id == other_entry
    assert next_case(any_db, _operator(any_db) + 1000, now=NOW) is None
    assert _entry(any_db, marked_entry).claimed_by_id is None


def test_the_claim_offers_an_unmarked_number_and_shows_the_marked_one(any_db):
    operator = _operator(any_db)
    _queue(any_db, phones=(h.MOBILE, h.SECOND_MOBILE))
    _sneak_in(any_db, A)
    item = next_case(any_db, operator, now=NOW)
    assert item is not None
    assert item.next_phone_index == 1
    assert [p.do_not_call for p in item.phones] == [True, False]


def test_a_wrong_number_moves_past_a_marked_number(any_db):
    operator = _operator(any_db)
    entry_id = _queue(any_db, phones=(h.MOBILE, h.SECOND_MOBILE, "13712345678"))
    _sneak_in(any_db, B)
    next_case(any_db, operator, now=NOW)
    with any_db.sessions.begin() as session:
        record_failed_call(session, entry_id, operator, "wrong_number", phone_e164=A, now=NOW)
    assert _entry(any_db, entry_id).phone_index == 2
    item = next_case(any_db, operator, now=NOW + timedelta(minutes=1))
    assert item is not None and item.phones[item.next_phone_index].e164 == C


def test_a_wrong_number_with_only_marked_numbers_left_ends_the_case(any_db):
    operator = _operator(any_db)
    entry_id = _queue(any_db, phones=(h.MOBILE, h.SECOND_MOBILE))
    _sneak_in(any_db, B)
    next_case(any_db, operator, now=NOW)
    with any_db.sessions.begin() as session:
        assert (
            record_failed_call(session, entry_id, operator, "wrong_number", phone_e164=A, now=NOW)
            is None
        )
    assert (_entry(any_db, entry_id).status, _entry(any_db, entry_id).result) == (
        "done",
        "unreachable",
    )


def test_an_appointment_of_a_marked_number_is_neither_handed_out_nor_missed(any_db):
    operator = _operator(any_db)
    entry_id = _queue(any_db, appointment_at=NOW - timedelta(minutes=5))
    _sneak_in(any_db, A)
    assert next_case(any_db, operator, now=NOW, appointments_only=True) is None
    assert next_case(any_db, operator, now=NOW) is None
    with any_db.sessions.begin() as session:
        assert mark_missed_appointments(session, NOW + timedelta(hours=3)) == 0
    with any_db.sessions() as session:
        assert session.scalar(select(CallAttempt.id)) is None
    assert _entry(any_db, entry_id).status == "open"


def test_a_second_round_callback_to_a_marked_number_is_not_handed_out(any_db):
    operator = _operator(any_db)
    _queue(any_db, kind="callback", reserved_for_id=operator, priority=-1000)
    _sneak_in(any_db, A)
    assert next_case(any_db, operator, now=NOW) is None


def test_a_number_dialled_by_hand_is_refused_when_marked(any_db):
    _sneak_in(any_db, A)
    with any_db.sessions() as session:
        with pytest.raises(DoNotCallRefused, match="138\\*\\*\\*\\*5678"):
            require_callable(session, A)
        require_callable(session, B)
        require_callable(session, None)


def test_marking_a_number_ends_the_queued_cases_left_with_nothing_to_call(any_db):
    people = accounts(any_db)
    only = _queue(any_db, phones=(h.MOBILE,))
    also = _queue(any_db, phones=(h.MOBILE, h.SECOND_MOBILE))
    with any_db.sessions.begin() as session:
        mark_number(session, "138 1234 5678", by_id=people.admin, reason="本人要求", now=NOW)
    ended = _entry(any_db, only)
    assert (ended.status, ended.result, ended.finished_at) == ("done", "do_not_call", NOW)
    assert _entry(any_db, also).status == "open"  # its other number may still be called
    [audit] = _actions(any_db, "queue.do_not_call")
    assert audit.after["case_id"] == ended.case_id and audit.actor.startswith("赵管理")


def test_an_entry_held_by_an_operator_is_left_to_them(any_db):
    people = accounts(any_db)
    entry_id = _queue(any_db)
    assert next_case(any_db, people.operator, now=NOW) is not None
    with any_db.sessions.begin() as session:
        mark(session, A, source=BY_HAND, by_id=people.admin, now=NOW)
    assert _entry(any_db, entry_id).status == "open"


# Clearing: administrators only, with a reason, audited


def test_only_an_administrator_clears_a_mark_and_says_why(any_db):
    people = accounts(any_db)
    entry_id = _queue(any_db)
    _sneak_in(any_db, A)
    for who in (people.operator, people.lead, people.auditor):
        with any_db.sessions.begin() as session, pytest.raises(NotPermitted):
            clear(session, A, by_id=who, reason="误标")
    with any_db.sessions.begin() as session, pytest.raises(ListRefused, match="原因"):
        clear(session, A, by_id=people.admin, reason="  ")
    assert _actions(any_db, "do_not_call.clear") == []
    with any_db.sessions.begin() as session:
        clear_number(session, "13812345678", by_id=people.admin, reason="本人撤回要求", now=NOW)
    with any_db.sessions() as session:
        row = session.scalar(select(DoNotCall))
        assert (row.cleared_by_id, row.clear_reason) == (people.admin, "本人撤回要求")
        assert not is_marked(session, A)
    [audit] = _actions(any_db, "do_not_call.clear")
    assert audit.after["clear_reason"] == "本人撤回要求"
    assert audit.before["cleared_at"] is None
    item = next_case(any_db, people.operator, now=NOW)
    assert item is not None and item.entry_id == entry_id


def test_clearing_a_number_not_marked_or_not_a_number_is_refused(any_db):
    people = accounts(any_db)
    with any_db.sessions.begin() as session, pytest.raises(ListRefused, match="没有"):
        clear_number(session, "13812345678", by_id=people.admin, reason="x")
    with any_db.sessions.begin() as session, pytest.raises(ListRefused, match="不是有效"):
        clear_number(session, "abc'; DROP TABLE do_not_call; --", by_id=people.admin, reason="x")


def test_the_outcome_arms_a_cleared_mark_again(any_db):
    people = accounts(any_db)
    with any_db.sessions.begin() as session:
        mark(session, A, source=BY_HAND, by_id=people.admin, now=NOW)
        clear(session, A, by_id=people.admin, reason="误标", now=NOW)
    entry_id = _queue(any_db)
    next_case(any_db, people.operator, now=NOW)
    with any_db.sessions.begin() as session:
        record_failed_call(
            session,
            entry_id,
            people.operator,
            "do_not_call",
            phone_e164=None,
            note="又要求",
            now=NOW,
        )
    with any_db.sessions() as session:
        assert is_marked(session, A)
        [row] = marks(session, viewer_id=people.admin)
        assert (row.source, row.marked_by) == (FROM_OUTCOME, "王芳")


def test_only_an_administrator_marks_by_hand_or_lists(any_db):
    people = accounts(any_db)
    for who in (people.operator, people.lead, people.auditor):
        with any_db.sessions.begin() as session, pytest.raises(NotPermitted):
            mark_number(session, h.MOBILE, by_id=who, reason=None)
        with any_db.sessions() as session, pytest.raises(NotPermitted):
            marks(session, viewer_id=who)
    with any_db.sessions.begin() as session, pytest.raises(ListRefused, match="原因最多"):
        mark_number(session, h.MOBILE, by_id=people.admin, reason="长" * 501)
    with any_db.sessions() as session:
        assert session.scalar(select(DoNotCall.id)) is None


# Imports of cases never clear a mark


def test_an_import_of_cases_leaves_a_marked_number_undialled(any_db, tmp_path):
    people = accounts(any_db)
    with any_db.sessions.begin() as session:
        mark(session, "+8616670379223", source=BY_HAND, by_id=people.admin, now=NOW)
        h.unit(session, "历城区不动产登记中心")
    rows = [
        CASE_HEADER,
        case_row(
            "JN1", 受理单位="历城区不动产登记中心", 联系电话="16670379223", 办结日期="2026-11-02"
        ),
    ]
    path = write_csv(tmp_path / "cases.csv", rows)
    for _ in range(2):  # and imported again
        summary = run_import(any_db, "cases", path, by_id=people.admin)
        assert summary.refusal is None
    with any_db.sessions.begin() as session:
        case = session.scalar(select(Case).where(Case.case_no == "JN1"))
        h.entry(session, case, NOW - timedelta(hours=1))
        assert is_marked(session, "+8616670379223")
    assert next_case(any_db, people.operator, now=NOW) is None


def test_marks_that_came_in_a_sync_file_end_the_cases_left_without_a_number(any_db):
    people = accounts(any_db)
    only = _queue(any_db, phones=(h.MOBILE,))
    also = _queue(any_db, phones=(h.MOBILE, h.SECOND_MOBILE))
    _sneak_in(any_db, A)
    with any_db.sessions.begin() as session:
        assert end_uncallable(session, None, by_id=people.admin, now=NOW) == 1
    assert (_entry(any_db, only).status, _entry(any_db, only).result) == ("done", "do_not_call")
    assert _entry(any_db, also).status == "open"
