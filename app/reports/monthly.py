"""The monthly phone-revisit analysis (W 7.1.3.3.2): revisit rate with failure reasons, satisfaction,
dissatisfaction, per unit and operator, the 附录 F ledger. Months are in local time (Asia/Shanghai).

Per operator also the quality inspection of the month's calls (质检, issue 22, app.quality.figures):
calls scored, average score (%), critical failures."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, null, or_, select
from sqlalchemy.orm import Session

from app import clock
from app.outcomes import DEFAULT_OUTCOMES
from app.quality.figures import qc_figures
from app.ratings import CHANNEL_LABELS, Channel, Rating
from app.zone import LOCAL_ZONE
from db.models import CallAttempt, CallbackTask, CallOutcome, Case, Evaluation, Staff, Unit

COMPLETED = "completed"
# Form A's four rated items (J 附件 A), in the form's order: (key, label).
ITEMS = (
    ("overall", "总体情况"),
    ("efficiency", "办事效率"),
    ("attitude", "服务态度"),
    ("materials", "提交材料"),
)
_ITEM_COLUMNS = {key: getattr(Evaluation, key) for key, _label in ITEMS}
SATISFIED = (Rating.VERY_SATISFIED, Rating.SATISFIED)
UNRECORDED_OPERATOR = "（未记录）"


@dataclass
class OutcomeCount:
    code: str
    label: str  # Chinese, as ledgers write it
    count: int
    final: bool  # no further attempt is made after it
    contact: bool  # the respondent was reached


@dataclass
class RevisitRate:
    calls: int  # call attempts made in the month
    cases_attempted: int  # cases with at least one attempt in the month
    cases_completed: int  # of those, cases with a completed attempt in the month
    rate: float | None  # cases_completed / cases_attempted
    cases_failed: int  # attempted in the month, not completed in it
    # Why revisits failed: the failed cases counted by the outcome of their month's last attempt.
    failure_reasons: list[OutcomeCount]
    attempts_by_outcome: list[OutcomeCount]  # every attempt of the month, by its outcome


@dataclass
class ItemSatisfaction:
    item: str  # overall / efficiency / attitude / materials
    label: str
    counts: dict[str, int]  # Rating value -> evaluations giving it, in Rating's order
    answered: int
    unanswered: int
    satisfied_share: float | None  # (非常满意 + 满意) / answered


@dataclass
class SatisfactionView:
    scope: str  # "phone" or "all"
    label: str
    evaluations: int
    items: list[ItemSatisfaction]


@dataclass
class ItemDissatisfaction:
    item: str
    label: str
    count: int  # dissatisfied evaluations with 不满意 for this item, any channel
    phone: int  # of those, phone revisits


@dataclass
class ReasonCount:
    reason: str | None  # the callback task's reason_category; None when not yet classified
    count: int


@dataclass
class DissatisfiedEntry:
    evaluation_id: int
    case_no: str
    unit: str
    channel: str
    channel_label: str
    evaluated_at: datetime  # local time
    operator: str | None
    items: list[str]  # labels of the items answered 不满意
    words: str | None  # the respondent's own words (有无建议 / 评价内容)
    reason_category: str | None  # of the second-round callback task, when one exists
    callback_status: str | None
    callback_words: str | None  # what the respondent said in the second-round callback
    case_id: int
    unit_id: int
    operator_id: int | None


@dataclass
class Dissatisfaction:
    evaluations: int
    phone: int
    with_callback: int
    by_item: list[ItemDissatisfaction]
    by_reason: list[ReasonCount]  # over the entries with a callback task
    entries: list[DissatisfiedEntry]


@dataclass
class GroupFigures:
    """The month's phone work of one unit or one operator (or all of it)."""

    key: int | None  # unit or staff id; None for calls with no operator recorded / the total
    name: str
    calls: int
    cases_attempted: int
    cases_completed: int
    contacts: int  # attempts whose outcome reached the respondent
    contact_rate: float | None  # contacts / calls
    completion_rate: float | None  # cases_completed / cases_attempted
    average_duration: float | None  # seconds, over the attempts with a duration recorded
    dissatisfied: int  # dissatisfied entries of the unit's cases / taken by the operator
    # Quality inspection of the operator's calls of the month (operators only).
    qc_scored: int = 0
    qc_average: float | None = None  # per cent
    qc_critical: int = 0


