"""The operators' shared queue: taking the next case exclusively, keeping and giving it back.

Two seats never get the same entry: on PostgreSQL the next free entry is locked with
FOR UPDATE SKIP LOCKED, on SQLite the claim runs in a BEGIN IMMEDIATE transaction (one writer at a
time across every app instance on the file); on both the claim itself is a conditional UPDATE.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from sqlalchemy import (
    Connection,
    Row,
    Select,
    Update,
    bindparam,
    func,
    literal,
    literal_column,
    select,
    true,
    update,
)
from sqlalchemy.orm import Session

from app.audit import record_numbers_shown
from app.calendar import WorkingCalendar
from app.clock import current_time
from app.desk.appointments import missed_appointments, record_missed
from app.desk.claims import ClaimLost, unclaimed
from app.desk.do_not_call import callable_case, first_callable, in_force
from app.desk.due import counts_as_revisit
from app.desk.outcomes import default_label
from app.desk.retries import CallingHours, calling_opens_at
from app.desk.sampling import RefreshResult, refresh_queue
from app.phones import mask_phone
from app.settings import get_setting, read_settings
from db.models import (
    CallAttempt,
    CallbackContact,
    CallbackTask,
    CallOutcome,
    Case,
    CasePhone,
    Evaluation,
    QueueEntry,
    Setting,
    Staff,
    Unit,
)
from db.transactions import core_connection, session_factory, write_connection

__all__ = [
    "AttemptView",
    "CallbackView",
    "ClaimLost",
    "EvaluationView",
    "NextCase",
    "PhoneView",
    "QueueItem",
    "RefreshResult",
    "load_claimed",
    "next_case",
    "phone_to_dial",
    "refresh_queue",
    "release_claim",
    "renew_claim",
    "take_next",
]


@dataclass
class PhoneView:
    e164: str | None
    original: str
    extension: str | None
    masked: str
    do_not_call: bool = False  # marked (app.desk.do_not_call): shown, never offered to dial


@dataclass
class AttemptView:
    at: datetime
    outcome: str
    outcome_label: str
    operator: str | None
    note: str | None
    phone: str | None


@dataclass
class EvaluationView:
    at: datetime
    channel: str
    round: int
    overall: str | None
    efficiency: str | None
    attitude: str | None
    materials: str | None
    integrity_breach: bool | None
    suggestion: str | None


@dataclass
class CallbackView:
    """What a second-round call is about: the reason, the respondent's words, the contacts."""

    task_id: int
    reason_category: str | None
    words: str | None
    due_on: date | None
    contacts: list[tuple[datetime, str, str]]  # (when, means, what was said)


@dataclass
class QueueItem:
    entry_id: int
    kind: str  # "first" or "callback"
    case_id: int
    case_no: str
    business_type: str | None
    unit: str
    completed_on: date
    applicant: str | None
    location: str | None
    phones: list[PhoneView]  # every number of the case, invalid ones too (e164 None)
    next_phone_index: int  # into `phones`: the number to dial (an unmarked one when there is)
    attempts: list[AttemptView]
    evaluations: list[EvaluationView]
    appointment_at: datetime | None
    claim_expires_at: datetime
    callback_task_id: int | None
    callback: CallbackView | None = None


@dataclass
class NextCase:
    """What "next case" gave: the case (None: nothing due), and when calling hours begin when
    they have not (then only appointments due now are handed out)."""

    item: QueueItem | None
    hours_open_at: datetime | None


def take_next(database, operator_id: int, *, now=None) -> NextCase:
    """The call desk's "next case": in calling hours on a working day any due case; outside
    them only the appointments due now (a respondent who asked to be called then), with the
    time calling hours begin (W 7.1.3.3, SPEC rule 4)."""
    now = current_time(now)
    with session_factory(database)() as session:
        hours = CallingHours.from_settings(session)
        calendar = WorkingCalendar.load(session)
    opens_at = calling_opens_at(now, hours, calendar)
    item = next_case(database, operator_id, now=now, appointments_only=opens_at is not None)
    return NextCase(item, opens_at)


