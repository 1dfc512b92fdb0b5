"""The complaint and suggestion register (W 7.3, 附录 H.1): registering and the steps of handling.

A complaint or suggestion comes by any channel (现场, 电话, 网上, 信函, W 7.3.1), is classified on
acceptance (意见反映类, 现场协调类, 立案处理类, W 7.3.3) and routed to the accepting unit: the
unit of the linked case (业务编号) when there is one, with the case's 经办人 as the staff
concerned unless another is named (J 5.4.4). Its two deadlines (W 7.3.4) are fixed when it is
registered, in working days from the local date it was received: first contact with the
complainant and the reply (complaints.first_contact_working_days / reply_working_days).

    open (待联系) → contacted (处理中) → replied (已答复) → closed (已办结) → reopened …

Replying reaches the complainant, so a reply with no contact recorded before it is also the first
contact. A second reply (after reopening) replaces the words but keeps the time of the first one:
the 15-day clock measured the first answer, and lateness stays on the record. Every step writes an
audit entry in the caller's transaction; closing and reopening are the team lead's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import record_change, snapshot
from app.calendar import CalendarUnknownError, WorkingCalendar
from app.clock import current_time, local_date
from app.complaints.numbering import insert_numbered, next_number
from app.errors import Refused
from app.i18n import pick
from app.roles import Permission, require
from app.settings import get_setting
from db.models import Case, CasePhone, Complaint, Staff, SupervisionOrder, Unit

COMPLAINT = "complaint"
SUGGESTION = "suggestion"
KINDS: dict[str, tuple[str, str]] = {
    COMPLAINT: ("投诉", "Complaint"),
    SUGGESTION: ("建议", "Suggestion"),
}
CHANNELS: dict[str, tuple[str, str]] = {
    "on_site": ("现场", "On site"),
    "phone": ("电话", "Phone"),
    "online": ("网上", "Online"),
    "letter": ("信函", "Letter"),
    # A problem found on a slip in the box or an entry in the book (app.suggestion_box).
    "suggestion_box": ("意见箱", "Suggestion box"),
    "suggestion_book": ("意见簿", "Suggestion book"),
}
# Slips and book entries are answered on the outlet's Wednesday notice (W 7.1.3.2.3): a writer
# who left neither phone nor address is answered there, with no first contact to make.
NOTICE_CHANNELS = frozenset({"suggestion_box", "suggestion_book"})
OPINION = "opinion"
COORDINATION = "coordination"
FILED = "filed"
CATEGORIES: dict[str, tuple[str, str]] = {
    OPINION: ("意见反映类", "Opinion"),
    COORDINATION: ("现场协调类", "On-site coordination"),
    FILED: ("立案处理类", "Filed for handling"),
}
OPEN = "open"
CONTACTED = "contacted"
REPLIED = "replied"
CLOSED = "closed"
STATUSES: dict[str, tuple[str, str]] = {
    OPEN: ("待联系", "Awaiting contact"),
    CONTACTED: ("处理中", "In hand"),
    REPLIED: ("已答复", "Replied"),
    CLOSED: ("已办结", "Closed"),
}
ACTIVE_STATUSES = (OPEN, CONTACTED, REPLIED)
NUMBER_PREFIXES = {COMPLAINT: "TS", SUGGESTION: "JY"}  # 投诉, 建议

# What the audit trail shows of a complaint before and after each step.
COMPLAINT_FIELDS = (
    "number",
    "status",
    "kind",
    "channel",
    "category",
    "case_id",
    "unit_id",
    "staff_id",
    "received_at",
    "received_by",
    "complainant",
    "contact",
    "address",
    "content",
    "first_contact_due",
    "reply_due",
    "first_contact_at",
    "first_contact_note",
    "replied_at",
    "reply",
    "complainant_satisfied",
    "complainant_opinion",
    "closed_at",
)
_LENGTHS = {  # the columns' sizes, checked here for a clear message instead of a database error
    "complainant": (100, "投诉人", "complainant"),
    "contact": (100, "联系电话", "contact"),
    "address": (200, "地址", "address"),
    "received_by": (100, "受理人", "receiver"),
}


def label_of(table: dict[str, tuple[str, str]], code: str | None) -> str:
    """A code's words from a table of (Chinese, English), in the current language."""
    if code is None:
        return ""
    zh, en = table.get(code, (code, code))
    return pick(zh, en)


