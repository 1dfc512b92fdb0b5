"""app.calendar_notice against the real notices of 2016–2026 and `chinese_calendar`, day by day;
texts it must refuse; saving a notice (one transaction, audited, administrators only)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest
from sqlalchemy import select

from app.audit import audit_entries
from app.calendar import CalendarYearView, WorkingCalendar, set_day, year_view
from app.calendar_notice import HolidayNotice, NoticeDay, NoticeUnreadable, read_notice, save_notice
from app.roles import NotPermitted
from app.staff import add_staff
from db.models import CalendarDay, CalendarYear

NOTICES = Path(__file__).parent / "data" / "holiday_notices"
YEARS = list(range(2016, 2027))

# Changes published after the yearly notice, which chinese_calendar knows (texts beside the
# notices): 2019's 劳动节 made 5月1日至4日 with 4月28日 and 5月5日 worked; 2020's 春节 extended
# to 2月2日 (2月1日 was to be worked).
LATER_CHANGES = {
    2019: {
        date(2019, 4, 28): True,
        date(2019, 5, 2): False,
        date(2019, 5, 3): False,
        date(2019, 5, 4): False,
        date(2019, 5, 5): True,
    },
    2020: {date(2020, 1, 31): False, date(2020, 2, 1): False, date(2020, 2, 2): False},
}


def notice_text(year: int) -> str:
    return (NOTICES / f"{year}.txt").read_text(encoding="utf-8")


def full_width(text: str) -> str:
    """The punctuation gov.cn prints (the stored pages have ASCII ,():), and full-width digits."""
    table = {",": "，", "(": "（", ")": "）", ":": "："} | {
        str(digit): chr(0xFF10 + digit) for digit in range(10)
    }
    return text.translate(str.maketrans(table))


def working_days_of(year: int) -> dict[date, bool]:
    """Every date of `year` as the notices make it: Mon–Fri by default, then this year's notice,
    next year's (its 元旦 may start in December) and the later changes."""
    status = {}
    day = date(year, 1, 1)
    while day.year == year:
        status[day] = day.weekday() < 5
        day += timedelta(days=1)
    for notice_year in (year, year + 1):
        if (NOTICES / f"{notice_year}.txt").exists():
            for notice_day in read_notice(notice_text(notice_year)).days:
                if notice_day.day.year == year:
                    status[notice_day.day] = notice_day.is_working_day
    status |= LATER_CHANGES.get(year, {})
    return status


@pytest.mark.parametrize("year", YEARS)
def test_every_day_of_the_year_agrees_with_chinese_calendar(year):
    status = working_days_of(year)
    assert len(status) in (365, 366)
    differing = [
        day for day, working in status.items() if working != chinese_calendar.is_workday(day)
    ]
    assert differing == []


@pytest.mark.parametrize("year", YEARS)
def test_holidays_carry_their_festival(year):
    notice = read_notice(notice_text(year))
    assert notice.year == year
    for holiday in notice.holidays:
        on_holiday, name = chinese_calendar.get_holiday_detail(holiday.day)
        assert on_holiday or holiday.day in LATER_CHANGES.get(year, {})
        if name is not None and holiday.day.weekday() < 5:
            festivals = {
                "New Year's Day": "元旦",
                "Spring Festival": "春节",
                "Tomb-sweeping Day": "清明节",
                "Labour Day": "劳动节",
                "Dragon Boat Festival": "端午节",
                "Mid-autumn Festival": "中秋节",
                "National Day": "国庆节",
            }
            assert festivals[name] in holiday.note
    for worked in notice.working_days:
        assert worked.day.weekday() >= 5 and worked.note.endswith("调休上班")


