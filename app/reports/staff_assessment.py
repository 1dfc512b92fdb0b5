"""Staff assessment (J 5.4.4): per handling staff member (经办人) and quarter, the dissatisfied and
the complaint work orders their cases drew, for the bureau's personnel scoring.

A dissatisfied work order is a second-round callback opened in the quarter on a case the person
handled. A complaint work order is a complaint (not a suggestion) received in the quarter on a
case the person handled, or naming the person as the one complained about (被投诉人员); it counts
once for a person even when both are true, and for each person it concerns. The figures are
grouped in the database; only the work orders themselves are ever read row by row.

Beside them (issue 21), each person's commendations received in the quarter (app.commendations,
from every channel) and the criticism slips naming them (W 7.1.3.2.4), with the list behind each
number: `staff_praise`, `praise_entries`, and `assessed_people` putting both side by side.

And the operators' quality inspection (issue 22, 质检): per operator, the calls of the quarter
scored, their average score and the critical failures (`StaffAssessment.quality`,
app.quality.figures).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, or_, select, union
from sqlalchemy.orm import Session, aliased

from app import clock
from app.callbacks.contacts import ACTIVE_STATUSES
from app.quality.figures import QcFigures, qc_figures
from app.reports.quarterly import quarter_bounds
from app.reports.unit_feedback import (
    COMPLAINT_CATEGORIES,
    REASON_LABELS,
    complaint_progress,
    local_day,
    task_status_text,
)
from app.roles import Permission
from app.staff import require_permission
from app.zone import LOCAL_ZONE
from db.models import (
    CallbackTask,
    Case,
    Commendation,
    Complaint,
    Staff,
    SuggestionBoxCheck,
    SuggestionSlip,
    Unit,
)

DISSATISFIED = "dissatisfied"
COMPLAINT = "complaint"
WORK_ORDER_LABELS = {DISSATISFIED: "不满意工单", COMPLAINT: "投诉工单"}
# Why a work order counts against a person.
HANDLED = "经办"
NAMED = "被投诉人员"


@dataclass(frozen=True)
class StaffFigures:
    staff_id: int
    name: str
    unit: str | None  # the person's own unit
    dissatisfied: int
    complaints: int
    rank: int  # by total; equal totals share a rank

    @property
    def total(self) -> int:
        return self.dissatisfied + self.complaints


@dataclass
class StaffAssessment:
    year: int
    quarter: int
    start: date
    end: date
    generated_at: datetime
    staff: list[StaffFigures]  # most work orders first
    # Operators' quality inspection of the quarter's calls (issue 22), by name.
    quality: list[QcFigures] = field(default_factory=list)

    @property
    def period(self) -> str:
        return f"{self.year}年第{'一二三四'[self.quarter - 1]}季度"

    def to_json(self) -> dict:
        """The assessment as `report staff --format json` prints it."""
        return {
            "year": self.year,
            "quarter": self.quarter,
            "period": {"start": self.start.isoformat(), "end": self.end.isoformat()},
            "generated_at": self.generated_at.isoformat(timespec="seconds"),
            "staff": [{**asdict(s), "total": s.total} for s in self.staff],
            "quality": [
                {
                    **asdict(q),
                    "average": round(q.average, 1) if q.average is not None else None,
                }
                for q in self.quality
            ],
        }


@dataclass(frozen=True)
class WorkOrder:
    """One work order behind a person's figures."""

    staff_id: int
    staff: str
    kind: str  # DISSATISFIED / COMPLAINT
    on: date  # callback opened / complaint received, local date
    case_no: str | None  # None: a complaint about the person without a case
    business_type: str | None
    completed_on: date | None  # 办结日期
    reference: str | None  # 投诉编号
    reason: str  # dissatisfaction reason or complaint class
    status: str
    pending: bool
    why: tuple[str, ...]  # HANDLED, NAMED or both

    @property
    def kind_label(self) -> str:
        return WORK_ORDER_LABELS[self.kind]

    @property
    def why_text(self) -> str:
        return "、".join(self.why)


