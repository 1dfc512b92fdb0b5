"""The suggestion box and book (意见箱、意见簿, W 7.1.3.2): the day's check and each slip.

Someone checks an outlet's box and book every day (7.1.3.2.2): a `SuggestionBoxCheck` per outlet,
source (box / book) and day says who looked, when, and how many slips were found (0: none).
Saving the check of a day that has one already corrects it (who, when, count, note; audited).

Each slip found is recorded under its check (7.1.3.2.3–4):

- a **problem** becomes a suggestion record (建议, channel 意见箱 / 意见簿) through
  `app.complaints.registry.register_complaint`, handled from then on on the board's complaints
  tab like any other, and listed on the Wednesday notice with what was done;
- **praise** naming a staff member is a commendation (`app.commendations`) and so acknowledged;
- **criticism** stays open until the hall's head (LEAD_BOARD or ASSESS_OUTLETS) records the talk
  with the person (`acknowledge_slip`).

The count: a check's `slip_count` is the number of slips found. Slips are typed one by one
after the check, so fewer may be recorded than were found for a while (shown as waiting to be
typed); never more: a slip beyond the count raises the count by one (the result says so), and a
corrected count below the slips already recorded is refused.

An anonymous slip cannot be answered by phone: its suggestion record carries, as its address,
that the answer is the outlet's Wednesday notice (the register asks a phone number or an address).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import record_change, snapshot
from app.calendar import WorkingCalendar
from app.clock import current_time, local_date
from app.commendations import record_commendation
from app.complaints.registry import (
    OPINION,
    STATUSES,
    SUGGESTION,
    ComplaintInput,
    register_complaint,
)
from app.errors import Refused
from app.i18n import pick
from app.roles import Permission, Role, may
from app.staff import StaffMember, require_permission
from app.zone import LOCAL_ZONE
from db.models import Commendation, Complaint, Staff, SuggestionBoxCheck, SuggestionSlip, Unit

BOX = "box"
BOOK = "book"
SOURCES: dict[str, tuple[str, str]] = {BOX: ("意见箱", "Suggestion box"), BOOK: ("意见簿", "Book")}
# The complaint register's channel of a problem found in each (app.complaints.registry.CHANNELS).
COMPLAINT_CHANNELS = {BOX: "suggestion_box", BOOK: "suggestion_book"}

PROBLEM = "problem"
PRAISE = "praise"
CRITICISM = "criticism"
KINDS: dict[str, tuple[str, str]] = {
    PROBLEM: ("问题", "Problem"),
    PRAISE: ("表扬", "Praise"),
    CRITICISM: ("批评", "Criticism"),
}

MAX_SLIPS = 500  # in one check: a typo guard (5 000 slips in a day's box is a slip of the finger)
CONTENT_LIMIT = 2000  # the commendation's limit, so that praise always fits there
NOTE_LIMIT = 1000
NAME_LIMIT = 100  # writer and contact: their columns' size

CHECK_FIELDS = (
    "unit_id",
    "source",
    "checked_on",
    "checked_at",
    "checked_by_id",
    "slip_count",
    "note",
)
SLIP_FIELDS = (
    "check_id",
    "unit_id",
    "kind",
    "content",
    "staff_id",
    "writer",
    "contact",
    "complaint_id",
    "acknowledged_at",
    "acknowledged_by_id",
    "acknowledgement",
)


class SuggestionBoxError(Refused, ValueError):
    """A check or slip that cannot be stored as given; `field` names what to correct."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def source_label(code: str | None) -> str:
    zh, en = SOURCES.get(code or "", (code or "", code or ""))
    return pick(zh, en)


def kind_label(code: str | None) -> str:
    zh, en = KINDS.get(code or "", (code or "", code or ""))
    return pick(zh, en)


# Checking what is typed