def kind_label(code: str | None) -> str:
    return label_of(KINDS, code)


def channel_label(code: str | None) -> str:
    return label_of(CHANNELS, code)


def category_label(code: str | None) -> str:
    return label_of(CATEGORIES, code)


def status_label(code: str | None) -> str:
    return label_of(STATUSES, code)


class ComplaintInvalid(Refused, ValueError):
    """The complaint (or the step) cannot be stored as given; `field` names what to correct."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class ActingStaff:
    id: int | None
    name: str | None
    role: str | None


def acting_staff(session: Session, staff_id: int | None) -> ActingStaff:
    """Who is acting, for the permission check and the names written on the forms."""
    if staff_id is None:
        return ActingStaff(None, None, None)
    row = session.execute(select(Staff.name, Staff.role).where(Staff.id == staff_id)).first()
    if row is None:
        return ActingStaff(staff_id, None, None)
    return ActingStaff(staff_id, row.name, row.role)


@dataclass(kw_only=True)
class ComplaintInput:
    """What the registration form (H.1) holds. Text is taken as typed, surrounding blanks off."""

    content: str  # 投诉内容
    channel: str  # a CHANNELS code
    category: str  # a CATEGORIES code
    kind: str = COMPLAINT
    received_at: datetime | None = None  # 投诉时间; None: now
    complainant: str | None = None
    contact: str | None = None  # 联系电话
    address: str | None = None
    case_no: str | None = None  # 关联业务编号
    unit_id: int | None = None  # 被投诉网点 (the case's unit when a case is given)
    staff_id: int | None = None  # 被投诉人员 (default: the case's 经办人)
    received_by: str | None = None  # 受理人; None: the person registering


@dataclass(frozen=True)
class CaseLink:
    """What a case number brings to a complaint: its unit, its 经办人, who applied."""

    case_id: int
    case_no: str
    unit_id: int
    unit_name: str
    handler_id: int | None
    handler_name: str | None
    business_type: str | None
    applicant: str | None
    phone: str | None


def find_case(session: Session, case_no: str | None) -> CaseLink | None:
    """The case with this 业务编号 (blanks ignored), or None."""
    case_no = (case_no or "").strip()
    if not case_no:
        return None
    row = session.execute(
        select(Case, Unit.name, Staff.name)
        .join(Unit, Unit.id == Case.unit_id)
        .outerjoin(Staff, Staff.id == Case.handler_id)
        .where(Case.case_no == case_no)
    ).first()
    if row is None:
        return None
    case_, unit_name, handler_name = row
    phone = session.scalar(
        select(CasePhone.original)
        .where(CasePhone.case_id == case_.id)
        .order_by(CasePhone.position)
        .limit(1)
    )
    return CaseLink(
        case_id=case_.id,
        case_no=case_.case_no,
        unit_id=case_.unit_id,
        unit_name=unit_name,
        handler_id=case_.handler_id,
        handler_name=handler_name,
        business_type=case_.business_type,
        applicant=case_.enterprise_name if case_.is_enterprise else case_.applicant,
        phone=phone,
    )


@dataclass(frozen=True)
class Choices:
    """What the forms offer: the active units and staff (id, name, unit id), by name."""

    units: list[tuple[int, str]]
    staff: list[tuple[int, str, int | None]]


def choices(session: Session) -> Choices:
    units = session.execute(
        select(Unit.id, Unit.name).where(Unit.active.is_(True)).order_by(Unit.id)
    ).all()
    staff = session.execute(
        select(Staff.id, Staff.name, Staff.unit_id)
        .where(Staff.active.is_(True))
        .order_by(Staff.name, Staff.id)
    ).all()
    return Choices([(i, n) for i, n in units], [(i, n, u) for i, n, u in staff])


def complaint_id_by_number(session: Session, number: str | None) -> int | None:
    """The complaint numbered `number` (TS2026-0001, blanks ignored), or None."""
    number = (number or "").strip().upper()
    if not number:
        return None
    return session.scalar(select(Complaint.id).where(Complaint.number == number))


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


def _check_code(value: str, table: dict[str, tuple[str, str]], field: str, zh: str, en: str):
    if value not in table:
        raise ComplaintInvalid(pick(f"请选择{zh}", f"Choose the {en}"), field)


def _check_lengths(values: dict[str, str | None]) -> None:
    for field, value in values.items():
        limit, zh, en = _LENGTHS[field]
        if value is not None and len(value) > limit:
            raise ComplaintInvalid(
                pick(f"{zh}不能超过 {limit} 个字", f"The {en} is longer than {limit} characters"),
                field,
            )


def _check_moment(at: datetime, now: datetime, after: datetime | None, field: str) -> None:
    if at > now:
        raise ComplaintInvalid(pick("时间不能晚于现在", "The time cannot be in the future"), field)
    if after is not None and at < after:
        raise ComplaintInvalid(
            pick("时间不能早于投诉受理时间", "The time cannot be before the complaint came in"),
            field,
        )


def deadlines(session: Session, received_at: datetime) -> tuple[date, date]:
    """First contact and reply due dates for a complaint received at `received_at`.

    Raises ComplaintInvalid (field "received_at") with the calendar's own message when the
    working-day calendar does not know the year.
    """
    calendar = WorkingCalendar.load(session)
    day = local_date(received_at)
    try:
        return (
            calendar.add_working_days(
                day, get_setting(session, "complaints.first_contact_working_days")
            ),
            calendar.add_working_days(day, get_setting(session, "complaints.reply_working_days")),
        )
    except CalendarUnknownError as problem:
        raise ComplaintInvalid(str(problem), "received_at") from problem


def register_complaint(
    session: Session, data: ComplaintInput, *, by_id: int | None, now: datetime | None = None
) -> Complaint:
    """Register a complaint or suggestion, numbered for its year (TS2026-0001, JY2026-0001)."""
    now = current_time(now)
    actor = acting_staff(session, by_id)
    require(actor.role, Permission.REGISTER_COMPLAINTS)
    _check_code(data.kind, KINDS, "kind", "投诉或建议", "kind (complaint or suggestion)")
    _check_code(data.channel, CHANNELS, "channel", "投诉方式", "channel")
    _check_code(data.category, CATEGORIES, "category", "投诉分类", "category")
    content = _text(data.content)
    if content is None:
        raise ComplaintInvalid(
            pick("请填写投诉内容", "Write down what the complaint is"), "content"
        )
    received_at = current_time(data.received_at) if data.received_at is not None else now
    _check_moment(received_at, now, None, "received_at")
    values = {
        "complainant": _text(data.complainant),
        "contact": _text(data.contact),
        "address": _text(data.address),
        "received_by": _text(data.received_by) or actor.name,
    }
    _check_lengths(values)
    anonymous = values["contact"] is None and values["address"] is None
    if anonymous and data.channel not in NOTICE_CHANNELS:
        raise ComplaintInvalid(
            pick(
                "请填写联系电话或地址：两个工作日内要联系投诉人",
                "Give a phone number or an address: the complainant must be contacted",
            ),
            "contact",
        )

    unit_id, staff_id, case_id = data.unit_id, data.staff_id, None
    if _text(data.case_no) is not None:
        link = find_case(session, data.case_no)
        if link is None:
            raise ComplaintInvalid(
                pick(
                    f"找不到业务编号为 {data.case_no.strip()} 的业务件",
                    f"No case numbered {data.case_no.strip()}",
                ),
                "case_no",
            )
        case_id, unit_id = link.case_id, link.unit_id
        if staff_id is None:
            staff_id = link.handler_id
    if unit_id is None:
        raise ComplaintInvalid(
            pick("请选择被投诉网点（或填写关联业务编号）", "Choose the unit complained about"),
            "unit_id",
        )
    if session.get(Unit, unit_id) is None:
        raise ComplaintInvalid(pick("没有这个网点", "No such unit"), "unit_id")
    if staff_id is not None and session.get(Staff, staff_id) is None:
        raise ComplaintInvalid(pick("没有这位工作人员", "No such staff member"), "staff_id")

    first_contact_due, reply_due = deadlines(session, received_at)
    if anonymous:  # answered on the notice (NOTICE_CHANNELS): nobody to contact first
        first_contact_due = None
    complaint = Complaint(
        kind=data.kind,
        channel=data.channel,
        category=data.category,
        received_at=received_at,
        content=content,
        case_id=case_id,
        unit_id=unit_id,
        staff_id=staff_id,
        status=OPEN,
        first_contact_due=first_contact_due,
        reply_due=reply_due,
        **values,
    )
    prefix = NUMBER_PREFIXES[data.kind]
    year = local_date(received_at).year
    insert_numbered(
        session, complaint, lambda: next_number(session, Complaint.number, prefix, year)
    )
    _audit(session, complaint, actor, "complaint.register", None, now)
    return complaint


def get_complaint(session: Session, complaint_id: int) -> Complaint:
    complaint = session.get(Complaint, complaint_id)
    if complaint is None:
        raise ComplaintInvalid(pick("找不到这件投诉", "No such complaint"))
    return complaint


def _audit(
    session: Session,
    complaint: Complaint,
    actor: ActingStaff,
    action: str,
    before: dict | None,
    now: datetime,
    **extra: object,
) -> None:
    record_change(
        session,
        actor_id=actor.id,
        action=action,
        entity="complaint",
        entity_uid=complaint.uid,
        before=before,
        after={**snapshot(complaint, COMPLAINT_FIELDS), **extra},
        at=now,
    )


def _active(complaint: Complaint, action_zh: str, action_en: str) -> None:
    if complaint.status == CLOSED:
        raise ComplaintInvalid(
            pick(
                f"投诉 {complaint.number} 已办结，请先重新打开再{action_zh}",
                f"Complaint {complaint.number} is closed: reopen it to {action_en}",
            )
        )


def _progress_status(complaint: Complaint) -> str:
    if complaint.replied_at is not None:
        return REPLIED
    if complaint.first_contact_at is not None:
        return CONTACTED
    return OPEN


def record_first_contact(
    session: Session,
    complaint_id: int,
    *,
    by_id: int | None,
    note: str,
    at: datetime | None = None,
    now: datetime | None = None,
) -> Complaint:
    """The complainant was first contacted at `at` (default now): what was said (W 7.3.2)."""
    now = current_time(now)
    at = current_time(at) if at is not None else now
    actor = acting_staff(session, by_id)
    require(actor.role, Permission.REGISTER_COMPLAINTS)
    complaint = get_complaint(session, complaint_id)
    _active(complaint, "记录联系", "record a contact")
    if complaint.first_contact_at is not None:
        raise ComplaintInvalid(
            pick("已记录过首次联系", "The first contact is already recorded"), "first_contact_at"
        )
    note = _text(note)
    if note is None:
        raise ComplaintInvalid(
            pick("请填写联系情况", "Write down what was said"), "first_contact_note"
        )
    _check_moment(at, now, complaint.received_at, "first_contact_at")
    before = snapshot(complaint, COMPLAINT_FIELDS)
    complaint.first_contact_at = at
    complaint.first_contact_note = note
    complaint.status = _progress_status(complaint)
    session.flush()
    _audit(session, complaint, actor, "complaint.first_contact", before, now)
    return complaint


def record_reply(
    session: Session,
    complaint_id: int,
    *,
    by_id: int | None,
    reply: str,
    at: datetime | None = None,
    now: datetime | None = None,
) -> Complaint:
    """The 处理意见 answered to the complainant at `at` (default now)."""
    now = current_time(now)
    at = current_time(at) if at is not None else now
    actor = acting_staff(session, by_id)
    require(actor.role, Permission.REGISTER_COMPLAINTS)
    complaint = get_complaint(session, complaint_id)
    _active(complaint, "答复", "reply")
    reply = _text(reply)
    if reply is None:
        raise ComplaintInvalid(pick("请填写处理意见", "Write down the reply"), "reply")
    _check_moment(at, now, complaint.received_at, "replied_at")
    before = snapshot(complaint, COMPLAINT_FIELDS)
    if complaint.first_contact_at is None:
        complaint.first_contact_at = at
        complaint.first_contact_note = pick("答复时联系投诉人", "Contacted with the reply")
    if complaint.replied_at is None:
        complaint.replied_at = at
    complaint.reply = reply
    complaint.status = _progress_status(complaint)
    session.flush()
    _audit(session, complaint, actor, "complaint.reply", before, now)
    return complaint


def record_complainant_opinion(
    session: Session,
    complaint_id: int,
    *,
    by_id: int | None,
    satisfied: bool,
    opinion: str | None = None,
    now: datetime | None = None,
) -> Complaint:
    """What the complainant thinks of the reply (投诉人意见); their words are required when
    they are not satisfied. A later opinion replaces the earlier one (the audit keeps it)."""
    now = current_time(now)
    actor = acting_staff(session, by_id)
    require(actor.role, Permission.REGISTER_COMPLAINTS)
    complaint = get_complaint(session, complaint_id)
    _active(complaint, "记录投诉人意见", "record the complainant's opinion")
    if complaint.replied_at is None:
        raise ComplaintInvalid(
            pick("尚未答复投诉人，还没有投诉人意见", "Reply to the complainant first"),
            "complainant_satisfied",
        )
    opinion = _text(opinion)
    if not satisfied and opinion is None:
        raise ComplaintInvalid(
            pick("投诉人不满意：请记录投诉人的意见", "Write down why the complainant is unhappy"),
            "complainant_opinion",
        )
    before = snapshot(complaint, COMPLAINT_FIELDS)
    complaint.complainant_satisfied = bool(satisfied)
    complaint.complainant_opinion = opinion
    session.flush()
    _audit(session, complaint, actor, "complaint.opinion", before, now)
    return complaint


def close_complaint(
    session: Session, complaint_id: int, *, by_id: int | None, now: datetime | None = None
) -> Complaint:
    """办结: after the reply, with no supervision order waiting for its reply; team leads."""
    now = current_time(now)
    actor = acting_staff(session, by_id)
    require(actor.role, Permission.LEAD_BOARD)
    complaint = get_complaint(session, complaint_id)
    if complaint.status == CLOSED:
        raise ComplaintInvalid(pick("此投诉已办结", "This complaint is already closed"))
    if complaint.replied_at is None:
        raise ComplaintInvalid(
            pick("尚未答复投诉人，不能办结", "Reply to the complainant before closing"), "reply"
        )
    waiting = session.scalar(
        select(SupervisionOrder.sequence)
        .where(SupervisionOrder.complaint_id == complaint.id, SupervisionOrder.replied_at.is_(None))
        .limit(1)
    )
    if waiting is not None:
        raise ComplaintInvalid(
            pick(
                f"第 {waiting} 次督办尚未回复，不能办结",
                f"Supervision order {waiting} has no reply yet: it cannot be closed",
            )
        )
    before = snapshot(complaint, COMPLAINT_FIELDS)
    complaint.status = CLOSED
    complaint.closed_at = now
    session.flush()
    _audit(session, complaint, actor, "complaint.close", before, now)
    return complaint


def reopen_complaint(
    session: Session,
    complaint_id: int,
    *,
    by_id: int | None,
    reason: str,
    now: datetime | None = None,
) -> Complaint:
    """Reopen a closed complaint (the reason goes into the audit trail); team leads."""
    now = current_time(now)
    actor = acting_staff(session, by_id)
    require(actor.role, Permission.LEAD_BOARD)
    complaint = get_complaint(session, complaint_id)
    if complaint.status != CLOSED:
        raise ComplaintInvalid(pick("此投诉尚未办结", "This complaint is not closed"))
    reason = _text(reason)
    if reason is None:
        raise ComplaintInvalid(pick("请填写重新打开的原因", "Give the reason to reopen"), "reason")
    before = snapshot(complaint, COMPLAINT_FIELDS)
    complaint.closed_at = None
    complaint.status = _progress_status(complaint)
    session.flush()
    _audit(session, complaint, actor, "complaint.reopen", before, now, reason=reason)
    return complaint
