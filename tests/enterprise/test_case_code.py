"""The case code on Form B reads back to its case number, and a damaged one is refused."""

from __future__ import annotations

import pytest

from app.printing.case_code import check_character, decode_case_code, encode_case_code


@pytest.mark.parametrize("case_no", ["JN20260818000000", "JN2026-0001", "A", "370102123456789"])
def test_round_trip(case_no):
    code = encode_case_code(case_no)
    assert code.startswith(f"RDFB:{case_no}:") and len(code) == len(case_no) + 7
    assert decode_case_code(code) == case_no


def test_whitespace_and_lower_case_are_tolerated():
    code = encode_case_code("JN20260818000000")
    assert decode_case_code(f"  {code.lower()}\r\n") == "JN20260818000000"


def test_check_failures_and_foreign_codes():
    code = encode_case_code("JN20260818000000")
    wrong = "0" if code[-1] != "0" else "1"
    assert decode_case_code(code[:-1] + wrong) is None
    assert decode_case_code(code.replace("0818", "0881")) is None  # transposed digits
    assert decode_case_code(code.replace("JN2026", "JN2027")) is None
    assert decode_case_code("https://example.com/JN20260818000000") is None
    assert decode_case_code("RDFB:JN20260818000000") is None
    assert decode_case_code("") is None
    assert decode_case_code("XXXX:JN1:" + check_character("JN1")) is None


def test_known_check_character():
    # ISO 7064 MOD 37-2, worked by hand for "A" (value 10): (10*2) % 37 = 20 → (38-20) % 37 = 18.
    assert check_character("A") == "I"
