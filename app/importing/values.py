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

    Returns None for an empty cell; raises ValueError for a cell that is not a date.
    """
    if value.__class__ is str and _ISO_DATE_RE.fullmatch(value):
        return date.fromisoformat(value)
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_serial(float(value))
    text = normalize(value)
    if not text:
        return None
    if _is_serial(text):
        return _from_serial(float(text))
    if _ZONED_ISO_RE.match(text):
        return parse_datetime(text).date()  # the local date of a time given in another zone
    return _split_datetime(text)[0]


def _is_serial(text: str) -> bool:
    """An Excel serial written as text: digits, not the 8 digits of a compact date."""
    return bool(re.fullmatch(r"\d+(\.\d+)?", text)) and len(text.split(".")[0]) != 8


def parse_datetime(value: object) -> datetime | None:
    """A timezone-aware datetime from a cell; local times are Asia/Shanghai.

    A cell holding only a date gives midnight of that date.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=LOCAL_ZONE)
    if isinstance(value, date):
        return datetime.combine(value, time(), LOCAL_ZONE)
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
        return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(LOCAL_ZONE)
    day, clock = _split_datetime(text)
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
    """A whole number such as 办理环节数; empty is None; raises ValueError otherwise."""
    if _is_plain_digits(value):
        return int(value)
    if value.__class__ is float and value.is_integer() and value >= 0:
        return int(value)  # as spreadsheet readers hand counts over
    text = normalize(value).replace(",", "")
    text = re.sub(r"(个|天|日|环节)$", "", text).strip()
    if not text:
        return None
    number = Decimal(text) if re.fullmatch(r"-?\d+(\.0+)?", text) else None
    if number is None or number < 0:
        raise ValueError(f"not a whole number: {text}")
    return int(number)


def _is_plain_digits(value: object) -> bool:
    return value.__class__ is str and value.isascii() and value.isdigit()


def parse_money_fen(value: object) -> int | None:
    """An amount in yuan, as integer fen: '80', '80.00', '1,234.5元', '¥52072'. Never a float.

    Raises ValueError for text that is not an amount or has more than two decimals.
    """
    if isinstance(value, float):
        # Spreadsheet cells are binary floats: read them with the 15 significant digits Excel
        # shows, so that a formula's 3702.2999999999997 is the 3702.30 on the screen.
        value = format(value, ".15g")
    if _is_plain_digits(value):  # 80, as most exports write amounts
        return int(value) * 100
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
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"more than two decimals: {text}")
    return int(fen)
