"""Which cases are due for a first phone revisit (J 5.1.2).

A case is due once the online window after its 办结日期 has closed (default 7 calendar days,
optionally working days) and it has no valid evaluation: its scoring evaluation
(cases.first_evaluation_id, kept by triggers: the earliest valid first-attempt round-1
evaluation, else the earliest of any validity) is missing or not valid. A default rating, an
evaluation not yet 审核, one given after the window (app.importing.validity) do not spare the
call; a 追评 never does. `counts_as_revisit` is the condition for the quarterly report too
(the coverage plan reads its figures), so that the queue, the plan and the report agree.
Enterprise cases belong to the Form B flow unless a setting sends them to the phone queue. A due
case without a valid phone number cannot be queued: the coverage plan reports it instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, exists, select, true
from sqlalchemy.orm import Session

from app.calendar import WorkingCalendar
from app.desk.do_not_call import callable_case
from app.settings import get_setting
from db.models import Case, Evaluation, QueueEntry


@dataclass(frozen=True)
class DueRules:
    window_days: int = 7
    working_days: bool = False  # count the window in working days instead of calendar days
    enterprise_to_phone: bool = False

    @classmethod
    def from_settings(cls, session: Session) -> DueRules:
        return cls(
            window_days=get_setting(session, "desk.online_window_days"),
            working_days=get_setting(session, "desk.online_window_working_days"),
            enterprise_to_phone=get_setting(session, "desk.enterprise_to_phone"),
        )

    def window_end(self, completed_on: date, calendar: WorkingCalendar) -> date:
        """The last day of the online window: an online evaluation up to then is in time."""
        if self.working_days:
            return calendar.add_working_days(completed_on, self.window_days)
        return completed_on + timedelta(days=self.window_days)

    def latest_due_completion(self, today: date, calendar: WorkingCalendar) -> date:
        """The latest 办结日期 whose window closed before `today`: later cases are not due yet."""
        if not self.working_days:
            return today - timedelta(days=self.window_days + 1)
        # window_end grows with the completion date, so walk back to the first one that fits.
        day = today - timedelta(days=1)
        while self.window_end(day, calendar) >= today:
            day -= timedelta(days=1)
        return day


def counts_as_revisit(first: type = Evaluation) -> ColumnElement[bool]:
    """For a case joined to its scoring evaluation `first` (on cases.first_evaluation_id):
    a valid revisit (J 5.1.2, 5.4.2). Only then is the case spared the phone call and counted
    in the unit's coverage."""
    return first.valid.is_(True)


def has_valid_evaluation(case_id: ColumnElement[int] | None = None) -> ColumnElement[bool]:
    """The case has a valid evaluation by any channel: it is never called for a first revisit.
    Correlated to the query's `cases` row, or to the case `case_id` names (e.g. a queue
    entry's). One look-up by primary key: the scoring evaluation is valid exactly when the
    case has a valid first-attempt round-1 evaluation."""
    found = exists().where(Evaluation.id == Case.first_evaluation_id, counts_as_revisit(Evaluation))
    return found if case_id is None else found.where(Case.id == case_id)


def due_condition(
    rules: DueRules,
    today: date,
    calendar: WorkingCalendar,
    *,
    evaluated: ColumnElement[bool] | None = None,
) -> ColumnElement[bool]:
    """Cases due for a first revisit on `today`, valid phone or not. `evaluated`: the query's
    own test of `has_valid_evaluation` (e.g. on the scoring evaluation it joined once, for a
    query over a quarter's cases, app.desk.coverage); by default its correlated look-up."""
    enterprise = true() if rules.enterprise_to_phone else Case.is_enterprise.is_(False)
    return and_(
        Case.completed_on <= rules.latest_due_completion(today, calendar),
        ~(has_valid_evaluation() if evaluated is None else evaluated),
        enterprise,
    )


def in_first_queue() -> ColumnElement[bool]:
    """The case already has a first-revisit queue entry (open or done): it is never drawn again."""
    return exists().where(QueueEntry.case_id == Case.id, QueueEntry.kind == "first")


def due_case_ids(
    session: Session,
    today: date,
    start: date,
    end: date,
    *,
    unit_id: int | None = None,
    calendar: WorkingCalendar | None = None,
) -> list[int]:
    """Due cases completed in [start, end] with a valid phone and not yet queued, by id."""
    calendar = calendar or WorkingCalendar.load(session)
    query = select(Case.id).where(
        Case.completed_on.between(start, end),
        due_condition(DueRules.from_settings(session), today, calendar),
        Case.has_valid_phone.is_(True),
        callable_case(Case.id),  # not a case whose every number asked never to be called
        ~in_first_queue(),
    )
    if unit_id is not None:
        query = query.where(Case.unit_id == unit_id)
    return list(session.scalars(query.order_by(Case.id)))
