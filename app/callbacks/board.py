"""The team lead's board (督办看板): every unresolved dissatisfaction and open complaint, with its
age and deadline in working days on the official calendar (SPEC rules 6, 11, 15), overdue first.

A callback stays on the board while it is unresolved or while the 差评 that opened it is not
closed (app.bad_reviews); its deadline is the nearest clock running: the callback's own, the
appeal's decision or the rectification. Two queries read the whole board (callbacks, open
complaints), each joined to its case, unit, owner and 差评; ages and days left are counted here
on one loaded calendar. A year missing from the calendar leaves those figures unknown
("日历未录入") instead of failing the board.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Select, and_, exists, func, or_, select, union
from sqlalchemy.orm import Session, aliased

from app import clock
from app.audit import record_export
from app.bad_reviews.process import OPEN_STAGES, running_clock, stage_label
from app.calendar import CalendarUnknownError, WorkingCalendar
from app.callbacks.contacts import ACTIVE_STATUSES, status_label
from app.clock import local_date
from app.complaints.registry import CATEGORIES as COMPLAINT_CATEGORIES
from app.complaints.registry import CLOSED as COMPLAINT_CLOSED
from app.complaints.registry import kind_label as complaint_kind_label
from app.complaints.registry import status_label as complaint_status_label
from app.desk.calls import DISSATISFACTION_CATEGORIES
from app.i18n import pick
from app.roles import Permission, Role, may
from app.settings import get_setting
from app.staff import acting_member
from app.zone import LOCAL_ZONE
from db.models import BadReview, CallbackTask, Case, Complaint, Evaluation, Staff, Unit

CALLBACK = "callback"
COMPLAINT = "complaint"
KINDS: dict[str, tuple[str, str]] = {
    CALLBACK: ("二次回访", "Callback"),
    COMPLAINT: ("投诉/建议", "Complaint"),
}
NOBODY = "nobody"  # the owner filter for items nobody has been given yet
EXCERPT_LENGTH = 60
_DISSATISFACTION_LABELS = dict(DISSATISFACTION_CATEGORIES)
_DISSATISFACTION_EN = {
    "efficiency": "Slow service",
    "attitude": "Poor attitude",
    "materials": "Too many materials",
    "fees": "Fees",
    "process": "Process / system",
    "other": "Other",
}


def code_label(table: dict[str, tuple[str, str]], code: str | None) -> str:
    if code is None:
        return pick("未分类", "Unclassified")
    zh, en = table.get(code, (code, code))
    return pick(zh, en)


def reason_label(kind: str, code: str | None) -> str:
    """A callback's reason category or a complaint's class, as the board names it."""
    if code is None:
        return pick("未分类", "Unclassified")
    if kind == COMPLAINT:
        return code_label(COMPLAINT_CATEGORIES, code)
    return pick(_DISSATISFACTION_LABELS.get(code, code), _DISSATISFACTION_EN.get(code, code))


def reasons() -> list[tuple[str, str]]:
    """(code, label) of every reason a board row can have: callbacks' then complaints'."""
    return [(code, reason_label(CALLBACK, code)) for code, _ in DISSATISFACTION_CATEGORIES] + [
        (code, reason_label(COMPLAINT, code)) for code in COMPLAINT_CATEGORIES
    ]


def owner_key(kind: str, owner_id: int) -> str:
    """The owner filter's value for a staff member ("staff") or a unit ("unit")."""
    return f"{kind}:{owner_id}"


@dataclass(frozen=True)
class BoardFilter:
    unit_id: int | None = None  # the accepting unit (a complaint's unit, else its case's)
    reason: str | None = None  # a code of `reasons()`
    min_age: int | None = None  # working days since opened, at least
    owner: str | None = None  # owner_key(...) or NOBODY
    kind: str | None = None  # CALLBACK or COMPLAINT


@dataclass
class BoardRow:
    kind: str  # CALLBACK or COMPLAINT
    kind_label: str  # 二次回访, 投诉 or 建议
    id: int  # the task's or the complaint's
    case_id: int | None
    case_no: str | None
    number: str | None  # a complaint's number (投诉编号)
    unit_id: int | None
    unit: str
    reason: str | None
    reason_label: str
    owner: str  # the operator, the unit, or 未分派
    owner_key: str
    status: str
    status_label: str
    opened_on: date
    age: int | None  # working days since opened; None when the calendar does not know
    deadline: date | None
    deadline_label: str  # what the deadline is for: 办结 / 首次联系 / 答复
    days_left: int | None  # working days to the deadline, negative when overdue
    overdue: bool
    calendar_missing: bool  # a year on the way is not in the calendar: age or days left unknown
    words: str  # the respondent's or complainant's words, shortened
    review_id: int | None = None  # the 差评 of a callback opened by one
    review_stage: str | None = None  # its stage (app.bad_reviews.process), until closed

    @property
    def reference(self) -> str:
        """How the item is named: a callback by its case number, a complaint by its own."""
        if self.kind == COMPLAINT:
            return self.number or self.case_no or f"#{self.id}"
        return self.case_no or f"#{self.id}"


