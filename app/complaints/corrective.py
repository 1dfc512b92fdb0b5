"""Corrective and preventive actions (纠正和预防措施, W 7.4, 附录 I) and recurring dissatisfaction.

A record comes from one of the sources of W 7.4.1: a complaint, dissatisfaction that keeps
recurring at a unit for one reason, a violation found in service or management, or a satisfaction
survey. It holds the problem, its cause, the correction and the prevention (W 7.4.2, 7.4.3), who is
responsible and by when. Its life (W 7.4.4):

    open (待落实) → completed (已完成待验证) → verified (验证有效)
                                             → ineffective (验证无效) → completed → …

Verification is the team lead's (Permission.LEAD_BOARD); an ineffective action is worked on again
and verified again, the earlier verification kept in the audit trail.

Recurring dissatisfaction: per accepting unit and reason, the second-round callbacks opened in a
quarter; `capa.recurring_threshold` of them or more call for an action. A row counts as covered
when a dissatisfaction action for the same unit and reason was recorded since the quarter began.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import record_change, snapshot
from app.clock import current_time, day_bounds, local_date
from app.complaints.numbering import insert_numbered, next_number
from app.complaints.registry import (
    ActingStaff,
    acting_staff,
    complaint_id_by_number,
    label_of,
)
from app.desk.calls import DISSATISFACTION_CATEGORIES
from app.errors import Refused
from app.i18n import pick
from app.reports.quarterly import quarter_bounds
from app.roles import Permission, require
from app.settings import get_setting
from db.models import CallbackTask, Complaint, CorrectiveAction, Unit

FROM_COMPLAINT = "complaint"
FROM_DISSATISFACTION = "dissatisfaction"
FROM_VIOLATION = "violation"
FROM_SURVEY = "survey"
SOURCES: dict[str, tuple[str, str]] = {  # W 7.4.1 a)–d)
    FROM_COMPLAINT: ("服务对象的投诉", "A complaint"),
    FROM_DISSATISFACTION: ("反复出现的不满意", "Recurring dissatisfaction"),
    FROM_VIOLATION: ("服务或管理中的违规现象", "A violation in service or management"),
    FROM_SURVEY: ("满意度调查报告", "A satisfaction survey"),
}
OPEN = "open"
COMPLETED = "completed"
VERIFIED = "verified"
INEFFECTIVE = "ineffective"
STATUSES: dict[str, tuple[str, str]] = {
    OPEN: ("待落实", "To do"),
    COMPLETED: ("已完成待验证", "Done, to verify"),
    VERIFIED: ("验证有效", "Verified effective"),
    INEFFECTIVE: ("验证无效", "Found ineffective"),
}
EDITABLE = (OPEN, COMPLETED, INEFFECTIVE)
NUMBER_PREFIX = "JZ"  # 纠正
REASON_LABELS = dict(DISSATISFACTION_CATEGORIES)
UNKNOWN_REASON = "other"  # a callback without a reason counts as 其他

CAPA_FIELDS = (
    "number",
    "status",
    "source",
    "complaint_id",
    "unit_id",
    "reason_category",
    "problem",
    "cause",
    "correction",
    "prevention",
    "owner",
    "due_on",
    "completed_at",
    "verification",
    "effective",
    "verified_by",
    "verified_at",
)


def source_label(code: str | None) -> str:
    return label_of(SOURCES, code)


def status_label(code: str | None) -> str:
    return label_of(STATUSES, code)


def reason_label(code: str | None) -> str:
    """The words of a dissatisfaction reason (app.desk.calls.DISSATISFACTION_CATEGORIES)."""
    return REASON_LABELS.get(code or "", code or "")


class CapaInvalid(Refused, ValueError):
    """The action cannot be stored as given; `field` names what to correct."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(kw_only=True)
class CapaInput:
    source: str  # a SOURCES code
    problem: str  # 问题描述
    complaint_id: int | None = None  # source complaint: this or its number is required
    complaint_number: str | None = None  # TS2026-0001, when the id is not known
    unit_id: int | None = None  # the unit concerned (a complaint's unit by default)
    reason_category: str | None = None  # source dissatisfaction: required
    cause: str | None = None  # 原因分析
    correction: str | None = None  # 纠正措施
    prevention: str | None = None  # 预防措施
    owner: str | None = None  # 责任人
    due_on: date | None = None  # 完成期限


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


