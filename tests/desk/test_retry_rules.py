"""Issue 16, items 4 and 5 on the database: retries per outcome, and outside calling hours only
the appointments due now are handed out."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.desk.calls import record_failed_call
from app.desk.outcomes import OutcomeInvalid, update_outcome
from app.desk.queue import next_case, take_next
from app.staff import add_staff
from db.models import QueueEntry

from . import helpers as h

MONDAY_MORNING = h.local(2026, 11, 16, 10)


def _queue(database, ready_at, **values) -> int:
    with database.sessions.begin() as session:
        owner = h.unit(session, f"单位 {ready_at:%d%H%M}")
        case = h.case(session, owner, f"R-{ready_at:%d%H%M}", date(2026, 11, 2))
        return h.entry(session, case, ready_at, **values).id


def _fail(database, operator: int, outcome: str, now, **options):
    item = next_case(database, operator, now=now)
    assert item is not None
    with database.sessions.begin() as session:
        return record_failed_call(
            session, item.entry_id, operator, outcome, phone_e164=None, now=now, **options
        )


def _entry(database, entry_id: int) -> QueueEntry:
    with database.sessions() as session:
        return session.get(QueueEntry, entry_id)


def test_a_refusal_at_10_is_not_retried_that_afternoon(any_db):
    operator, _ = h.two_operators(any_db)
    entry_id = _queue(any_db, MONDAY_MORNING - timedelta(hours=1))
    ready = _fail(any_db, operator, "refused_soft", MONDAY_MORNING, note="在开会")
    assert ready == h.local(2026, 11, 17, 9)
    assert _entry(any_db, entry_id).ready_at == ready


@pytest.mark.parametrize("outcome", ["refused_hard", "do_not_call"])
def test_a_hard_refusal_or_do_not_call_ends_the_case_for_good(any_db, outcome):
    operator, _ = h.two_operators(any_db)
    entry_id = _queue(any_db, MONDAY_MORNING - timedelta(hours=1))
    assert _fail(any_db, operator, outcome, MONDAY_MORNING, note="不要再打") is None
    done = _entry(any_db, entry_id)
    assert (done.status, done.result) == ("done", outcome)


@pytest.mark.parametrize("change", [{"final": False}, {"next_number": True}])
@pytest.mark.parametrize("outcome", ["refused_hard", "do_not_call"])
def test_the_outcome_table_cannot_make_never_again_a_retry(any_db, outcome, change):
    with any_db.sessions.begin() as session:
        admin = add_staff(session, "管理员", "administrator").id
    with any_db.sessions.begin() as session, pytest.raises(OutcomeInvalid, match="不能再拨打"):
        update_outcome(session, outcome, by_id=admin, **change)


def test_a_second_busy_in_the_same_half_day_waits_for_the_afternoon(any_db):
    operator, _ = h.two_operators(any_db)
    entry_id = _queue(any_db, MONDAY_MORNING - timedelta(hours=1))
    assert _fail(any_db, operator, "busy", MONDAY_MORNING) == h.local(2026, 11, 16, 10, 15)
    later = h.local(2026, 11, 16, 10, 16)
    assert _fail(any_db, operator, "busy", later) == h.local(2026, 11, 16, 14)
    assert _entry(any_db, entry_id).attempts == 2


def test_outside_calling_hours_only_appointments_due_now_are_handed_out(any_db):
    operator, _ = h.two_operators(any_db)
    early = h.local(2026, 11, 20, 7, 46)  # Friday, before the 09:00 calling hours
    _queue(any_db, early - timedelta(days=1))  # an ordinary case, long due
    taken = take_next(any_db, operator, now=early)
    assert taken.item is None
    assert taken.hours_open_at == h.local(2026, 11, 20, 9)

    booked = _queue(
        any_db, early - timedelta(minutes=10), appointment_at=early - timedelta(minutes=6)
    )
    taken = take_next(any_db, operator, now=early)
    assert taken.item is not None and taken.item.entry_id == booked
    assert taken.hours_open_at == h.local(2026, 11, 20, 9)


def test_in_calling_hours_every_due_case_is_handed_out(any_db):
    operator, _ = h.two_operators(any_db)
    entry_id = _queue(any_db, MONDAY_MORNING - timedelta(hours=1))
    taken = take_next(any_db, operator, now=MONDAY_MORNING)
    assert taken.hours_open_at is None
    assert taken.item is not None and taken.item.entry_id == entry_id
    with any_db.sessions() as session:
        assert session.scalar(select(QueueEntry.claimed_by_id).where(QueueEntry.id == entry_id))
