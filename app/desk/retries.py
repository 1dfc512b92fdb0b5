"""When a failed call is tried again: in calling hours on working days, in another half-day (W 7.1.3.3).

Pure functions: the caller supplies the calling hours and the working-day calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from app.calendar import CalendarUnknownError, WorkingCalendar
from app.desk.outcomes import NOT_SAME_DAY, OutcomeRow
from app.i18n import pick
from app.settings import get_setting, parse_hours
from app.zone import LOCAL_ZONE


@dataclass(frozen=True)
class CallingHours:
    """The two calling sessions of a working day, in local time (Asia/Shanghai)."""

    morning: tuple[time, time]
    afternoon: tuple[time, time]

    def __post_init__(self) -> None:
        (m_start, m_end), (a_start, a_end) = self.morning, self.afternoon
        if not m_start < m_end <= a_start < a_end:
            raise ValueError(
                pick(
                    "回访时段无效：上午须早于下午，且每段开始早于结束",
                    "Invalid calling hours: morning before afternoon, each starting before it ends",
                )
            )

    @classmethod
    def from_settings(cls, session: Session) -> CallingHours:
        return cls(
            parse_span(get_setting(session, "desk.morning_hours")),
            parse_span(get_setting(session, "desk.afternoon_hours")),
        )

    def spans(self) -> tuple[tuple[time, time], tuple[time, time]]:
        return self.morning, self.afternoon


parse_span = parse_hours  # the calling hours' format is the settings' (app.settings)


def first_calling_time(
    moment: datetime, hours: CallingHours, calendar: WorkingCalendar
) -> datetime:
    """`moment` when it falls in calling hours on a working day, else the next session's start."""
    local = moment.astimezone(LOCAL_ZONE)
    day = local.date()
    # Ends: at worst the calendar runs out of known years and raises CalendarUnknownError.
    while True:
        if calendar.is_working_day(day):
            for start, end in hours.spans():
                if local < datetime.combine(day, end, LOCAL_ZONE):
                    return max(local, datetime.combine(day, start, LOCAL_ZONE))
        day += timedelta(days=1)
        local = datetime.combine(day, time(), LOCAL_ZONE)


def next_attempt_time(
    last_attempt: datetime,
    outcome: OutcomeRow,
    hours: CallingHours,
    calendar: WorkingCalendar,
    *,
    previous_attempt: datetime | None = None,
) -> datetime:
    """When to call again after `last_attempt` ended with `outcome` (SPEC rule 4, W 7.1.3.3).

    - A refusal (拒访) is never tried again the same day: the next working day's first session.
    - An outcome with a short retry wait (busy: 15 minutes) is tried after that wait, once: the
      line was in use, so the respondent is near the phone and a second try soon is the best
      chance; but when `previous_attempt` (the failed call before this one) fell in the same
      half-day, the short wait was spent and the next try is in another half-day, so that the
      attempts a case is allowed are not used up in one sitting.
    - Any other failed call is tried in the next half-day: a number that does not answer in the
      morning is tried in the afternoon, one tried in the afternoon the next working morning.
      Times between the sessions belong to the morning's half-day (a lunchtime call: 14:00).

    Final outcomes (明确拒访, 要求勿扰, …) are never retried: the caller ends the case first.
    """
    local = last_attempt.astimezone(LOCAL_ZONE)
    if outcome.code in NOT_SAME_DAY:
        following = datetime.combine(local.date() + timedelta(days=1), time(), LOCAL_ZONE)
        if outcome.retry_minutes is not None:  # a longer wait in the table still counts
            following = max(following, local + timedelta(minutes=outcome.retry_minutes))
        return first_calling_time(following, hours, calendar)
    short_spent = previous_attempt is not None and _half_day(previous_attempt, hours) == _half_day(
        local, hours
    )
    if outcome.retry_minutes is not None and not short_spent:
        return first_calling_time(local + timedelta(minutes=outcome.retry_minutes), hours, calendar)
    return first_calling_time(_next_half_day(local, hours), hours, calendar)


def _half_day(moment: datetime, hours: CallingHours) -> tuple[date, bool]:
    """The half-day a moment belongs to: its local date, and whether it is the afternoon's."""
    local = moment.astimezone(LOCAL_ZONE)
    return local.date(), local.time() >= hours.afternoon[0]


def _next_half_day(local: datetime, hours: CallingHours) -> datetime:
    if local.time() < hours.afternoon[0]:
        return datetime.combine(local.date(), hours.afternoon[0], LOCAL_ZONE)
    return datetime.combine(local.date() + timedelta(days=1), time(), LOCAL_ZONE)


def calling_opens_at(
    moment: datetime, hours: CallingHours, calendar: WorkingCalendar
) -> datetime | None:
    """None when `moment` is in calling hours on a working day; else when they next begin.

    A year the calendar does not know yet counts as open: the desk is not stopped for a
    calendar an administrator has still to enter (retries there are refused on their own).
    """
    try:
        start = first_calling_time(moment, hours, calendar)
    except CalendarUnknownError:
        return None
    return None if start <= moment else start
