"""Reading the values of export cells: text, dates, flags, counts and money as real exports write them."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from app.zone import LOCAL_ZONE

_EXCEL_EPOCH = date(1899, 12, 30)  # Excel's day 0, with its 1900 leap-year bug absorbed
# Serials of plausible dates only (1990–2100), so that a stray count is not read as a date.
_SERIAL_RANGE = (32874, 73051)
# What systems write for "no date": .NET's and SQL Server's smallest dates, Excel's day 0.
NO_DATES = frozenset({date(1, 1, 1), date(1899, 12, 30), date(1899, 12, 31), date(1900, 1, 1)})
# The largest whole number a column of the database holds (a 32-bit INTEGER on PostgreSQL):
# as a count, and in fen as an amount in yuan.
MAX_STORED_INT = 2_147_483_647
_MAX_COUNT_TEXT = f"{MAX_STORED_INT:,}"
_MAX_YUAN = Decimal(MAX_STORED_INT) / 100
_MAX_YUAN_TEXT = f"{_MAX_YUAN:,.2f} 元"


class ValueTooLarge(ValueError):
    """A number too large to be stored; `limit` is the largest, as the user writes it."""

    def __init__(self, limit: str) -> None:
        super().__init__(f"at most {limit}")
        self.limit = limit


# 2026-07-05 exactly, as most exports write dates: read without the general pattern below.
_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
# A date, optionally followed by a time: 2026-07-05, 2026/7/5 9:30, 2026年7月5日10时30分,
# 2026 年 7 月 5 日, 20260705 … (after NFKC, so full-width digits are plain digits here).
_ZONED_ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$")
_DATETIME_RE = re.compile(
    r"^(\d{4})(?:\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))"
    r"(?:[\sT]*(\d{1,2})\s*[:时点]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2})(?:\.\d+)?\s*秒?)?\s*分?)?$"
)


def clean_text(value: object) -> str:
    """A cell as text: stripped, inner white space folded, None and NaN as ''."""
    # str.split() also splits on the ideographic space U+3000 and on no-break spaces.
    if value.__class__ is str:  # most cells: nothing to convert first
        return " ".join(value.split())
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer():
            return str(int(value))
    return " ".join(str(value).split())


def normalize(value: object) -> str:
    """clean_text with full-width digits, letters and punctuation made half-width (NFKC)."""
    text = clean_text(value)
    if text.isascii():
        return text  # NFKC leaves ASCII as it is
    return clean_text(unicodedata.normalize("NFKC", text))


def header_key(value: object) -> str:
    """A header cell reduced to what identifies it: no spaces, half-width, no decoration."""
    text = normalize(value).replace(" ", "")
    return text.strip("*:：").lower()


def parse_date(value: object) -> date | None:
    """A date from a cell: date/datetime cells, Excel serials, and the ways exports write dates.

    Returns None for an empty cell and for the dates systems write for "no date" (NO_DATES:
    0001-01-01, 1900-01-01 …); raises ValueError for a cell that is not a date.
    """
    if value.__class__ is str and _ISO_DATE_RE.fullmatch(value):
        return _or_none(date.fromisoformat(value))
    if value is None:
        return None
    if isinstance(value, datetime):
        return _or_none(value.date())
    if isinstance(value, date):
        return _or_none(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_serial(float(value))
    text = normalize(value)
    if not text:
        return None
    if _is_serial(text):
        return _from_serial(float(text))
    if _ZONED_ISO_RE.match(text):
        moment = parse_datetime(text)  # the local date of a time given in another zone
        return moment.date() if moment else None
    return _or_none(_split_datetime(text)[0])


def _or_none(day: date) -> date | None:
    return None if day.year <= 1900 and day in NO_DATES else day


def _is_serial(text: str) -> bool:
    """An Excel serial written as text: digits, not the 8 digits of a compact date."""
    return bool(re.fullmatch(r"\d+(\.\d+)?", text)) and len(text.split(".")[0]) != 8


def parse_datetime(value: object) -> datetime | None:
    """A timezone-aware datetime from a cell; local times are Asia/Shanghai.

    A cell holding only a date gives midnight of that date; a "no date" (NO_DATES) gives None.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        if _or_none(value.date()) is None:
            return None
        return value if value.tzinfo else value.replace(tzinfo=LOCAL_ZONE)
    if isinstance(value, date):
        return datetime.combine(value, time(), LOCAL_ZONE) if _or_none(value) else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        serial = float(value)
        day = _from_serial(serial)
        seconds = round((serial - int(serial)) * 86400)
        return datetime.combine(day, time(), LOCAL_ZONE) + timedelta(seconds=seconds)
    text = normalize(value)
    if not text:
        return None
    if _is_serial(text):
        return parse_datetime(float(text))  # a serial written out as text keeps its time
    if _ZONED_ISO_RE.match(text):
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return moment.astimezone(LOCAL_ZONE) if _or_none(moment.date()) else None
    day, clock = _split_datetime(text)
    if _or_none(day) is None:
        return None
    return datetime.combine(day, clock or time(), LOCAL_ZONE)