@dataclass
class LedgerRow:
    """One call attempt as a line of the 附录 F phone-revisit ledger (服务对象电话回访记录单)."""

    seq: int
    attempted_at: datetime  # local time
    person: str | None  # 人员姓名: the case's applicant
    location: str | None  # 座落
    business_type: str | None  # 业务类型
    contact: str | None  # 联系方式: the number dialled, as stored
    outcome: str
    outcome_label: str  # 回访情况
    case_no: str
    unit: str
    operator: str | None

    @property
    def day(self) -> date:
        return self.attempted_at.date()


@dataclass
class MonthlyAnalysis:
    year: int
    month: int
    start: date
    end: date
    generated_at: datetime
    revisit: RevisitRate
    satisfaction_phone: SatisfactionView
    satisfaction_all: SatisfactionView
    dissatisfaction: Dissatisfaction
    total: GroupFigures
    units: list[GroupFigures]
    operators: list[GroupFigures]
    ledger_rows: list[LedgerRow] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The analysis as the `report monthly --format json` command prints it."""
        return _jsonable(asdict(self))


@dataclass(frozen=True)
class _OutcomeInfo:
    label: str
    final: bool
    contact: bool
    position: int


def _outcome_catalogue(session: Session) -> dict[str, _OutcomeInfo]:
    """Labels and flags of every outcome as the team configured them (call_outcomes), inactive
    ones included since old attempts keep theirs; the shipped defaults fill in the rest.

    Read only: a report does not seed the table.
    """
    catalogue = {
        o.code: _OutcomeInfo(o.label, o.final, o.contact, (index + 1) * 10)
        for index, o in enumerate(DEFAULT_OUTCOMES)
    }
    for row in session.scalars(select(CallOutcome)):
        catalogue[row.code] = _OutcomeInfo(row.label, row.final, row.contact, row.position)
    return catalogue


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    """The month's first instant and the next month's first, in local time."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1–12, not {month}")
    start = datetime(year, month, 1, tzinfo=LOCAL_ZONE)
    end = datetime(year + (month == 12), 1 if month == 12 else month + 1, 1, tzinfo=LOCAL_ZONE)
    return start, end


def monthly_analysis(session: Session, year: int, month: int) -> MonthlyAnalysis:
    start, end = month_bounds(year, month)
    calls_in_month = and_(CallAttempt.attempted_at >= start, CallAttempt.attempted_at < end)
    given_in_month = and_(
        Evaluation.round == 1, Evaluation.evaluated_at >= start, Evaluation.evaluated_at < end
    )
    outcomes = _outcome_catalogue(session)
    dissatisfaction = _dissatisfaction(session, given_in_month)
    total = _call_figures(session, calls_in_month, None, outcomes)[0]
    total.dissatisfied = dissatisfaction.evaluations
    return MonthlyAnalysis(
        year=year,
        month=month,
        start=start.date(),
        end=(end - timedelta(days=1)).date(),
        generated_at=clock.local_now(),
        revisit=_revisit_rate(session, calls_in_month, total, outcomes),
        satisfaction_phone=_satisfaction(
            session, and_(given_in_month, Evaluation.channel == Channel.PHONE), "phone"
        ),
        satisfaction_all=_satisfaction(session, given_in_month, "all"),
        dissatisfaction=dissatisfaction,
        total=total,
        units=_with_dissatisfied(
            _call_figures(session, calls_in_month, "unit", outcomes),
            Counter((e.unit_id, e.unit) for e in dissatisfaction.entries),
        ),
        operators=_with_quality(
            session,
            _with_dissatisfied(
                _call_figures(session, calls_in_month, "operator", outcomes),
                Counter(
                    (e.operator_id, e.operator) for e in dissatisfaction.entries if e.operator_id
                ),
            ),
            start.date(),
            (end - timedelta(days=1)).date(),
        ),
        ledger_rows=_ledger_rows(session, calls_in_month, outcomes),
    )


