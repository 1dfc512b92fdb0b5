"""Commendations (表扬): praise of a staff member or a case from any channel — a revisit's
suggestion marked as praise, a suggestion slip, a complaint file closed with thanks (J 5.5,
W 7.1.3.2.4) — counted for the person in the staff assessment, and the year's list of exemplary
staff and cases drawn from them for publicity (J 5.5.2).

Recording needs RECORD_FEEDBACK, marking a commendation exemplary ASSESS_OUTLETS; both audited.
A call attempt, a slip or a complaint gives at most one commendation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import extract, select
from sqlalchemy.orm import Session, aliased

from app.audit import record_change, snapshot
from app.clock import local_date
from app.errors import Refused
from app.i18n import pick
from app.masking import mask_personal_data
from app.roles import Permission, require
from app.staff import StaffMember, acting_member, require_permission
from db.models import CallAttempt, Case, Commendation, Complaint, Evaluation, Staff, Unit

SOURCES: dict[str, tuple[str, str]] = {
    "revisit": ("电话回访", "Phone revisit"),
    "slip": ("意见箱（簿）", "Suggestion box or book"),
    "complaint": ("投诉建议", "Complaint file"),
    "other": ("其他", "Other"),
}
CONTENT_LIMIT = 2000
FIELDS = ("source", "content", "received_on", "staff_id", "unit_id", "case_id", "exemplary")


class CommendationError(Refused, ValueError):
    """A commendation that cannot be recorded; the message says why."""


def record_commendation(
    session: Session,
    actor: StaffMember,
    *,
    source: str,
    content: str,
    received_on: date,
    staff_id: int | None = None,
    unit_id: int | None = None,
    case_id: int | None = None,
    call_attempt_id: int | None = None,
    slip_id: int | None = None,
    complaint_id: int | None = None,
) -> Commendation:
    """Record praise; the caller's transaction keeps it (one user action, one transaction)."""
    require(actor.role, Permission.RECORD_FEEDBACK)
    return _record(
        session,
        actor.id,
        source=source,
        content=content,
        received_on=received_on,
        staff_id=staff_id,
        unit_id=unit_id,
        case_id=case_id,
        call_attempt_id=call_attempt_id,
        slip_id=slip_id,
        complaint_id=complaint_id,
    )


def _record(
    session: Session,
    actor_id: int | None,
    *,
    source: str,
    content: str | None,
    received_on: date,
    staff_id: int | None = None,
    unit_id: int | None = None,
    case_id: int | None = None,
    call_attempt_id: int | None = None,
    slip_id: int | None = None,
    complaint_id: int | None = None,
) -> Commendation:
    if source not in SOURCES:
        raise CommendationError(pick(f"未知的表扬来源：{source}", f"Unknown source: {source}"))
    text = (content or "").strip()
    if not text:
        raise CommendationError(pick("请填写表扬的内容", "Say what the praise was"))
    if len(text) > CONTENT_LIMIT:
        raise CommendationError(
            pick(
                f"表扬内容不能超过 {CONTENT_LIMIT} 字",
                f"The praise may be at most {CONTENT_LIMIT} characters",
            )
        )
    if "\x00" in text:
        raise CommendationError(pick("表扬内容含有无效字符", "The praise has an invalid character"))
    if staff_id is None and case_id is None:
        raise CommendationError(
            pick("请指明受表扬的人员或业务件", "Name the staff member or the case praised")
        )
    if not isinstance(received_on, date):
        raise CommendationError(pick("请填写收到表扬的日期", "Give the day the praise came"))
    for model, key, zh, en in (
        (Staff, staff_id, "受表扬的人员", "staff member"),
        (Unit, unit_id, "网点", "outlet"),
        (Case, case_id, "业务件", "case"),
    ):
        if key is not None and session.get(model, key) is None:
            raise CommendationError(pick(f"找不到{zh}（{key}）", f"No such {en} ({key})"))
    _refuse_twice(session, call_attempt_id, slip_id, complaint_id)
    if unit_id is None and staff_id is not None:
        unit_id = session.get_one(Staff, staff_id).unit_id
    commendation = Commendation(
        source=source,
        content=text,
        received_on=received_on,
        staff_id=staff_id,
        unit_id=unit_id,
        case_id=case_id,
        call_attempt_id=call_attempt_id,
        slip_id=slip_id,
        complaint_id=complaint_id,
        recorded_by_id=actor_id,
        exemplary=False,
    )
    session.add(commendation)
    session.flush()
    record_change(
        session,
        actor_id=actor_id,
        action="commendation.recorded",
        entity="commendation",
        entity_uid=commendation.uid,
        before=None,
        after=snapshot(commendation, FIELDS),
    )
    return commendation


