"""Saving what a call gave: Form A for a completed revisit (J 附件 A), an outcome for a failed one.

A 不满意 answer opens a second-round callback task for the accepting unit at once (J 5.3.3); an
answer of 有 on 廉洁纪律 is escalated to the team lead (SPEC rule 7) as an IntegrityEscalation,
a table of its own that only the roles handling it read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import (
    Connection,
    Insert,
    Row,
    Select,
    bindparam,
    func,
    insert,
    select,
)
from sqlalchemy.orm import Session

from app.audit import record_change
from app.calendar import WorkingCalendar
from app.callbacks.contacts import record_second_round_call
from app.callbacks.opening import open_callback
from app.clock import current_time
from app.desk.appointments import clear_appointment
from app.desk.claims import finish_held, held_entry, hold, release
from app.desk.do_not_call import FROM_OUTCOME, mark, marked_among
from app.desk.outcomes import (
    APPOINTMENT,
    COMPLETED,
    MISSED_APPOINTMENT,
    NEVER_AGAIN,
    OutcomeRow,
    outcome_row,
)
from app.desk.queue import phone_to_dial
from app.desk.retries import CallingHours, first_calling_time, next_attempt_time
from app.errors import Refused
from app.i18n import pick
from app.ratings import Channel, Rating
from app.recordings.matching import AttemptSpan, match_saved_attempt
from app.settings import get_setting
from app.telephony import CallFacts
from db.models import CallAttempt, Case, CasePhone, Evaluation, IntegrityEscalation, QueueEntry
from db.transactions import core_connection
from db.types import new_uid

# Why a respondent is dissatisfied: the categories of the monthly analysis (W 7.1.3.3.2 c).
DISSATISFACTION_CATEGORIES: list[tuple[str, str]] = [
    ("efficiency", "办事效率慢"),
    ("attitude", "服务态度差"),
    ("materials", "材料要求多/反复提交"),
    ("fees", "收费问题"),
    ("process", "流程/系统问题"),
    ("other", "其他"),
]
_CATEGORY_CODES = {code for code, _ in DISSATISFACTION_CATEGORIES}
# Form A's four ratings with their names on the form (J 附件 A), in the form's order.
FORM_A_ITEMS = (
    ("overall", "总体情况", "Overall"),
    ("efficiency", "办事效率", "Efficiency"),
    ("attitude", "服务态度", "Attitude"),
    ("materials", "提交材料", "Materials"),
)
UNREACHABLE = "unreachable"  # the result of an entry whose attempts ran out
DO_NOT_CALL = "do_not_call"  # the outcome that marks the number dialled (app.desk.do_not_call)


@dataclass
class FormAAnswers:
    overall: Rating
    efficiency: Rating
    attitude: Rating
    materials: Rating
    integrity_breach: bool
    suggestion: str | None = None
    dissatisfaction_category: str | None = None
    dissatisfaction_details: str | None = None
    integrity_details: str | None = None


class FormAInvalid(Refused, ValueError):
    """Form A cannot be saved as filled in; `field` names the answer to correct."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


class CallInvalid(Refused, ValueError):
    """A failed call cannot be recorded as given (e.g. an appointment without its time)."""


@dataclass
class SaveResult:
    evaluation_id: int
    callback_task_id: int | None
    integrity_flagged: bool


