"""When a failed call is tried again: in calling hours on working days, in another half-day (W 7.1.3.3).

Pure functions: the caller supplies the calling hours and the working-day calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy.orm import Session

from app.calendar import WorkingCalendar
from app.desk.outcomes import OutcomeRow
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
    last_attempt: datetime, outcome: OutcomeRow, hours: CallingHours, calendar: WorkingCalendar
) -> datetime:
    """When to call again after `last_attempt` ended with `outcome`.

    An outcome with a retry wait (busy: 15 minutes) is tried after that wait; any other in the
    next half-day, so that a number that does not answer in the morning is tried in the
    afternoon, and one tried in the afternoon the next working morning. Times between the
    sessions belong to the morning's half-day, so a lunchtime attempt is retried at 14:00.
    """
    local = last_attempt.astimezone(LOCAL_ZONE)
    if outcome.retry_minutes is not None:
        return first_calling_time(local + timedelta(minutes=outcome.retry_minutes), hours, calendar)
    afternoon_start = hours.afternoon[0]
    if local.time() < afternoon_start:
        following = datetime.combine(local.date(), afternoon_start, LOCAL_ZONE)
    else:
        following = datetime.combine(local.date() + timedelta(days=1), time(), LOCAL_ZONE)
    return first_calling_time(following, hours, calendar)