def _refuse_twice(
    session: Session, call_attempt_id: int | None, slip_id: int | None, complaint_id: int | None
) -> None:
    """A call attempt, a slip or a complaint gives one commendation, not two."""
    for column, value, zh, en in (
        (Commendation.call_attempt_id, call_attempt_id, "这次回访", "this revisit call"),
        (Commendation.slip_id, slip_id, "这张意见条", "this slip"),
        (Commendation.complaint_id, complaint_id, "这件投诉", "this complaint file"),
    ):
        if value is None:
            continue
        earlier = session.execute(
            select(Commendation.received_on).where(column == value).limit(1)
        ).scalar_one_or_none()
        if earlier is not None:
            raise CommendationError(
                pick(
                    f"{zh}的表扬已经记录过（{earlier.isoformat()}），不能重复记录",
                    f"The praise of {en} was recorded already ({earlier.isoformat()})",
                )
            )


def _actor_id(session: Session, by_id: int | None, permission: Permission) -> int | None:
    member = require_permission(session, by_id, permission)
    return member.id if member is not None else None


# The channels


def praise_revisit(
    session: Session, evaluation_id: int, *, by_id: int | None, content: str | None = None
) -> Commendation:
    """The respondent's suggestion (有无建议) of a phone revisit marked as praise: for the case's
    handler (经办人), with the case and the call attempt that took Form A (J 5.5.1)."""
    actor_id = _actor_id(session, by_id, Permission.RECORD_FEEDBACK)
    found = session.execute(
        select(CallAttempt.id, CallAttempt.attempted_at, Case.id, Case.handler_id, Case.unit_id)
        .join(Case, Case.id == CallAttempt.case_id)
        .where(CallAttempt.evaluation_id == evaluation_id)
        .order_by(CallAttempt.id)
        .limit(1)
    ).first()
    if found is None:
        raise CommendationError(
            pick("找不到这次电话回访的记录", "No phone revisit call took this evaluation")
        )
    attempt_id, attempted_at, case_id, handler_id, unit_id = found
    if content is None or not content.strip():
        content = session.execute(
            select(Evaluation.suggestion).where(Evaluation.id == evaluation_id)
        ).scalar_one_or_none()
    if not (content or "").strip():
        raise CommendationError(
            pick(
                "请在“建议”栏记下被回访人表扬的话，再标记为表扬",
                "Write the respondent's praise in the suggestion first, then mark it",
            )
        )
    return _record(
        session,
        actor_id,
        source="revisit",
        content=content,
        received_on=local_date(attempted_at),
        staff_id=handler_id,
        unit_id=unit_id,
        case_id=case_id,
        call_attempt_id=attempt_id,
    )


def thank_for_complaint(
    session: Session,
    complaint_id: int,
    *,
    by_id: int | None,
    content: str,
    received_on: date,
    staff_id: int | None = None,
) -> Commendation:
    """The complainant thanked a staff member as the file closed: for the person chosen, else
    the one the file names, else the handler of its case."""
    actor_id = _actor_id(session, by_id, Permission.RECORD_FEEDBACK)
    complaint = session.get(Complaint, complaint_id)
    if complaint is None:
        raise CommendationError(pick("找不到这件投诉", "No such complaint file"))
    case = session.get(Case, complaint.case_id) if complaint.case_id is not None else None
    if staff_id is None:
        staff_id = complaint.staff_id or (case.handler_id if case is not None else None)
    if staff_id is None:
        raise CommendationError(
            pick(
                "这件投诉没有被投诉人员或经办人，请选择受表扬的人员",
                "The file names nobody: choose the staff member thanked",
            )
        )
    return _record(
        session,
        actor_id,
        source="complaint",
        content=content,
        received_on=received_on,
        staff_id=staff_id,
        unit_id=complaint.unit_id,
        case_id=complaint.case_id,
        complaint_id=complaint.id,
    )


