"""China's working-day calendar (official arrangement plus an editable table) for every deadline."""

from __future__ import annotations

import calendar as _stdlib_calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from chinese_calendar import constants as _official
from sqlalchemy import select

from app.audit import record_change
from app.errors import Refused
from app.i18n import pick
from app.staff import require_administrator
from db.models import CalendarDay, CalendarYear

SOURCE_OFFICIAL = "official"  # the State Council arrangement shipped in `chinese_calendar`
SOURCE_TABLE = "table"  # a row of `calendar_days` entered by an administrator
SOURCE_WEEKDAY = "weekday"  # no special entry: Monday to Friday work, weekends rest

MAKE_UP_WORKING_DAY_NOTE = "调休上班"

# The years the package has data for, taken from its own tables rather than written here, so that
# upgrading `chinese_calendar` extends the calendar with no change to this module. The package
# itself refuses dates outside min..max of its holiday keys; every year in that span has holidays.
_OFFICIAL_HOLIDAYS: Mapping[date, str] = _official.holidays
_OFFICIAL_WORKDAYS: Mapping[date, str] = _official.workdays
OFFICIAL_YEARS: frozenset[int] = frozenset(day.year for day in _OFFICIAL_HOLIDAYS)

# The package names holidays in English; the interface and printed notices speak Chinese.
_HOLIDAY_NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}

_NOTE_MAX_LENGTH = CalendarDay.__table__.c.note.type.length
_YEAR_NOTE_MAX_LENGTH = CalendarYear.__table__.c.note.type.length


class CalendarUnknownError(Refused, ValueError):
    """A date falls in a year whose holiday arrangement is neither shipped nor entered."""

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(
            f"{year} 年的节假日安排尚未录入工作日历，请管理员在日历中录入 / "
            f"The {year} holiday arrangement is not in the working-day calendar yet; "
            "an administrator must enter it"
        )


@dataclass(frozen=True)
class DayInfo:
    """One date as the calendar sees it, with where the answer came from."""

    day: date
    is_working_day: bool
    note: str | None
    source: str  # SOURCE_OFFICIAL, SOURCE_TABLE or SOURCE_WEEKDAY


def _as_date(day: date) -> date:
    # A datetime never equals a date key in a dict, so it would silently miss every holiday.
    return day.date() if isinstance(day, datetime) else day


class WorkingCalendar:
    """Working days: table overrides first, then the official arrangement, then Mon–Fri.

    A year is known when the package covers it or it is listed in `extra_years` (the years an
    administrator has entered, `calendar_years`). A date in any other year raises
    `CalendarUnknownError` rather than being guessed, except that a date with its own override
    row is answered by that row (it is an explicit entry, not a guess).
    """

    def __init__(
        self,
        overrides: Mapping[date, bool] | None = None,
        notes: Mapping[date, str] | None = None,
        extra_years: Iterable[int] = (),
    ) -> None:
        self._overrides = {_as_date(day): bool(value) for day, value in (overrides or {}).items()}
        self._notes = {_as_date(day): note for day, note in (notes or {}).items()}
        self._extra_years = frozenset(int(year) for year in extra_years)
        self._known_years = OFFICIAL_YEARS | self._extra_years

    @classmethod
    def load(cls, session, *, extra_years: Iterable[int] = ()) -> WorkingCalendar:
        """The calendar as stored: `calendar_days` overrides and `calendar_years` years.

        `extra_years` adds years on top of the stored ones, e.g. to preview a year an
        administrator is still entering in the calendar editor.
        """
        overrides: dict[date, bool] = {}
        notes: dict[date, str] = {}
        rows = session.execute(
            select(CalendarDay.day, CalendarDay.is_working_day, CalendarDay.note)
        ).all()
        for day, is_working, note in rows:
            overrides[day] = is_working
            if note:
                notes[day] = note
        years = session.scalars(select(CalendarYear.year)).all()
        return cls(overrides, notes, [*years, *extra_years])

    def known_years(self) -> list[int]:
        return sorted(self._known_years)

    def is_known(self, day: date) -> bool:
        day = _as_date(day)
        return day.year in self._known_years or day in self._overrides

    def is_working_day(self, day: date) -> bool:
        day = _as_date(day)
        override = self._overrides.get(day)
        if override is not None:
            return override
        if day.year not in self._known_years:
            raise CalendarUnknownError(day.year)
        if day.year in OFFICIAL_YEARS:
            if day in _OFFICIAL_WORKDAYS:
                return True
            if day in _OFFICIAL_HOLIDAYS:
                return False
        return day.weekday() < 5

    def day_info(self, day: date) -> DayInfo:
        day = _as_date(day)
        if day in self._overrides:
            return DayInfo(day, self._overrides[day], self._notes.get(day), SOURCE_TABLE)
        if day.year not in self._known_years:
            raise CalendarUnknownError(day.year)
        if day.year in OFFICIAL_YEARS:
            if day in _OFFICIAL_WORKDAYS:
                return DayInfo(day, True, MAKE_UP_WORKING_DAY_NOTE, SOURCE_OFFICIAL)
            if day in _OFFICIAL_HOLIDAYS:
                name = _OFFICIAL_HOLIDAYS[day]
                return DayInfo(day, False, _HOLIDAY_NAMES_ZH.get(name, name), SOURCE_OFFICIAL)
        return DayInfo(day, day.weekday() < 5, None, SOURCE_WEEKDAY)

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (not counted); n=0 gives `start`, n<0 goes back."""
        day = _as_date(start)
        step = timedelta(days=1 if n > 0 else -1)
        remaining = abs(n)
        # Walking off the known years raises CalendarUnknownError, so the loop always ends.
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when end is before start, 0 when equal."""
        start, end = _as_date(start), _as_date(end)
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count

    def month_days(self, year: int, month: int) -> list[DayInfo]:
        """Every date of a month, for the calendar editor; an unknown year raises as elsewhere."""
        days_in_month = _stdlib_calendar.monthrange(year, month)[1]
        return [self.day_info(date(year, month, number)) for number in range(1, days_in_month + 1)]


