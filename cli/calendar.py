"""`calendar show|set|clear|add-year|notice`: the working-day calendar (holidays, make-up days)."""

from __future__ import annotations

import sys

from app.i18n import pick
from cli.arguments import input_file, integer, iso_day
from cli.exit_codes import EXIT_OK, EXIT_REFUSED
from cli.login import Access


def add_commands(commands) -> None:
    cal = commands.add_parser("calendar", help="the working-day calendar / 工作日历")
    cal_actions = cal.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = cal_actions.add_parser("show", help="list a month's days")
    # Their ranges: app.calendar.checked_month, when the command runs.
    show.add_argument("year", type=integer("年份", "the year"))
    show.add_argument("month", type=integer("月份", "the month"))
    show.set_defaults(func=_show, access=Access.OPEN)  # the calendar is the State Council's
    setday = cal_actions.add_parser("set", help="set a day as working (work) or rest (rest)")
    setday.add_argument("day", type=iso_day, metavar="YYYY-MM-DD")
    setday.add_argument("kind", choices=("work", "rest"))
    setday.add_argument("--note", help="e.g. 春节 or 调休上班")
    setday.set_defaults(func=_set)
    clear = cal_actions.add_parser("clear", help="remove a day's entry from the table")
    clear.add_argument("day", type=iso_day, metavar="YYYY-MM-DD")
    clear.set_defaults(func=_clear)
    year = cal_actions.add_parser(
        "add-year", help="mark a year as entered (after setting its holidays and make-up days)"
    )
    year.add_argument("year", type=integer("年份", "the year"))
    year.add_argument("--note")
    year.set_defaults(func=_add_year)
    notice = cal_actions.add_parser(
        "notice",
        help="list the days of the State Council's yearly holiday notice in a text file; "
        "--apply saves them / 读取《国务院办公厅关于YYYY年部分节假日安排的通知》的文本",
    )
    notice.add_argument(
        "file", type=input_file, metavar="FILE", help="the notice's text (UTF-8 or GB18030)"
    )
    notice.add_argument(
        "--apply", action="store_true", help="save the days in the calendar / 保存到工作日历"
    )
    # Reading a notice writes nothing: a log-in only to --apply it.
    notice.set_defaults(
        func=_notice, access=lambda args: Access.LOG_IN if args.apply else Access.OPEN
    )


def _show(database, args) -> int:
    from app.calendar import CalendarUnknownError, WorkingCalendar, checked_month

    checked_month(args.year, args.month)
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
    from app.calendar import DayChange, change_days

    with database.sessions.begin() as session:
        change_days(
            session, [DayChange(args.day, args.kind == "work", args.note)], by_id=args.actor_id
        )
    return _saved()


def _clear(database, args) -> int:
    from app.calendar import DayChange, change_days

    with database.sessions.begin() as session:
        change_days(session, [DayChange(args.day, None)], by_id=args.actor_id)
    return _saved()


def _add_year(database, args) -> int:
    from app.calendar import enter_year

    with database.sessions.begin() as session:
        enter_year(session, args.year, by_id=args.actor_id, note=args.note)
    return _saved()


def _saved() -> int:
    print(pick("已保存。", "Saved."))
    return EXIT_OK


def _notice(database, args) -> int:
    from app.calendar_notice import read_notice, save_notice
    from app.file_errors import file_error_text

    try:
        notice = read_notice(_read_text(args.file))
    except OSError as error:
        print(
            pick("无法读取文件：", "Cannot read the file: ") + file_error_text(error),
            file=sys.stderr,
        )
        return EXIT_REFUSED
    weekdays = pick("一二三四五六日", "MTWTFSS")
    for day in notice.days:
        kind = pick("班", "work") if day.is_working_day else pick("休", "rest")
        print(f"{day.day.isoformat()} {weekdays[day.day.weekday()]}  {kind}  {day.note}")
    holidays, worked = len(notice.holidays), len(notice.working_days)
    if not args.apply:
        print(
            pick(
                f"{notice.year} 年：放假 {holidays} 天，调休上班 {worked} 天。"
                "未保存；加 --apply 保存到工作日历。",
                f"{notice.year}: {holidays} days off, {worked} make-up working days. "
                "Nothing saved; add --apply to save them in the calendar.",
            )
        )
        return EXIT_OK
    with database.sessions.begin() as session:
        saved = save_notice(session, notice, by_id=args.actor_id)
    print(
        pick(
            f"已保存 {saved.year} 年：放假 {holidays} 天，调休上班 {worked} 天",
            f"Saved {saved.year}: {holidays} days off, {worked} make-up working days",
        )
        + (
            pick(
                f"；另清除了 {len(saved.removed)} 个原有日期："
                + "、".join(day.isoformat() for day in saved.removed),
                f"; {len(saved.removed)} earlier entries removed: "
                + ", ".join(day.isoformat() for day in saved.removed),
            )
            if saved.removed
            else ""
        )
        + pick("。", ".")
    )
    return EXIT_OK


def _read_text(path) -> str:
    """A text file as Notepad saves it: UTF-8 (with or without BOM), else GB18030."""
    with open(path, "rb") as stream:
        raw = stream.read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")