def next_case(
    database_or_sessionmaker, operator_id: int, *, now=None, appointments_only: bool = False
) -> QueueItem | None:
    """Claim the next case for this operator in a transaction of its own; None when none is due.
    `appointments_only`: only an appointment due now (outside calling hours, see take_next).

    Order: the operator's due appointments (and appointments anyone may take), then the units
    furthest behind their target, then the longest waiting. Entries reserved for another
    operator, not ready yet, or whose case has been evaluated meanwhile are passed over.
    """
    now = current_time(now)
    # Core statements on a connection alone: this runs on every press of F2, and a Session's
    # bookkeeping cost more than the queries (bench/desk.py).
    with write_connection(database_or_sessionmaker) as connection:
        # The settings and the earliest appointment a free entry has, in one statement (each
        # statement is a round trip to a PostgreSQL server, issue 23): the missed appointments
        # are looked for (and locked) only when that one is past the grace.
        rows = connection.execute(_settings_and_earliest_query(), {"now": now}).all()
        minutes, grace = read_settings(
            None,
            "desk.claim_minutes",
            "desk.appointment_grace_minutes",
            stored={row.key: row.value for row in rows if row.key is not None},
        )
        earliest = rows[0].earliest
        if (
            earliest is not None
            and earliest < now - timedelta(minutes=grace)
            and (missed := missed_appointments(connection, now, grace))
        ):
            with Session(bind=connection) as session:  # in this transaction, which it leaves open
                record_missed(session, missed, grace)
        params = {
            "now": now,
            "operator_id": operator_id,
            "expires": now + timedelta(minutes=minutes),
        }
        appointment, any_entry = _claim_statements(connection.dialect.name == "postgresql")
        entry = connection.execute(appointment if appointments_only else any_entry, params).first()
        if entry is None:
            return None
        return _shown(connection, _item(connection, entry), operator_id)


@cache
def _settings_and_earliest_query() -> Select:
    """Every stored setting (key, value), each row with the earliest appointment of a free open
    entry whose case may be called — the entries `missed_appointments` looks at, whatever the
    grace: none of them is missed unless that one is. One row with key None when no setting is
    stored. Built once: it runs on every "next case"."""
    now = bindparam("now", type_=QueueEntry.appointment_at.type)
    earliest = (
        select(func.min(QueueEntry.appointment_at))
        .where(
            QueueEntry.status == "open",
            QueueEntry.appointment_at.is_not(None),
            unclaimed(now),
            callable_case(QueueEntry.case_id),
        )
        .scalar_subquery()
    )
    one_row = select(literal(1).label("one")).subquery()
    return (
        select(earliest.label("earliest"), Setting.key, Setting.value)
        .select_from(one_row)
        .outerjoin(Setting, true())
    )


# What the call screen needs of a queue entry (see _item).
_ENTRY_COLUMNS = (
    QueueEntry.id,
    QueueEntry.kind,
    QueueEntry.case_id,
    QueueEntry.phone_index,
    QueueEntry.appointment_at,
    QueueEntry.claim_expires_at,
    QueueEntry.callback_task_id,
)


@cache
def _claim_statements(postgresql: bool) -> tuple[Update, Update]:
    """The claim of the first due appointment; and the claim of the next entry: that same
    appointment if there is one, else the first entry in queue order. Each a conditional UPDATE
    of the entry its subquery picks, returning it (no row: none to take).

    Two picks rather than one ordered by "has an appointment", so that each walks an index
    (ix_call_queue_appointment; ix_call_queue_open_pick, partial, which PostgreSQL takes even
    with the statistics of before a queue refresh) and stops at its first row; joined by
    COALESCE in one statement, one round trip to the server (both backends evaluate the second
    pick only when the first found nothing). On SQLite the transaction holds the write lock
    (BEGIN IMMEDIATE), on PostgreSQL each pick locks the row it picks (FOR UPDATE SKIP LOCKED):
    either way nobody takes the entry in between.
    Built once: building the statements cost more than running them (bench/desk.py).
    """
    now = bindparam("now", type_=QueueEntry.ready_at.type)
    operator_id = bindparam("operator_id", type_=QueueEntry.reserved_for_id.type)
    # Whether the case has a valid evaluation (a first revisit is then passed over; a default
    # rating or a late one leaves it due, J 5.1.2): a scalar subquery, looked up by primary key
    # for each entry walked until the first free one. PostgreSQL would run NOT EXISTS here as a
    # hash of every evaluation in the city, on every pick.
    evaluated = (
        select(literal_column("1"))
        .select_from(Case)
        .join(Evaluation, Evaluation.id == Case.first_evaluation_id)
        .where(Case.id == QueueEntry.case_id, counts_as_revisit(Evaluation))
        .limit(1)
        .scalar_subquery()
    )
    free = select(QueueEntry.id).where(
        # A literal, not a parameter: a partial index (ix_call_queue_open_pick, WHERE status =
        # 'open') is usable only when the query's condition implies the index's as written.
        QueueEntry.status == literal_column("'open'"),
        QueueEntry.ready_at <= now,
        unclaimed(now),
        QueueEntry.reserved_for_id.is_(None) | (QueueEntry.reserved_for_id == operator_id),
        (QueueEntry.kind != "first") | evaluated.is_(None),
        # A case whose every number is marked do-not-call is never handed out (a number may be
        # marked while the case waits, or arrive in a sync file): two index look-ups per entry.
        callable_case(QueueEntry.case_id),
    )
    appointments = free.where(QueueEntry.appointment_at <= now).order_by(
        QueueEntry.appointment_at, QueueEntry.id
    )
    others = free.where(QueueEntry.appointment_at.is_(None)).order_by(
        QueueEntry.priority, QueueEntry.ready_at, QueueEntry.id
    )
    picks = []
    for pick in (appointments, others):
        pick = pick.limit(1)
        if postgresql:
            pick = pick.with_for_update(skip_locked=True, of=QueueEntry)
        # correlate(None): the subquery reads the queue itself, not the row being updated.
        picks.append(pick.correlate(None).scalar_subquery())
    appointment_pick, next_pick = picks

    def claim(picked) -> Update:
        return (
            update(QueueEntry)
            .where(QueueEntry.id == picked, QueueEntry.status == "open", unclaimed(now))
            .values(
                claimed_by_id=operator_id,
                claim_expires_at=bindparam("expires", type_=QueueEntry.claim_expires_at.type),
            )
            .returning(*_ENTRY_COLUMNS)
        )

    return claim(appointment_pick), claim(func.coalesce(appointment_pick, next_pick))