def _text(
    value: str | None, field: str, name: tuple[str, str], limit: int, *, required: bool = False
) -> str | None:
    if value is not None and not isinstance(value, str):
        raise SuggestionBoxError(pick(f"{name[0]}应为文字", f"The {name[1]} must be text"), field)
    text = (value or "").strip()
    if not text:
        if required:
            raise SuggestionBoxError(pick(f"请填写{name[0]}", f"Fill in the {name[1]}"), field)
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = "\x00"  # half a surrogate pair: refused below like a NUL
    if "\x00" in text:  # PostgreSQL keeps no NUL in text
        raise SuggestionBoxError(
            pick(
                f"{name[0]}含有无法保存的字符",
                f"The {name[1]} holds characters that cannot be stored",
            ),
            field,
        )
    if len(text) > limit:
        raise SuggestionBoxError(
            pick(
                f"{name[0]}太长（{len(text)} 字），最多 {limit} 字",
                f"The {name[1]} is too long ({len(text)} characters; at most {limit})",
            ),
            field,
        )
    return text


def _unit(session: Session, unit_id: int | None) -> Unit:
    unit = session.get(Unit, unit_id) if isinstance(unit_id, int) else None
    if unit is None:
        raise SuggestionBoxError(pick("请选择网点", "Choose the outlet"), "unit_id")
    return unit


def _staff_of_unit(session: Session, staff_id: int | None, unit_id: int, field: str) -> int | None:
    if staff_id is None:
        return None
    found = (
        session.scalar(select(Staff.unit_id).where(Staff.id == staff_id))
        if isinstance(staff_id, int)
        else None
    )
    if found is None or found != unit_id:
        raise SuggestionBoxError(
            pick("请从本网点的工作人员中选择", "Choose one of the outlet's staff"), field
        )
    return staff_id


def _acting(session: Session, by_id: int | None, permission: Permission) -> StaffMember | None:
    return require_permission(session, by_id, permission)


# The day's check


@dataclass(frozen=True)
class CheckResult:
    id: int
    updated: bool  # a check of that outlet, source and day was there already and is corrected
    slip_count: int


def record_check(
    session: Session,
    *,
    unit_id: int,
    source: str,
    day: date,
    slip_count: int,
    checked_by_id: int | None = None,
    checked_at: time | None = None,
    note: str | None = None,
    by_id: int | None,
    now: datetime | None = None,
) -> CheckResult:
    """Record (or correct) the day's check of an outlet's box or book. `checked_by_id`: who
    looked (default the person recording), one of the outlet's staff or the person recording;
    `checked_at`: the local time that day (default now on today, noon on an earlier day)."""
    now = current_time(now)
    actor = _acting(session, by_id, Permission.RECORD_FEEDBACK)
    unit = _unit(session, unit_id)
    if source not in SOURCES:
        raise SuggestionBoxError(
            pick("请选择意见箱或意见簿", "Choose the box or the book"), "source"
        )
    if not isinstance(day, date) or isinstance(day, datetime):
        raise SuggestionBoxError(pick("请填写检查日期", "Give the day of the check"), "day")
    today = local_date(now)
    if day > today:
        raise SuggestionBoxError(
            pick("检查日期不能晚于今天", "The day of the check cannot be after today"), "day"
        )
    if (
        isinstance(slip_count, bool)
        or not isinstance(slip_count, int)
        or not (0 <= slip_count <= MAX_SLIPS)
    ):
        raise SuggestionBoxError(
            pick(
                f"意见条数应为 0 到 {MAX_SLIPS} 之间的整数",
                f"The number of slips must be a whole number from 0 to {MAX_SLIPS}",
            ),
            "slip_count",
        )
    note = _text(note, "note", ("备注", "note"), NOTE_LIMIT)
    if checked_by_id is None:
        checked_by_id = actor.id if actor is not None else None
    elif actor is None or checked_by_id != actor.id:
        _staff_of_unit(session, checked_by_id, unit.id, "checked_by_id")
    if checked_at is None:
        moment = (
            now.astimezone(LOCAL_ZONE)
            if day == today
            else datetime.combine(day, time(12), LOCAL_ZONE)
        )
    else:
        moment = datetime.combine(day, checked_at.replace(tzinfo=None), LOCAL_ZONE)
    if moment > now:
        raise SuggestionBoxError(
            pick("检查时间不能晚于现在", "The time of the check cannot be in the future"),
            "checked_at",
        )

    check = session.scalar(
        select(SuggestionBoxCheck).where(
            SuggestionBoxCheck.unit_id == unit.id,
            SuggestionBoxCheck.source == source,
            SuggestionBoxCheck.checked_on == day,
        )
    )
    before = None
    if check is not None:
        recorded = _slips_recorded(session, check.id)
        if slip_count < recorded:
            raise SuggestionBoxError(
                pick(
                    f"这次检查已录入 {recorded} 条意见，条数不能少于 {recorded}",
                    f"{recorded} slips are recorded under this check: the count cannot be less",
                ),
                "slip_count",
            )
        before = snapshot(check, CHECK_FIELDS)
    else:
        check = SuggestionBoxCheck(unit_id=unit.id, source=source, checked_on=day)
        session.add(check)
    check.checked_at = moment
    check.checked_by_id = checked_by_id
    check.slip_count = slip_count
    check.note = note
    session.flush()
    record_change(
        session,
        actor_id=by_id,
        action="suggestion_box.check_changed" if before else "suggestion_box.checked",
        entity="suggestion_box_check",
        entity_uid=check.uid,
        before=before,
        after=snapshot(check, CHECK_FIELDS),
        at=now,
    )
    return CheckResult(check.id, before is not None, check.slip_count)