def record_other(
    session: Session,
    *,
    by_id: int | None,
    staff_id: int,
    content: str,
    received_on: date,
    unit_id: int | None = None,
    case_no: str | None = None,
) -> Commendation:
    """Praise by another channel (a letter, a banner), typed by hand."""
    actor_id = _actor_id(session, by_id, Permission.RECORD_FEEDBACK)
    case_id = None
    number = (case_no or "").strip()
    if number:
        case_id = session.execute(
            select(Case.id).where(Case.case_no == number)
        ).scalar_one_or_none()
        if case_id is None:
            raise CommendationError(
                pick(f"找不到业务编号 {number[:60]}", f"No case numbered {number[:60]}")
            )
    return _record(
        session,
        actor_id,
        source="other",
        content=content,
        received_on=received_on,
        staff_id=staff_id,
        unit_id=unit_id,
        case_id=case_id,
    )


def set_exemplary(
    session: Session, commendation_id: int, exemplary: bool, *, by_id: int | None
) -> Commendation:
    """Pick a commendation for the year's list of exemplary staff and cases, or take it off
    (team leads and administrators: ASSESS_OUTLETS); audited."""
    actor_id = _actor_id(session, by_id, Permission.ASSESS_OUTLETS)
    commendation = session.get(Commendation, commendation_id)
    if commendation is None:
        raise CommendationError(pick("找不到这条表扬", "No such commendation"))
    if commendation.exemplary == exemplary:
        return commendation
    before = snapshot(commendation, FIELDS)
    commendation.exemplary = exemplary
    session.flush()
    record_change(
        session,
        actor_id=actor_id,
        action="commendation.exemplary" if exemplary else "commendation.not_exemplary",
        entity="commendation",
        entity_uid=commendation.uid,
        before=before,
        after=snapshot(commendation, FIELDS),
    )
    return commendation


# Reading


@dataclass(frozen=True)
class CommendationRow:
    id: int
    received_on: date
    source: str
    staff_id: int | None
    staff: str | None
    unit_id: int | None
    unit: str | None
    case_no: str | None
    business_type: str | None
    content: str
    exemplary: bool
    reference: str | None  # the complaint's number, where it came from one

    @property
    def source_label(self) -> str:
        zh, en = SOURCES.get(self.source, (self.source, self.source))
        return pick(zh, en)


def commendations(
    session: Session,
    *,
    viewer_id: int | None,
    start: date,
    end: date,
    unit_id: int | None = None,
    staff_id: int | None = None,
    source: str | None = None,
) -> list[CommendationRow]:
    """The commendations received from `start` to `end` (inclusive), by day; for those who
    record feedback (RECORD_FEEDBACK) or see the staff assessment (SEE_ASSESSMENT)."""
    _may_read(session, viewer_id, Permission.SEE_ASSESSMENT)
    return _rows(session, start, end, unit_id=unit_id, staff_id=staff_id, source=source)


def _may_read(session: Session, viewer_id: int | None, *others: Permission) -> None:
    """Refused unless the viewer records feedback or has one of `others`."""
    member = acting_member(session, viewer_id)
    if member is not None and not any(member.may(p) for p in others):
        require(member.role, Permission.RECORD_FEEDBACK)


def _rows(
    session: Session,
    start: date,
    end: date,
    *,
    unit_id: int | None = None,
    staff_id: int | None = None,
    source: str | None = None,
) -> list[CommendationRow]:
    person = aliased(Staff)
    query = (
        select(
            Commendation.id,
            Commendation.received_on,
            Commendation.source,
            Commendation.staff_id,
            person.name,
            Commendation.unit_id,
            Unit.name,
            Case.case_no,
            Case.business_type,
            Commendation.content,
            Commendation.exemplary,
            Complaint.number,
        )
        .outerjoin(person, person.id == Commendation.staff_id)
        .outerjoin(Unit, Unit.id == Commendation.unit_id)
        .outerjoin(Case, Case.id == Commendation.case_id)
        .outerjoin(Complaint, Complaint.id == Commendation.complaint_id)
        .where(Commendation.received_on >= start, Commendation.received_on <= end)
        .order_by(Commendation.received_on, Commendation.id)
    )
    if unit_id is not None:
        query = query.where(Commendation.unit_id == unit_id)
    if staff_id is not None:
        query = query.where(Commendation.staff_id == staff_id)
    if source is not None:
        query = query.where(Commendation.source == source)
    return [CommendationRow(*row) for row in session.execute(query)]