def test_2017_and_2026_styles():
    # 2017: "1月1日放假，1月2日（星期一）补休", 中秋节、国庆节 in one item, 星期X.
    days_2017 = {day.day: day for day in read_notice(notice_text(2017)).days}
    assert days_2017[date(2017, 1, 2)] == NoticeDay(date(2017, 1, 2), False, "元旦")
    assert days_2017[date(2017, 9, 30)] == NoticeDay(
        date(2017, 9, 30), True, "中秋节、国庆节调休上班"
    )
    assert [d.day for d in days_2017.values() if d.note == "春节"] == [
        date(2017, 1, 27) + timedelta(days=n) for n in range(7)
    ]
    # 2026: "2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）", 周X, 9 days.
    days_2026 = read_notice(notice_text(2026)).days
    spring = [d.day for d in days_2026 if d.note == "春节"]
    assert spring == [date(2026, 2, 15) + timedelta(days=n) for n in range(9)]
    assert NoticeDay(date(2026, 2, 28), True, "春节调休上班") in days_2026


def test_new_year_across_december_and_january():
    days = read_notice(notice_text(2019)).days
    assert days[:4] == (
        NoticeDay(date(2018, 12, 29), True, "元旦调休上班"),
        NoticeDay(date(2018, 12, 30), False, "元旦"),
        NoticeDay(date(2018, 12, 31), False, "元旦"),
        NoticeDay(date(2019, 1, 1), False, "元旦"),
    )
    assert [d.day for d in read_notice(notice_text(2023)).days[:3]] == [
        date(2022, 12, 31),
        date(2023, 1, 1),
        date(2023, 1, 2),
    ]


def test_an_encouragement_is_not_a_day_off():
    # 2024: "鼓励各单位……安排职工在除夕（2月9日）休息" — 2月9日 stays a working day.
    days = {day.day for day in read_notice(notice_text(2024)).days}
    assert date(2024, 2, 9) not in days


@pytest.mark.parametrize("year", [2017, 2024, 2026])
def test_full_width_and_one_line_pastes_read_the_same(year):
    expected = read_notice(notice_text(year))
    assert read_notice(full_width(notice_text(year))) == expected
    assert read_notice(notice_text(year).replace("\n", "")) == expected
    # A PDF copy breaks lines inside sentences.
    assert read_notice(notice_text(year).replace("日(", "日\n(")) == expected


def refused(text: str) -> NoticeUnreadable:
    with pytest.raises(NoticeUnreadable) as raised:
        read_notice(text)
    return raised.value


def test_a_truncated_notice_is_refused_with_its_last_sentence():
    text = notice_text(2026)
    cut = text[: text.index("9月20日(周日)")]  # the last item without its working days
    error = refused(cut)
    assert error.sentence == "七、国庆节:10月1日(周四)至7日(周三)放假调休,共7天"
    assert "“七、国庆节:10月1日(周四)至7日(周三)放假调休,共7天”" in str(error)
    assert "不完整" in str(error)


def test_a_sentence_cut_in_the_middle_is_quoted():
    text = notice_text(2017)
    start = text.index("六、")
    broken = (
        text[: start + len("六、中秋节、国庆节:10月1日至8日放假调")]
        + text[text.index("\n", start) :]
    )
    error = refused(broken)
    assert error.sentence == "10月1日至8日放假调"
    assert "“10月1日至8日放假调”" in str(error)


@pytest.mark.parametrize(
    ("change", "sentence", "why"),
    [
        (
            ("2月14日(周六)", "2月14日(周五)"),
            "2月14日(周五)、2月28日(周六)上班",
            "星期",
        ),
        (
            ("共9天", "共8天"),
            "2月15日(农历腊月二十八、周日)至23日(农历正月初七、周一)放假调休,共8天",
            "共8天",
        ),
        (("与", "与"), None, None),  # unchanged: a control that the text is read at all
        (
            ("4月4日(周六)至6日(周一)放假", "4月4日(周六)起放假"),
            "4月4日(周六)起放假,共3天",
            "读不懂",
        ),
        (("5月9日(周六)上班", "5月9日(周六)值班"), "5月9日(周六)值班", "读不懂"),
    ],
)
def test_a_sentence_it_cannot_read_is_quoted(change, sentence, why):
    text = notice_text(2026).replace(*change)
    if sentence is None:
        assert read_notice(text).year == 2026
        return
    error = refused(text)
    assert error.sentence == sentence
    assert f"“{sentence}”" in str(error) and why in str(error)


