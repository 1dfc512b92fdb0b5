"""An appointment as the operator types it, resolved to a moment in calling hours (W 7.1.3.3).

What is understood (spaces, full-width digits and colons do not matter):

    10:30  1030  930  10点半  下午3点      a time; today when still ahead, else the next working day
    明天 10:30  后天  大后天  今天            a day, with or without a time (none: the day's first
    周五 15:00  星期一  下周一上午           calling time; 上午 / 下午 = that session's start)
    12-08 10:30  12/8  12月8日 10:30        a date this year (next year when it has passed)
    2026-12-08 10:30  2026年12月8日          a full date
    202612081030                           twelve digits, yyyyMMddHHmm, as before

and, for the fewest keys, a letter for the day: j (今天), m (明天), h (后天), z1…z7 (周一…周日),
x1…x7 (下周一…下周日). "Tomorrow at 10:30" is `m1030` and Enter: six keys.

Pure functions: the caller supplies "now", the calling hours and the working-day calendar. A moment
not on a working day, outside calling hours or not ahead of now is refused with the reason.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from app.calendar import WorkingCalendar
from app.desk.retries import CallingHours
from app.errors import Refused
from app.i18n import pick
from app.zone import LOCAL_ZONE

WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEKDAY_CHARS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
_WEEKDAY_CHARS |= {str(n): n - 1 for n in range(1, 8)}
_RELATIVE = {"大后天": 3, "今天": 0, "明天": 1, "后天": 2, "今日": 0, "明日": 1}
_LETTERS = {"j": 0, "m": 1, "h": 2}
_FULL_WIDTH = str.maketrans("０１２３４５６７８９：／－．", "0123456789:/-.")
_SESSIONS = {"上午": "morning", "早上": "morning", "下午": "afternoon"}


class AppointmentTextInvalid(Refused, ValueError):
    """The typed appointment cannot be read, or names a moment the desk cannot call at."""


def describe(moment: datetime) -> str:
    """The resolved appointment as the operator checks it: date, weekday and time."""
    local = moment.astimezone(LOCAL_ZONE)
    weekday = pick(WEEKDAYS_ZH[local.weekday()], WEEKDAYS_EN[local.weekday()])
    return f"{local:%Y-%m-%d} {weekday} {local:%H:%M}"


def parse_appointment(
    text: str, now: datetime, hours: CallingHours, calendar: WorkingCalendar
) -> datetime:
    """The moment `text` names (local time), checked: ahead of `now`, on a working day, in
    calling hours. AppointmentTextInvalid (or CalendarUnknownError) says why not."""
    local_now = now.astimezone(LOCAL_ZONE)
    rest = re.sub(r"\s+", " ", text.translate(_FULL_WIDTH)).strip().lower()
    if not rest:
        raise AppointmentTextInvalid(pick("请填写预约时间", "Enter the appointment's time"))
    if re.fullmatch(r"\d{12}", rest):  # yyyyMMddHHmm, as the field always took
        try:
            moment = datetime.strptime(rest, "%Y%m%d%H%M").replace(tzinfo=LOCAL_ZONE)
        except ValueError:
            raise _unreadable(text) from None
        return check_appointment(moment, local_now, hours, calendar)
    day, rest, flexible = _day(rest, local_now)
    session, rest = _session(rest.strip())
    at = _time(rest.replace(" ", ""), session)
    if at is None and session is None and day is None:
        raise _unreadable(text)
    if at is None:
        at = hours.afternoon[0] if session == "afternoon" else hours.morning[0]
    if day is None:
        # A time alone: today when it is still ahead, else the next working day.
        day = local_now.date()
        while datetime.combine(day, at, LOCAL_ZONE) <= local_now or not calendar.is_working_day(
            day
        ):
            day += timedelta(days=1)
    elif flexible and datetime.combine(day, at, LOCAL_ZONE) <= local_now:
        day = day.replace(year=day.year + 1)  # 12-08 in late December: next year's
    return check_appointment(datetime.combine(day, at, LOCAL_ZONE), local_now, hours, calendar)


def check_appointment(
    moment: datetime, now: datetime, hours: CallingHours, calendar: WorkingCalendar
) -> datetime:
    """`moment` when the desk can call then; else AppointmentTextInvalid with the reason."""
    local = moment.astimezone(LOCAL_ZONE)
    shown = describe(local)
    if local <= now:
        raise AppointmentTextInvalid(
            pick(f"{shown} 已经过去：预约须晚于现在", f"{shown} has passed: choose a later time")
        )
    if not calendar.is_working_day(local.date()):
        raise AppointmentTextInvalid(
            pick(f"{shown}：这天不是工作日", f"{shown}: not a working day")
        )
    if not any(start <= local.time() < end for start, end in hours.spans()):
        spans = "、".join(f"{s:%H:%M}-{e:%H:%M}" for s, e in hours.spans())
        raise AppointmentTextInvalid(
            pick(f"{shown}：不在回访时段（{spans}）", f"{shown}: outside calling hours ({spans})")
        )
    return local


def _unreadable(text: str) -> AppointmentTextInvalid:
    return AppointmentTextInvalid(
        pick(
            f"看不懂“{text.strip()}”：请写 10:30、明天 10:30（m1030）、12-08 10:30 或 下周一上午",
            f"Cannot read “{text.strip()}”: write 10:30, 明天 10:30 (m1030), 12-08 10:30 "
            "or 下周一上午",
        )
    )


def _day(rest: str, now: datetime) -> tuple[date | None, str, bool]:
    """The day at the start of `rest`, the rest, and whether the year was left out."""
    today = now.date()
    for word, days in _RELATIVE.items():
        if rest.startswith(word):
            return today + timedelta(days=days), rest[len(word) :], False
    if match := re.match(r"(下)?(?:周|星期|礼拜)([一二三四五六日天七1-7])", rest):
        weekday = _WEEKDAY_CHARS[match[2]]
        return _weekday(today, weekday, bool(match[1])), rest[match.end() :], False
    if match := re.match(r"([zx])([1-7])(?=\d|$|\s|[上下早])", rest):
        weekday = int(match[2]) - 1
        return _weekday(today, weekday, match[1] == "x"), rest[match.end() :], False
    if match := re.match(r"([jmh])(?=\d|$|\s|[上下早])", rest):
        return today + timedelta(days=_LETTERS[match[1]]), rest[match.end() :], False
    if match := re.match(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?", rest):
        return _date(int(match[1]), int(match[2]), int(match[3])), rest[match.end() :], False
    if match := re.match(r"(\d{1,2})[-/.月](\d{1,2})[日号]?", rest):
        # Only a date when a time follows or nothing does: "10.30" alone is not a date.
        after = rest[match.end() :]
        if after or match[0][-1] in "日号" or "-" in match[0] or "/" in match[0]:
            return _date(today.year, int(match[1]), int(match[2])), after, True
    return None, rest, False


def _weekday(today: date, weekday: int, next_week: bool) -> date:
    if next_week:
        return today - timedelta(days=today.weekday()) + timedelta(days=7 + weekday)
    # This week's day when it is today or ahead, else next week's.
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def _date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise AppointmentTextInvalid(
            pick(f"没有这一天：{year}-{month}-{day}", f"No such day: {year}-{month}-{day}")
        ) from None


def _session(rest: str) -> tuple[str | None, str]:
    for word, session in _SESSIONS.items():
        if rest.startswith(word):
            return session, rest[len(word) :]
    return None, rest


def _time(rest: str, session: str | None) -> time | None:
    if not rest:
        return None
    match = (
        re.fullmatch(r"(\d{1,2})[:点时.](\d{1,2})分?", rest)
        or re.fullmatch(r"(\d{1,2})(?:点|时)(半)?", rest)
        or re.fullmatch(r"(\d{1,2})(\d{2})", rest)
        or re.fullmatch(r"(\d{1,2})", rest)
    )
    if match is None:
        raise _unreadable(rest)
    hour = int(match[1])
    second = match[2] if match.lastindex and match.lastindex >= 2 else None
    minute = 30 if second == "半" else int(second or 0)
    if session == "afternoon" and hour < 12:
        hour += 12
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise AppointmentTextInvalid(pick(f"没有这个时间：{rest}", f"No such time: {rest}"))
    return time(hour, minute)