# Services: they take the caller's session and never commit (the caller owns the transaction).


def set_day(session, day: date, is_working_day: bool, note: str | None = None) -> None:
    """Enter or change one date of the calendar table (select then insert/update: any backend)."""
    day = _as_date(day)
    note = _checked_note(note, _NOTE_MAX_LENGTH)
    row = session.get(CalendarDay, day)
    if row is None:
        session.add(CalendarDay(day=day, is_working_day=bool(is_working_day), note=note))
    else:
        row.is_working_day = bool(is_working_day)
        row.note = note


def _checked_note(note: str | None, limit: int) -> str | None:
    """A note as kept (stripped; None when empty), or CalendarRefused: PostgreSQL would refuse
    a longer one only at flush, with no message a person can use."""
    note = (note.strip() or None) if note is not None else None
    if note is not None and len(note) > limit:
        raise CalendarRefused(
            pick(
                f"备注最多 {limit} 个字，这条有 {len(note)} 个字",
                f"A note has at most {limit} characters, not {len(note)}",
            )
        )
    return note


def clear_day(session, day: date) -> None:
    """Remove a date's table entry, so the official arrangement (or Mon–Fri) applies again."""
    row = session.get(CalendarDay, _as_date(day))
    if row is not None:
        session.delete(row)


def add_year(session, year: int, note: str | None = None) -> None:
    """Mark a year as entered (its holidays are in the table); idempotent, updates the note."""
    note = _checked_note(note, _YEAR_NOTE_MAX_LENGTH)
    row = session.get(CalendarYear, int(year))
    if row is None:
        session.add(CalendarYear(year=int(year), note=note))
    elif note is not None:
        row.note = note


def import_days(session, rows: Iterable[tuple[date, bool, str | None]]) -> int:
    """Set many dates at once (e.g. a published arrangement); returns how many dates were set.

    A date given twice keeps its last entry. The year is not marked as entered: call `add_year`
    once the whole arrangement is in.
    """
    # Collapse duplicates first: a second `session.add` of the same key would fail at flush.
    latest: dict[date, tuple[bool, str | None]] = {}
    for day, is_working, note in rows:
        latest[_as_date(day)] = (is_working, note)
    for day, (is_working, note) in latest.items():
        set_day(session, day, is_working, note)
    return len(latest)


# What an administrator does in the calendar editor (and the command line): checked, audited.


@dataclass(frozen=True)
class DayChange:
    """A date made a working day (True) or a day off (False), or given back to the default."""

    day: date
    is_working_day: bool | None  # None: the table entry removed (official or Mon–Fri again)
    note: str | None = None


