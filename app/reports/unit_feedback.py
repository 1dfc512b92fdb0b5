"""What goes back to each accepting unit (受理单位, also its registration hall) for a period
(J 5.4.4, W 7.3): the respondents' suggestions, the complaints and suggestions registered against
it, and its dissatisfied answers' second-round callbacks — each with what was done about it.

A suggestion whose words are those its own evaluation's callback took down is listed once, as the
callback.

A suggestion counts in the period it was given, a complaint when it was received, a callback when
it was opened (local dates, both ends included). A complaint goes to the unit it names, else to
the unit of its case; one that names neither is listed apart rather than dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from app import clock
from app.callbacks.contacts import ACTIVE_STATUSES, STATUSES
from app.complaints.registry import CATEGORIES, CHANNELS
from app.desk.calls import DISSATISFACTION_CATEGORIES
from app.errors import Refused
from app.i18n import pick
from app.ratings import CHANNEL_LABELS, Channel
from app.reports.quarterly import quarter_bounds
from app.zone import LOCAL_ZONE
from db.models import CallbackContact, CallbackTask, Case, Complaint, Evaluation, Staff, Unit

# Where an entry comes from.
SUGGESTION = "suggestion"  # 有无建议 / 评价内容 of an evaluation, any channel or round
COMPLAINT = "complaint"  # a complaint registered (W 7.3, 附录 H.1)
REGISTERED_SUGGESTION = "registered_suggestion"  # a suggestion registered like a complaint
DISSATISFIED = "dissatisfied"  # a second-round callback opened by 不满意 (J 5.3.2)
SOURCES = (SUGGESTION, COMPLAINT, REGISTERED_SUGGESTION, DISSATISFIED)
SOURCE_LABELS = {
    SUGGESTION: "评价建议",
    COMPLAINT: "投诉",
    REGISTERED_SUGGESTION: "意见建议",
    DISSATISFIED: "不满意回访",
}

# A suggestion on a case without a callback: it has been passed to the unit, nothing more.
FORWARDED = "已反馈单位"
NO_UNIT = "（未指明受理单位）"
# Answers to 有无建议 that say there is none; the importers already drop them, the desk may not.
NO_SUGGESTION = ("", "无", "没有", "暂无", "无建议", "没有建议", "/", "-")

# The complaint register's words, in Chinese: the reports' data stay Chinese in every language.
COMPLAINT_CHANNELS = {code: zh for code, (zh, _en) in CHANNELS.items()}
COMPLAINT_CATEGORIES = {code: zh for code, (zh, _en) in CATEGORIES.items()}
REASON_LABELS = dict(DISSATISFACTION_CATEGORIES)


@dataclass(frozen=True)
class FeedbackEntry:
    source: str  # one of SOURCES
    on: date  # given / received / opened, local date
    case_no: str | None
    business_type: str | None
    channel: str  # how it came, as a label
    content: str  # the suggestion, the complaint, the respondent's words
    category: str  # dissatisfaction reason or complaint class; "" when none
    staff: str | None  # 经办人 of the case, or the person a complaint names
    status: str  # label of where it stands
    action: str  # what was done: resolution, reply, last contact; "" when nothing yet
    pending: bool  # still being handled
    reference: str | None = None  # 投诉编号

    @property
    def source_label(self) -> str:
        return SOURCE_LABELS[self.source]

    @property
    def what_was_done(self) -> str:
        return f"{self.status}：{self.action}" if self.action else self.status


@dataclass
class UnitFeedback:
    unit: str
    district: str | None
    entries: list[FeedbackEntry] = field(default_factory=list)

    def count(self, source: str) -> int:
        return sum(1 for entry in self.entries if entry.source == source)

    @property
    def suggestions(self) -> int:
        return self.count(SUGGESTION)

    @property
    def complaints(self) -> int:
        return self.count(COMPLAINT)

    @property
    def registered_suggestions(self) -> int:
        return self.count(REGISTERED_SUGGESTION)

    @property
    def dissatisfied(self) -> int:
        return self.count(DISSATISFIED)

    @property
    def pending(self) -> int:
        return sum(1 for entry in self.entries if entry.pending)

    @property
    def total(self) -> int:
        return len(self.entries)


@dataclass
class FeedbackReport:
    start: date
    end: date
    generated_at: datetime
    units: list[UnitFeedback]
    unit: str | None = None  # the one unit asked for; None: the whole city

    @property
    def period(self) -> str:
        return period_text(self.start, self.end)

    def only(self, names: set[str]) -> FeedbackReport:
        """The same report limited to these units (e.g. those a screen shows)."""
        units = [u for u in self.units if u.unit in names]
        single = units[0].unit if len(units) == 1 else None
        return FeedbackReport(self.start, self.end, self.generated_at, units, single)


class UnknownUnit(Refused, ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(pick(f"没有名为“{name}”的受理单位", f"No accepting unit named {name!r}"))
        self.name = name


def task_status_text(status: str | None) -> str:
    """A callback's status in Chinese, whatever the interface's language: lists go to the units."""
    return STATUSES[status][0] if status in STATUSES else status or ""


def local_day(moment: datetime) -> date:
    return moment.astimezone(LOCAL_ZONE).date()


def period_text(start: date, end: date) -> str:
    """2026年第三季度 for a whole quarter, else the two dates."""
    quarter = (start.month - 1) // 3 + 1
    if (start, end) == quarter_bounds(start.year, quarter):
        return f"{start.year}年第{'一二三四'[quarter - 1]}季度"
    return f"{start.isoformat()} 至 {end.isoformat()}"


def quarter_feedback(
    session: Session, year: int, quarter: int, *, unit: str | None = None
) -> FeedbackReport:
    start, end = quarter_bounds(year, quarter)
    return unit_feedback(session, start, end, unit=unit)


def unit_feedback(
    session: Session, start: date, end: date, *, unit: str | None = None
) -> FeedbackReport:
    """Every unit's feedback from `start` to `end` (inclusive); only `unit`'s when named.

    Every active unit is listed, with nothing as well: a quiet quarter is worth reporting.
    """
    if end < start:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
    unit_id = None
    if unit is not None:
        unit_id = session.scalar(select(Unit.id).where(Unit.name == unit))
        if unit_id is None:
            raise UnknownUnit(unit)
    since = datetime.combine(start, time(), LOCAL_ZONE)
    until = datetime.combine(end + timedelta(days=1), time(), LOCAL_ZONE)

    entries: dict[int | None, list[FeedbackEntry]] = {}
    for owner, entry in (
        *_suggestions(session, since, until, unit_id),
        *_complaints(session, since, until, unit_id),
        *_callbacks(session, since, until, unit_id),
    ):
        entries.setdefault(owner, []).append(entry)

    listed = select(Unit.id, Unit.name, Unit.district)
    if unit_id is not None:
        listed = listed.where(Unit.id == unit_id)
    else:
        listed = listed.where(or_(Unit.active.is_(True), Unit.id.in_([k for k in entries if k])))
    units = [
        UnitFeedback(name, district, _ordered(entries.get(uid, [])))
        for uid, name, district in session.execute(listed)
    ]
    units.sort(key=lambda u: u.unit)
    if None in entries:
        units.append(UnitFeedback(NO_UNIT, None, _ordered(entries[None])))
    return FeedbackReport(start, end, clock.local_now(), units, unit)


def _ordered(entries: list[FeedbackEntry]) -> list[FeedbackEntry]:
    return sorted(entries, key=lambda e: (e.on, SOURCES.index(e.source), e.case_no or ""))


def _latest_contact():
    """What was said at a callback's latest contact: its progress while it is not settled."""
    return (
        select(CallbackContact.said)
        .where(CallbackContact.task_id == CallbackTask.id)
        .order_by(CallbackContact.contacted_at.desc(), CallbackContact.id.desc())
        .limit(1)
        .correlate(CallbackTask)
        .scalar_subquery()
    )