def _checked(session: Session, data: CapaInput, today: date, kept_due: date | None = None) -> dict:
    """The record's values from the input, or CapaInvalid naming the field to correct.

    A due date in the past is refused unless it is the one the record has (`kept_due`).
    """
    if data.source not in SOURCES:
        raise CapaInvalid(pick("请选择信息来源", "Choose where the problem came from"), "source")
    problem = _text(data.problem)
    if problem is None:
        raise CapaInvalid(pick("请填写问题描述", "Describe the problem"), "problem")
    complaint_id, unit_id, reason = data.complaint_id, data.unit_id, data.reason_category
    if data.source == FROM_COMPLAINT:
        if complaint_id is None and _text(data.complaint_number) is not None:
            complaint_id = complaint_id_by_number(session, data.complaint_number)
            if complaint_id is None:
                raise CapaInvalid(
                    pick(
                        f"找不到投诉编号 {data.complaint_number.strip()}",
                        f"No complaint numbered {data.complaint_number.strip()}",
                    ),
                    "complaint_id",
                )
        complaint = session.get(Complaint, complaint_id) if complaint_id is not None else None
        if complaint is None:
            raise CapaInvalid(
                pick("来源为投诉时请填写投诉编号", "Name the complaint it comes from"),
                "complaint_id",
            )
        unit_id = unit_id if unit_id is not None else complaint.unit_id
    elif complaint_id is not None:
        complaint_id = None  # only a complaint-sourced action points at a complaint
    if data.source == FROM_DISSATISFACTION:
        if unit_id is None:
            raise CapaInvalid(pick("请选择反复出现不满意的网点", "Choose the unit"), "unit_id")
        if reason not in REASON_LABELS:
            raise CapaInvalid(
                pick("请选择不满意原因", "Choose the reason of dissatisfaction"),
                "reason_category",
            )
    else:
        reason = None
    if unit_id is not None and session.get(Unit, unit_id) is None:
        raise CapaInvalid(pick("没有这个网点", "No such unit"), "unit_id")
    owner = _text(data.owner)
    if owner is not None and len(owner) > 100:
        raise CapaInvalid(pick("责任人不能超过 100 个字", "Owner too long"), "owner")
    if data.due_on is not None and data.due_on < today and data.due_on != kept_due:
        raise CapaInvalid(
            pick("完成期限不能早于今天", "The due date cannot be in the past"), "due_on"
        )
    return {
        "source": data.source,
        "problem": problem,
        "complaint_id": complaint_id,
        "unit_id": unit_id,
        "reason_category": reason,
        "cause": _text(data.cause),
        "correction": _text(data.correction),
        "prevention": _text(data.prevention),
        "owner": owner,
        "due_on": data.due_on,
    }


def _audit(session, capa, actor: ActingStaff, action, before, now) -> None:
    record_change(
        session,
        actor_id=actor.id,
        action=action,
        entity="corrective_action",
        entity_uid=capa.uid,
        before=before,
        after=snapshot(capa, CAPA_FIELDS),
        at=now,
    )


def _capa(session: Session, capa_id: int) -> CorrectiveAction:
    capa = session.get(CorrectiveAction, capa_id)
    if capa is None:
        raise CapaInvalid(pick("找不到这条纠正和预防措施", "No such corrective action"))
    return capa


def create_capa(
    session: Session, data: CapaInput, *, by_id: int | None, now: datetime | None = None
) -> CorrectiveAction:
    """Record a corrective and preventive action, numbered for its year (JZ2026-0001)."""
    now = current_time(now)
    actor = acting_staff(session, by_id)
    require(actor.role, Permission.REGISTER_COMPLAINTS)
    capa = CorrectiveAction(
        status=OPEN, recorded_at=now, **_checked(session, data, local_date(now))
    )
    year = local_date(now).year
    insert_numbered(
        session, capa, lambda: next_number(session, CorrectiveAction.number, NUMBER_PREFIX, year)
    )
    _audit(session, capa, actor, "capa.create", None, now)
    return capa


def update_capa(
    session: Session,
    capa_id: int,
    data: CapaInput,
    *,
    by_id: int | None,
    now: datetime | None = None,
) -> CorrectiveAction:
    """Change what the action says, until it is verified effective."""
    now = current_time(now)
    actor = acting_staff(session, by_id)
    require(actor.role, Permission.REGISTER_COMPLAINTS)
    capa = _capa(session, capa_id)
    if capa.status not in EDITABLE:
        raise CapaInvalid(
            pick("已验证有效的措施不能再修改", "An action verified effective cannot be changed")
        )
    values = _checked(session, data, local_date(now), kept_due=capa.due_on)
    before = snapshot(capa, CAPA_FIELDS)
    for name, value in values.items():
        setattr(capa, name, value)
    session.flush()
    _audit(session, capa, actor, "capa.update", before, now)
    return capa


