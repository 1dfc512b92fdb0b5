"""Parsing, validating and displaying the phone numbers found in registration exports."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

__all__ = [
    "ParsedPhone",
    "area_code",
    "mask_phone",
    "parse_phone",
    "parse_phones",
    "split_phone_cell",
]

_REGION = "CN"
_CN_COUNTRY_CODE = 86

_KINDS = {
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE: "fixed_line",
}

# NFKC folds full-width forms but leaves these dash look-alikes alone, and Word/WPS love them.
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63", "-"))

# Two spaces or more separate numbers; a single space is how people group digits inside one.
# Full-width forms are listed because cells are split before normalising, to keep `original`
# exactly as written.
_CELL_SEPARATORS = re.compile(r"[;；,，/／、|｜\r\n\v\f\u2028\u2029]+|[ \u3000\xa0]{2,}|\t+")
_WHITESPACE = re.compile(r"\s+")
_DIGIT = re.compile(r"[0-9]")

# "(本人)", "(手机)": notes in brackets that cannot be part of a number such as "(0510)".
_DIGITLESS_BRACKETS = re.compile(r"\([^0-9()]*\)")
# Labels and notes around the number; ASCII letters only as known labels, so "abc138..." stays
# invalid instead of being rescued (phonenumbers would even read letters as keypad digits).
_LEADING_JUNK = re.compile(
    r"^(?:[^0-9A-Za-z+(]|(?:telephone|tel|phone|mobile|mob|cellphone|cell|ph)(?![a-z]))+",
    re.IGNORECASE,
)
_TRAILING_JUNK = re.compile(r"[^0-9A-Za-z)]+$")
# phonenumbers rejects "转 12" and reads "-801" as more digits, so extensions are cut off here.
_EXTENSION_MARK = re.compile(
    r"\s*(?:转分机号?|转|分机号?|extension|ext|x|#)\s*[.:]?\s*([0-9]{1,6})$", re.IGNORECASE
)
# "0531-86123456-801": only taken as an extension after a complete number, see _split_dash_ext.
_DASH_EXTENSION = re.compile(r"^(.*[0-9])\s*-\s*([0-9]{1,5})$")
_CORE = re.compile(r"^\+?[0-9 ().-]*[0-9][0-9 ().-]*$")
# Spreadsheet readers hand numeric cells over as floats: 13812345678 arrives as "13812345678.0".
_FLOAT_ARTIFACT = re.compile(r"^([0-9]+)\.0$")
_LOCAL_NUMBER = re.compile(r"^[2-9][0-9]{6,7}$")

_MIN_DIGITS = 7
_MAX_LENGTH = 200


@dataclass(frozen=True)
class ParsedPhone:
    """One phone number as written, with its normalised form when it is a real number."""

    original: str
    e164: str | None
    extension: str | None
    kind: str | None

    @property
    def valid(self) -> bool:
        return self.e164 is not None

    def display(self) -> str:
        if self.e164 is None:
            return self.original
        text = _format_for_screen(self.e164)
        if self.extension:
            text = f"{text} 转 {self.extension}"
        return text


@lru_cache(maxsize=4096)
def _format_for_screen(e164: str) -> str:
    # Cached because list views repaint the same rows over and over. The value may come back from
    # the database rather than from parse_phone, so a damaged one is shown as stored.
    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        return e164
    if number.country_code == _CN_COUNTRY_CODE:
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_DASHES)


def _digit_count(text: str) -> int:
    if text.isascii() and text.isdigit():
        return len(text)
    return len(_DIGIT.findall(text))


def split_phone_cell(text: str | None) -> list[str]:
    """One export cell may hold several numbers: split on ; ； , ， / 、 | newlines and runs of 2+ spaces,
    but never split a single number written with single spaces like '+86 138 1234 5678' or
    '138 1234 5678 转 12'. Empty/None -> []."""
    if not text:
        return []
    if text.isdigit():
        return [text]  # one bare number, as most cells hold
    parts: list[str] = []
    for piece in _CELL_SEPARATORS.split(text):
        piece = piece.strip()
        if not piece:
            continue
        tokens = piece.split()
        # "13812345678 13912345678": when every space-separated token is long enough to be a
        # whole number on its own, the spaces separate numbers rather than digit groups.
        if len(tokens) > 1 and all(_digit_count(_normalise(t)) >= _MIN_DIGITS for t in tokens):
            parts.extend(tokens)
        else:
            parts.append(piece)
    return parts


def _national_digits(text: str) -> str:
    """The digits of a Chinese number without country code and trunk 0, '' for a foreign one."""
    digits = "".join(_DIGIT.findall(text))
    if text.lstrip().startswith("+"):
        if not digits.startswith("86"):
            return ""
        digits = digits[2:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) >= 12:
        digits = digits[2:]
    return digits.removeprefix("0")


def _split_dash_ext(core: str) -> tuple[str, str, bool] | None:
    """Read a trailing '-N' as an extension when what precedes it is already a whole number.

    Returns (number, extension, ambiguous); ambiguous means the digits taken together could also
    be one complete number ("0531-8612345-6"), which the caller then tries first.
    """
    match = _DASH_EXTENSION.match(core)
    if match is None:
        return None
    number, extension = match.group(1), match.group(2)
    bare = "".join(_DIGIT.findall(number))
    if _LOCAL_NUMBER.match(bare) and not number.lstrip().startswith("+"):
        return number, extension, False
    national = _national_digits(number)
    # Landlines: area code without trunk 0 ("10", "21", "531") + 7-8 digits. Mobile prefixes
    # 13-19 are excluded so "138-1234-5678" keeps its last group.
    if len(national) not in (10, 11) or (national[0] == "1" and national[1] != "0"):
        return None
    return number, extension, len(national) + len(extension) <= 11


@lru_cache(maxsize=256)  # asked again for every cell of an import
def _area_prefix(default_area_code: str | None) -> str | None:
    if not default_area_code:
        return None
    digits = "".join(_DIGIT.findall(_normalise(default_area_code))).lstrip("0")
    if not 2 <= len(digits) <= 3:
        return None
    return "0" + digits


def _lookup(core: str) -> tuple[str, str] | None:
    """(e164, kind) of a valid number, else None."""
    return _plain_chinese(core) or _looked_up(core)


@lru_cache(maxsize=8192)
def _looked_up(core: str) -> tuple[str, str] | None:
    # Cached: the same office numbers come back on many cases of a file.
    try:
        number = phonenumbers.parse(core, _REGION)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return e164, _KINDS.get(phonenumbers.number_type(number), "other")


# The fast path. Nearly every cell holds a plain mobile or landline, and phonenumbers spends about
# 100 µs parsing and typing each. For a plain Chinese number its reading is known beforehand (the
# national number is what follows +86 or the trunk 0), so only the type is left, and that is
# decided from phonenumbers' own metadata as its phonenumberutil._number_type_helper does: a
# number of the general pattern, of no special kind (premium rate, toll free, …), fixed line or
# mobile but not both. Whatever this cannot vouch for goes to phonenumbers.
_CN = phonenumbers.PhoneMetadata.metadata_for_region(_REGION)
_PLAIN = re.compile(r"\+?[0-9 ()-]+")
_PLAIN_PUNCTUATION = str.maketrans("", "", " ()-")
# Carrier-selection prefixes (17951…) that phonenumbers may strip off a national number.
_CARRIER_PREFIX = re.compile(_CN.national_prefix_for_parsing)
_SPECIAL_KINDS = (
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
)


def _kind_patterns(length: int) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """For national numbers of `length` digits: (kind, a pattern matching exactly the numbers
    phonenumbers gives that kind) for fixed lines and mobiles, in one regex each."""

    def pattern(desc: phonenumbers.PhoneNumberDesc | None) -> str | None:
        # phonenumberutil._is_number_matching_desc: the possible lengths, then the pattern.
        if desc is None or not desc.national_number_pattern:
            return None
        if desc.possible_length and length not in desc.possible_length:
            return None
        return f"(?:{desc.national_number_pattern})\\Z"

    number = pattern(_CN.general_desc)
    if number is None or _CN.same_mobile_and_fixed_line_pattern:
        return ()
    specials = [pattern(getattr(_CN, kind)) for kind in _SPECIAL_KINDS]
    fixed_line, mobile = pattern(_CN.fixed_line), pattern(_CN.mobile)
    found = []
    for kind, wanted, other in (("mobile", mobile, fixed_line), ("fixed_line", fixed_line, mobile)):
        if wanted is not None:
            excluded = "".join(f"(?!{p})" for p in (*specials, other) if p is not None)
            found.append((kind, re.compile(f"(?={number}){excluded}{wanted}")))
    return tuple(found)


_KIND_PATTERNS = {length: _kind_patterns(length) for length in (10, 11)}


def _plain_chinese(core: str) -> tuple[str, str] | None:
    """(e164, kind) of a plain, valid Chinese mobile or fixed line, exactly as phonenumbers gives
    them; None for anything else, including what is merely uncertain."""
    if core.isdigit():
        digits = core
    elif _PLAIN.fullmatch(core):
        digits = core.translate(_PLAIN_PUNCTUATION)
    else:
        return None
    if digits.startswith("+86"):
        national = digits[3:]
    elif digits.startswith("0") and not digits.startswith("00"):
        national = digits[1:]
    elif digits.startswith("1"):
        national = digits
    else:
        return None
    kinds = _KIND_PATTERNS.get(len(national))
    if not kinds or not national.isascii() or national[0] == "0" or _CARRIER_PREFIX.match(national):
        return None
    for kind, pattern in kinds:
        if pattern.match(national):
            return "+86" + national, kind
    return None


# 010 and 02x are the big cities' three-digit codes; every other code has four digits (0531).
_AREA_CODE = re.compile(r"0?(10|2[0-9]|[3-9][0-9]{2})")
# Local numbers of seven and eight digits: a real area code makes one of them a fixed line.
_SAMPLE_LOCAL_NUMBERS = ("26123456", "66123456", "2612345", "6612345")


def area_code(text: str | None) -> str | None:
    """A Chinese telephone area code as stored, with its trunk 0 ("0531" from "531", "０５３１"),
    or None when `text` is none: fixed lines must exist under it, as phonenumbers knows them."""
    match = _AREA_CODE.fullmatch(_normalise(text or "").strip())
    if match is None:
        return None
    code = "0" + match.group(1)
    for local in _SAMPLE_LOCAL_NUMBERS:
        found = _lookup(code + local)
        if found is not None and found[1] == "fixed_line":
            return code
    return None


def parse_phone(text: str, default_area_code: str | None = None) -> ParsedPhone:
    """Parse one number as written in an export; never raises, invalid input gives e164 None."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    return _parse(text.strip(), _area_prefix(default_area_code))


