"""Appointments that passed without a call: recorded as the outcome missed_appointment."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import Connection, Select, bindparam, select
from sqlalchemy.orm import Session

from app.calendar import WorkingCalendar
from app.desk.claims import unclaimed
from app.desk.do_not_call import callable_case
from app.desk.outcomes import MISSED_APPOINTMENT, outcome_row
from app.desk.retries import CallingHours, next_attempt_time
from app.settings import get_setting
from db.models import CallAttempt, CallbackTask, QueueEntry
from db.transactions import core_connection


def mark_missed_appointments(
    session: Session, now: datetime, *, grace_minutes: int | None = None
) -> int:
    """Record a missed appointment for every free entry whose appointment passed by more than the
    grace period without a call; the entry goes back to the queue for the next half-day.

    The miss is the desk's, not the respondent's, so it does not count against the attempts.
    `grace_minutes` is the setting desk.appointment_grace_minutes when the caller has read it.
    Returns how many were marked.
    """
    if grace_minutes is None:
        grace_minutes = get_setting(session, "desk.appointment_grace_minutes")
    entry_ids = missed_appointments(core_connection(session), now, grace_minutes)
    if entry_ids:
        record_missed(session, entry_ids, grace_minutes)
    return len(entry_ids)


def missed_appointments(connection: Connection, now: datetime, grace_minutes: int) -> list[int]:
    """The free entries whose appointment passed more than `grace_minutes` ago (on PostgreSQL
    locked for this transaction). Runs on every "next case" and nearly always finds none."""
    query = _missed_query(connection.dialect.name == "postgresql")
    cutoff = now - timedelta(minutes=grace_minutes)
    return list(connection.execute(query, {"now": now, "cutoff": cutoff}).scalars())


def record_missed(session: Session, entry_ids: list[int], grace_minutes: int) -> None:
    """The missed appointment of each of these entries (see `missed_appointments`), written."""
    grace = timedelta(minutes=grace_minutes)
    entries = session.scalars(
        select(QueueEntry).where(QueueEntry.id.in_(entry_ids)).order_by(QueueEntry.id)
    ).all()
    outcome = outcome_row(session, MISSED_APPOINTMENT)
    hours = CallingHours.from_settings(session)
    calendar = WorkingCalendar.load(session)
    for entry in entries:
        missed_at = entry.appointment_at + grace
        session.add(
            CallAttempt(
                case_id=entry.case_id,
                attempted_at=missed_at,
                outcome=MISSED_APPOINTMENT,
                callback_task_id=entry.callback_task_id,
            )
        )
        clear_appointment(session, entry)
        entry.ready_at = next_attempt_time(missed_at, outcome, hours, calendar)
    session.flush()  # before the caller's Core statements look at the queue


@cache
def _missed_query(postgresql: bool) -> Select:
    """Built once: it runs on every "next case"."""
    now = bindparam("now", type_=QueueEntry.appointment_at.type)
    cutoff = bindparam("cutoff", type_=QueueEntry.appointment_at.type)
    query = select(QueueEntry.id).where(
        QueueEntry.status == "open",
        QueueEntry.appointment_at < cutoff,
        unclaimed(now),
        # No call was due to a case whose every number is marked do-not-call: nothing missed.
        callable_case(QueueEntry.case_id),
    )
    if postgresql:
        # Another seat marking the same entry at the same moment skips it rather than doubling it.
        query = query.with_for_update(skip_locked=True)
    return query


def clear_appointment(session: Session, entry: QueueEntry) -> None:
    """Forget the entry's appointment; an assigned callback stays with its operator."""
    entry.appointment_at = None
    entry.appointment_by_id = None
    entry.reserved_for_id = (
        session.get(CallbackTask, entry.callback_task_id).assigned_to_id
        if entry.callback_task_id is not None
        else None
    )