@dataclass
class BoardChoices:
    units: list[tuple[int, str]]
    reasons: list[tuple[str, str]]
    owners: list[tuple[str, str]]  # (owner key, label), NOBODY first


def withheld_words() -> str:
    """What stands for a respondent's words that may describe an integrity breach (rule 7)."""
    return pick("（涉及廉洁纪律反映，仅组长、管理员可见）", "(integrity report: team leads only)")


def excerpt(text: str | None, length: int = EXCERPT_LENGTH) -> str:
    words = " ".join((text or "").split())
    return words if len(words) <= length else words[: length - 1] + "…"


def board_rows(
    session: Session,
    filters: BoardFilter | None = None,
    *,
    today: date | None = None,
    role: Role | str | None = None,
) -> list[BoardRow]:
    """The board as filtered: overdue items first, then by nearest deadline, then oldest.

    The words of a callback opened by an evaluation that also reported an integrity breach may
    describe it; they are shown only to a `role` that may see integrity reports (SPEC rule 7).
    """
    filters = filters or BoardFilter()
    today = today or clock.today()
    calendar = WorkingCalendar.load(session)
    rows: list[BoardRow] = []
    if filters.kind in (None, CALLBACK):
        days = get_setting(session, "callbacks.deadline_working_days")
        rows += _callback_rows(
            session, filters, calendar, today, days, may(role, Permission.SEE_INTEGRITY)
        )
    if filters.kind in (None, COMPLAINT):
        rows += _complaint_rows(session, filters, calendar, today)
    if filters.min_age:
        # An age the calendar cannot count is not shown to be younger: the row stays.
        rows = [row for row in rows if row.age is None or row.age >= filters.min_age]
    rows.sort(
        key=lambda row: (
            not row.overdue,
            row.deadline is None,
            row.deadline or date.max,
            row.opened_on,
            row.kind,
            row.id,
        )
    )
    return rows


