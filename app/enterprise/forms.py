"""Form B records: one per enterprise case, who is responsible for it, its list and its answers.

The agency responsible for an enterprise's Form B is the accepting unit, except for a case
applied for fully online (全程网办), which the agency of the enterprise's own district revisits
(J 5.2.5). Recording the answers (J 5.3.4) adds an evaluation of channel "enterprise", round 1:
when the case has no earlier evaluation it is the first and scores (J 5.4.1). A correction typed
in later changes the Form B record only, never that evaluation (SPEC rule 6): the answers as first
recorded stay in `first_answers` and an audit entry holds the values before and after.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, Select, exists, func, insert, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from app.callbacks.opening import open_callback
from app.clock import current_time
from app.enterprise.lifecycle import (
    ARCHIVED,
    DUE,
    PRINTED,
    RETURNED,
    SCANNED,
    STATUSES,
    TO_DO,
    VERIFIED,
    FormBStatusError,
    archive,
    mark_printed,
    mark_returned,
    mark_scanned,
    status_label,
    verify,
)
from app.errors import Refused
from app.i18n import pick
from app.importing.values import parse_money_fen
from app.ratings import Channel, Rating
from db.models import AuditEntry, CallbackTask, Case, EnterpriseFeedback, Evaluation, Staff, Unit

__all__ = [
    "ARCHIVED",
    "DUE",
    "POLICY_KNOWLEDGE",
    "PRINTED",
    "RETURNED",
    "SCANNED",
    "STATUSES",
    "TO_DO",
    "VERIFIED",
    "FormBAnswers",
    "FormBInvalid",
    "FormBKey",
    "FormBRow",
    "FormBStatusError",
    "RecordResult",
    "archive",
    "assigned_unit_for",
    "ensure_form_b_records",
    "form_b_count",
    "form_b_list",
    "mark_printed",
    "mark_returned",
    "mark_scanned",
    "parse_yuan",
    "record_answers",
    "status_label",
    "verify",
]

# 是否了解针对企业的不动产登记政策: code → the words on the form, in the form's order.
POLICY_KNOWLEDGE = {"very_familiar": "非常熟悉", "average": "一般", "unfamiliar": "不了解"}
ONLINE = "online"  # cases.channel of a fully online (全程网办) application


class FormBInvalid(Refused, ValueError):
    """Form B's answers cannot be saved as given; `field` names the answer to correct."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(kw_only=True)
class FormBAnswers:
    """What the returned Form B says. Money in integer fen (see parse_yuan)."""

    satisfaction: Rating  # 对服务是否满意
    enterprise_name: str | None = None
    registration_type: str | None = None  # 办理登记类型
    steps: int | None = None  # 办理登记所用环节
    days: int | None = None  # 办理登记所用时间（天）
    registration_fee_fen: int | None = None  # 登记费
    deed_tax_fen: int | None = None  # 契税
    stamp_duty_fen: int | None = None  # 印花税
    policy_knowledge: str | None = None  # a POLICY_KNOWLEDGE code
    suggestion: str | None = None  # 意见建议
    enterprise_contact: str | None = None  # 企业联系人
    revisit_contact: str | None = None  # 回访联系人


@dataclass
class RecordResult:
    feedback_id: int
    evaluation_id: int  # the enterprise evaluation (the first one recorded, kept on correction)
    created_evaluation: bool  # False: a correction, the evaluation left as it was
    scores: bool  # the evaluation is the case's first, the one that scores (J 5.4.1)
    callback_task_id: int | None  # the second-round callback opened for 不满意
    audit_entry_id: int | None  # the audit entry of a correction


@dataclass
class FormBRow:
    id: int
    case_id: int
    case_no: str
    enterprise_name: str | None
    registration_type: str | None
    completed_on: date
    district: str | None
    online: bool  # 全程网办
    accepting_unit_id: int
    accepting_unit: str
    assigned_unit_id: int | None
    assigned_unit: str | None
    status: str
    status_label: str
    printed_at: datetime | None
    returned_at: datetime | None
    scanned_at: datetime | None
    verified_at: datetime | None
    verified_by: str | None
    archived_at: datetime | None
    archive_location: str | None
    satisfaction: str | None
    answered_at: datetime | None
    corrected_at: datetime | None
    evaluation_id: int | None = field(default=None)

    @property
    def key(self) -> FormBKey:
        return FormBKey(self.completed_on, self.case_no)


def parse_yuan(text: str | None, field_name: str = "fee") -> int | None:
    """An amount typed in yuan ("1,234.50", "80元") as exact integer fen; None when blank."""
    try:
        return parse_money_fen(text or "")
    except ValueError:
        raise FormBInvalid(
            pick(
                f"金额“{text}”无法识别（以元为单位，最多两位小数）",
                f"Cannot read the amount {text!r} (yuan, at most two decimals)",
            ),
            field_name,
        ) from None