def _local_bounds(year: int, quarter: int) -> tuple[date, date, datetime, datetime]:
    start, end = quarter_bounds(year, quarter)
    since = datetime.combine(start, time(), LOCAL_ZONE)
    return start, end, since, datetime.combine(end + timedelta(days=1), time(), LOCAL_ZONE)


def staff_assessment(
    session: Session, year: int, quarter: int, *, viewer_id: int | None = None
) -> StaffAssessment:
    """Everyone with at least one work order in the quarter, most work orders first. Team
    leads, auditors and administrators only (`viewer_id`: who asks; SEE_ASSESSMENT)."""
    require_permission(session, viewer_id, Permission.SEE_ASSESSMENT)
    start, end, since, until = _local_bounds(year, quarter)
    opened = (CallbackTask.opened_at >= since, CallbackTask.opened_at < until)
    dissatisfied = dict(
        session.execute(
            select(Case.handler_id, func.count(CallbackTask.id))
            .join(Case, Case.id == CallbackTask.case_id)
            .where(*opened, Case.handler_id.is_not(None))
            .group_by(Case.handler_id)
        ).all()
    )
    received = _complaints_received(since, until)
    # (complaint, person) pairs: UNION drops the pair a complaint gives twice (handled and named).
    pairs = union(
        select(Complaint.id.label("complaint_id"), Case.handler_id.label("staff_id"))
        .join(Case, Case.id == Complaint.case_id)
        .where(*received, Case.handler_id.is_not(None)),
        select(Complaint.id, Complaint.staff_id).where(*received, Complaint.staff_id.is_not(None)),
    ).subquery()
    complaints = dict(
        session.execute(select(pairs.c.staff_id, func.count()).group_by(pairs.c.staff_id)).all()
    )
    ids = set(dissatisfied) | set(complaints)
    people = session.execute(
        select(Staff.id, Staff.name, Unit.name)
        .outerjoin(Unit, Unit.id == Staff.unit_id)
        .where(Staff.id.in_(ids))
    ).all()
    figures = [
        StaffFigures(
            staff_id=staff_id,
            name=name,
            unit=unit,
            dissatisfied=dissatisfied.get(staff_id, 0),
            complaints=complaints.get(staff_id, 0),
            rank=0,
        )
        for staff_id, name, unit in people
    ]
    figures.sort(key=lambda f: (-f.total, -f.complaints, f.name, f.staff_id))
    ranked: list[StaffFigures] = []
    for position, person in enumerate(figures, start=1):
        tied = ranked and ranked[-1].total == person.total
        rank = ranked[-1].rank if tied else position
        ranked.append(StaffFigures(**{**asdict(person), "rank": rank}))
    quality = sorted(
        qc_figures(session, start, end).values(), key=lambda q: (q.name, q.operator_id)
    )
    return StaffAssessment(year, quarter, start, end, clock.local_now(), ranked, quality)


def _complaints_received(since: datetime, until: datetime) -> tuple:
    return (
        Complaint.received_at >= since,
        Complaint.received_at < until,
        Complaint.kind == COMPLAINT,
    )


def work_orders(
    session: Session,
    year: int,
    quarter: int,
    *,
    staff_id: int | None = None,
    viewer_id: int | None = None,
) -> list[WorkOrder]:
    """The work orders behind the quarter's figures (one person's when `staff_id` is given),
    by person, then by date; for those who see the assessment (`viewer_id`: who asks)."""
    require_permission(session, viewer_id, Permission.SEE_ASSESSMENT)
    _start, _end, since, until = _local_bounds(year, quarter)
    orders = [
        *_dissatisfied_orders(session, since, until, staff_id),
        *_complaint_orders(session, since, until, staff_id),
    ]
    orders.sort(key=lambda o: (o.staff, o.staff_id, o.on, o.kind, o.case_no or ""))
    return orders