def _callback_outcome(status: str | None, resolution: str | None, said: str | None):
    return task_status_text(status), (resolution or said or "").strip(), status in ACTIVE_STATUSES


def _channel_label(channel: str | None, round_: int | None = 1) -> str:
    if channel is None:
        return ""
    try:
        label = CHANNEL_LABELS[Channel(channel)]
    except ValueError:
        label = channel
    return f"{label}（二次回访）" if round_ and round_ > 1 else label


def _suggestions(session: Session, since: datetime, until: datetime, unit_id: int | None):
    handler = aliased(Staff)
    # A case has one callback (app.callbacks.opening); the first, should two ever exist.
    case_task = (
        select(func.min(CallbackTask.id))
        .where(CallbackTask.case_id == Case.id)
        .correlate(Case)
        .scalar_subquery()
    )
    query = (
        select(
            Case.unit_id,
            Evaluation.evaluated_at,
            Case.case_no,
            Case.business_type,
            Evaluation.channel,
            Evaluation.round,
            Evaluation.suggestion,
            handler.name,
            Evaluation.id,
            CallbackTask.evaluation_id,
            CallbackTask.respondent_words,
            CallbackTask.status,
            CallbackTask.resolution,
            _latest_contact(),
        )
        .join(Case, Case.id == Evaluation.case_id)
        .outerjoin(handler, handler.id == Case.handler_id)
        .outerjoin(CallbackTask, CallbackTask.id == case_task)
        .where(
            Evaluation.evaluated_at >= since,
            Evaluation.evaluated_at < until,
            Evaluation.suggestion.is_not(None),
            func.trim(Evaluation.suggestion).not_in(NO_SUGGESTION),
        )
    )
    if unit_id is not None:
        query = query.where(Case.unit_id == unit_id)
    for row in session.execute(query):
        owner, at, case_no, business_type, channel, round_, text, staff = row[:8]
        evaluation_id, opened_by, words, task_status, resolution, said = row[8:]
        text = text.strip()
        if opened_by == evaluation_id and (words or "").strip() == text:
            continue  # the same words are the callback's, listed as the dissatisfaction
        if task_status is None:
            status, action, pending = FORWARDED, "", False
        else:
            status, action, pending = _callback_outcome(task_status, resolution, said)
        yield (
            owner,
            FeedbackEntry(
                source=SUGGESTION,
                on=local_day(at),
                case_no=case_no,
                business_type=business_type,
                channel=_channel_label(channel, round_),
                content=text,
                category="",
                staff=staff,
                status=status,
                action=action,
                pending=pending,
            ),
        )


