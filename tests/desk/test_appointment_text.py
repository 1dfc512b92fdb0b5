"""An appointment typed the way people say it (issue 16, item 1): resolved, shown, checked."""

from __future__ import annotations

from datetime import time

import pytest

from app.calendar import WorkingCalendar
from app.desk.appointment_text import AppointmentTextInvalid, describe, parse_appointment
from app.desk.retries import CallingHours

from .helpers import local

HOURS = CallingHours((time(9), time(12)), (time(14), time(17, 30)))
CALENDAR = WorkingCalendar()
THURSDAY = local(2026, 11, 19, 14)  # Thursday afternoon; Friday 11-20 is a working day
FRIDAY = local(2026, 11, 20, 14)  # Friday afternoon: tomorrow is a Saturday


def parse(text: str, now=THURSDAY):
    return parse_appointment(text, now, HOURS, CALENDAR)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("10:30", local(2026, 11, 20, 10, 30)),  # past today: the next working day
        ("15:00", local(2026, 11, 19, 15)),  # still ahead today
        ("明天 10:30", local(2026, 11, 20, 10, 30)),
        ("明天10点半", local(2026, 11, 20, 10, 30)),
        ("m1030", local(2026, 11, 20, 10, 30)),  # the six-key form: five letters and Enter
        ("M 10:30", local(2026, 11, 20, 10, 30)),
        ("12-08 10:30", local(2026, 12, 8, 10, 30)),
        ("12/8 9:30", local(2026, 12, 8, 9, 30)),
        ("12月8日 10:30", local(2026, 12, 8, 10, 30)),
        ("2026-12-08 10:30", local(2026, 12, 8, 10, 30)),
        ("２０２６－１２－０８　１０：３０", local(2026, 12, 8, 10, 30)),  # full-width
        ("202612081030", local(2026, 12, 8, 10, 30)),  # the digits the field always took
        ("下周一上午", local(2026, 11, 23, 9)),
        ("下周一 下午", local(2026, 11, 23, 14)),
        ("x1", local(2026, 11, 23, 9)),
        ("周五 15:00", local(2026, 11, 20, 15)),
        ("z5 1500", local(2026, 11, 20, 15)),
        ("星期五下午3点", local(2026, 11, 20, 15)),
        ("明天", local(2026, 11, 20, 9)),  # a day alone: its first calling time
        ("明天下午", local(2026, 11, 20, 14)),
        ("下午", local(2026, 11, 20, 14)),  # today's has begun: the next working day's
    ],
)
def test_what_people_type_is_resolved(typed, expected):
    assert parse(typed) == expected


def test_a_named_day_that_is_not_a_working_day_is_said_not_moved():
    with pytest.raises(AppointmentTextInvalid, match="2026-11-21 周六 09:00：这天不是工作日"):
        parse("后天")  # from Thursday: Saturday


def test_the_resolved_appointment_shows_date_weekday_and_time():
    assert describe(parse("m1030")) == "2026-11-20 周五 10:30"


def test_tomorrow_at_10_30_is_at_most_six_keys():
    assert len("m1030") + 1 <= 6  # and Enter
    assert parse("m1030") == parse("明天 10:30")


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("明天 10:30", "2026-11-21 周六 10:30：这天不是工作日"),
        ("m1030", "2026-11-21 周六 10:30：这天不是工作日"),
        ("2026-12-12 10:30", "2026-12-12 周六 10:30：这天不是工作日"),
        ("周一 12:30", "2026-11-23 周一 12:30：不在回访时段（09:00-12:00、14:00-17:30）"),
        ("22:00", "2026-11-20 周五 22:00：不在回访时段（09:00-12:00、14:00-17:30）"),
        ("2026-11-20 10:00", "2026-11-20 周五 10:00 已经过去：预约须晚于现在"),
        ("2026-10-01 10:00", "2026-10-01 周四 10:00 已经过去：预约须晚于现在"),
    ],
)
def test_a_time_the_desk_cannot_call_is_refused_with_the_reason(typed, reason):
    with pytest.raises(AppointmentTextInvalid) as refused:
        parse(typed, now=FRIDAY)
    assert str(refused.value) == reason


@pytest.mark.parametrize("typed", ["", "abc", "明天 abc", "2026-13-40 10:00", "25:00"])
def test_what_cannot_be_read_is_refused_not_guessed(typed):
    with pytest.raises(AppointmentTextInvalid):
        parse(typed)


def test_a_date_without_its_year_that_has_passed_is_next_year():
    december = local(2026, 12, 20, 10)
    known = WorkingCalendar(extra_years=[2027])
    assert parse_appointment("01-05 10:00", december, HOURS, known) == local(2027, 1, 5, 10)