def _dissatisfied_orders(
    session: Session, since: datetime, until: datetime, staff_id: int | None
) -> list[WorkOrder]:
    query = (
        select(
            Staff.id,
            Staff.name,
            CallbackTask.opened_at,
            Case.case_no,
            Case.business_type,
            Case.completed_on,
            CallbackTask.reason_category,
            CallbackTask.status,
        )
        .join(Case, Case.id == CallbackTask.case_id)
        .join(Staff, Staff.id == Case.handler_id)
        .where(CallbackTask.opened_at >= since, CallbackTask.opened_at < until)
    )
    if staff_id is not None:
        query = query.where(Case.handler_id == staff_id)
    return [
        WorkOrder(
            staff_id=person,
            staff=name,
            kind=DISSATISFIED,
            on=local_day(opened_at),
            case_no=case_no,
            business_type=business_type,
            completed_on=completed_on,
            reference=None,
            reason=REASON_LABELS.get(reason, reason or ""),
            status=task_status_text(status),
            pending=status in ACTIVE_STATUSES,
            why=(HANDLED,),
        )
        for person, name, opened_at, case_no, business_type, completed_on, reason, status in (
            session.execute(query)
        )
    ]


def _complaint_orders(
    session: Session, since: datetime, until: datetime, staff_id: int | None
) -> list[WorkOrder]:
    handler = aliased(Staff)
    named = aliased(Staff)
    query = (
        select(
            Complaint.received_at,
            Complaint.number,
            Complaint.category,
            Complaint.status,
            Complaint.first_contact_at,
            Complaint.replied_at,
            Complaint.closed_at,
            Case.case_no,
            Case.business_type,
            Case.completed_on,
            handler.id,
            handler.name,
            named.id,
            named.name,
        )
        .outerjoin(Case, Case.id == Complaint.case_id)
        .outerjoin(handler, handler.id == Case.handler_id)
        .outerjoin(named, named.id == Complaint.staff_id)
        .where(*_complaints_received(since, until))
    )
    if staff_id is not None:
        query = query.where(or_(Case.handler_id == staff_id, Complaint.staff_id == staff_id))
    else:
        query = query.where(or_(Case.handler_id.is_not(None), Complaint.staff_id.is_not(None)))
    orders = []
    for row in session.execute(query):
        received_at, number, category, status, contacted, replied, closed = row[:7]
        case_no, business_type, completed_on = row[7:10]
        handler_id, handler_name, named_id, named_name = row[10:]
        label, pending = complaint_progress(status, contacted, replied, closed)
        concerned: dict[int, tuple[str, list[str]]] = {}
        for person, name, why in (
            (handler_id, handler_name, HANDLED),
            (named_id, named_name, NAMED),
        ):
            if person is not None:
                concerned.setdefault(person, (name, []))[1].append(why)
        for person, (name, whys) in concerned.items():
            if staff_id is not None and person != staff_id:
                continue
            orders.append(
                WorkOrder(
                    staff_id=person,
                    staff=name,
                    kind=COMPLAINT,
                    on=local_day(received_at),
                    case_no=case_no,
                    business_type=business_type,
                    completed_on=completed_on,
                    reference=number,
                    reason=COMPLAINT_CATEGORIES.get(category, category or ""),
                    status=label,
                    pending=pending,
                    why=tuple(whys),
                )
            )
    return orders


# Commendations and criticism beside the work orders (issue 21; J 5.5, W 7.1.3.2.4)

COMMENDATION = "commendation"
CRITICISM = "criticism"
PRAISE_LABELS = {COMMENDATION: "表扬", CRITICISM: "批评"}


@dataclass(frozen=True)
class PraiseFigures:
    staff_id: int
    name: str
    unit: str | None
    commendations: int
    criticisms: int


@dataclass(frozen=True)
class AssessedPerson:
    """One line of the assessment on screen: the work orders and, beside them, the praise."""

    figures: StaffFigures
    commendations: int
    criticisms: int


@dataclass(frozen=True)
class PraiseEntry:
    """One commendation or criticism slip behind a person's figures."""

    staff_id: int
    kind: str  # COMMENDATION / CRITICISM
    on: date  # received / the box checked
    source: str  # app.commendations.SOURCES' code, or "slip"
    case_no: str | None
    content: str
    exemplary: bool

    @property
    def kind_label(self) -> str:
        return PRAISE_LABELS[self.kind]


