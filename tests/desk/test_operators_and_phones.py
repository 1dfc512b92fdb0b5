"""Operators, and phone numbers masked for the screen."""

from __future__ import annotations

import pytest

from app.desk.operators import ensure_operator, operators
from app.phones import mask_phone
from db.models import Staff


def test_ensure_operator_finds_or_creates(sqlite_db):
    with sqlite_db.sessions.begin() as session:
        session.add(Staff(name="王芳", is_operator=False))  # a handler of the same name
        wang = ensure_operator(session, " 王芳 ")
        assert ensure_operator(session, "王芳") == wang
        li = ensure_operator(session, "李强")
        assert operators(session) == [(li, "李强"), (wang, "王芳")]  # by name
        with pytest.raises(ValueError):
            ensure_operator(session, "  ")


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("+8613812345678", "138****5678"),
        ("+8653186123456", "0531****3456"),
        ("+861082712345", "010****2345"),
        ("0510-82712345", "0510****2345"),
        ("138 1234 5678", "138****5678"),
        ("+12025550123", "+120****0123"),
        ("12345", "****"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_phone(number, masked):
    assert mask_phone(number) == masked