def complete_capa(
    session: Session,
    capa_id: int,
    *,
    by_id: int | None,
    at: datetime | None = None,
    now: datetime | None = None,
) -> CorrectiveAction:
    """The action was carried out (at `at`, default now): it awaits verification."""
    now = current_time(now)
    at = current_time(at) if at is not None else now
    actor = acting_staff(session, by_id)
    require(actor.role, Permission.REGISTER_COMPLAINTS)
    capa = _capa(session, capa_id)
    if capa.status not in (OPEN, INEFFECTIVE):
        raise CapaInvalid(
            pick(
                f"此措施{status_label(capa.status)}", f"This action is {status_label(capa.status)}"
            )
        )
    for name, zh, en in (
        ("cause", "原因分析", "the cause"),
        ("correction", "纠正措施", "the correction"),
        ("owner", "责任人", "who is responsible"),
    ):
        if not getattr(capa, name):
            raise CapaInvalid(pick(f"完成前请填写{zh}", f"Fill in {en} first"), name)
    if at > now or at < capa.recorded_at:
        raise CapaInvalid(
            pick("完成时间应在记录之后、现在之前", "The time must be after recording"),
            "completed_at",
        )
    before = snapshot(capa, CAPA_FIELDS)
    capa.status = COMPLETED
    capa.completed_at = at
    session.flush()
    _audit(session, capa, actor, "capa.complete", before, now)
    return capa


def verify_capa(
    session: Session,
    capa_id: int,
    *,
    by_id: int | None,
    effective: bool,
    verification: str,
    verified_by: str | None = None,
    now: datetime | None = None,
) -> CorrectiveAction:
    """Verify a completed action (W 7.4.4.2–7.4.4.3): effective or not, with the evidence seen.

    Team leads only. `verified_by` defaults to the person verifying.
    """
    now = current_time(now)
    actor = acting_staff(session, by_id)
    require(actor.role, Permission.LEAD_BOARD)
    capa = _capa(session, capa_id)
    if capa.status != COMPLETED:
        raise CapaInvalid(
            pick("只有已完成的措施才能验证", "Only a completed action can be verified")
        )
    verification = _text(verification)
    if verification is None:
        raise CapaInvalid(
            pick("请填写验证情况（观察、询问、查阅记录的结果）", "Write what the check found"),
            "verification",
        )
    verified_by = _text(verified_by) or actor.name
    if verified_by is not None and len(verified_by) > 100:
        raise CapaInvalid(pick("验证人不能超过 100 个字", "Name too long"), "verified_by")
    before = snapshot(capa, CAPA_FIELDS)
    capa.verification = verification
    capa.effective = bool(effective)
    capa.verified_by = verified_by
    capa.verified_at = now
    capa.status = VERIFIED if effective else INEFFECTIVE
    session.flush()
    _audit(session, capa, actor, "capa.verify", before, now)
    return capa


@dataclass
class CapaRow:
    id: int
    number: str | None
    source: str
    source_label: str
    status: str
    status_label: str
    complaint_id: int | None
    complaint_number: str | None
    unit_id: int | None
    unit_name: str | None
    reason_category: str | None
    reason_label: str
    problem: str
    cause: str | None
    correction: str | None
    prevention: str | None
    owner: str | None
    due_on: date | None
    recorded_at: datetime
    completed_at: datetime | None
    verification: str | None
    effective: bool | None
    verified_by: str | None
    verified_at: datetime | None
    overdue: bool  # not done by its due date (now, or when it was completed)

    def input(self) -> CapaInput:
        """What the editor starts from."""
        return CapaInput(
            source=self.source,
            problem=self.problem,
            complaint_id=self.complaint_id,
            complaint_number=self.complaint_number,
            unit_id=self.unit_id,
            reason_category=self.reason_category,
            cause=self.cause,
            correction=self.correction,
            prevention=self.prevention,
            owner=self.owner,
            due_on=self.due_on,
        )


def _capa_query():
    return (
        select(CorrectiveAction, Complaint.number, Unit.name)
        .outerjoin(Complaint, Complaint.id == CorrectiveAction.complaint_id)
        .outerjoin(Unit, Unit.id == CorrectiveAction.unit_id)
    )


