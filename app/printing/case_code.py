"""The case code printed as a QR on Form B: "RDFB:<业务编号>:<check>".

The scanner panel reads it back from a stamped, scanned form to file the page to its case. The
check character (ISO 7064 MOD 37-2 over the case number) catches a misread or hand-typed code
before it files a page to the wrong case. Case numbers are stored upper case (the importer
normalises them), so decoding accepts lower case and returns the number upper case.
"""

from __future__ import annotations

PREFIX = "RDFB"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*"
_MODULUS = 37


def _value(char: str) -> int:
    index = ALPHABET.find(char)
    # Characters outside the alphabet (a hyphen, a full stop) still count, by their code point,
    # so that the check covers every character of the case number.
    return index if index >= 0 else ord(char) % _MODULUS


def check_character(case_no: str) -> str:
    """The ISO 7064 MOD 37-2 check character of `case_no` (compared upper case)."""
    total = 0
    for char in case_no.upper():
        total = ((total + _value(char)) * 2) % _MODULUS
    return ALPHABET[(_MODULUS + 1 - total) % _MODULUS]


def encode_case_code(case_no: str) -> str:
    """e.g. "JN20260818000000" → "RDFB:JN20260818000000:<check>"."""
    case_no = case_no.strip().upper()
    if not case_no:
        raise ValueError("empty case number")
    return f"{PREFIX}:{case_no}:{check_character(case_no)}"


def decode_case_code(text: str) -> str | None:
    """The case number in a code read from a page, or None when it is not ours or fails its check.

    Surrounding whitespace and lower case are tolerated (scanners and people type both).
    """
    code = text.strip().upper()
    prefix, sep, rest = code.partition(":")
    if prefix != PREFIX or not sep:
        return None
    case_no, sep, check = rest.rpartition(":")
    if not sep or not case_no or len(check) != 1:
        return None
    return case_no if check_character(case_no) == check else None