def save_form_a(
    session: Session,
    entry_id: int,
    operator_id: int,
    answers: FormAAnswers,
    *,
    duration_seconds: int | None,
    phone_e164: str | None,
    call: CallFacts | None = None,
    now=None,
) -> SaveResult:
    """Record the revisit: the evaluation, a completed attempt, the callback task for 不满意 and
    the escalation for 廉洁纪律 有. The entry is done and its claim closed.

    The common save (a first revisit, no 不满意, no 有) is Core statements only: the ORM's
    bookkeeping cost more than the statements themselves (bench/desk.py).
    """
    now = current_time(now)
    try:
        ratings = checked_ratings(answers, second_round=True)  # what every Form A needs
    except FormAInvalid:
        hold(session, entry_id, operator_id)  # a lost claim is said first
        raise
    if Rating.DISSATISFIED in ratings.values():
        # 不满意 on the desk needs its reason and the respondent's words, in either round: the
        # first round's open the callback, the second round's stay with its evaluation.
        entry = hold(session, entry_id, operator_id)  # first: see hold
        checked_ratings(answers, second_round=False)
        finish_held(session, entry_id, COMPLETED, now)
    else:
        entry = hold(session, entry_id, operator_id, finished=(COMPLETED, now))
    second_round = entry.kind == "callback"
    connection = core_connection(session)
    # What the audit trail keeps of the evaluation (its free text stays in the evaluation).
    evaluation = {
        "channel": Channel.PHONE.value,
        "round": 2 if second_round else 1,
        "evaluated_at": now,
        **{name: rating.value for name, rating in ratings.items()},
        "integrity_breach": answers.integrity_breach,
    }
    evaluation_uid = new_uid()
    still_dissatisfied = second_round and Rating.DISSATISFIED in ratings.values()
    row = {
        **evaluation,
        "case_id": entry.case_id,
        "suggestion": _text(answers.suggestion),
        "operator_id": operator_id,
        "uid": evaluation_uid,
    }
    if still_dissatisfied:
        # The callback keeps the first round's reason; the second round's is this one's. (Left
        # out otherwise: a JSON column given None would store the text 'null', not NULL.)
        row["original"] = second_round_reason(answers)
    evaluation_id = connection.execute(_insert_evaluation(), row).inserted_primary_key[0]
    record_change(
        session,
        actor_id=operator_id,
        action="evaluation.add",
        entity="evaluation",
        entity_uid=evaluation_uid,
        before=None,
        after={"case_id": entry.case_id, **evaluation},
        at=now,
    )
    columns = _call_columns(call, now)  # what the telephone reported
    attempt_id = _insert_attempt(
        connection,
        entry,
        COMPLETED,
        now,
        operator_id,
        phone_e164,
        duration_seconds,
        evaluation_id=evaluation_id,
        call_columns=columns,
    )
    span = AttemptSpan(
        columns.get("attempted_at", now),
        columns.get("ended_at"),
        columns.get("talk_seconds"),
        duration_seconds,
    )
    match_saved_attempt(session, span, actor_id=operator_id, now=now)  # its recording
    task_id = None
    dissatisfied = not second_round and Rating.DISSATISFIED in ratings.values()
    if dissatisfied or answers.integrity_breach:
        case_ = session.get_one(Case, entry.case_id)
        # A second-round call that is still unhappy stays on its own open task: the lead decides.
        if dissatisfied:
            task_id = open_callback(
                session,
                case_,
                evaluation_id,
                now=now,
                category=answers.dissatisfaction_category,
                words=_text(answers.dissatisfaction_details),
            ).id
        if answers.integrity_breach:
            session.add(
                IntegrityEscalation(
                    case_id=case_.id,
                    evaluation_id=evaluation_id,
                    unit_id=case_.unit_id,
                    details=_text(answers.integrity_details),
                    reported_by_id=operator_id,
                    reported_at=now,
                    status="open",
                )
            )
    if second_round and entry.callback_task_id is not None:
        record_second_round_call(
            session,
            entry.callback_task_id,
            session.get_one(Evaluation, evaluation_id),
            session.get_one(CallAttempt, attempt_id),
            operator_id,
            now,
        )
    session.flush()
    return SaveResult(evaluation_id, task_id, answers.integrity_breach)


def record_failed_call(
    session: Session,
    entry_id: int,
    operator_id: int,
    outcome_code: str,
    *,
    phone_e164: str | None,
    note: str | None = None,
    appointment_at: datetime | None = None,
    appointment_same_operator: bool = False,
    duration_seconds: int | None = None,
    call: CallFacts | None = None,
    now=None,
) -> datetime | None:
    """Record a call that gave no Form A and put the entry back in the queue; returns when it is
    to be called next, or None when the case is finished (a final outcome, no number left, or the
    attempts used up: then it ends as unreachable with its reasons)."""
    now = current_time(now)
    entry = held_entry(session, entry_id, operator_id)  # first: see held_entry
    outcome = outcome_row(session, outcome_code)
    note = _text(note)
    _check_call(outcome, note, appointment_at, now)
    stored = outcome
    # A call at the appointed time that does not reach the respondent is a missed appointment.
    if (
        entry.appointment_at is not None
        and entry.appointment_at <= now
        and not (outcome.contact or outcome.next_number)
        and outcome.code != MISSED_APPOINTMENT
    ):
        stored = outcome_row(session, MISSED_APPOINTMENT)
    attempt = _attempt(session, entry, stored.code, now, operator_id, phone_e164, duration_seconds)
    for column, value in _call_columns(call, now).items():  # what the telephone reported
        setattr(attempt, column, value)
    attempt.note = note
    match_saved_attempt(session, attempt, actor_id=operator_id, now=now)  # its recording
    if stored is not outcome:
        attempt.outcome_original = outcome.code
    clear_appointment(session, entry)
    release(entry)

    if stored.code in NEVER_AGAIN:  # never again, even if the table was made to say otherwise
        _finish(entry, stored.code, now, _reasons(session, entry))
        if outcome.code == DO_NOT_CALL and attempt.phone_e164:
            # The number dialled is never dialled again, by any path (app.desk.do_not_call).
            mark(
                session,
                attempt.phone_e164,
                source=FROM_OUTCOME,
                by_id=operator_id,
                reason=note,
                case_id=entry.case_id,
                now=now,
            )
        return None
    if stored.next_number:
        marked = marked_among(session, {p.e164 for p in entry.case.phones if p.e164})
        following = phone_to_dial(entry.case.phones, _dialled_index(entry, marked) + 1, marked)
        if following is None:
            return _finish(entry, UNREACHABLE, now, _reasons(session, entry))
        entry.phone_index = following
        # Another number is another chance: it may be dialled at once, within calling hours.
        entry.ready_at = first_calling_time(
            now, CallingHours.from_settings(session), WorkingCalendar.load(session)
        )
        return entry.ready_at
    if stored.final:
        return _finish(entry, stored.code, now, _reasons(session, entry))
    if stored.code == APPOINTMENT:
        entry.appointment_at = appointment_at
        entry.appointment_by_id = operator_id
        if appointment_same_operator:
            entry.reserved_for_id = operator_id
        entry.ready_at = appointment_at
        return appointment_at
    entry.attempts += 1
    if entry.attempts >= get_setting(session, "desk.max_attempts"):
        return _finish(entry, UNREACHABLE, now, _reasons(session, entry))
    session.flush()  # the attempt has its id
    previous = session.scalar(  # the failed call before this one, in this round
        select(func.max(CallAttempt.attempted_at)).where(
            CallAttempt.case_id == entry.case_id,
            CallAttempt.id != attempt.id,
            CallAttempt.outcome != COMPLETED,
            CallAttempt.callback_task_id.is_(None)
            if entry.callback_task_id is None
            else CallAttempt.callback_task_id == entry.callback_task_id,
            CallAttempt.attempted_at <= now,
        )
    )
    entry.ready_at = next_attempt_time(
        now,
        stored,
        CallingHours.from_settings(session),
        WorkingCalendar.load(session),
        previous_attempt=previous,
    )
    return entry.ready_at