def _slips_recorded(session: Session, check_id: int) -> int:
    return (
        session.scalar(
            select(func.count(SuggestionSlip.id)).where(SuggestionSlip.check_id == check_id)
        )
        or 0
    )


# Slips


@dataclass(frozen=True)
class SlipResult:
    id: int
    kind: str
    complaint_id: int | None = None
    complaint_number: str | None = None
    commendation_id: int | None = None
    slip_count: int = 0  # the check's count after this slip
    count_raised: bool = False  # the slip was beyond the count, which now includes it
    open: bool = False  # waits for the head's talk with the person (criticism)


def record_slip(
    session: Session,
    check_id: int,
    *,
    kind: str,
    content: str,
    staff_id: int | None = None,
    writer: str | None = None,
    contact: str | None = None,
    by_id: int | None,
    now: datetime | None = None,
) -> SlipResult:
    """Record one slip found at the check `check_id` and send it where its kind goes."""
    now = current_time(now)
    actor = _acting(session, by_id, Permission.RECORD_FEEDBACK)
    check = session.get(SuggestionBoxCheck, check_id) if isinstance(check_id, int) else None
    if check is None:
        raise SuggestionBoxError(
            pick("请先记录当天的检查", "Record the day's check first"), "check"
        )
    if kind not in KINDS:
        raise SuggestionBoxError(
            pick("请选择问题、表扬或批评", "Choose problem, praise or criticism"), "kind"
        )
    content = _text(content, "content", ("意见内容", "content"), CONTENT_LIMIT, required=True)
    writer = _text(writer, "writer", ("留言人", "writer"), NAME_LIMIT)
    contact = _text(contact, "contact", ("联系方式", "contact"), NAME_LIMIT)
    staff_id = _staff_of_unit(session, staff_id, check.unit_id, "staff_id")

    recorded = _slips_recorded(session, check.id)
    raised = recorded + 1 > check.slip_count
    if raised:
        if recorded + 1 > MAX_SLIPS:
            raise SuggestionBoxError(
                pick(f"一次检查最多 {MAX_SLIPS} 条意见", f"At most {MAX_SLIPS} slips in a check"),
                "check",
            )
        before = snapshot(check, CHECK_FIELDS)
        check.slip_count = recorded + 1
        session.flush()
        record_change(
            session,
            actor_id=by_id,
            action="suggestion_box.check_changed",
            entity="suggestion_box_check",
            entity_uid=check.uid,
            before=before,
            after=snapshot(check, CHECK_FIELDS),
            at=now,
        )

    slip = SuggestionSlip(
        check_id=check.id,
        unit_id=check.unit_id,
        kind=kind,
        content=content,
        staff_id=staff_id,
        writer=writer,
        contact=contact,
    )
    session.add(slip)
    session.flush()

    complaint: Complaint | None = None
    commendation: Commendation | None = None
    if kind == PROBLEM:
        complaint = register_complaint(
            session,
            ComplaintInput(
                content=content,
                channel=COMPLAINT_CHANNELS[check.source],
                category=OPINION,
                kind=SUGGESTION,
                received_at=check.checked_at,
                complainant=writer,
                contact=contact,
                address=None,
                unit_id=check.unit_id,
                staff_id=staff_id,
            ),
            by_id=by_id,
            now=now,
        )
        slip.complaint_id = complaint.id
    elif kind == PRAISE and staff_id is not None:
        # Nobody logs in at this seat (acting_member gave None): it may do everything.
        member = actor or StaffMember(None, "", Role.OPERATOR)  # type: ignore[arg-type]
        commendation = record_commendation(
            session,
            member,
            source="slip",
            content=content,
            received_on=check.checked_on,
            staff_id=staff_id,
            unit_id=check.unit_id,
            slip_id=slip.id,
        )
        slip.acknowledged_at = now
        slip.acknowledged_by_id = by_id
        slip.acknowledgement = "已记为表扬"  # stored in Chinese, as the records are
    session.flush()
    record_change(
        session,
        actor_id=by_id,
        action="suggestion_box.slip",
        entity="suggestion_slip",
        entity_uid=slip.uid,
        before=None,
        after=snapshot(slip, SLIP_FIELDS),
        at=now,
    )
    return SlipResult(
        id=slip.id,
        kind=kind,
        complaint_id=complaint.id if complaint else None,
        complaint_number=complaint.number if complaint else None,
        commendation_id=commendation.id if commendation else None,
        slip_count=check.slip_count,
        count_raised=raised,
        open=kind == CRITICISM,
    )