def renew_claim(session: Session, entry_id: int, operator_id: int, *, now=None) -> datetime:
    """Extend the operator's claim (the call is taking long); ClaimLost when it is not theirs."""
    now = current_time(now)
    expires = now + timedelta(minutes=get_setting(session, "desk.claim_minutes"))
    renewed = session.execute(
        update(QueueEntry)
        .where(
            QueueEntry.id == entry_id,
            QueueEntry.status == "open",
            QueueEntry.claimed_by_id == operator_id,
        )
        .values(claim_expires_at=expires)
    ).rowcount
    if not renewed:
        raise ClaimLost()
    return expires


def release_claim(session: Session, entry_id: int, operator_id: int) -> None:
    """Give the entry back to the queue unchanged (no attempt is recorded)."""
    session.execute(
        update(QueueEntry)
        .where(QueueEntry.id == entry_id, QueueEntry.claimed_by_id == operator_id)
        .values(claimed_by_id=None, claim_expires_at=None)
    )


def load_claimed(session: Session, operator_id: int, *, now=None) -> QueueItem | None:
    """The entry this operator still holds, e.g. after the app was restarted."""
    now = current_time(now)
    connection = core_connection(session)
    entry = connection.execute(
        select(*_ENTRY_COLUMNS)
        .where(
            QueueEntry.claimed_by_id == operator_id,
            QueueEntry.status == "open",
            QueueEntry.claim_expires_at > now,
        )
        .order_by(QueueEntry.claim_expires_at.desc())
        .limit(1)
    ).first()
    return _item(connection, entry) if entry is not None else None


def phone_to_dial(
    phones: Sequence[CasePhone | Row], start: int, marked: set[str] | frozenset = frozenset()
) -> int | None:
    """The index of the first valid number at or after `start` not in `marked` (the numbers
    marked do-not-call); None when there is none."""
    return first_callable(phones, start, marked)


def _shown(connection: Connection, item: QueueItem, operator_id: int) -> QueueItem:
    """The claimed case goes on the operator's screen with its numbers in full: audited, once
    per claim (the same case shown again after a restart, `load_claimed`, is the same claim)."""
    if item.phones:
        record_numbers_shown(
            connection, operator_id=operator_id, case_id=item.case_id, numbers=len(item.phones)
        )
    return item


