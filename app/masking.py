"""The one masking of personal numbers in free text, for everything logged or printed: phone
numbers and ID numbers (身份证号) become a marker saying what was there ([mobile], [landline],
[phone], [ID]).

Numbers are found however they are written: in full-width digits (１３８…), with +86 or 0086,
with or without an area code, dashes or spaces (010-12345678, 0510 8123 4567, 138 1234 5678),
as 8-digit local numbers, and ID numbers of 18 digits (a trailing X or x, with spaces) or the
old 15. What must stay is left alone: digits glued to letters (case numbers such as
JN20260818000001), numbers too long or too short for a phone (业务编号 2026061270239), dates
(2026-06-12, 20260612) and times. Not to be confused with app.phones.mask_phone, which shows a
known phone number partly (138****5678) on screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Full-width and other look-alike characters, one for one (so that positions stay the same).
_LOOK_ALIKES = str.maketrans(
    {
        **{chr(0xFF10 + digit): str(digit) for digit in range(10)},
        "＋": "+",
        "（": "(",
        "）": ")",
        "Ｘ": "X",
        "ｘ": "x",
        **dict.fromkeys("－‐‑‒–—―−", "-"),
        **dict.fromkeys("\u3000\u00a0\u2002\u2003\u2009\u202f", " "),
    }
)
_BEFORE = r"(?<![0-9A-Za-z])"  # digits glued to letters or digits are not a number of their own
_AFTER = r"(?![0-9A-Za-z])"
_S = r"[ \t-]?"  # one optional separator between groups of digits
_MONTH = r"(?:0[1-9]|1[0-2])"
_DAY = r"(?:0[1-9]|[12]\d|3[01])"
_CC = rf"(?:(?:\+|00)?86{_S}|\((?:\+|00)?86\){_S})"  # +86, 0086, 86, (+86)


def _keep_dates(match: re.Match[str]) -> bool:
    """An 8-digit "local number" that reads as a date (20260612) is a date."""
    digits = re.sub(r"\D", "", match.group())
    year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:])
    return not (1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31)


_Rule = tuple[re.Pattern[str], str, Callable[[re.Match[str]], bool] | None]
_RULES: tuple[_Rule, ...] = (
    # 身份证号, 18 digits: area (6), birth date (8), sequence (3), check digit or X; spaced or
    # dashed between groups of 2, 4 or 6 (370102 19900307 123X, 3701 0219 9003 0712 3X).
    (
        re.compile(
            _BEFORE + rf"[1-9]\d{{3}}{_S}\d{{2}}{_S}(?:18|19|20){_S}\d{{2}}{_S}{_MONTH}{_S}"
            rf"{_DAY}{_S}\d{{2}}{_S}\d[\dXx]" + _AFTER
        ),
        "ID",
        None,
    ),
    # The old 15-digit form: area (6), birth date without the century (6), sequence (3).
    (
        re.compile(_BEFORE + rf"[1-9]\d{{5}}{_S}\d{{2}}{_MONTH}{_DAY}{_S}\d{{3}}" + _AFTER),
        "ID",
        None,
    ),
    # Mobiles: 13812345678, 138 1234 5678, 138-1234-5678, +86 138…, 0086138…, (+86)138….
    (
        re.compile(
            rf"(?:(?<![0-9A-Za-z+(]){_CC}|{_BEFORE})1[3-9]\d{_S}\d{{4}}{_S}\d{{4}}" + _AFTER
        ),
        "mobile",
        None,
    ),
    # Fixed lines with an area code: 010-12345678, 0531-86123456, 0510 8123 4567,
    # (0510)82712345-801, +86 531 8612 3456, 0086 10 1234 5678, with an extension.
    (
        re.compile(
            rf"(?:(?<![0-9A-Za-z+(]){_CC}\(?0?|{_BEFORE}\(?0)(?:10|2\d|[3-9]\d{{2}})\)?{_S}"
            rf"\d{{3,4}}{_S}\d{{4}}(?:\s*(?:-|转|分机|ext\.?|x)\s*\d{{1,6}})?" + _AFTER
        ),
        "landline",
        None,
    ),
    # Local numbers without the area code: 8 digits from 2 to 8 (86123456, 8612 3456).
    (re.compile(_BEFORE + rf"[2-8]\d{{3}}{_S}\d{{4}}" + _AFTER), "landline", _keep_dates),
    # Whatever else follows +86 (E.164 written whole).
    (re.compile(r"\+86\d{9,12}" + _AFTER), "phone", None),
)


# A record's uid (3f2a9c1e-4000-8000-9abc-0123456789ab): its groups of digits are no number.
_UUID = re.compile(r"(?<![0-9A-Fa-f])[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}")


def mask_personal_data(text: str) -> str:
    """`text` with every phone number and ID number replaced by a marker saying what was
    there; everything else (a record's uid among it) as it was."""
    if not text:
        return text
    if _UUID.search(text):
        parts = _UUID.split(text)
        uids = _UUID.findall(text)
        masked = [_masked(part) for part in parts]
        return "".join(m + u for m, u in zip(masked, [*uids, ""], strict=True))
    return _masked(text)


def _masked(text: str) -> str:
    if not text:
        return text
    plain = text.translate(_LOOK_ALIKES)  # what the rules read; the same length as the text
    for pattern, kind, applies in _RULES:
        spans = [
            match.span() for match in pattern.finditer(plain) if applies is None or applies(match)
        ]
        if not spans:
            continue
        marker = f"[{kind}]"
        text = _replaced(text, spans, marker)
        plain = _replaced(plain, spans, marker)
    return text


def _replaced(text: str, spans: list[tuple[int, int]], marker: str) -> str:
    parts, end = [], 0
    for start, stop in spans:
        parts += [text[end:start], marker]
        end = stop
    parts.append(text[end:])
    return "".join(parts)