def _callback_rows(
    session: Session,
    filters: BoardFilter,
    calendar: WorkingCalendar,
    today: date,
    days: int,
    integrity: bool,
) -> list[BoardRow]:
    operator = aliased(Staff)
    assigned_unit = aliased(Unit)
    task = CallbackTask
    review = BadReview
    query = (
        select(
            task.id,
            task.case_id,
            Case.case_no,
            task.unit_id,
            Unit.name.label("unit"),
            task.reason_category,
            task.status,
            task.opened_at,
            task.due_on,
            task.assigned_to_id,
            operator.name.label("operator"),
            task.assigned_unit_id,
            assigned_unit.name.label("assigned_unit"),
            func.coalesce(task.respondent_words, Evaluation.suggestion).label("words"),
            Evaluation.integrity_breach,
            review.id.label("review_id"),
            review.stage.label("review_stage"),
            review.appeal_due,
            review.rectify_by,
            review.rectify_due,
        )
        .join(Case, Case.id == task.case_id)
        .join(Unit, Unit.id == task.unit_id)
        .outerjoin(operator, operator.id == task.assigned_to_id)
        .outerjoin(assigned_unit, assigned_unit.id == task.assigned_unit_id)
        .outerjoin(Evaluation, Evaluation.id == task.evaluation_id)
        .outerjoin(review, review.callback_task_id == task.id)
        .where(or_(task.status.in_(ACTIVE_STATUSES), review.stage.in_(OPEN_STAGES)))
    )
    if filters.unit_id is not None:
        query = query.where(task.unit_id == filters.unit_id)
    if filters.reason is not None:
        query = query.where(task.reason_category == filters.reason)
    query = _owner_filter(query, filters.owner, task.assigned_to_id, task.assigned_unit_id)
    result = []
    for r in session.execute(query):
        opened_on = local_date(r.opened_at)
        clocks: list[tuple[date | None, str]] = []  # (due, what for) of each clock running
        if r.status in ACTIVE_STATUSES:
            deadline = r.due_on
            if deadline is None:  # opened while its year was missing from the calendar
                try:
                    deadline = calendar.add_working_days(opened_on, days)
                except CalendarUnknownError:
                    deadline = None
            clocks.append((deadline, pick("办结", "Finish")))
        stage = r.review_stage if r.review_stage in OPEN_STAGES else None
        running = running_clock(stage, r.appeal_due, r.rectify_by, r.rectify_due)
        if running is not None:
            clocks.append((running.due, running.what))
        known = [(due, what) for due, what in clocks if due is not None]
        deadline, deadline_label = min(known, key=lambda c: c[0]) if known else (None, "")
        status = status_label(r.status)
        if stage is not None:
            status = pick(f"{status}，差评{stage_label(stage)}", f"{status}; {stage_label(stage)}")
        if r.assigned_to_id is not None:
            owner, key = r.operator, owner_key("staff", r.assigned_to_id)
        elif r.assigned_unit_id is not None:
            owner, key = r.assigned_unit, owner_key("unit", r.assigned_unit_id)
        else:
            owner, key = pick("未分派", "Not assigned"), NOBODY
        result.append(
            _row(
                calendar,
                today,
                kind=CALLBACK,
                kind_label=pick("差评", "Bad review")
                if r.review_id is not None
                else code_label(KINDS, CALLBACK),
                id=r.id,
                case_id=r.case_id,
                case_no=r.case_no,
                number=None,
                unit_id=r.unit_id,
                unit=r.unit,
                reason=r.reason_category,
                reason_label=reason_label(CALLBACK, r.reason_category),
                owner=owner,
                owner_key=key,
                status=r.status,
                status_label=status,
                opened_on=opened_on,
                deadline=deadline,
                deadline_label=deadline_label,
                deadline_unknown=len(known) < len(clocks),
                words=withheld_words()
                if r.integrity_breach and not integrity
                else excerpt(r.words),
                review_id=r.review_id,
                review_stage=stage,
            )
        )
    return result


def _complaint_rows(
    session: Session, filters: BoardFilter, calendar: WorkingCalendar, today: date
) -> list[BoardRow]:
    c = Complaint
    unit_id = func.coalesce(c.unit_id, Case.unit_id)
    query = (
        select(
            c.id,
            c.case_id,
            Case.case_no,
            c.number,
            c.kind,
            unit_id.label("unit_id"),
            Unit.name.label("unit"),
            c.category,
            c.status,
            c.received_at,
            c.first_contact_due,
            c.first_contact_at,
            c.reply_due,
            c.replied_at,
            c.assigned_to_id,
            Staff.name.label("handler"),
            c.content,
        )
        .outerjoin(Case, Case.id == c.case_id)
        .outerjoin(Unit, Unit.id == unit_id)
        .outerjoin(Staff, Staff.id == c.assigned_to_id)
        .where(c.status != COMPLAINT_CLOSED)
    )
    if filters.unit_id is not None:
        query = query.where(unit_id == filters.unit_id)
    if filters.reason is not None:
        query = query.where(c.category == filters.reason)
    query = _owner_filter(query, filters.owner, c.assigned_to_id, None)
    result = []
    for r in session.execute(query):
        # The earlier deadline not yet met: first contact (2 working days), then the reply (15).
        pending = [
            (due, label)
            for due, done, label in (
                (r.first_contact_due, r.first_contact_at, pick("首次联系", "First contact")),
                (r.reply_due, r.replied_at, pick("答复", "Reply")),
            )
            if due is not None and done is None
        ]
        deadline, deadline_label = min(pending, key=lambda p: p[0]) if pending else (None, "")
        if r.assigned_to_id is not None:
            owner, key = r.handler, owner_key("staff", r.assigned_to_id)
        else:
            owner, key = pick("未分派", "Not assigned"), NOBODY
        kind_label = complaint_kind_label(r.kind)
        result.append(
            _row(
                calendar,
                today,
                kind=COMPLAINT,
                kind_label=kind_label,
                id=r.id,
                case_id=r.case_id,
                case_no=r.case_no,
                number=r.number,
                unit_id=r.unit_id,
                unit=r.unit or pick("（未指定单位）", "(no unit)"),
                reason=r.category,
                reason_label=reason_label(COMPLAINT, r.category) if r.category else kind_label,
                owner=owner,
                owner_key=key,
                status=r.status,
                status_label=complaint_status_label(r.status),
                opened_on=local_date(r.received_at),
                deadline=deadline,
                deadline_label=deadline_label,
                words=excerpt(r.content),
            )
        )
    return result