def complaint_progress(
    status: str | None,
    first_contact_at: datetime | None,
    replied_at: datetime | None,
    closed_at: datetime | None,
) -> tuple[str, bool]:
    """Where a complaint stands, from the steps it has been through; and whether it is pending."""
    if closed_at is not None or status == "closed":
        return "已办结", False
    if replied_at is not None:
        return "已答复", True
    if first_contact_at is not None:
        return "已联系投诉人", True
    return "待处理", True


def _complaints(session: Session, since: datetime, until: datetime, unit_id: int | None):
    named = aliased(Staff)
    handler = aliased(Staff)
    owner = func.coalesce(Complaint.unit_id, Case.unit_id)
    query = (
        select(
            owner,
            Complaint.received_at,
            Complaint.number,
            Complaint.kind,
            Complaint.channel,
            Complaint.category,
            Complaint.content,
            Case.case_no,
            Case.business_type,
            func.coalesce(named.name, handler.name),
            Complaint.status,
            Complaint.first_contact_at,
            Complaint.replied_at,
            Complaint.closed_at,
            Complaint.reply,
            Complaint.first_contact_note,
        )
        .outerjoin(Case, Case.id == Complaint.case_id)
        .outerjoin(named, named.id == Complaint.staff_id)
        .outerjoin(handler, handler.id == Case.handler_id)
        .where(Complaint.received_at >= since, Complaint.received_at < until)
    )
    if unit_id is not None:
        query = query.where(owner == unit_id)
    for row in session.execute(query):
        unit, at, number, kind, channel, category, content, case_no, business_type, staff = row[:10]
        status, first_contact_at, replied_at, closed_at, reply, first_note = row[10:]
        label, pending = complaint_progress(status, first_contact_at, replied_at, closed_at)
        yield (
            unit,
            FeedbackEntry(
                source=REGISTERED_SUGGESTION if kind == "suggestion" else COMPLAINT,
                on=local_day(at),
                case_no=case_no,
                business_type=business_type,
                channel=COMPLAINT_CHANNELS.get(channel, channel or ""),
                content=(content or "").strip(),
                category=COMPLAINT_CATEGORIES.get(category, category or ""),
                staff=staff,
                status=label,
                action=(reply or first_note or "").strip(),
                pending=pending,
                reference=number,
            ),
        )


def _callbacks(session: Session, since: datetime, until: datetime, unit_id: int | None):
    handler = aliased(Staff)
    query = (
        select(
            CallbackTask.unit_id,
            CallbackTask.opened_at,
            Case.case_no,
            Case.business_type,
            Evaluation.channel,
            Evaluation.round,
            CallbackTask.reason_category,
            CallbackTask.respondent_words,
            handler.name,
            CallbackTask.status,
            CallbackTask.resolution,
            _latest_contact(),
        )
        .join(Case, Case.id == CallbackTask.case_id)
        .outerjoin(Evaluation, Evaluation.id == CallbackTask.evaluation_id)
        .outerjoin(handler, handler.id == Case.handler_id)
        .where(CallbackTask.opened_at >= since, CallbackTask.opened_at < until)
    )
    if unit_id is not None:
        query = query.where(CallbackTask.unit_id == unit_id)
    for row in session.execute(query):
        unit, at, case_no, business_type, channel, round_, reason, words, staff = row[:9]
        status, action, pending = _callback_outcome(*row[9:])
        category = REASON_LABELS.get(reason, reason or "")
        yield (
            unit,
            FeedbackEntry(
                source=DISSATISFIED,
                on=local_day(at),
                case_no=case_no,
                business_type=business_type,
                channel=_channel_label(channel, round_),
                content=(words or "").strip() or category,
                category=category,
                staff=staff,
                status=status,
                action=action,
                pending=pending,
            ),
        )