def year_bounds(year: int) -> tuple[date, date]:
    if not 2000 <= year <= 2100:
        raise CommendationError(pick(f"年份不对：{year}", f"Not a year we keep: {year}"))
    return date(year, 1, 1), date(year, 12, 31)


# The year's list of exemplary staff and cases (J 5.5.2)


@dataclass(frozen=True)
class PersonPraise:
    staff_id: int
    name: str
    unit: str | None
    commendations: int
    exemplary: int  # of them marked exemplary
    case_nos: tuple[str, ...]  # the cases praised, exemplary ones first


@dataclass(frozen=True)
class PraisedCase:
    case_no: str | None
    business_type: str | None
    staff: str | None
    unit: str | None
    received_on: date
    source: str
    content: str  # phone and ID numbers masked: the list is public
    exemplary: bool

    @property
    def source_label(self) -> str:
        zh, en = SOURCES.get(self.source, (self.source, self.source))
        return pick(zh, en)


@dataclass
class ExemplaryList:
    year: int
    people: list[PersonPraise] = field(default_factory=list)
    cases: list[PraisedCase] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(p.commendations for p in self.people)


def exemplary_list(session: Session, year: int, *, viewer_id: int | None) -> ExemplaryList:
    """The year's commendations per person and the cases praised, those a lead marked exemplary
    first, then by how often praised. Names staff, never a citizen: only what was said, masked.
    For those who assess outlets (ASSESS_OUTLETS) or record feedback (RECORD_FEEDBACK)."""
    _may_read(session, viewer_id, Permission.ASSESS_OUTLETS, Permission.SEE_ASSESSMENT)
    start, end = year_bounds(year)
    rows = _rows(session, start, end)
    people: dict[int, list[CommendationRow]] = {}
    for row in rows:
        if row.staff_id is not None:
            people.setdefault(row.staff_id, []).append(row)
    units = dict(
        session.execute(
            select(Staff.id, Unit.name)
            .join(Unit, Unit.id == Staff.unit_id)
            .where(Staff.id.in_(list(people)))
        ).all()
    )
    result = ExemplaryList(year)
    for staff_id, mine in people.items():
        ordered = sorted(mine, key=lambda r: (not r.exemplary, r.received_on, r.id))
        case_nos = tuple(dict.fromkeys(r.case_no for r in ordered if r.case_no))
        result.people.append(
            PersonPraise(
                staff_id=staff_id,
                name=mine[0].staff or "",
                unit=units.get(staff_id) or mine[0].unit,
                commendations=len(mine),
                exemplary=sum(r.exemplary for r in mine),
                case_nos=case_nos,
            )
        )
    result.people.sort(key=lambda p: (-p.exemplary, -p.commendations, p.name, p.staff_id))
    result.cases = [
        PraisedCase(
            case_no=r.case_no,
            business_type=r.business_type,
            staff=r.staff,
            unit=r.unit,
            received_on=r.received_on,
            source=r.source,
            content=mask_personal_data(r.content),
            exemplary=r.exemplary,
        )
        for r in sorted(rows, key=lambda r: (not r.exemplary, r.received_on, r.id))
        if r.case_no is not None
    ]
    return result


def praised_years(session: Session) -> list[int]:
    """The years that have commendations, latest first."""
    years = session.execute(select(extract("year", Commendation.received_on)).distinct()).scalars()
    return sorted((int(y) for y in years if y is not None), reverse=True)


@dataclass(frozen=True)
class PraiseChoices:
    """Who may be praised (active staff, with their unit) and the outlets, for the forms."""

    staff: list[tuple[int, str]]
    units: list[tuple[int, str]]


def praise_choices(session: Session) -> PraiseChoices:
    people = session.execute(
        select(Staff.id, Staff.name, Unit.name)
        .outerjoin(Unit, Unit.id == Staff.unit_id)
        .where(Staff.active.is_(True))
        .order_by(Staff.name, Staff.id)
    ).all()
    units = session.execute(
        select(Unit.id, Unit.name).where(Unit.active.is_(True)).order_by(Unit.name)
    ).all()
    return PraiseChoices(
        [(i, f"{name}（{unit}）" if unit else name) for i, name, unit in people],
        [(i, name) for i, name in units],
    )