def district_units(session: Session) -> dict[str, int]:
    """Each district's registration agency: its active unit, the lowest id when there are several."""
    found: dict[str, int] = {}
    rows = session.execute(
        select(Unit.district, Unit.id)
        .where(Unit.district.is_not(None), Unit.active.is_(True))
        .order_by(Unit.id)
    )
    for district, unit_id in rows:
        found.setdefault(district, unit_id)
    return found


def assigned_unit_for(case_: Case | Row, districts: dict[str, int]) -> int:
    """The agency that revisits the enterprise (J 5.2.5): `case_` has its unit_id, channel and
    district."""
    if case_.channel == ONLINE and case_.district:
        return districts.get(case_.district, case_.unit_id)
    return case_.unit_id


def ensure_form_b_records(session: Session) -> int:
    """Create a to_do Form B record for every enterprise case lacking one; returns how many.

    Idempotent. Records without an agency (e.g. arrived from an outlet) get one too.
    """
    districts = district_units(session)
    missing = session.execute(
        select(Case.id, Case.unit_id, Case.channel, Case.district).where(
            Case.is_enterprise.is_(True),
            ~exists().where(EnterpriseFeedback.case_id == Case.id),
        )
    ).all()
    try:
        # A savepoint: another seat creating the same records at once makes this a no-op.
        with session.begin_nested():
            if missing:
                # Rows, not objects: a city's hundred thousand enterprise cases take seconds.
                session.execute(
                    insert(EnterpriseFeedback),
                    [
                        {
                            "case_id": case_.id,
                            "status": TO_DO,
                            "assigned_unit_id": assigned_unit_for(case_, districts),
                        }
                        for case_ in missing
                    ],
                )
    except IntegrityError:
        return ensure_form_b_records(session)
    unassigned = session.execute(
        select(EnterpriseFeedback, Case)
        .join(Case, Case.id == EnterpriseFeedback.case_id)
        .where(EnterpriseFeedback.assigned_unit_id.is_(None))
    )
    for record, case_ in unassigned:
        record.assigned_unit_id = assigned_unit_for(case_, districts)
    session.flush()
    return len(missing)


@dataclass(frozen=True)
class FormBKey:
    """Where a page of the list ends: the next page starts after this form's case."""

    completed_on: date
    case_no: str


def form_b_list(
    session: Session,
    *,
    unit_id: int | None = None,
    status: str | None = None,
    after: FormBKey | None = None,
    limit: int | None = None,
) -> list[FormBRow]:
    """Form B records, by agency (assigned unit) and status, oldest completed case first.

    A city has a hundred thousand: a screen asks for a page (`limit`), then the next one from
    the last row's `key` (`after`).
    """
    accepting = aliased(Unit)
    assigned = aliased(Unit)
    query = _form_b_filtered(
        select(EnterpriseFeedback, Case, accepting.name, assigned.name)
        .join(Case, Case.id == EnterpriseFeedback.case_id)
        .join(accepting, accepting.id == Case.unit_id)
        .outerjoin(assigned, assigned.id == EnterpriseFeedback.assigned_unit_id)
        .order_by(Case.completed_on, Case.case_no),
        unit_id,
        status,
    )
    if after is not None:
        query = query.where(
            Case.completed_on >= after.completed_on,
            or_(Case.completed_on > after.completed_on, Case.case_no > after.case_no),
        )
    if limit is not None:
        query = query.limit(limit)
    rows = []
    for record, case_, accepting_name, assigned_name in session.execute(query):
        rows.append(
            FormBRow(
                id=record.id,
                case_id=case_.id,
                case_no=case_.case_no,
                enterprise_name=record.enterprise_name or case_.enterprise_name,
                registration_type=record.registration_type or case_.business_type,
                completed_on=case_.completed_on,
                district=case_.district,
                online=case_.channel == ONLINE,
                accepting_unit_id=case_.unit_id,
                accepting_unit=accepting_name,
                assigned_unit_id=record.assigned_unit_id,
                assigned_unit=assigned_name,
                status=record.status,
                status_label=status_label(record.status),
                printed_at=record.printed_at,
                returned_at=record.returned_at,
                scanned_at=record.scanned_at,
                verified_at=record.verified_at,
                verified_by=record.verified_by,
                archived_at=record.archived_at,
                archive_location=record.archive_location,
                satisfaction=record.satisfaction,
                answered_at=record.answered_at,
                corrected_at=record.corrected_at,
                evaluation_id=record.evaluation_id,
            )
        )
    return rows


def form_b_count(session: Session, *, unit_id: int | None = None, status: str | None = None) -> int:
    """How many Form B records form_b_list lists with the same filters."""
    query = select(func.count()).select_from(EnterpriseFeedback)
    return session.scalar(_form_b_filtered(query, unit_id, status)) or 0


def _form_b_filtered(query: Select, unit_id: int | None, status: str | None) -> Select:
    if unit_id is not None:
        query = query.where(EnterpriseFeedback.assigned_unit_id == unit_id)
    if status is not None:
        if status not in STATUSES:
            raise ValueError(f"unknown Form B status {status!r}; use one of {STATUSES}")
        query = query.where(EnterpriseFeedback.status == status)
    return query