def require_calendar_editor(session, by_id: int | None) -> None:
    """Administrators only (`by_id`: who). None, nobody logged in, only while nobody can log
    in at all (app.staff.require_administrator)."""
    require_administrator(session, by_id)


def _entry(row: CalendarDay | None) -> dict | None:
    return None if row is None else {"working": row.is_working_day, "note": row.note}


FIRST_YEAR, LAST_YEAR = 2000, 2100  # the years the calendar takes


class CalendarRefused(Refused, ValueError):
    """A calendar change that cannot be made as asked (a year or month out of range)."""


def checked_month(year: int, month: int | None = None) -> None:
    """Refuse a year outside FIRST_YEAR..LAST_YEAR, or a month outside 1..12."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CalendarRefused(
            pick(
                f"年份应在 {FIRST_YEAR} 到 {LAST_YEAR} 之间，不能是 {year}",
                f"The year must be {FIRST_YEAR} to {LAST_YEAR}, not {year}",
            )
        )
    if month is not None and not 1 <= month <= 12:
        raise CalendarRefused(
            pick(f"月份应为 1 到 12，不能是 {month}", f"The month must be 1 to 12, not {month}")
        )


def change_days(
    session,
    changes: Iterable[DayChange],
    *,
    by_id: int | None,
    action: str = "calendar.days",
    enter_year: int | None = None,
    year_note: str | None = None,
) -> int:
    """Apply the changes (and mark `enter_year` as entered) as one audited change; returns how
    many dates changed. The caller's transaction holds it all."""
    require_calendar_editor(session, by_id)
    changes = list(changes)
    for year in {_as_date(c.day).year for c in changes} | ({enter_year} - {None}):
        checked_month(year)
    before: dict[str, dict | None] = {}
    after: dict[str, dict | None] = {}
    for change in changes:
        day = _as_date(change.day)
        old = _entry(session.get(CalendarDay, day))
        if change.is_working_day is None:
            clear_day(session, day)
        else:
            set_day(session, day, change.is_working_day, change.note)
        session.flush()  # a deleted row leaves the session's map only when flushed
        new = _entry(session.get(CalendarDay, day))
        if old != new:
            before[day.isoformat()], after[day.isoformat()] = old, new
    entered: dict[str, dict] = {"before": {}, "after": {}}
    if enter_year is not None:
        was_entered = session.get(CalendarYear, enter_year) is not None
        add_year(session, enter_year, year_note)
        entered = {
            "before": {"year": enter_year, "entered": was_entered},
            "after": {"year": enter_year, "entered": True},
        }
    if before or entered["before"] != entered["after"]:
        record_change(
            session,
            actor_id=by_id,
            action=action,
            entity="calendar",
            entity_uid=None,
            before={**entered["before"], "days": before},
            after={**entered["after"], "days": after},
        )
    return len(before)


def enter_year(session, year: int, *, by_id: int | None, note: str | None = None) -> None:
    """Mark a year as entered (its holidays are in the table, or it has none): audited."""
    change_days(session, [], by_id=by_id, action="calendar.year", enter_year=year, year_note=note)


@dataclass(frozen=True)
class CalendarYearView:
    """A year as the editor shows it: every date, and whether the year is in the calendar."""

    year: int
    known: bool
    days: list[DayInfo]


def year_view(session, year: int) -> CalendarYearView:
    """Every date of `year`; a year not entered yet shows its table entries on Mon–Fri."""
    calendar = WorkingCalendar.load(session)
    known = year in calendar.known_years()
    if not known:
        calendar = WorkingCalendar.load(session, extra_years=[year])
    days = [day for month in range(1, 13) for day in calendar.month_days(year, month)]
    return CalendarYearView(year, known, days)


# Convenience functions for code that has no calendar at hand: the official arrangement only.
_default_calendar = WorkingCalendar()


def _or_default(calendar: WorkingCalendar | None) -> WorkingCalendar:
    return _default_calendar if calendar is None else calendar


def is_working_day(day: date, calendar: WorkingCalendar | None = None) -> bool:
    return _or_default(calendar).is_working_day(day)


def add_working_days(start: date, n: int, calendar: WorkingCalendar | None = None) -> date:
    return _or_default(calendar).add_working_days(start, n)


def working_days_between(a: date, b: date, calendar: WorkingCalendar | None = None) -> int:
    return _or_default(calendar).working_days_between(a, b)