# --- revisit rate -------------------------------------------------------------------------------


def _revisit_rate(
    session: Session, calls_in_month, total: GroupFigures, outcomes: dict[str, _OutcomeInfo]
) -> RevisitRate:
    last = (
        select(
            CallAttempt.case_id,
            CallAttempt.outcome,
            func.row_number()
            .over(
                partition_by=CallAttempt.case_id,
                order_by=(CallAttempt.attempted_at.desc(), CallAttempt.id.desc()),
            )
            .label("position"),
        )
        .where(calls_in_month)
        .subquery()
    )
    completed_cases = select(CallAttempt.case_id).where(
        calls_in_month, CallAttempt.outcome == COMPLETED
    )
    failure_rows = session.execute(
        select(last.c.outcome, func.count())
        .where(last.c.position == 1, last.c.case_id.not_in(completed_cases))
        .group_by(last.c.outcome)
    ).all()
    attempt_rows = session.execute(
        select(CallAttempt.outcome, func.count())
        .where(calls_in_month)
        .group_by(CallAttempt.outcome)
    ).all()
    failure_reasons = _outcome_counts(failure_rows, outcomes)
    return RevisitRate(
        calls=total.calls,
        cases_attempted=total.cases_attempted,
        cases_completed=total.cases_completed,
        rate=total.completion_rate,
        cases_failed=sum(o.count for o in failure_reasons),
        failure_reasons=failure_reasons,
        attempts_by_outcome=_outcome_counts(attempt_rows, outcomes),
    )


def _outcome_counts(rows, outcomes: dict[str, _OutcomeInfo]) -> list[OutcomeCount]:
    counts = []
    for code, count in rows:
        info = outcomes.get(code)
        counts.append(
            OutcomeCount(
                code=code,
                label=info.label if info else code,
                count=count,
                final=info.final if info else False,
                contact=info.contact if info else False,
            )
        )
    # Most frequent first; ties in the order outcomes are offered to the operator.
    last = max((info.position for info in outcomes.values()), default=0) + 1
    counts.sort(
        key=lambda o: (-o.count, outcomes[o.code].position if o.code in outcomes else last, o.code)
    )
    return counts


# --- figures per unit / operator ----------------------------------------------------------------


def _call_figures(
    session: Session, calls_in_month, by: str | None, outcomes: dict[str, _OutcomeInfo]
) -> list[GroupFigures]:
    """Call figures of the month: one row in all (by=None), or one per unit or operator."""
    completed_case = case((CallAttempt.outcome == COMPLETED, CallAttempt.case_id))
    contact_codes = sorted(code for code, info in outcomes.items() if info.contact)
    figures = (
        func.count(CallAttempt.id).label("calls"),
        func.count(CallAttempt.case_id.distinct()).label("cases_attempted"),
        func.count(completed_case.distinct()).label("cases_completed"),
        _count_if(CallAttempt.outcome.in_(contact_codes)).label("contacts"),
        func.avg(CallAttempt.duration_seconds).label("average_duration"),
    )
    if by is None:
        query = select(null(), null(), *figures).where(calls_in_month)
    elif by == "unit":
        query = (
            select(Unit.id, Unit.name, *figures)
            .select_from(CallAttempt)
            .join(Case, Case.id == CallAttempt.case_id)
            .join(Unit, Unit.id == Case.unit_id)
            .where(calls_in_month)
            .group_by(Unit.id, Unit.name)
        )
    else:
        query = (
            select(CallAttempt.operator_id, Staff.name, *figures)
            .select_from(CallAttempt)
            .outerjoin(Staff, Staff.id == CallAttempt.operator_id)
            .where(calls_in_month)
            .group_by(CallAttempt.operator_id, Staff.name)
        )
    rows = []
    for key, name, calls, attempted, completed, contacts, duration in session.execute(query):
        rows.append(
            GroupFigures(
                key=key,
                name=name or ("合计" if by is None else UNRECORDED_OPERATOR),
                calls=calls,
                cases_attempted=attempted,
                cases_completed=completed,
                contacts=int(contacts),
                contact_rate=_share(int(contacts), calls),
                completion_rate=_share(completed, attempted),
                # PostgreSQL averages integers as numeric: Decimal, made a float here.
                average_duration=float(duration) if duration is not None else None,
                dissatisfied=0,
            )
        )
    return rows


