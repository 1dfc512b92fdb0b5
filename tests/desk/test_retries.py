"""When a failed call is tried again (W 7.1.3.3): calling hours, half-days, working days."""

from __future__ import annotations

from datetime import time

import pytest

from app.calendar import CalendarUnknownError, WorkingCalendar
from app.desk.outcomes import OutcomeRow
from app.desk.retries import (
    CallingHours,
    calling_opens_at,
    first_calling_time,
    next_attempt_time,
    parse_span,
)

from .helpers import local

HOURS = CallingHours((time(9), time(12)), (time(14), time(17, 30)))
CALENDAR = WorkingCalendar()


def _outcome(retry_minutes: int | None) -> OutcomeRow:
    return OutcomeRow("x", "x", "x", None, False, False, False, retry_minutes, 0, True)


NO_ANSWER = _outcome(None)
BUSY = _outcome(15)


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        (local(2026, 11, 16, 10), local(2026, 11, 16, 14)),  # morning → the afternoon
        (local(2026, 11, 16, 15), local(2026, 11, 17, 9)),  # afternoon → next morning
        (local(2026, 11, 16, 12, 30), local(2026, 11, 16, 14)),  # lunchtime counts as morning
        (local(2026, 11, 16, 7, 50), local(2026, 11, 16, 14)),  # an early call too
        (local(2026, 11, 16, 19), local(2026, 11, 17, 9)),
    ],
)
def test_no_answer_is_retried_in_another_half_day(last, expected):
    assert next_attempt_time(last, NO_ANSWER, HOURS, CALENDAR) == expected


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        (local(2026, 11, 16, 10), local(2026, 11, 16, 10, 15)),
        (local(2026, 11, 16, 11, 50), local(2026, 11, 16, 14)),  # past 12:00: the afternoon
        (local(2026, 11, 16, 17, 20), local(2026, 11, 17, 9)),  # past 17:30: next morning
    ],
)
def test_busy_is_retried_after_15_minutes_within_calling_hours(last, expected):
    assert next_attempt_time(last, BUSY, HOURS, CALENDAR) == expected


def test_a_retry_skips_the_weekend():
    friday_afternoon = local(2026, 11, 20, 15)
    assert next_attempt_time(friday_afternoon, NO_ANSWER, HOURS, CALENDAR) == local(2026, 11, 23, 9)
    assert next_attempt_time(local(2026, 11, 20, 17, 25), BUSY, HOURS, CALENDAR) == local(
        2026, 11, 23, 9
    )


def test_a_retry_skips_the_national_day_holiday_and_lands_on_the_working_saturday():
    # 2026: 10-01 … 10-07 off, Saturday 10-10 is a make-up working day (调休).
    assert next_attempt_time(local(2026, 9, 30, 15), NO_ANSWER, HOURS, CALENDAR) == local(
        2026, 10, 8, 9
    )
    assert next_attempt_time(local(2026, 10, 9, 15), NO_ANSWER, HOURS, CALENDAR) == local(
        2026, 10, 10, 9
    )
    assert next_attempt_time(local(2026, 10, 10, 15), NO_ANSWER, HOURS, CALENDAR) == local(
        2026, 10, 12, 9
    )


def test_an_unknown_year_is_refused_not_guessed():
    with pytest.raises(CalendarUnknownError):
        next_attempt_time(local(2026, 12, 31, 15), NO_ANSWER, HOURS, CALENDAR)


def test_calling_hours_come_from_the_arguments():
    early = CallingHours((time(8, 30), time(11, 30)), (time(13, 30), time(17)))
    assert next_attempt_time(local(2026, 11, 16, 16), NO_ANSWER, early, CALENDAR) == local(
        2026, 11, 17, 8, 30
    )
    assert next_attempt_time(local(2026, 11, 16, 11), NO_ANSWER, early, CALENDAR) == local(
        2026, 11, 16, 13, 30
    )


def test_first_calling_time_keeps_a_time_inside_the_hours():
    assert first_calling_time(local(2026, 11, 16, 10, 7), HOURS, CALENDAR) == local(
        2026, 11, 16, 10, 7
    )
    assert first_calling_time(local(2026, 11, 21, 10), HOURS, CALENDAR) == local(2026, 11, 23, 9)


def test_hours_are_checked():
    assert parse_span("09:00-12:00") == (time(9), time(12))
    with pytest.raises(ValueError):
        parse_span("9点到12点")
    with pytest.raises(ValueError):
        CallingHours((time(14), time(17)), (time(9), time(12)))


# Issue 16, item 5: retry timing per outcome.

REFUSED = OutcomeRow("refused_soft", "拒访", "Refused", "R", False, True, True, None, 0, True)


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        (local(2026, 11, 16, 10), local(2026, 11, 17, 9)),  # a morning refusal: not at 14:00
        (local(2026, 11, 16, 15), local(2026, 11, 17, 9)),
        (local(2026, 11, 20, 10), local(2026, 11, 23, 9)),  # Friday: Monday
    ],
)
def test_a_refusal_is_never_retried_the_same_day(last, expected):
    assert next_attempt_time(last, REFUSED, HOURS, CALENDAR) == expected


def test_a_refusal_is_not_retried_the_same_day_even_with_a_short_wait_in_the_table():
    short = OutcomeRow("refused_soft", "拒访", "Refused", "R", False, True, True, 30, 0, True)
    assert next_attempt_time(local(2026, 11, 16, 10), short, HOURS, CALENDAR) == local(
        2026, 11, 17, 9
    )


def test_busy_is_retried_soon_once_then_in_another_half_day():
    first_busy = local(2026, 11, 16, 10)
    assert next_attempt_time(first_busy, BUSY, HOURS, CALENDAR) == local(2026, 11, 16, 10, 15)
    second_busy = local(2026, 11, 16, 10, 15)
    assert next_attempt_time(
        second_busy, BUSY, HOURS, CALENDAR, previous_attempt=first_busy
    ) == local(2026, 11, 16, 14)
    # A busy line after a call in another half-day still gets its short wait.
    assert next_attempt_time(
        local(2026, 11, 16, 14, 30), BUSY, HOURS, CALENDAR, previous_attempt=first_busy
    ) == local(2026, 11, 16, 14, 45)


def test_calling_opens_at_says_when_calling_hours_begin():
    assert calling_opens_at(local(2026, 11, 20, 7, 46), HOURS, CALENDAR) == local(2026, 11, 20, 9)
    assert calling_opens_at(local(2026, 11, 20, 12, 30), HOURS, CALENDAR) == local(2026, 11, 20, 14)
    assert calling_opens_at(local(2026, 11, 21, 10), HOURS, CALENDAR) == local(2026, 11, 23, 9)
    assert calling_opens_at(local(2026, 11, 20, 10), HOURS, CALENDAR) is None
    assert calling_opens_at(local(2027, 3, 1, 7), HOURS, CALENDAR) is None  # unknown year: open