def _capa_row(result, today: date) -> CapaRow:
    capa, complaint_number, unit_name = result
    reference = local_date(capa.completed_at) if capa.completed_at is not None else today
    return CapaRow(
        id=capa.id,
        number=capa.number,
        source=capa.source,
        source_label=source_label(capa.source),
        status=capa.status,
        status_label=status_label(capa.status),
        complaint_id=capa.complaint_id,
        complaint_number=complaint_number,
        unit_id=capa.unit_id,
        unit_name=unit_name,
        reason_category=capa.reason_category,
        reason_label=reason_label(capa.reason_category),
        problem=capa.problem,
        cause=capa.cause,
        correction=capa.correction,
        prevention=capa.prevention,
        owner=capa.owner,
        due_on=capa.due_on,
        recorded_at=capa.recorded_at,
        completed_at=capa.completed_at,
        verification=capa.verification,
        effective=capa.effective,
        verified_by=capa.verified_by,
        verified_at=capa.verified_at,
        overdue=capa.due_on is not None and reference > capa.due_on,
    )


def capa_row(session: Session, capa_id: int, now: datetime | None = None) -> CapaRow:
    result = session.execute(_capa_query().where(CorrectiveAction.id == capa_id)).one_or_none()
    if result is None:
        raise CapaInvalid(pick("找不到这条纠正和预防措施", "No such corrective action"))
    return _capa_row(result, local_date(current_time(now)))


def capa_list(
    session: Session,
    *,
    status: str | None = None,
    unit_id: int | None = None,
    source: str | None = None,
    complaint_id: int | None = None,
    now: datetime | None = None,
) -> list[CapaRow]:
    """Actions, newest first."""
    query = _capa_query().order_by(CorrectiveAction.recorded_at.desc(), CorrectiveAction.id.desc())
    if status is not None:
        query = query.where(CorrectiveAction.status == status)
    if unit_id is not None:
        query = query.where(CorrectiveAction.unit_id == unit_id)
    if source is not None:
        query = query.where(CorrectiveAction.source == source)
    if complaint_id is not None:
        query = query.where(CorrectiveAction.complaint_id == complaint_id)
    today = local_date(current_time(now))
    return [_capa_row(result, today) for result in session.execute(query)]


@dataclass
class RecurringRow:
    unit_id: int
    unit_name: str
    reason_category: str
    reason_label: str
    count: int  # callbacks opened in the quarter
    recurring: bool  # count at or above the threshold
    capa_ids: list[int] = field(default_factory=list)  # the actions covering it
    capa_numbers: list[str] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        return bool(self.capa_ids)


@dataclass
class RecurringReport:
    year: int
    quarter: int
    threshold: int
    rows: list[RecurringRow]  # recurring first, then by count

    @property
    def recurring(self) -> list[RecurringRow]:
        return [row for row in self.rows if row.recurring]

    @property
    def uncovered(self) -> list[RecurringRow]:
        return [row for row in self.recurring if not row.covered]


def recurring_dissatisfaction(session: Session, year: int, quarter: int) -> RecurringReport:
    """Per unit and reason, the callbacks opened in the quarter, and the actions covering each."""
    first, last = quarter_bounds(year, quarter)
    start, end = day_bounds(first)[0], day_bounds(last)[1]
    threshold = get_setting(session, "capa.recurring_threshold")
    reason = func.coalesce(CallbackTask.reason_category, UNKNOWN_REASON)
    counts = session.execute(
        select(CallbackTask.unit_id, Unit.name, reason.label("reason"), func.count(CallbackTask.id))
        .join(Unit, Unit.id == CallbackTask.unit_id)
        .where(CallbackTask.opened_at >= start, CallbackTask.opened_at < end)
        .group_by(CallbackTask.unit_id, Unit.name, reason)
    ).all()
    covering: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for capa_id, number, unit_id, category in session.execute(
        select(
            CorrectiveAction.id,
            CorrectiveAction.number,
            CorrectiveAction.unit_id,
            CorrectiveAction.reason_category,
        )
        .where(
            CorrectiveAction.source == FROM_DISSATISFACTION,
            CorrectiveAction.recorded_at >= start,
        )
        .order_by(CorrectiveAction.recorded_at)
    ):
        covering.setdefault((unit_id, category), []).append((capa_id, number or ""))
    rows = []
    for unit_id, unit_name, category, count in counts:
        actions = covering.get((unit_id, category), [])
        rows.append(
            RecurringRow(
                unit_id=unit_id,
                unit_name=unit_name,
                reason_category=category,
                reason_label=reason_label(category),
                count=count,
                recurring=count >= threshold,
                capa_ids=[capa_id for capa_id, _ in actions],
                capa_numbers=[number for _, number in actions],
            )
        )
    rows.sort(key=lambda row: (not row.recurring, -row.count, row.unit_name, row.reason_category))
    return RecurringReport(year=year, quarter=quarter, threshold=threshold, rows=rows)