def _owner_filter(query: Select, owner: str | None, staff_column, unit_column) -> Select:
    if owner is None:
        return query
    if owner == NOBODY:
        query = query.where(staff_column.is_(None))
        return query if unit_column is None else query.where(unit_column.is_(None))
    kind, _, number = owner.partition(":")
    owner_id = int(number)
    if kind == "staff":
        return query.where(staff_column == owner_id)
    if unit_column is None:  # complaints are given to people, never to a unit
        return query.where(False)
    return query.where(staff_column.is_(None), unit_column == owner_id)


def _row(
    calendar: WorkingCalendar,
    today: date,
    *,
    opened_on: date,
    deadline: date | None,
    deadline_unknown: bool = False,
    **values,
) -> BoardRow:
    """A row with its age and days left; `deadline_unknown`: a clock runs whose due date the
    calendar could not count."""
    missing = False
    try:
        age = calendar.working_days_between(opened_on, today)
    except CalendarUnknownError:
        age, missing = None, True
    days_left = None
    overdue = deadline is not None and deadline < today
    if deadline is not None:
        try:
            days_left = calendar.working_days_between(today, deadline)
        except CalendarUnknownError:
            missing = True
        else:
            if overdue:  # on the rest day after a Friday deadline it is late all the same
                days_left = min(days_left, -1)
    if deadline_unknown:
        missing = True  # e.g. a callback's deadline in a year the calendar does not know
    return BoardRow(
        opened_on=opened_on,
        deadline=deadline,
        age=age,
        days_left=days_left,
        overdue=overdue,
        calendar_missing=missing,
        **values,
    )


def overdue_days(calendar: WorkingCalendar, today: date, deadline: date | None) -> int | None:
    """Working days a deadline is past, as the board counts them (at least 1 once it is past:
    on the rest day after a Friday deadline it is late all the same); None when it is not past.
    CalendarUnknownError when the calendar lacks a year between them."""
    if deadline is None or deadline >= today:
        return None
    return max(-calendar.working_days_between(today, deadline), 1)


def on_board():
    """A callback task that the board lists: unresolved, or its 差评 not closed."""
    return or_(
        CallbackTask.status.in_(ACTIVE_STATUSES),
        exists().where(
            and_(
                BadReview.callback_task_id == CallbackTask.id,
                BadReview.stage.in_(OPEN_STAGES),
            )
        ),
    )


def board_choices(session: Session) -> BoardChoices:
    """What the filters offer: the active units, the reasons, and the owners items have now."""
    units = session.execute(
        select(Unit.id, Unit.name).where(Unit.active.is_(True)).order_by(Unit.name, Unit.id)
    ).all()
    people = union(
        select(CallbackTask.assigned_to_id.label("staff_id")).where(
            on_board(), CallbackTask.assigned_to_id.is_not(None)
        ),
        select(Complaint.assigned_to_id.label("staff_id")).where(
            Complaint.status != COMPLAINT_CLOSED, Complaint.assigned_to_id.is_not(None)
        ),
    ).subquery()
    staff = session.execute(
        select(Staff.id, Staff.name)
        .join(people, people.c.staff_id == Staff.id)
        .order_by(Staff.name, Staff.id)
    ).all()
    owner_units = session.execute(
        select(Unit.id, Unit.name)
        .where(
            Unit.id.in_(
                select(CallbackTask.assigned_unit_id).where(
                    on_board(),
                    CallbackTask.assigned_to_id.is_(None),
                    CallbackTask.assigned_unit_id.is_not(None),
                )
            )
        )
        .order_by(Unit.name, Unit.id)
    ).all()
    owners = [(NOBODY, pick("未分派", "Not assigned"))]
    owners += [(owner_key("staff", i), name) for i, name in staff]
    owners += [(owner_key("unit", i), name) for i, name in owner_units]
    return BoardChoices(units=[(i, n) for i, n in units], reasons=reasons(), owners=owners)


# Export of the rows shown, as they are shown.

EXPORT_COLUMNS: tuple[tuple[str, float], ...] = (
    ("类型", 10),
    ("编号", 18),
    ("业务编号", 20),
    ("受理单位", 24),
    ("原因", 16),
    ("负责人", 14),
    ("状态", 10),
    ("登记日期", 12),
    ("已过工作日", 10),
    ("期限", 12),
    ("期限事项", 10),
    ("剩余工作日", 10),
    ("是否超期", 9),
    ("反映内容", 50),
)
CALENDAR_MISSING = "日历未录入"