def second_round_reason(answers: FormAAnswers) -> dict[str, str | None]:
    """What a still-dissatisfied second-round Form A keeps in its evaluation's `original`."""
    return {
        "form": "A",
        "reason_category": answers.dissatisfaction_category,
        "words": _text(answers.dissatisfaction_details),
    }


def checked_ratings(answers: FormAAnswers, *, second_round: bool) -> dict[str, Rating]:
    """Form A's ratings as Rating values, after the rules for 不满意 and 廉洁纪律.

    A first-round 不满意 needs its reason and the respondent's words (they open the callback);
    in the second round the callback exists already and its explanation says the rest.
    """
    ratings = {}
    for name, label, label_en in FORM_A_ITEMS:
        try:
            ratings[name] = Rating(getattr(answers, name))
        except ValueError:
            raise FormAInvalid(
                pick(f"请选择“{label}”的评价", f"Choose an answer for {label_en}"), name
            ) from None
    if not second_round and Rating.DISSATISFIED in ratings.values():
        if answers.dissatisfaction_category not in _CATEGORY_CODES:
            raise FormAInvalid(
                pick(
                    "有“不满意”的评价时，请选择不满意原因类别",
                    "Choose the reason category of the dissatisfaction",
                ),
                "dissatisfaction_category",
            )
        if not _text(answers.dissatisfaction_details):
            raise FormAInvalid(
                pick(
                    "有“不满意”的评价时，请记录被回访人反映的具体问题",
                    "Write down what the respondent is dissatisfied with",
                ),
                "dissatisfaction_details",
            )
    if answers.integrity_breach not in (True, False):
        raise FormAInvalid(
            pick("请选择“有无违反廉洁纪律”", "Answer whether integrity rules were broken"),
            "integrity_breach",
        )
    if answers.integrity_breach and not _text(answers.integrity_details):
        raise FormAInvalid(
            pick(
                "反映有违反廉洁纪律时，请记录具体情况",
                "Write down the details of the reported integrity breach",
            ),
            "integrity_details",
        )
    return ratings


def _check_call(
    outcome: OutcomeRow, note: str | None, appointment_at: datetime | None, now: datetime
) -> None:
    if outcome.code == COMPLETED:
        raise CallInvalid(pick("已回访的电话请填写回访单保存", "Save a completed call with Form A"))
    if outcome.note_required and not note:
        raise CallInvalid(pick(f"“{outcome.label}”须填写备注", f"{outcome.label_en} needs a note"))
    if outcome.code == APPOINTMENT:
        if appointment_at is None or appointment_at.tzinfo is None:
            raise CallInvalid(
                pick("请填写预约的日期和时间", "Enter the appointment's date and time")
            )
        if appointment_at <= now:
            raise CallInvalid(pick("预约时间须晚于现在", "The appointment must be later than now"))