def _with_dissatisfied(
    rows: list[GroupFigures], dissatisfied: Counter[tuple[int | None, str | None]]
) -> list[GroupFigures]:
    """Adds the dissatisfied counts, and a row for a group with dissatisfaction but no calls."""
    by_key = {row.key: row for row in rows}
    for (key, name), count in dissatisfied.items():
        if key not in by_key:
            by_key[key] = GroupFigures(
                key, name or UNRECORDED_OPERATOR, 0, 0, 0, 0, None, None, None, 0
            )
        by_key[key].dissatisfied = count
    # By name; calls without an operator recorded come last.
    return sorted(by_key.values(), key=lambda r: (r.key is None, r.name, r.key or 0))


def _with_quality(
    session: Session, rows: list[GroupFigures], first: date, last: date
) -> list[GroupFigures]:
    """Adds each operator's quality-inspection figures of the month's calls."""
    figures = qc_figures(session, first, last)
    for row in rows:
        qc = figures.get(row.key) if row.key is not None else None
        if qc is not None:
            row.qc_scored, row.qc_average, row.qc_critical = (
                qc.scored,
                qc.average,
                qc.critical_failures,
            )
    return rows


# --- satisfaction -------------------------------------------------------------------------------


def _satisfaction(session: Session, condition, scope: str) -> SatisfactionView:
    columns = [
        _count_if(_ITEM_COLUMNS[item] == rating).label(f"{item}_{rating.value}")
        for item, _label in ITEMS
        for rating in Rating
    ]
    row = session.execute(select(func.count(Evaluation.id), *columns).where(condition)).one()
    evaluations = row[0]
    items = []
    for index, (item, label) in enumerate(ITEMS):
        values = row[1 + index * len(Rating) : 1 + (index + 1) * len(Rating)]
        counts = {rating.value: int(n) for rating, n in zip(Rating, values, strict=True)}
        answered = sum(counts.values())
        satisfied = sum(counts[rating.value] for rating in SATISFIED)
        items.append(
            ItemSatisfaction(
                item=item,
                label=label,
                counts=counts,
                answered=answered,
                unanswered=evaluations - answered,
                satisfied_share=_share(satisfied, answered),
            )
        )
    label = "电话回访（首轮）" if scope == "phone" else "全部渠道（首轮）"
    return SatisfactionView(scope=scope, label=label, evaluations=evaluations, items=items)


# --- dissatisfaction ----------------------------------------------------------------------------