def may_acknowledge(role: Role | str | None) -> bool:
    """Whether the role may record the talk about a criticism: the hall's head."""
    return may(role, Permission.LEAD_BOARD) or may(role, Permission.ASSESS_OUTLETS)


def acknowledge_slip(
    session: Session,
    slip_id: int,
    *,
    text: str,
    by_id: int | None,
    now: datetime | None = None,
) -> SuggestionSlip:
    """The head of the hall talked the criticism over with the person named (W 7.1.3.2.4)."""
    now = current_time(now)
    actor = _acting(session, by_id, Permission.RECORD_FEEDBACK)
    if actor is not None and not may_acknowledge(actor.role):
        _acting(session, by_id, Permission.LEAD_BOARD)  # refused, naming who may
    slip = session.get(SuggestionSlip, slip_id) if isinstance(slip_id, int) else None
    if slip is None:
        raise SuggestionBoxError(pick("找不到这条意见", "No such slip"))
    if slip.kind != CRITICISM:
        raise SuggestionBoxError(
            pick("只有批评意见需要记录谈话", "Only criticism is talked over with the person")
        )
    if slip.acknowledged_at is not None:
        raise SuggestionBoxError(pick("这条批评已记录过谈话", "The talk is already recorded"))
    text = _text(text, "acknowledgement", ("谈话情况", "talk"), CONTENT_LIMIT, required=True)
    before = snapshot(slip, SLIP_FIELDS)
    slip.acknowledged_at = now
    slip.acknowledged_by_id = by_id
    slip.acknowledgement = text
    session.flush()
    record_change(
        session,
        actor_id=by_id,
        action="suggestion_box.talked",
        entity="suggestion_slip",
        entity_uid=slip.uid,
        before=before,
        after=snapshot(slip, SLIP_FIELDS),
        at=now,
    )
    return slip


# What the tab shows


@dataclass(frozen=True)
class SlipRow:
    id: int
    check_id: int
    checked_on: date
    source: str
    kind: str
    content: str
    staff_id: int | None
    staff_name: str | None
    writer: str | None
    contact: str | None
    complaint_number: str | None
    complaint_status: str | None
    acknowledged: bool
    acknowledgement: str | None


@dataclass(frozen=True)
class CheckRow:
    id: int
    source: str
    checked_at: datetime
    checked_by: str | None
    slip_count: int
    recorded: int
    note: str | None


