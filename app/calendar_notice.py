"""The State Council's yearly holiday notice, read from its pasted text and saved in the calendar.

《国务院办公厅关于YYYY年部分节假日安排的通知》 lists, festival by festival, the days off
("1月27日至2月2日放假调休，共7天") and the weekend days worked instead ("1月22日（星期日）上班").
`read_notice` turns the text into that year's days and refuses — quoting the sentence — any text
it cannot read completely; `save_notice` writes them in the caller's transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from sqlalchemy import select

from app.calendar import MAKE_UP_WORKING_DAY_NOTE, DayChange, change_days
from app.errors import Refused
from app.i18n import pick
from db.models import CalendarDay

# The closing paragraph every notice has after its last festival: it proves the text is whole.
_CLOSING = "节假日期间"
_NUMERALS = "一二三四五六七八九十"
_WEEKDAYS = "一二三四五六日"
_LONGEST_HOLIDAY = 15  # days; a longer range is a typing error, not an arrangement

# A date as the notices write it: 2018年12月30日 / 2月15日 / 23日, with an optional
# parenthesis after it: (星期一), (周日), (农历腊月二十八、周日).
_DATE = r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^()]*)\))?"
_DATE_RE = re.compile(_DATE)
_DATES = rf"{_DATE}(?:、{_DATE})*"
_ITEM = re.compile(rf"(?<![^\n。])([{_NUMERALS}]{{1,3}})、([^:\n。,()]{{1,40}}):")
_PREAMBLE = re.compile(r"现将(\d{4})年(.+?)放假调休日期的具体安排通知如下")
_REST_RANGE = re.compile(rf"({_DATE})(?:至({_DATE}))?放假(?:(\d+)天)?(?:调休)?")
_COUNT = re.compile(r"共(\d+)天(?:\(不调休\))?")
_DAYS_OFF = re.compile(rf"({_DATES})(补休|休息)")
_DAYS_WORKED = re.compile(rf"({_DATES})上班")
_NOTHING_TO_DO = {"与周末连休", "与周六连休", "与周日连休", "不调休", "(不调休)"}


class NoticeDay(NamedTuple):
    """One date the notice sets: a day off (the festival's name) or a make-up working day."""

    day: date
    is_working_day: bool
    note: str  # 春节 for a day off, 春节调休上班 for a weekend day worked


@dataclass(frozen=True)
class HolidayNotice:
    """What a notice says: its year and every date it sets (some of 元旦 may be in December)."""

    year: int
    days: tuple[NoticeDay, ...]

    @property
    def holidays(self) -> list[NoticeDay]:
        return [day for day in self.days if not day.is_working_day]

    @property
    def working_days(self) -> list[NoticeDay]:
        return [day for day in self.days if day.is_working_day]


class NoticeUnreadable(Refused, ValueError):
    """The text is not a whole notice as we know it; `sentence` is where reading stopped."""

    def __init__(self, why_zh: str, why_en: str, sentence: str | None = None) -> None:
        self.sentence = sentence
        if sentence is None:
            message = pick(f"无法读取通知：{why_zh}。", f"Cannot read the notice: {why_en}.")
        else:
            message = pick(
                f"无法读懂通知中的这句话：“{sentence}”——{why_zh}。未保存任何内容。",
                f"Cannot read this sentence of the notice: “{sentence}” — {why_en}. "
                "Nothing was saved.",
            )
        super().__init__(message)


def _normalized(text: str) -> str:
    """Full-width letters, digits and punctuation as ASCII (（）：，→ ():,), no blanks.

    Chinese has no spaces between words, and the notices copied from web pages carry stray ones
    ("元旦: 2018年", "现将 2018 年").
    """
    text = text.translate(_FULL_WIDTH)
    return "\n".join(re.sub(r"\s+", "", line) for line in text.splitlines())


_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def read_notice(text: str) -> HolidayNotice:
    """The days a pasted notice sets; raises `NoticeUnreadable` unless every sentence is read."""
    text = _normalized(text)
    preamble = _PREAMBLE.search(text)
    if preamble is None:
        raise NoticeUnreadable(
            "找不到“现将YYYY年……放假调休日期的具体安排通知如下”这句话，请粘贴通知全文",
            "the sentence “现将YYYY年……放假调休日期的具体安排通知如下” is missing; "
            "paste the whole notice",
        )
    year = int(preamble.group(1))
    announced = _festival_names(preamble.group(2))
    body = text[preamble.end() :]
    closing = re.search(rf"(?<![^\n。]){_CLOSING}", body)
    items = list(_ITEM.finditer(body, 0, closing.start() if closing else len(body)))
    if not items:
        raise NoticeUnreadable(
            "通知中没有“一、元旦：……”这样的分项安排",
            "it has no items such as “一、元旦：……”",
        )
    days: dict[date, NoticeDay] = {}
    covered: list[str] = []
    for number, item in enumerate(items, start=1):
        header = item.group(0)
        if _numeral(item.group(1)) != number:
            raise NoticeUnreadable(
                f"这一项应为第{_NUMERALS[number - 1] if number <= 10 else number}项，"
                "通知可能缺了一段",
                f"this should be item {number}; part of the notice may be missing",
                header,
            )
        festivals = _festival_names(item.group(2))
        covered += festivals
        end = items[number].start() if number < len(items) else None
        if end is None:
            end = closing.start() if closing else len(body)
        text_of_item = body[item.end() : end].replace("\n", "")
        item_days = _read_item(text_of_item, year, "、".join(festivals), header)
        for notice_day in item_days:
            earlier = days.get(notice_day.day)
            if earlier is not None and earlier.is_working_day != notice_day.is_working_day:
                raise NoticeUnreadable(
                    f"{notice_day.day:%Y-%m-%d} 既是假日又是上班日",
                    f"{notice_day.day:%Y-%m-%d} is both a day off and a working day",
                    header,
                )
            days.setdefault(notice_day.day, notice_day)
    if closing is None:
        last_sentence = [s for s in re.split(r"[。\n]", body) if s][-1]
        raise NoticeUnreadable(
            "通知似乎不完整：最后一项之后没有“节假日期间……”一段，请粘贴通知全文",
            "the notice seems cut short: the paragraph “节假日期间……” after the last item "
            "is missing; paste the whole notice",
            last_sentence,
        )
    missing = [name for name in announced if name not in covered]
    if missing:
        raise NoticeUnreadable(
            f"通知开头列出的{'、'.join(missing)}没有安排，通知可能缺了一段",
            f"{', '.join(missing)}, named at the start, has no arrangement; "
            "part of the notice may be missing",
            preamble.group(0),
        )
    return HolidayNotice(year, tuple(days[day] for day in sorted(days)))


def _festival_names(text: str) -> list[str]:
    return [name for name in re.split(r"、|和|及", text) if name]


def _numeral(text: str) -> int:
    """一 … 九十九 as a number (the notices have at most eight items)."""
    if text == "十":
        return 10
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (
            _NUMERALS.index(units) + 1 if units else 0
        )
    return _NUMERALS.index(text) + 1 if len(text) == 1 else -1


def _read_item(text: str, year: int, festival: str, header: str) -> list[NoticeDay]:
    """The days of one festival's item: each sentence read whole, or refused."""
    found: list[NoticeDay] = []
    for sentence in (part for part in text.split("。") if part):
        if sentence.startswith("鼓励"):
            # "鼓励…安排职工在除夕(2月9日)休息" encourages; it does not set a day off.
            continue
        found += _read_sentence(sentence, year, festival)
    if not any(not day.is_working_day for day in found):
        raise NoticeUnreadable(
            "这一项没有读到任何放假日期",
            "no day off was read in this item",
            header + text,
        )
    return found


def _read_sentence(sentence: str, year: int, festival: str) -> list[NoticeDay]:
    rest: list[date] = []
    worked: list[date] = []
    counts: list[int] = []
    for clause in sentence.split(","):
        if clause in _NOTHING_TO_DO:
            continue
        if match := _REST_RANGE.fullmatch(clause):
            first = _date(match.groups()[1:5], year, None, sentence)
            last = first
            if match.group(6):
                last = _date(match.groups()[6:10], year, first, sentence)
            if not 0 <= (last - first).days < _LONGEST_HOLIDAY:
                raise NoticeUnreadable(
                    "放假的起止日期不对", "the first and last day off do not make sense", sentence
                )
            rest += [first + timedelta(days=n) for n in range((last - first).days + 1)]
            if match.group(11):
                counts.append(int(match.group(11)))
        elif match := _COUNT.fullmatch(clause):
            counts.append(int(match.group(1)))
        elif match := _DAYS_OFF.fullmatch(clause):
            rest += _dates(match.group(1), year, sentence)
        elif match := _DAYS_WORKED.fullmatch(clause):
            worked += _dates(match.group(1), year, sentence)
        else:
            raise NoticeUnreadable(
                f"读不懂“{clause}”", f"“{clause}” is not a known way of saying it", sentence
            )
    for count in counts:
        if count != len(rest):
            raise NoticeUnreadable(
                f"写明共{count}天，读到的放假日期却是{len(rest)}天",
                f"it says {count} days but names {len(rest)} days off",
                sentence,
            )
    return [NoticeDay(day, False, festival) for day in rest] + [
        NoticeDay(day, True, f"{festival}{MAKE_UP_WORKING_DAY_NOTE}") for day in worked
    ]


def _dates(text: str, year: int, sentence: str) -> list[date]:
    """A list of dates joined by 、; a date without its month takes the one before's."""
    found: list[date] = []
    for match in _DATE_RE.finditer(text):
        found.append(_date(match.groups(), year, found[-1] if found else None, sentence))
    return found


def _date(parts, year: int, before: date | None, sentence: str) -> date:
    """A date of the notice: its year is the notice's unless written (元旦 in December)."""
    written_year, month, day_number, parenthesis = parts
    if month is None and before is None:
        raise NoticeUnreadable("日期缺少月份", "a date has no month", sentence)
    month = int(month) if month else before.month
    if written_year:
        in_year = int(written_year)
    elif before is not None:
        # "12月31日至1月2日": the range runs into the next year.
        in_year = before.year + (1 if month < before.month else 0)
    else:
        in_year = year
    try:
        day = date(in_year, month, int(day_number))
    except ValueError:
        raise NoticeUnreadable("日期不存在", "a date does not exist", sentence) from None
    if not (day.year == year or (day.year == year - 1 and day.month == 12)):
        raise NoticeUnreadable(
            f"{day:%Y-%m-%d} 不在{year}年",
            f"{day:%Y-%m-%d} is not in {year}",
            sentence,
        )
    weekday = re.search(r"(?:星期|周)([一二三四五六日天])", parenthesis or "")
    if weekday and _WEEKDAYS.index(weekday.group(1).replace("天", "日")) != day.weekday():
        raise NoticeUnreadable(
            f"{day:%Y-%m-%d} 是星期{_WEEKDAYS[day.weekday()]}，与括号中的星期不符",
            f"{day:%Y-%m-%d} is a {day:%A}, not the weekday in brackets",
            sentence,
        )
    return day


# Saving


@dataclass(frozen=True)
class SavedNotice:
    """What saving a notice did: the dates it set, and the earlier entries it removed."""

    year: int
    saved: tuple[NoticeDay, ...]
    removed: tuple[date, ...]  # entries between its first and last date that it does not set


def save_notice(session, notice: HolidayNotice, *, by_id: int | None) -> SavedNotice:
    """Make the calendar say what the notice says, in the caller's transaction; audited.

    The notice replaces the calendar from its first to its last date: entries in that span it
    does not set (from an earlier, mistaken paste) are removed. Entries outside it are kept — in
    late December they are next year's 元旦, set by next year's notice. The year is marked as
    entered. Administrators only (`change_days`).
    """
    first, last = notice.days[0].day, notice.days[-1].day
    setting = {day.day for day in notice.days}
    entries = session.scalars(
        select(CalendarDay.day).where(CalendarDay.day >= first, CalendarDay.day <= last)
    ).all()
    removed = tuple(sorted(day for day in entries if day not in setting))
    changes = [DayChange(day, None) for day in removed] + [
        DayChange(day.day, day.is_working_day, day.note) for day in notice.days
    ]
    change_days(
        session,
        changes,
        by_id=by_id,
        action="calendar.notice",
        enter_year=notice.year,
        year_note=f"《国务院办公厅关于{notice.year}年部分节假日安排的通知》",
    )
    return SavedNotice(notice.year, notice.days, removed)