def _dissatisfaction(session: Session, given_in_month) -> Dissatisfaction:
    any_dissatisfied = or_(*(column == Rating.DISSATISFIED for column in _ITEM_COLUMNS.values()))
    chosen = and_(given_in_month, any_dissatisfied)
    rows = session.execute(
        select(
            Evaluation.id,
            Evaluation.case_id,
            Evaluation.channel,
            Evaluation.evaluated_at,
            Evaluation.operator_id,
            Evaluation.suggestion,
            *_ITEM_COLUMNS.values(),
            Case.case_no,
            Unit.id,
            Unit.name,
            Staff.name,
        )
        .join(Case, Case.id == Evaluation.case_id)
        .join(Unit, Unit.id == Case.unit_id)
        .outerjoin(Staff, Staff.id == Evaluation.operator_id)
        .where(chosen)
        .order_by(Evaluation.evaluated_at, Evaluation.id)
    ).all()
    tasks = _callback_tasks(session, chosen)
    entries: list[DissatisfiedEntry] = []
    for row in rows:
        (eval_id, case_id, channel, at, operator_id, words, *ratings) = row[:10]
        case_no, unit_id, unit, operator = row[10:]
        task = tasks.get(("evaluation", eval_id)) or tasks.get(("case", case_id))
        entries.append(
            DissatisfiedEntry(
                evaluation_id=eval_id,
                case_no=case_no,
                unit=unit,
                channel=channel,
                channel_label=CHANNEL_LABELS.get(channel, channel),
                evaluated_at=at.astimezone(LOCAL_ZONE),
                operator=operator,
                items=[
                    label
                    for (_key, label), rating in zip(ITEMS, ratings, strict=True)
                    if rating == Rating.DISSATISFIED
                ],
                words=words,
                reason_category=task.reason_category if task else None,
                callback_status=task.status if task else None,
                callback_words=task.respondent_words if task else None,
                unit_id=unit_id,
                case_id=case_id,
                operator_id=operator_id,
            )
        )
    phone = [e for e in entries if e.channel == Channel.PHONE]
    with_task = [e for e in entries if e.callback_status is not None]
    reasons = Counter(e.reason_category for e in with_task)
    return Dissatisfaction(
        evaluations=len(entries),
        phone=len(phone),
        with_callback=len(with_task),
        by_item=[
            ItemDissatisfaction(
                item=key,
                label=label,
                count=sum(label in e.items for e in entries),
                phone=sum(label in e.items for e in phone),
            )
            for key, label in ITEMS
        ],
        by_reason=[
            ReasonCount(reason, count)
            for reason, count in sorted(
                reasons.items(), key=lambda pair: (-pair[1], pair[0] is None, pair[0] or "")
            )
        ],
        entries=entries,
    )


def _callback_tasks(session: Session, chosen) -> dict[tuple[str, int], CallbackTask]:
    """The second-round tasks of the chosen evaluations: by evaluation, else by case.

    A task not linked to an evaluation is taken to be about its case's dissatisfied answer.
    """
    chosen_ids = select(Evaluation.id).where(chosen)
    chosen_cases = select(Evaluation.case_id).where(chosen)
    tasks = session.scalars(
        select(CallbackTask)
        .where(
            or_(
                CallbackTask.evaluation_id.in_(chosen_ids),
                and_(CallbackTask.evaluation_id.is_(None), CallbackTask.case_id.in_(chosen_cases)),
            )
        )
        .order_by(CallbackTask.opened_at, CallbackTask.id)
    ).all()
    found: dict[tuple[str, int], CallbackTask] = {}
    for task in tasks:  # the earliest task wins
        key = ("evaluation", task.evaluation_id) if task.evaluation_id else ("case", task.case_id)
        found.setdefault(key, task)
    return found


# --- 附录 F ledger -------------------------------------------------------------------------------


def _ledger_rows(
    session: Session, calls_in_month, outcomes: dict[str, _OutcomeInfo]
) -> list[LedgerRow]:
    rows = session.execute(
        select(
            CallAttempt.attempted_at,
            CallAttempt.outcome,
            CallAttempt.outcome_original,
            CallAttempt.phone_original,
            CallAttempt.phone_e164,
            Case.case_no,
            Case.applicant,
            Case.enterprise_name,
            Case.location,
            Case.business_type,
            Unit.name,
            Staff.name,
        )
        .join(Case, Case.id == CallAttempt.case_id)
        .join(Unit, Unit.id == Case.unit_id)
        .outerjoin(Staff, Staff.id == CallAttempt.operator_id)
        .where(calls_in_month)
        .order_by(CallAttempt.attempted_at, CallAttempt.id)
    ).all()
    ledger = []
    for seq, row in enumerate(rows, start=1):
        (at, code, original, phone, e164, case_no, applicant, enterprise, location) = row[:9]
        business_type, unit, operator = row[9:]
        info = outcomes.get(code)
        ledger.append(
            LedgerRow(
                seq=seq,
                attempted_at=at.astimezone(LOCAL_ZONE),
                person=applicant or enterprise,
                location=location,
                business_type=business_type,
                contact=phone or e164,
                outcome=code,
                outcome_label=info.label if info else (original or code),
                case_no=case_no,
                unit=unit,
                operator=operator,
            )
        )
    return ledger


# --- helpers ------------------------------------------------------------------------------------


def _count_if(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    return value