@dataclass(frozen=True)
class DayView:
    unit_id: int
    day: date
    checks: list[CheckRow] = field(default_factory=list)
    slips: list[SlipRow] = field(default_factory=list)

    def check(self, source: str) -> CheckRow | None:
        return next((c for c in self.checks if c.source == source), None)


def _slip_rows(session: Session, *where) -> list[SlipRow]:
    rows = session.execute(
        select(
            SuggestionSlip,
            SuggestionBoxCheck.checked_on,
            SuggestionBoxCheck.source,
            Staff.name,
            Complaint.number,
            Complaint.status,
        )
        .join(SuggestionBoxCheck, SuggestionBoxCheck.id == SuggestionSlip.check_id)
        .outerjoin(Staff, Staff.id == SuggestionSlip.staff_id)
        .outerjoin(Complaint, Complaint.id == SuggestionSlip.complaint_id)
        .where(*where)
        .order_by(SuggestionBoxCheck.checked_on, SuggestionSlip.id)
    ).all()
    return [
        SlipRow(
            id=slip.id,
            check_id=slip.check_id,
            checked_on=checked_on,
            source=source,
            kind=slip.kind,
            content=slip.content,
            staff_id=slip.staff_id,
            staff_name=staff_name,
            writer=slip.writer,
            contact=slip.contact,
            complaint_number=number,
            complaint_status=status,
            acknowledged=slip.acknowledged_at is not None,
            acknowledgement=slip.acknowledgement,
        )
        for slip, checked_on, source, staff_name, number, status in rows
    ]


def day_view(session: Session, unit_id: int, day: date, *, viewer_id: int | None) -> DayView:
    """The outlet's checks of the day and the slips recorded under them."""
    _acting(session, viewer_id, Permission.RECORD_FEEDBACK)
    checker = Staff.__table__.alias("checker")
    recorded = (
        select(func.count(SuggestionSlip.id))
        .where(SuggestionSlip.check_id == SuggestionBoxCheck.id)
        .scalar_subquery()
    )
    checks = session.execute(
        select(SuggestionBoxCheck, checker.c.name, recorded)
        .outerjoin(checker, checker.c.id == SuggestionBoxCheck.checked_by_id)
        .where(SuggestionBoxCheck.unit_id == unit_id, SuggestionBoxCheck.checked_on == day)
        .order_by(SuggestionBoxCheck.source)
    ).all()
    return DayView(
        unit_id,
        day,
        [
            CheckRow(c.id, c.source, c.checked_at, name, c.slip_count, count or 0, c.note)
            for c, name, count in checks
        ],
        _slip_rows(
            session, SuggestionSlip.unit_id == unit_id, SuggestionBoxCheck.checked_on == day
        ),
    )


def open_criticisms(
    session: Session, unit_id: int | None = None, *, viewer_id: int | None
) -> list[SlipRow]:
    """Criticism not yet talked over with the person, oldest first (all outlets: None)."""
    _acting(session, viewer_id, Permission.RECORD_FEEDBACK)
    where = [SuggestionSlip.kind == CRITICISM, SuggestionSlip.acknowledged_at.is_(None)]
    if unit_id is not None:
        where.append(SuggestionSlip.unit_id == unit_id)
    return _slip_rows(session, *where)


@dataclass(frozen=True)
class MonthDay:
    day: date
    working: bool
    box: bool  # the box was checked that day
    book: bool
    missed: bool  # a working day gone by (today included) with neither checked