def _attempt(
    session: Session,
    entry: QueueEntry,
    outcome: str,
    now: datetime,
    operator_id: int,
    phone_e164: str | None,
    duration_seconds: int | None,
) -> CallAttempt:
    phone_e164, original = _dialled(entry.case.phones, entry.phone_index, phone_e164)
    attempt = CallAttempt(
        case_id=entry.case_id,
        attempted_at=now,
        outcome=outcome,
        phone_original=original,
        phone_e164=phone_e164,
        operator_id=operator_id,
        duration_seconds=duration_seconds,
        callback_task_id=entry.callback_task_id,
    )
    session.add(attempt)
    return attempt


def _call_columns(call: CallFacts | None, now: datetime) -> dict[str, object]:
    """The attempt's columns of what the telephone reported (app.telephony): `attempted_at` is
    then the moment the number was dialled. Times that cannot be true are left out."""
    if call is None:
        return {}
    facts = call.sane(now)
    return {
        "attempted_at": facts.dialled_at,
        "telephony": facts.telephony,
        "call_ref": facts.call_ref,
        "answered_at": facts.answered_at,
        "ended_at": facts.ended_at,
        "talk_seconds": facts.talk_seconds,
        "end_reason": facts.end_reason,
    }


def _dialled(
    phones: Sequence, phone_index: int, phone_e164: str | None
) -> tuple[str | None, str | None]:
    """The number called (the one to dial when the screen did not say) and how it was written."""
    if phone_e164 is None:
        index = phone_to_dial(phones, phone_index)
        phone_e164 = phones[index].e164 if index is not None else None
    return phone_e164, next((p.original for p in phones if p.e164 == phone_e164), None)


def _insert_attempt(
    connection: Connection,
    entry: Row,
    outcome: str,
    now: datetime,
    operator_id: int,
    phone_e164: str | None,
    duration_seconds: int | None,
    *,
    evaluation_id: int,
    call_columns: dict[str, object],
) -> int:
    """`_attempt` in one INSERT, for a held entry (a row of claims.hold), with the columns of
    what the telephone reported (`_call_columns`); the attempt's id."""
    values = {
        "case_id": entry.case_id,
        "attempted_at": now,
        "outcome": outcome,
        "operator_id": operator_id,
        "duration_seconds": duration_seconds,
        "evaluation_id": evaluation_id,
        "callback_task_id": entry.callback_task_id,
        **call_columns,
    }
    if phone_e164 is not None:
        # The number as written is looked up by the INSERT itself.
        statement = _insert_attempt_of_number()
        values |= {"number": phone_e164, "number_case_id": entry.case_id}
    else:
        phones = connection.execute(_phones_query(), {"case_id": entry.case_id}).all()
        statement = _insert_attempt_as_given()
        values["phone_e164"], values["phone_original"] = _dialled(phones, entry.phone_index, None)
    return connection.execute(statement, values).inserted_primary_key[0]


@cache
def _insert_evaluation() -> Insert:
    return insert(Evaluation)


@cache
def _insert_attempt_as_given() -> Insert:
    return insert(CallAttempt)


@cache
def _insert_attempt_of_number() -> Insert:
    number = bindparam("number", type_=CasePhone.e164.type)
    original = (
        select(CasePhone.original)
        .where(
            CasePhone.case_id == bindparam("number_case_id", type_=CasePhone.case_id.type),
            CasePhone.e164 == number,
        )
        .order_by(CasePhone.position)
        .limit(1)
        .scalar_subquery()
    )
    return insert(CallAttempt).values(phone_e164=number, phone_original=original)


@cache
def _phones_query() -> Select:
    return (
        select(CasePhone.e164, CasePhone.original)
        .where(CasePhone.case_id == bindparam("case_id", type_=CasePhone.case_id.type))
        .order_by(CasePhone.position)
    )


def _dialled_index(entry: QueueEntry, marked: set[str]) -> int:
    """The index of the number the call screen offered (app.desk.queue._number_to_offer)."""
    index = phone_to_dial(entry.case.phones, entry.phone_index, marked)
    if index is None:
        index = phone_to_dial(entry.case.phones, entry.phone_index)
    return entry.phone_index if index is None else index


def _reasons(session: Session, entry: QueueEntry) -> list[str]:
    """The outcomes of the entry's attempts, in order: why the case could not be revisited."""
    task = CallAttempt.callback_task_id
    return list(
        session.scalars(
            select(CallAttempt.outcome)
            .where(
                CallAttempt.case_id == entry.case_id,
                task.is_(None)
                if entry.callback_task_id is None
                else task == entry.callback_task_id,
            )
            .order_by(CallAttempt.attempted_at, CallAttempt.id)
        )
    )


def _finish(
    entry: QueueEntry, result: str, now: datetime, reasons: list[str] | None = None
) -> None:
    entry.status = "done"
    entry.result = result
    entry.reasons = reasons if result != COMPLETED else None
    entry.finished_at = now
    release(entry)


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None