def export_board(
    session: Session,
    filters: BoardFilter | None,
    path: Path,
    *,
    by_id: int | None,
    today: date | None = None,
    filters_text: str = "",
) -> int:
    """The board as `board_rows` reads it now for the person exporting (`by_id`, whose role
    decides whether words that may report an integrity breach are shown), written to `path`
    (`write_board_xlsx`) and audited: the respondents' words leave in it. Returns the rows
    written. A logged-in person of any role, once anybody logs in."""
    member = acting_member(session, by_id)
    rows = board_rows(session, filters, today=today, role=member.role if member else None)
    write_board_xlsx(rows, path, generated_at=clock.local_now(), filters_text=filters_text)
    chosen = {key: value for key, value in asdict(filters or BoardFilter()).items() if value}
    record_export(
        session,
        actor_id=by_id,
        what="board",
        path=path,
        rows=len(rows),
        details={"filters": chosen} if chosen else None,  # ids and codes, no names
    )
    return len(rows)


def write_board_xlsx(
    rows: list[BoardRow], path: Path, *, generated_at: datetime, filters_text: str = ""
) -> None:
    """The board's rows, in order, as one sheet; overdue rows in red."""
    from app import spreadsheets  # xlsxwriter: loaded for an export, not with the call desk

    workbook = spreadsheets.workbook(path)
    try:
        sheet = workbook.add_worksheet("督办看板")
        base = {"font_name": "宋体", "font_size": 11, "valign": "vcenter"}
        cell = {**base, "border": 1}
        red = {"font_color": "#C00000"}
        fmt = {
            "title": workbook.add_format({**base, "font_name": "黑体", "font_size": 16, "bold": 1}),
            "note": workbook.add_format(base),
            "header": workbook.add_format(
                {**cell, "bold": True, "bg_color": "#D9E1F2", "align": "center"}
            ),
            "text": workbook.add_format(cell),
            "date": workbook.add_format({**cell, "num_format": "yyyy-mm-dd", "align": "center"}),
            "int": workbook.add_format({**cell, "align": "center"}),
            "red_text": workbook.add_format({**cell, **red}),
            "red_date": workbook.add_format(
                {**cell, **red, "num_format": "yyyy-mm-dd", "align": "center"}
            ),
            "red_int": workbook.add_format({**cell, **red, "align": "center", "bold": True}),
        }
        for col, (_, width) in enumerate(EXPORT_COLUMNS):
            sheet.set_column(col, col, width)
        sheet.write(0, 0, "督办看板：未办结的不满意二次回访与投诉", fmt["title"])
        note = f"导出时间：{generated_at.astimezone(LOCAL_ZONE):%Y-%m-%d %H:%M}　共 {len(rows)} 项"
        sheet.write(1, 0, note + (f"　筛选：{filters_text}" if filters_text else ""), fmt["note"])
        header_row = 3
        for col, (title, _) in enumerate(EXPORT_COLUMNS):
            sheet.write(header_row, col, title, fmt["header"])
        for number, row in enumerate(rows, start=header_row + 1):
            prefix = "red_" if row.overdue else ""
            values: list[tuple[object, str]] = [
                (row.kind_label, "text"),
                (row.reference, "text"),
                (row.case_no, "text"),
                (row.unit, "text"),
                (row.reason_label, "text"),
                (row.owner, "text"),
                (row.status_label, "text"),
                (row.opened_on, "date"),
                (CALENDAR_MISSING if row.age is None else row.age, "int"),
                (row.deadline, "date"),
                (row.deadline_label, "text"),
                (
                    CALENDAR_MISSING
                    if row.days_left is None and row.calendar_missing
                    else row.days_left,
                    "int",
                ),
                ("是" if row.overdue else "否", "int"),
                (row.words, "text"),
            ]
            for col, (value, kind) in enumerate(values):
                style = fmt[prefix + kind]
                if value is None or value == "":
                    sheet.write_blank(number, col, None, style)
                elif isinstance(value, date):
                    sheet.write_datetime(
                        number, col, datetime.combine(value, datetime.min.time()), style
                    )
                else:
                    sheet.write(number, col, value, style)
        sheet.freeze_panes(header_row + 1, 0)
        if rows:
            sheet.autofilter(header_row, 0, header_row + len(rows), len(EXPORT_COLUMNS) - 1)
    finally:
        workbook.close()
