"""No phone numbers or ID numbers (身份证号) in the log file: messages, their arguments and
tracebacks are masked before they are written."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.logs import configure_logging, mask_personal_data

NUMBERS = (
    "13812345678",
    "+86 139 1234 5678",
    "+8613712345678",
    "0531-86123456",
    "(0510)82712345-801",
    "370102199003071234",
    "37010219900307123X",
)


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    path = tmp_path / "logs" / "revisitdesk.log"
    configure_logging(path)
    yield path
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def test_numbers_in_messages_arguments_and_tracebacks_are_masked(log_file: Path) -> None:
    logger = logging.getLogger("app.desk.calls")
    logger.warning("Could not dial %s for case JN20260818000001", "13812345678")
    logger.warning("Applicant 张三 身份证 37010219900307123X, 电话 0531-86123456")
    try:
        raise ValueError("bad number +86 139 1234 5678 in row 12")
    except ValueError:
        logger.exception("Import failed for %(who)s", {"who": "(0510)82712345-801"})
    for handler in logging.getLogger().handlers:
        handler.flush()
    written = log_file.read_text(encoding="utf-8")
    for number in ("13812345678", "37010219900307123X", "0531-86123456", "1234 5678", "82712345"):
        assert number not in written
    assert "Could not dial [mobile] for case JN20260818000001" in written  # the case stays
    assert "身份证 [ID], 电话 [landline]" in written
    assert "ValueError: bad number [mobile] in row 12" in written
    assert "Import failed for [landline]" in written


def test_configuring_again_adds_no_second_handler(log_file: Path) -> None:
    before = list(logging.getLogger().handlers)
    configure_logging(log_file)
    assert logging.getLogger().handlers == before


@pytest.mark.parametrize("number", NUMBERS)
def test_every_usual_way_of_writing_a_number_is_masked(number: str) -> None:
    masked = mask_personal_data(f"联系 {number}。")
    assert not any(ch.isdigit() for ch in masked), masked


@pytest.mark.parametrize(
    "text",
    [
        "case JN20260818000001 saved",
        "2026-11-22 04:05:17,524 took 1234 ms",
        "uid 123e4567-e89b-12d3-a456-426614174000",
        "imported 300 rows, 36 calls",
    ],
)
def test_other_figures_are_left_alone(text: str) -> None:
    assert mask_personal_data(text) == text