def _parse(original: str, area: str | None) -> ParsedPhone:
    if len(original) > _MAX_LENGTH:
        # No phone number is this long, and the junk-stripping regexes backtrack on huge input.
        return ParsedPhone(original, None, None, None)

    extension: str | None = None
    if original.isascii() and original.isdigit():
        text = original  # a bare number, as most cells hold: nothing to clean or cut off
    else:
        text = _normalise(original)
        text = _DIGITLESS_BRACKETS.sub(" ", text)
        text = _LEADING_JUNK.sub("", text)
        text = _TRAILING_JUNK.sub("", text)
        float_artifact = _FLOAT_ARTIFACT.match(text)
        if float_artifact:
            text = float_artifact.group(1)
        ext_match = _EXTENSION_MARK.search(text)
        if ext_match:
            extension = ext_match.group(1)
            text = text[: ext_match.start()].rstrip(" -.")

    if not _CORE.match(text) or _digit_count(text) < _MIN_DIGITS:
        return ParsedPhone(original, None, None, None)

    number: tuple[str, str] | None = None
    if extension is None and "-" in text:
        dash = _split_dash_ext(text)
        if dash is not None:
            head, tail, ambiguous = dash
            if ambiguous:
                number = _lookup(text)
            if number is None:
                text, extension = head, tail

    if number is None:
        bare = text if text.isdigit() else _WHITESPACE.sub("", text).replace("-", "")
        if _LOCAL_NUMBER.match(bare):
            # Without an area code a local number cannot be dialled from elsewhere, so it is
            # only valid once we know which city the export comes from.
            if area is None:
                return ParsedPhone(original, None, None, None)
            text = area + bare
        number = _lookup(text)
        if number is None:
            return ParsedPhone(original, None, None, None)

    e164, kind = number
    return ParsedPhone(original, e164, extension, kind)