def staff_praise(
    session: Session, year: int, quarter: int, *, viewer_id: int | None = None
) -> dict[int, PraiseFigures]:
    """Per person: the commendations received in the quarter and the criticism slips naming
    them (found in a box or book checked in the quarter); grouped in the database."""
    require_permission(session, viewer_id, Permission.SEE_ASSESSMENT)
    start, end = quarter_bounds(year, quarter)
    praised = dict(
        session.execute(
            select(Commendation.staff_id, func.count(Commendation.id))
            .where(
                Commendation.received_on >= start,
                Commendation.received_on <= end,
                Commendation.staff_id.is_not(None),
            )
            .group_by(Commendation.staff_id)
        ).all()
    )
    criticised = dict(
        session.execute(
            select(SuggestionSlip.staff_id, func.count(SuggestionSlip.id))
            .join(SuggestionBoxCheck, SuggestionBoxCheck.id == SuggestionSlip.check_id)
            .where(*_criticism_in(start, end))
            .group_by(SuggestionSlip.staff_id)
        ).all()
    )
    ids = set(praised) | set(criticised)
    if not ids:
        return {}
    people = session.execute(
        select(Staff.id, Staff.name, Unit.name)
        .outerjoin(Unit, Unit.id == Staff.unit_id)
        .where(Staff.id.in_(ids))
    ).all()
    return {
        staff_id: PraiseFigures(
            staff_id, name, unit, praised.get(staff_id, 0), criticised.get(staff_id, 0)
        )
        for staff_id, name, unit in people
    }


def _criticism_in(start: date, end: date) -> tuple:
    return (
        SuggestionSlip.kind == CRITICISM,
        SuggestionSlip.staff_id.is_not(None),
        SuggestionBoxCheck.checked_on >= start,
        SuggestionBoxCheck.checked_on <= end,
    )


def assessed_people(
    assessment: StaffAssessment, praise: dict[int, PraiseFigures]
) -> list[AssessedPerson]:
    """The ranking as it was, each person with their praise beside; then those with praise or
    criticism but no work order, most praised first, sharing the rank after the last."""
    rows = [
        AssessedPerson(
            p,
            praise[p.staff_id].commendations if p.staff_id in praise else 0,
            praise[p.staff_id].criticisms if p.staff_id in praise else 0,
        )
        for p in assessment.staff
    ]
    ranked = {p.staff_id for p in assessment.staff}
    rank = len(assessment.staff) + 1
    others = sorted(
        (f for f in praise.values() if f.staff_id not in ranked),
        key=lambda f: (-f.commendations, f.criticisms, f.name, f.staff_id),
    )
    rows += [
        AssessedPerson(StaffFigures(f.staff_id, f.name, f.unit, 0, 0, rank), *_counts(f))
        for f in others
    ]
    return rows


def _counts(figures: PraiseFigures) -> tuple[int, int]:
    return figures.commendations, figures.criticisms


def praise_entries(
    session: Session,
    year: int,
    quarter: int,
    *,
    staff_id: int,
    viewer_id: int | None = None,
) -> list[PraiseEntry]:
    """The commendations and criticism slips behind one person's figures, by date."""
    require_permission(session, viewer_id, Permission.SEE_ASSESSMENT)
    start, end = quarter_bounds(year, quarter)
    entries = [
        PraiseEntry(staff_id, COMMENDATION, on, source, case_no, content, exemplary)
        for on, source, case_no, content, exemplary in session.execute(
            select(
                Commendation.received_on,
                Commendation.source,
                Case.case_no,
                Commendation.content,
                Commendation.exemplary,
            )
            .outerjoin(Case, Case.id == Commendation.case_id)
            .where(
                Commendation.staff_id == staff_id,
                Commendation.received_on >= start,
                Commendation.received_on <= end,
            )
        )
    ]
    entries += [
        PraiseEntry(staff_id, CRITICISM, on, "slip", None, content, False)
        for on, content in session.execute(
            select(SuggestionBoxCheck.checked_on, SuggestionSlip.content)
            .join(SuggestionBoxCheck, SuggestionBoxCheck.id == SuggestionSlip.check_id)
            .where(*_criticism_in(start, end), SuggestionSlip.staff_id == staff_id)
        )
    ]
    entries.sort(key=lambda e: (e.on, e.kind, e.content))
    return entries