def test_a_missing_item_is_refused():
    text = notice_text(2026)
    without_qingming = text.replace(text[text.index("三、清明节") : text.index("四、劳动节")], "")
    error = refused(without_qingming)
    assert "第三项" in str(error)
    renumbered = without_qingming
    for old, new in (("四、", "三、"), ("五、", "四、"), ("六、", "五、"), ("七、", "六、")):
        renumbered = renumbered.replace(old, new)
    assert "清明节" in str(refused(renumbered))


def test_not_a_notice_is_refused():
    assert "现将YYYY年" in str(refused("元旦放三天，春节放八天。"))


def test_english_message(monkeypatch):
    from app import i18n

    i18n.set_language("en")
    try:
        error = refused(notice_text(2026).replace("5月9日(周六)上班", "5月9日(周六)值班"))
    finally:
        i18n.set_language("zh")
    assert str(error).startswith("Cannot read this sentence of the notice: “5月9日(周六)值班”")


# Saving


def entries(database) -> dict[date, tuple[bool, str | None]]:
    with database.sessions() as session:
        rows = session.execute(
            select(CalendarDay.day, CalendarDay.is_working_day, CalendarDay.note)
        )
        return {day: (working, note) for day, working, note in rows}


def made_up_2027() -> HolidayNotice:
    """2026's days a year later (without their weekdays): a year the calendar does not know."""
    return read_notice(re.sub(r"\([^()]*\)", "", notice_text(2026)).replace("2026", "2027"))


def test_saving_enters_the_year_in_one_audited_change(sqlite_db):
    notice = made_up_2027()
    with sqlite_db.sessions.begin() as session:
        set_day(session, date(2027, 3, 2), False, "earlier mistake")  # inside the notice's span
        set_day(session, date(2027, 12, 31), False, "元旦")  # outside: next year's 元旦
    with sqlite_db.sessions.begin() as session:
        saved = save_notice(session, notice, by_id=None)
    assert saved.removed == (date(2027, 3, 2),)
    stored = entries(sqlite_db)
    assert stored[date(2027, 12, 31)] == (False, "元旦")
    assert date(2027, 3, 2) not in stored
    assert {day: value for day, value in stored.items() if day.month < 12} == {
        day.day: (day.is_working_day, day.note) for day in notice.days
    }
    with sqlite_db.sessions() as session:
        assert session.get(CalendarYear, 2027) is not None
        calendar = WorkingCalendar.load(session)
        (entry,) = audit_entries(session)
        view = year_view(session, 2027)
    assert calendar.is_working_day(date(2027, 2, 16)) is False
    assert entry.action == "calendar.notice" and entry.entity == "calendar"
    assert entry.before["entered"] is False and entry.after["year"] == 2027
    assert entry.after["days"]["2027-02-15"] == {"working": False, "note": "春节"}
    assert entry.before["days"]["2027-03-02"] == {"working": False, "note": "earlier mistake"}
    assert isinstance(view, CalendarYearView) and view.known


def test_only_administrators_save(sqlite_db):
    notice = read_notice(notice_text(2026))
    with sqlite_db.sessions.begin() as session:
        operator = add_staff(session, "王回访", "operator").id
        administrator = add_staff(session, "李管理", "administrator").id
    with pytest.raises(NotPermitted), sqlite_db.sessions.begin() as session:
        save_notice(session, notice, by_id=operator)
    assert entries(sqlite_db) == {}
    with sqlite_db.sessions.begin() as session:
        save_notice(session, notice, by_id=administrator)
    assert len(entries(sqlite_db)) == len(notice.days)
    with sqlite_db.sessions() as session:
        assert audit_entries(session)[0].actor == f"李管理 (#{administrator})"
