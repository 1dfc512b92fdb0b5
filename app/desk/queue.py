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

from sqlalchemy import Select, bindparam, exists, select, update
from sqlalchemy.orm import Session

from app.desk.appointments import mark_missed_appointments
from app.desk.claims import ClaimLost, unclaimed
from app.desk.clock import current_time
from app.desk.outcomes import outcome_labels
from app.desk.sampling import RefreshResult, refresh_queue
from app.desk.transaction import write_transaction
from app.phones import mask_phone
from app.settings import get_setting
from db.models import (
    CallAttempt,
    CallbackContact,
    CallbackTask,
    Case,
    CasePhone,
    Evaluation,
    QueueEntry,
    Staff,
    Unit,
)

__all__ = [
    "AttemptView",
    "CallbackView",
    "ClaimLost",
    "EvaluationView",
    "PhoneView",
    "QueueItem",
    "RefreshResult",
    "load_claimed",
    "next_case",
    "phone_to_dial",
    "refresh_queue",
    "release_claim",
    "renew_claim",
]


@dataclass
class PhoneView:
    e164: str | None
    original: str
    extension: str | None
    masked: str


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
    next_phone_index: int  # into `phones`: the number to dial
    attempts: list[AttemptView]
    evaluations: list[EvaluationView]
    appointment_at: datetime | None
    claim_expires_at: datetime
    callback_task_id: int | None
    callback: CallbackView | None = None


def next_case(database_or_sessionmaker, operator_id: int, *, now=None) -> QueueItem | None:
    """Claim the next case for this operator in a transaction of its own; None when none is due.

    Order: the operator's due appointments (and appointments anyone may take), then the units
    furthest behind their target, then the longest waiting. Entries reserved for another
    operator, not ready yet, or whose case has been evaluated meanwhile are passed over.
    """
    now = current_time(now)
    with write_transaction(database_or_sessionmaker) as session:
        minutes = get_setting(session, "desk.claim_minutes")
        mark_missed_appointments(session, now)
        # On SQLite nobody else can write meanwhile, so the first pick always succeeds; on
        # PostgreSQL the row lock does the same. The loop is a guard, not a retry strategy.
        while (entry_id := _pick(session, operator_id, now)) is not None:
            claimed = session.execute(
                update(QueueEntry)
                .where(QueueEntry.id == entry_id, QueueEntry.status == "open", unclaimed(now))
                .values(
                    claimed_by_id=operator_id, claim_expires_at=now + timedelta(minutes=minutes)
                )
            ).rowcount
            if claimed:
                # populate_existing: the claim was written by an UPDATE behind the ORM's back.
                return _item(session, session.get(QueueEntry, entry_id, populate_existing=True))
        return None


def _pick(session: Session, operator_id: int, now: datetime) -> int | None:
    """The entry to give the operator next: a due appointment, else the first in queue order.

    Two queries rather than one ordered by "has an appointment", so that each walks an index
    (ix_call_queue_appointment, ix_call_queue_pick) and stops at its first row.
    """
    postgresql = session.get_bind().dialect.name == "postgresql"
    for query in _pick_queries(postgresql):
        entry_id = session.scalar(query, {"now": now, "operator_id": operator_id})
        if entry_id is not None:
            return entry_id
    return None


@cache
def _pick_queries(postgresql: bool) -> tuple[Select, Select]:
    """Built once: building the statements cost more than running them (bench/desk.py)."""
    now = bindparam("now", type_=QueueEntry.ready_at.type)
    operator_id = bindparam("operator_id", type_=QueueEntry.reserved_for_id.type)
    free = select(QueueEntry.id).where(
        QueueEntry.status == "open",
        QueueEntry.ready_at <= now,
        unclaimed(now),
        QueueEntry.reserved_for_id.is_(None) | (QueueEntry.reserved_for_id == operator_id),
        (QueueEntry.kind != "first") | ~exists().where(Evaluation.case_id == QueueEntry.case_id),
    )
    appointments = free.where(QueueEntry.appointment_at <= now).order_by(
        QueueEntry.appointment_at, QueueEntry.id
    )
    others = free.where(QueueEntry.appointment_at.is_(None)).order_by(
        QueueEntry.priority, QueueEntry.ready_at, QueueEntry.id
    )
    queries = [query.limit(1) for query in (appointments, others)]
    if postgresql:
        queries = [query.with_for_update(skip_locked=True, of=QueueEntry) for query in queries]
    return queries[0], queries[1]


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
    entry = session.scalar(
        select(QueueEntry)
        .where(
            QueueEntry.claimed_by_id == operator_id,
            QueueEntry.status == "open",
            QueueEntry.claim_expires_at > now,
        )
        .order_by(QueueEntry.claim_expires_at.desc())
        .limit(1)
    )
    return _item(session, entry) if entry is not None else None


def phone_to_dial(phones: Sequence[CasePhone], start: int) -> int | None:
    """The index of the first valid number at or after `start`; None when there is none."""
    return next((i for i in range(start, len(phones)) if phones[i].e164 is not None), None)


def _item(session: Session, entry: QueueEntry) -> QueueItem:
    """What the call screen shows of a claimed entry, read with statements built once."""
    case_query, phone_query, attempt_query, evaluation_query = _item_queries()
    params = {"case_id": entry.case_id}
    case_ = session.execute(case_query, params).one()
    phones = session.execute(phone_query, params).all()
    attempts = session.execute(attempt_query, params).all()
    labels = outcome_labels(session) if attempts else {}  # most cases have not been called yet
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
            PhoneView(p.e164, p.original, p.extension, mask_phone(p.e164 or p.original))
            for p in phones
        ],
        next_phone_index=phone_to_dial(phones, entry.phone_index) or 0,
        attempts=[
            AttemptView(
                at=a.attempted_at,
                outcome=a.outcome,
                outcome_label=labels.get(a.outcome, a.outcome),
                operator=a.operator,
                note=a.note,
                phone=a.phone_e164 or a.phone_original,
            )
            for a in attempts
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
            for e in session.execute(evaluation_query, params)
        ],
        appointment_at=entry.appointment_at,
        claim_expires_at=entry.claim_expires_at,
        callback_task_id=entry.callback_task_id,
        callback=_callback(session, entry.callback_task_id) if entry.callback_task_id else None,
    )


def _callback(session: Session, task_id: int) -> CallbackView:
    task = session.get_one(CallbackTask, task_id)
    contacts = session.execute(
        select(CallbackContact.contacted_at, CallbackContact.means, CallbackContact.said)
        .where(CallbackContact.task_id == task_id)
        .order_by(CallbackContact.contacted_at, CallbackContact.id)
    ).all()
    return CallbackView(
        task_id=task.id,
        reason_category=task.reason_category,
        words=task.respondent_words,
        due_on=task.due_on,
        contacts=[(at, means, said) for at, means, said in contacts],
    )


@cache
def _item_queries() -> tuple[Select, Select, Select, Select]:
    """Built once: at a million cases, building statements cost more than running them."""
    case_id = bindparam("case_id", type_=Case.id.type)
    case_query = (
        select(
            Case.case_no,
            Case.business_type,
            Case.completed_on,
            Case.applicant,
            Case.location,
            Unit.name.label("unit"),
        )
        .join(Unit, Unit.id == Case.unit_id)
        .where(Case.id == case_id)
    )
    phone_query = (
        select(CasePhone.e164, CasePhone.original, CasePhone.extension)
        .where(CasePhone.case_id == case_id)
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
        )
        .outerjoin(Staff, Staff.id == CallAttempt.operator_id)
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
    return case_query, phone_query, attempt_query, evaluation_query