def _split_datetime(text: str) -> tuple[date, time | None]:
    """The date and the time (if any) written in `text`; ValueError when it is neither."""
    match = _DATETIME_RE.match(text)
    if not match:
        raise ValueError(f"not a date: {text}")
    year, month, day, compact_month, compact_day, hour, minute, second = match.groups()
    # date() and time() raise ValueError for 2026-02-30 or 25:00.
    day_value = date(int(year), int(month or compact_month), int(day or compact_day))
    if hour is None:
        return day_value, None
    return day_value, time(int(hour), int(minute), int(second or 0))


def _from_serial(serial: float) -> date:
    if not _SERIAL_RANGE[0] <= serial <= _SERIAL_RANGE[1]:
        raise ValueError(f"not a date: {serial:g}")
    return _EXCEL_EPOCH + timedelta(days=int(serial))


_TRUE_WORDS = {"是", "y", "yes", "true", "1", "企业", "√", "✓"}
_FALSE_WORDS = {"否", "n", "no", "false", "0", "个人", "非企业", ""}


def parse_flag(value: object) -> bool:
    """是/否 and its many spellings; an empty cell is 否. Raises ValueError for other text."""
    if isinstance(value, bool):
        return value
    word = normalize(value).lower()
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    raise ValueError(f"not 是/否: {word}")


def parse_count(value: object) -> int | None:
    """A whole number such as 办理环节数; empty is None; raises ValueError otherwise (and
    ValueTooLarge above what the database holds)."""
    if value.__class__ is str and len(value) < 10 and value.isdigit() and value.isascii():
        return int(value)  # 3, as most exports write counts; 9 digits are always storable
    if _is_plain_digits(value):
        return _storable(_whole(value, _MAX_COUNT_TEXT), _MAX_COUNT_TEXT)
    if value.__class__ is float and value.is_integer() and value >= 0:
        # as spreadsheet readers hand counts over
        return _storable(int(value), _MAX_COUNT_TEXT)
    text = normalize(value).replace(",", "")
    text = re.sub(r"(个|天|日|环节)$", "", text).strip()
    if not text:
        return None
    number = Decimal(text) if re.fullmatch(r"-?\d+(\.0+)?", text) else None
    if number is None or number < 0:
        raise ValueError(f"not a whole number: {text}")
    if number > MAX_STORED_INT:  # before int(), which takes long on 100 000 digits
        raise ValueTooLarge(_MAX_COUNT_TEXT)
    return int(number)


def _storable(number: int, limit: str) -> int:
    if number > MAX_STORED_INT:
        raise ValueTooLarge(limit)
    return number


def _is_plain_digits(value: object) -> bool:
    return value.__class__ is str and value.isascii() and value.isdigit()


def _whole(digits: str, limit: str) -> int:
    """Plain digits as a number; ValueTooLarge for more digits than any number stored has
    (int() itself refuses more than 4 300, with a ValueError that would say "not a number")."""
    if len(digits) > 12 and len(digits.lstrip("0")) > 12:
        raise ValueTooLarge(limit)
    return int(digits)


def parse_money_fen(value: object) -> int | None:
    """An amount in yuan, as integer fen: '80', '80.00', '1,234.5元', '¥52072'. Never a float.

    Raises ValueError for text that is not an amount or has more than two decimals, and
    ValueTooLarge for an amount above what the database holds (21 474 836.47 yuan).
    """
    if value.__class__ is str and len(value) < 8 and value.isdigit() and value.isascii():
        return int(value) * 100  # 80, as most exports write amounts; 7 digits are storable
    if isinstance(value, float):
        # Spreadsheet cells are binary floats: read them with the 15 significant digits Excel
        # shows, so that a formula's 3702.2999999999997 is the 3702.30 on the screen.
        value = format(value, ".15g")
    if _is_plain_digits(value):  # 80, as most exports write amounts
        return _storable(_whole(value, _MAX_YUAN_TEXT) * 100, _MAX_YUAN_TEXT)
    text = normalize(value).replace(",", "").replace("¥", "").replace("￥", "")
    text = re.sub(r"(元|人民币|rmb)$", "", text, flags=re.IGNORECASE).strip()
    if not text:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"not an amount: {text}") from None
    if not amount.is_finite() or amount < 0:
        raise ValueError(f"not an amount: {text}")
    if amount > _MAX_YUAN:  # before int(): 1e999999999 is a valid Decimal
        raise ValueTooLarge(_MAX_YUAN_TEXT)
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"more than two decimals: {text}")
    return int(fen)
