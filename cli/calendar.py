"""`calendar show|set|clear|add-year`: the working-day calendar (holidays, make-up days)."""

from __future__ import annotations

import sys
from datetime import date

from app.i18n import pick
from cli.exit_codes import EXIT_OK, EXIT_REFUSED


def add_commands(commands) -> None:
    cal = commands.add_parser("calendar", help="the working-day calendar / 工作日历")
    cal_actions = cal.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = cal_actions.add_parser("show", help="list a month's days")
    show.add_argument("year", type=int)
    show.add_argument("month", type=int)
    show.set_defaults(func=_show)
    setday = cal_actions.add_parser("set", help="set a day as working (work) or rest (rest)")
    setday.add_argument("day", type=date.fromisoformat, metavar="YYYY-MM-DD")
    setday.add_argument("kind", choices=("work", "rest"))
    setday.add_argument("--note", help="e.g. 春节 or 调休上班")
    setday.set_defaults(func=_set)
    clear = cal_actions.add_parser("clear", help="remove a day's entry from the table")
    clear.add_argument("day", type=date.fromisoformat, metavar="YYYY-MM-DD")
    clear.set_defaults(func=_clear)
    year = cal_actions.add_parser(
        "add-year", help="mark a year as entered (after setting its holidays and make-up days)"
    )
    year.add_argument("year", type=int)
    year.add_argument("--note")
    year.set_defaults(func=_add_year)


def _show(database, args) -> int:
    from app.calendar import CalendarUnknownError, WorkingCalendar

    with database.sessions() as session:
        cal = WorkingCalendar.load(session)
        try:
            days = cal.month_days(args.year, args.month)
        except CalendarUnknownError as error:
            print(error, file=sys.stderr)
            return EXIT_REFUSED
    weekdays = pick("一二三四五六日", "MTWTFSS")
    for info in days:
        kind = pick("上班", "work") if info.is_working_day else pick("休息", "rest")
        note = f"  {info.note}" if info.note else ""
        print(f"{info.day.isoformat()} {weekdays[info.day.weekday()]}  {kind}{note}")
    return EXIT_OK


def _set(database, args) -> int:
    from app.calendar import set_day

    with database.sessions.begin() as session:
        set_day(session, args.day, args.kind == "work", args.note)
    return _saved()


def _clear(database, args) -> int:
    from app.calendar import clear_day

    with database.sessions.begin() as session:
        clear_day(session, args.day)
    return _saved()


def _add_year(database, args) -> int:
    from app.calendar import add_year

    with database.sessions.begin() as session:
        add_year(session, args.year, args.note)
    return _saved()


def _saved() -> int:
    print(pick("已保存。", "Saved."))
    return EXIT_OK