def parse_phones(cell: str | None, default_area_code: str | None = None) -> list[ParsedPhone]:
    """split_phone_cell + parse_phone for each, dropping exact duplicate numbers (same
    e164+extension)."""
    area = _area_prefix(default_area_code)
    result: list[ParsedPhone] = []
    seen: set[tuple[str | None, str | None, str]] = set()
    for piece in split_phone_cell(cell):
        phone = _parse(piece, area)
        # Invalid entries are kept (the import report shows them) and deduplicated by text,
        # since they have no number to compare.
        key = (phone.e164, phone.extension, "" if phone.valid else phone.original)
        if key not in seen:
            seen.add(key)
            result.append(phone)
    return result


_MASK = "****"


_E164 = re.compile(r"\+[1-9]\d{6,14}")
_CN_MOBILE_E164 = re.compile(r"\+861\d{10}")


def mask_phone(e164_or_text: str | None) -> str:
    """A number with its middle hidden, for screens others may see: "138****5678", "0531****3456".

    A Chinese number keeps its mobile prefix or area code (with trunk 0) and its last four digits;
    anything else (a foreign or unreadable number) keeps its first three and last four digits.
    """
    text = (e164_or_text or "").strip()
    if _CN_MOBILE_E164.fullmatch(text):
        return text[3:6] + _MASK + text[-4:]  # the common case, without parsing
    e164 = text if _E164.fullmatch(text) else parse_phone(text).e164
    if e164 is not None and e164.startswith(f"+{_CN_COUNTRY_CODE}"):
        number = phonenumbers.parse(e164, None)
        national = phonenumbers.national_significant_number(number)
        area = phonenumbers.length_of_geographical_area_code(number)
        head = "0" + national[:area] if area else national[:3]
        return head + _MASK + national[-4:]
    digits = "".join(_DIGIT.findall(_normalise(text)))
    if len(digits) < _MIN_DIGITS:
        return _MASK if digits else ""
    prefix = "+" if text.startswith("+") else ""
    return prefix + digits[:3] + _MASK + digits[-4:]
