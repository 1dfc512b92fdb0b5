"""Tests of app.calendar: the official arrangement, the editable table and deadline arithmetic."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app import calendar as wcal
from app.calendar import (
    CalendarUnknownError,
    DayInfo,
    WorkingCalendar,
    add_year,
    clear_day,
    import_days,
    set_day,
)
from db.engine import make_engine, make_session_factory
from db.migrate import upgrade_database

# The official 2026 arrangement (国务院办公厅 2025-11-04): 中秋节 9月25日至27日放假; 国庆节
# 10月1日（周四）至7日（周三）放假调休，9月20日（周日）、10月10日（周六）上班.


@pytest.fixture
def cal() -> WorkingCalendar:
    return WorkingCalendar()


@pytest.fixture
def session_factory(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 't.sqlite3'}")
    upgrade_database(engine)
    yield make_session_factory(engine)
    engine.dispose()


def test_2026_national_day_and_mid_autumn(cal):
    for day in range(1, 8):
        info = cal.day_info(date(2026, 10, day))
        assert info == DayInfo(date(2026, 10, day), False, "国庆节", "official")
    for day in (25, 26, 27):
        assert cal.day_info(date(2026, 9, day)) == DayInfo(
            date(2026, 9, day), False, "中秋节", "official"
        )
    # Make-up working days: Sunday 20 September and Saturday 10 October.
    assert cal.day_info(date(2026, 9, 20)) == DayInfo(
        date(2026, 9, 20), True, "调休上班", "official"
    )
    assert cal.day_info(date(2026, 10, 10)) == DayInfo(
        date(2026, 10, 10), True, "调休上班", "official"
    )
    # 8 and 9 October are ordinary working days again; 11 October an ordinary Sunday.
    assert cal.is_working_day(date(2026, 10, 8))
    assert cal.is_working_day(date(2026, 10, 9))
    assert cal.day_info(date(2026, 10, 11)) == DayInfo(date(2026, 10, 11), False, None, "weekday")
    assert cal.is_working_day(date(2026, 9, 30))
    assert not cal.is_working_day(date(2026, 9, 19))  # the Saturday before the make-up Sunday


def test_2026_spring_festival(cal):
    for day in range(15, 24):
        info = cal.day_info(date(2026, 2, day))
        assert not info.is_working_day
        assert info.note == "春节"
    assert cal.day_info(date(2026, 2, 14)).note == "调休上班"  # Saturday
    assert cal.is_working_day(date(2026, 2, 14))
    assert cal.is_working_day(date(2026, 2, 28))  # Saturday
    assert cal.is_working_day(date(2026, 2, 24))
    assert cal.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 14)
    assert cal.add_working_days(date(2026, 2, 14), 1) == date(2026, 2, 24)


def test_other_2026_holidays_named_in_chinese(cal):
    assert cal.day_info(date(2026, 1, 1)).note == "元旦"
    assert cal.day_info(date(2026, 1, 4)).note == "调休上班"
    assert cal.day_info(date(2026, 4, 6)).note == "清明节"
    assert cal.day_info(date(2026, 5, 5)).note == "劳动节"
    assert cal.day_info(date(2026, 6, 19)).note == "端午节"
    assert cal.day_info(date(2015, 9, 3)).note == "抗战胜利纪念日"


def test_plain_weekend_and_weekday(cal):
    assert cal.day_info(date(2026, 3, 7)) == DayInfo(date(2026, 3, 7), False, None, "weekday")
    assert not cal.is_working_day(date(2026, 3, 8))
    assert cal.day_info(date(2026, 3, 9)) == DayInfo(date(2026, 3, 9), True, None, "weekday")
    # A datetime is taken as its date (a datetime never equals a date dict key).
    assert not cal.is_working_day(datetime(2026, 10, 1, 9, 30))


def test_add_working_days_across_national_day(cal):
    start = date(2026, 9, 30)
    assert cal.add_working_days(start, 0) == start
    assert cal.add_working_days(start, 1) == date(2026, 10, 8)
    assert cal.add_working_days(start, 2) == date(2026, 10, 9)
    assert cal.add_working_days(start, 3) == date(2026, 10, 10)  # the make-up Saturday
    assert cal.add_working_days(start, 4) == date(2026, 10, 12)
    # A complaint received on Friday 18 September 2026: reply within 15 working days.
    assert cal.add_working_days(date(2026, 9, 18), 15) == date(2026, 10, 15)
    # 3-working-day supplement deadline from the last day before the holiday.
    assert cal.add_working_days(date(2026, 9, 24), 3) == date(2026, 9, 30)


def test_add_working_days_backwards(cal):
    assert cal.add_working_days(date(2026, 10, 8), -1) == date(2026, 9, 30)
    assert cal.add_working_days(date(2026, 10, 12), -1) == date(2026, 10, 10)
    assert cal.add_working_days(date(2026, 10, 12), -4) == date(2026, 9, 30)
    assert cal.add_working_days(date(2026, 9, 21), -1) == date(2026, 9, 20)


def test_working_days_between(cal):
    a, b = date(2026, 9, 30), date(2026, 10, 10)
    assert cal.working_days_between(a, b) == 3  # 8, 9 and 10 October
    assert cal.working_days_between(b, a) == -3
    assert cal.working_days_between(a, a) == 0
    assert cal.working_days_between(date(2026, 10, 1), date(2026, 10, 7)) == 0
    assert cal.working_days_between(date(2026, 9, 18), date(2026, 10, 15)) == 15
    for n in range(0, 30):
        assert cal.working_days_between(a, cal.add_working_days(a, n)) == n


def test_month_days(cal):
    october = cal.month_days(2026, 10)
    assert [info.day for info in october] == [date(2026, 10, d) for d in range(1, 32)]
    assert sum(info.is_working_day for info in october) == 18
    assert len(cal.month_days(2024, 2)) == 29


def test_2027_is_unknown(cal):
    with pytest.raises(CalendarUnknownError) as caught:
        cal.is_working_day(date(2027, 1, 4))
    assert caught.value.year == 2027
    assert isinstance(caught.value, ValueError)
    message = str(caught.value)
    assert "2027 年的节假日安排尚未录入工作日历" in message
    assert "The 2027 holiday arrangement is not in the working-day calendar" in message
    assert not cal.is_known(date(2027, 1, 4))
    with pytest.raises(CalendarUnknownError):
        cal.day_info(date(2027, 6, 1))
    with pytest.raises(CalendarUnknownError):
        cal.month_days(2027, 1)
    # Deadlines running off the end of the known years refuse rather than guess.
    with pytest.raises(CalendarUnknownError) as caught:
        cal.add_working_days(date(2026, 12, 30), 5)
    assert caught.value.year == 2027
    with pytest.raises(CalendarUnknownError):
        cal.working_days_between(date(2026, 12, 30), date(2027, 1, 5))
    with pytest.raises(CalendarUnknownError):
        cal.is_working_day(date(2003, 12, 31))


def test_2020_is_covered(cal):
    # 2020: 国庆节、中秋节 10月1日至8日放假调休，9月27日（周日）、10月10日（周六）上班.
    assert cal.is_known(date(2020, 10, 1))
    assert all(not cal.is_working_day(date(2020, 10, d)) for d in range(1, 9))
    assert cal.day_info(date(2020, 9, 27)) == DayInfo(
        date(2020, 9, 27), True, "调休上班", "official"
    )
    assert cal.is_working_day(date(2020, 10, 10))
    assert cal.add_working_days(date(2020, 9, 30), 1) == date(2020, 10, 9)


def test_known_years(cal):
    years = cal.known_years()
    assert set(range(2020, 2027)) <= set(years)
    assert years == sorted(years)
    assert 2027 not in years
    assert years[0] == min(wcal.OFFICIAL_YEARS)
    assert WorkingCalendar(extra_years=[2027]).known_years()[-1] == 2027


def test_in_memory_overrides_and_extra_year():
    cal = WorkingCalendar(
        overrides={date(2026, 10, 9): False, date(2027, 1, 1): False, date(2027, 2, 6): True},
        notes={date(2026, 10, 9): "停电", date(2027, 1, 1): "元旦"},
        extra_years=[2027],
    )
    assert cal.day_info(date(2026, 10, 9)) == DayInfo(date(2026, 10, 9), False, "停电", "table")
    assert cal.add_working_days(date(2026, 9, 30), 2) == date(2026, 10, 10)
    assert not cal.is_working_day(date(2027, 1, 1))
    assert cal.is_working_day(date(2027, 2, 6))  # a Saturday entered as working
    # A date of an entered year with no row is a working day iff Monday to Friday.
    assert cal.day_info(date(2027, 1, 4)) == DayInfo(date(2027, 1, 4), True, None, "weekday")
    assert not cal.is_working_day(date(2027, 1, 9))


def test_override_row_answers_its_own_date_only():
    cal = WorkingCalendar(overrides={date(2027, 1, 1): False})
    assert cal.is_known(date(2027, 1, 1))
    assert not cal.is_working_day(date(2027, 1, 1))
    assert not cal.is_known(date(2027, 1, 4))
    with pytest.raises(CalendarUnknownError):
        cal.is_working_day(date(2027, 1, 4))


def test_database_table_overrides_and_makes_2027_known(session_factory):
    with session_factory.begin() as s:
        set_day(s, date(2026, 10, 9), False, "单位停电")
        set_day(s, date(2026, 10, 11), True)  # an ordinary Sunday made a working day
    with session_factory() as s:
        cal = WorkingCalendar.load(s)
    assert cal.day_info(date(2026, 10, 9)) == DayInfo(date(2026, 10, 9), False, "单位停电", "table")
    assert cal.day_info(date(2026, 10, 11)) == DayInfo(date(2026, 10, 11), True, None, "table")
    assert cal.add_working_days(date(2026, 9, 30), 2) == date(2026, 10, 10)
    with pytest.raises(CalendarUnknownError):
        cal.is_working_day(date(2027, 1, 4))

    arrangement_2027 = [
        (date(2027, 1, 1), False, "元旦"),
        (date(2027, 1, 2), False, "元旦"),
        (date(2027, 1, 3), False, "元旦"),
        (date(2027, 2, 6), True, "调休上班"),
    ]
    with session_factory.begin() as s:
        assert import_days(s, arrangement_2027) == 4
        add_year(s, 2027, "国务院办公厅 2026 年通知")
        add_year(s, 2027)  # idempotent
    with session_factory() as s:
        cal = WorkingCalendar.load(s)
    assert 2027 in cal.known_years()
    assert cal.day_info(date(2027, 1, 1)) == DayInfo(date(2027, 1, 1), False, "元旦", "table")
    assert cal.is_working_day(date(2027, 1, 4))
    assert cal.is_working_day(date(2027, 2, 6))
    assert not cal.is_working_day(date(2027, 2, 7))
    assert cal.add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)
    assert wcal.add_working_days(date(2026, 12, 31), 1, calendar=cal) == date(2027, 1, 4)
    assert len(cal.month_days(2027, 1)) == 31

    with session_factory.begin() as s:
        clear_day(s, date(2026, 10, 9))
        clear_day(s, date(2026, 10, 9))  # clearing a missing row is harmless
        set_day(s, date(2027, 1, 1), False, "元旦（更正）")  # update in place
    with session_factory() as s:
        cal = WorkingCalendar.load(s)
    assert cal.day_info(date(2026, 10, 9)) == DayInfo(date(2026, 10, 9), True, None, "weekday")
    assert cal.day_info(date(2027, 1, 1)).note == "元旦（更正）"


def test_services_do_not_commit(session_factory):
    with session_factory() as s:
        set_day(s, date(2026, 10, 9), False)
        add_year(s, 2027)
        s.rollback()
    with session_factory() as s:
        cal = WorkingCalendar.load(s)
    assert cal.is_working_day(date(2026, 10, 9))
    assert 2027 not in cal.known_years()


def test_import_days_keeps_last_of_duplicates(session_factory):
    with session_factory.begin() as s:
        rows = [(date(2027, 5, 1), True, None), (date(2027, 5, 1), False, "劳动节")]
        assert import_days(s, rows) == 1
        set_day(s, date(2027, 5, 2), False)
        set_day(s, date(2027, 5, 2), False, "劳动节")  # twice in one session before a flush
    with session_factory() as s:
        cal = WorkingCalendar.load(s, extra_years=[2027])
    assert cal.day_info(date(2027, 5, 1)) == DayInfo(date(2027, 5, 1), False, "劳动节", "table")
    assert cal.day_info(date(2027, 5, 2)).note == "劳动节"


def test_set_day_rejects_overlong_note(session_factory):
    with session_factory() as s, pytest.raises(ValueError):
        set_day(s, date(2026, 10, 9), False, "长" * 101)


def test_module_functions_use_the_official_calendar():
    assert not wcal.is_working_day(date(2026, 10, 1))
    assert wcal.is_working_day(date(2026, 10, 10))
    assert wcal.add_working_days(date(2026, 9, 30), 2) == date(2026, 10, 9)
    assert wcal.working_days_between(date(2026, 9, 30), date(2026, 10, 10)) == 3
    with pytest.raises(CalendarUnknownError):
        wcal.is_working_day(date(2027, 1, 4))