def _item(connection: Connection, entry: Row) -> QueueItem:
    """What the call screen shows of a claimed entry (a row of _ENTRY_COLUMNS), read with
    statements built once."""
    case_query, attempt_query, evaluation_query = _item_queries()
    params = {"case_id": entry.case_id}
    rows = connection.execute(case_query, params).all()  # the case once per phone number
    case_ = rows[0]
    phones = [row for row in rows if row.original is not None]
    marked = {p.e164 for p in phones if p.marked}
    return QueueItem(
        entry_id=entry.id,
        kind=entry.kind,
        case_id=entry.case_id,
        case_no=case_.case_no,
        business_type=case_.business_type,
        unit=case_.unit,
        completed_on=case_.completed_on,
        applicant=case_.applicant,
        location=case_.location,
        phones=[
            PhoneView(
                p.e164, p.original, p.extension, mask_phone(p.e164 or p.original), bool(p.marked)
            )
            for p in phones
        ],
        next_phone_index=_number_to_offer(phones, entry.phone_index, marked),
        # Each list read only when the case query found it has rows: a case called for the
        # first time has none, and each read is a round trip to a server (issue 23).
        attempts=[
            AttemptView(
                at=a.attempted_at,
                outcome=a.outcome,
                # An outcome the table lacks (not seeded yet) is shown by its shipped label.
                outcome_label=a.outcome_label or default_label(a.outcome),
                operator=a.operator,
                note=a.note,
                phone=a.phone_e164 or a.phone_original,
            )
            for a in (connection.execute(attempt_query, params) if case_.called else ())
        ],
        evaluations=[
            EvaluationView(
                at=e.evaluated_at,
                channel=e.channel,
                round=e.round,
                overall=e.overall,
                efficiency=e.efficiency,
                attitude=e.attitude,
                materials=e.materials,
                integrity_breach=e.integrity_breach,
                suggestion=e.suggestion,
            )
            for e in (connection.execute(evaluation_query, params) if case_.evaluated else ())
        ],
        appointment_at=entry.appointment_at,
        claim_expires_at=entry.claim_expires_at,
        callback_task_id=entry.callback_task_id,
        callback=_callback(connection, entry.callback_task_id) if entry.callback_task_id else None,
    )


def _number_to_offer(phones: Sequence[Row], start: int, marked: set[str]) -> int:
    """The number the call screen offers: the first unmarked one from the entry's, else any
    unmarked one (the later ones were marked meanwhile), else as before marks existed."""
    for index in (
        phone_to_dial(phones, start, marked),
        phone_to_dial(phones, 0, marked),
        phone_to_dial(phones, start),
    ):
        if index is not None:
            return index
    return 0


def _callback(connection: Connection, task_id: int) -> CallbackView:
    task = connection.execute(
        select(
            CallbackTask.reason_category, CallbackTask.respondent_words, CallbackTask.due_on
        ).where(CallbackTask.id == task_id)
    ).one()
    contacts = connection.execute(
        select(CallbackContact.contacted_at, CallbackContact.means, CallbackContact.said)
        .where(CallbackContact.task_id == task_id)
        .order_by(CallbackContact.contacted_at, CallbackContact.id)
    ).all()
    return CallbackView(
        task_id=task_id,
        reason_category=task.reason_category,
        words=task.respondent_words,
        due_on=task.due_on,
        contacts=[(at, means, said) for at, means, said in contacts],
    )


@cache
def _item_queries() -> tuple[Select, Select, Select]:
    """Built once: at a million cases, building statements cost more than running them."""
    case_id = bindparam("case_id", type_=Case.id.type)
    # The case with its unit and phone numbers in one query: one row per number (one without),
    # and whether it has attempts and evaluations to read (an index look-up each).
    called = select(CallAttempt.id).where(CallAttempt.case_id == case_id).exists()
    evaluated = select(Evaluation.id).where(Evaluation.case_id == case_id).exists()
    case_query = (
        select(
            called.label("called"),
            evaluated.label("evaluated"),
            Case.case_no,
            Case.business_type,
            Case.completed_on,
            Case.applicant,
            Case.location,
            Unit.name.label("unit"),
            CasePhone.e164,
            CasePhone.original,
            CasePhone.extension,
            in_force(CasePhone.e164).label("marked"),
        )
        .join(Unit, Unit.id == Case.unit_id)
        .outerjoin(CasePhone, CasePhone.case_id == Case.id)
        .where(Case.id == case_id)
        .order_by(CasePhone.position)
    )
    attempt_query = (
        select(
            CallAttempt.attempted_at,
            CallAttempt.outcome,
            CallAttempt.note,
            CallAttempt.phone_e164,
            CallAttempt.phone_original,
            Staff.name.label("operator"),
            CallOutcome.label.label("outcome_label"),
        )
        .outerjoin(Staff, Staff.id == CallAttempt.operator_id)
        .outerjoin(CallOutcome, CallOutcome.code == CallAttempt.outcome)
        .where(CallAttempt.case_id == case_id)
        .order_by(CallAttempt.attempted_at, CallAttempt.id)
    )
    evaluation_query = (
        select(
            Evaluation.evaluated_at,
            Evaluation.channel,
            Evaluation.round,
            Evaluation.overall,
            Evaluation.efficiency,
            Evaluation.attitude,
            Evaluation.materials,
            Evaluation.integrity_breach,
            Evaluation.suggestion,
        )
        .where(Evaluation.case_id == case_id)
        .order_by(Evaluation.evaluated_at, Evaluation.id)
    )
    return case_query, attempt_query, evaluation_query