_ANSWER_FIELDS = tuple(f for f in FormBAnswers.__dataclass_fields__)


def _checked(answers: FormBAnswers) -> dict[str, Any]:
    """The answers as the values stored on the record, after checking them."""
    try:
        satisfaction = Rating(answers.satisfaction)
    except ValueError:
        raise FormBInvalid(
            pick("请选择“对服务是否满意”", "Choose an answer for satisfaction with the service"),
            "satisfaction",
        ) from None
    if answers.policy_knowledge is not None and answers.policy_knowledge not in POLICY_KNOWLEDGE:
        raise FormBInvalid(
            pick(
                "“是否了解针对企业的不动产登记政策”应为 非常熟悉/一般/不了解",
                "Policy knowledge must be very familiar, average or unfamiliar",
            ),
            "policy_knowledge",
        )
    values: dict[str, Any] = {}
    for name in _ANSWER_FIELDS:
        value = getattr(answers, name)
        if name in ("steps", "days", "registration_fee_fen", "deed_tax_fen", "stamp_duty_fen"):
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or value < 0
            ):
                raise FormBInvalid(
                    pick(f"“{name}”应为不小于 0 的整数", f"{name} must be a whole number ≥ 0"),
                    name,
                )
        elif isinstance(value, str):
            value = value.strip() or None
        values[name] = value
    values["satisfaction"] = satisfaction.value
    return values


def _snapshot(record: EnterpriseFeedback) -> dict[str, Any]:
    return {name: getattr(record, name) for name in _ANSWER_FIELDS}


def _actor(session: Session, operator_id: int | None) -> str | None:
    if operator_id is None:
        return None
    name = session.scalar(select(Staff.name).where(Staff.id == operator_id))
    return f"{name or '?'} (#{operator_id})"


def record_answers(
    session: Session,
    feedback_id: int,
    answers: FormBAnswers,
    operator_id: int | None = None,
    now: datetime | None = None,
) -> RecordResult:
    """Type in (or correct) the returned Form B's answers.

    The first time, an evaluation (channel enterprise, round 1, 总体情况 = satisfaction) is added
    and 不满意 opens a second-round callback. Later, the record takes the corrected answers and
    an audit entry keeps before and after; the evaluation is never touched. A correction to
    不满意 opens the callback if none was opened for this form yet.
    """
    now = current_time(now)
    record = session.get(EnterpriseFeedback, feedback_id)
    if record is None:
        raise LookupError(
            pick(f"没有编号为 {feedback_id} 的企业回访反馈单", f"No Form B record {feedback_id}")
        )
    if record.status in (VERIFIED, ARCHIVED):
        raise FormBStatusError(
            pick(
                f"反馈单已{status_label(record.status)}，不能再修改内容",
                f"The form is {status_label(record.status)}: its answers can no longer change",
            )
        )
    values = _checked(answers)
    case_ = session.get(Case, record.case_id)
    assert case_ is not None
    dissatisfied = values["satisfaction"] == Rating.DISSATISFIED.value
    correction = record.answered_at is not None and record.evaluation_id is not None

    audit_id = None
    task = None
    if correction:
        before = _snapshot(record)
        if record.first_answers is None:
            record.first_answers = before
        for name, value in values.items():
            setattr(record, name, value)
        record.corrected_at = now
        entry = AuditEntry(
            at=now,
            actor=_actor(session, operator_id),
            action="form_b_corrected",
            entity="enterprise_feedback",
            entity_uid=record.uid,
            before=before,
            after=values,
        )
        session.add(entry)
        session.flush()
        audit_id = entry.id
        evaluation_id = record.evaluation_id
        assert evaluation_id is not None
        already = session.scalar(
            select(CallbackTask.id).where(CallbackTask.evaluation_id == evaluation_id).limit(1)
        )
        if dissatisfied and already is None:
            task = open_callback(session, case_, evaluation_id, now=now, words=values["suggestion"])
    else:
        evaluation = Evaluation(
            case_id=case_.id,
            channel=Channel.ENTERPRISE.value,
            source_channel="企业回访反馈单",
            round=1,
            evaluated_at=now,
            overall=values["satisfaction"],
            suggestion=values["suggestion"],
            original={"form": "B", **values},
            operator_id=operator_id,
        )
        session.add(evaluation)
        session.flush()
        evaluation_id = evaluation.id
        for name, value in values.items():
            setattr(record, name, value)
        record.evaluation_id = evaluation_id
        record.answered_at = now
        if dissatisfied:
            task = open_callback(session, case_, evaluation_id, now=now, words=values["suggestion"])
    session.flush()
    first = session.scalar(select(Case.first_evaluation_id).where(Case.id == case_.id))
    return RecordResult(
        feedback_id=record.id,
        evaluation_id=evaluation_id,
        created_evaluation=not correction,
        scores=first == evaluation_id,
        callback_task_id=task.id if task else None,
        audit_entry_id=audit_id,
    )