def month_checks(
    session: Session, unit_id: int, year: int, month: int, *, viewer_id: int | None, today: date
) -> list[MonthDay]:
    """Every day of the month: working day or not (the working-day calendar), which of box and
    book were checked, and the working days up to `today` with no check at all (missed,
    W 7.1.3.2.2). An outlet that keeps only a box is complete with the box checked."""
    _acting(session, viewer_id, Permission.RECORD_FEEDBACK)
    calendar = WorkingCalendar.load(session)
    days = calendar.month_days(year, month)  # an unknown year: CalendarUnknownError (Refused)
    first = date(year, month, 1)
    checked: dict[date, set[str]] = {}
    for day, source in session.execute(
        select(SuggestionBoxCheck.checked_on, SuggestionBoxCheck.source).where(
            SuggestionBoxCheck.unit_id == unit_id,
            SuggestionBoxCheck.checked_on >= first,
            SuggestionBoxCheck.checked_on < first + timedelta(days=len(days)),
        )
    ):
        checked.setdefault(day, set()).add(source)
    result = []
    for info in days:
        sources = checked.get(info.day, set())
        result.append(
            MonthDay(
                info.day,
                info.is_working_day,
                BOX in sources,
                BOOK in sources,
                info.is_working_day and info.day <= today and not sources,
            )
        )
    return result


# The Wednesday notice (W 7.1.3.2.3, 每周三发布公告)


def notice_wednesday(day: date) -> date:
    """The Wednesday a notice is published on for `day`: that day when it is one, else the
    next. The notice of Wednesday W covers the slips found from the Wednesday before through
    the Tuesday before it (W-7 … W-1): every day falls in one notice, and the notice published
    on a Wednesday morning has the whole of the week up to the evening before."""
    return day + timedelta(days=(2 - day.weekday()) % 7)


def notice_week(wednesday: date) -> tuple[date, date]:
    """The first and last day (both included) whose slips the notice of `wednesday` lists."""
    return wednesday - timedelta(days=7), wednesday - timedelta(days=1)


@dataclass(frozen=True)
class NoticeLine:
    found_on: date
    source: str  # box / book
    content: str  # as written: the printing masks numbers in it
    number: str | None  # the suggestion record's number
    status: str | None  # its status code
    reply: str | None  # what was answered


@dataclass(frozen=True)
class Notice:
    unit_name: str
    wednesday: date
    start: date
    end: date
    lines: list[NoticeLine]
    checks: int  # checks recorded in the week
    slips: int  # slips of any kind found in the week


def notice(session: Session, unit_id: int, wednesday: date, *, viewer_id: int | None) -> Notice:
    """The problems raised by slips at the outlet in the week the notice of `wednesday` covers,
    and what was done: the suggestion record's status and its reply. Nothing of the writer."""
    _acting(session, viewer_id, Permission.RECORD_FEEDBACK)
    unit = _unit(session, unit_id)
    if wednesday.weekday() != 2:
        raise SuggestionBoxError(pick("公告日应为星期三", "A notice is dated a Wednesday"), "day")
    start, end = notice_week(wednesday)
    in_week = (
        SuggestionBoxCheck.unit_id == unit.id,
        SuggestionBoxCheck.checked_on >= start,
        SuggestionBoxCheck.checked_on <= end,
    )
    rows = session.execute(
        select(
            SuggestionBoxCheck.checked_on,
            SuggestionBoxCheck.source,
            SuggestionSlip.content,
            Complaint.number,
            Complaint.status,
            Complaint.reply,
        )
        .join(SuggestionBoxCheck, SuggestionBoxCheck.id == SuggestionSlip.check_id)
        .outerjoin(Complaint, Complaint.id == SuggestionSlip.complaint_id)
        .where(*in_week, SuggestionSlip.kind == PROBLEM)
        .order_by(SuggestionBoxCheck.checked_on, SuggestionBoxCheck.source, SuggestionSlip.id)
    ).all()
    checks = session.scalar(select(func.count(SuggestionBoxCheck.id)).where(*in_week)) or 0
    slips = (
        session.scalar(
            select(func.count(SuggestionSlip.id))
            .join(SuggestionBoxCheck, SuggestionBoxCheck.id == SuggestionSlip.check_id)
            .where(*in_week)
        )
        or 0
    )
    return Notice(
        unit.name,
        wednesday,
        start,
        end,
        [
            NoticeLine(day, source, content, number, status, reply)
            for day, source, content, number, status, reply in rows
        ],
        checks,
        slips,
    )


def notice_status(line: NoticeLine) -> str:
    """What the notice says was done, in Chinese (a public notice is printed in Chinese)."""
    if line.status is None:
        return "正在调查处理"
    return STATUSES.get(line.status, (line.status,))[0]
