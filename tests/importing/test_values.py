"""app.importing.values: the cell values real exports write (dates, flags, counts, money)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from app.importing.values import (
    clean_text,
    header_key,
    normalize,
    parse_count,
    parse_date,
    parse_datetime,
    parse_flag,
    parse_money_fen,
)
from app.zone import LOCAL_ZONE

JULY_5 = date(2026, 7, 5)
JULY_5_SERIAL = 46208  # Excel's serial number of 2026-07-05


def test_serial_constant_is_excels():
    # Excel counts from 1899-12-30 (its day 0 after the 1900 leap-year bug).
    assert date(1899, 12, 30) + timedelta(days=JULY_5_SERIAL) == JULY_5


# --- text ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (float("nan"), ""),
        ("  张三  ", "张三"),
        ("张\u3000三", "张 三"),  # full-width space
        ("a\xa0\t b\n c", "a b c"),
        (13812345678.0, "13812345678"),  # numeric cells come as floats
        (80.5, "80.5"),
        (3, "3"),
    ],
)
def test_clean_text(value, expected):
    assert clean_text(value) == expected


def test_normalize_makes_full_width_half_width():
    assert normalize("ＪＮ２０２６　０１") == "JN2026 01"


@pytest.mark.parametrize(
    "cell",
    [
        "业务编号",
        " 业务编号 ",
        "业 务 编 号",
        "业务编号\u3000",
        "*业务编号：",
        "\u3000业务\u3000编号",
    ],
)
def test_header_key_ignores_spaces_and_decoration(cell):
    assert header_key(cell) == "业务编号"


def test_header_key_folds_width_and_case():
    assert header_key("Ｃａｓｅ_Ｎｏ") == "case_no"


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "2026-07-05",
        "2026-7-5",
        "2026/7/5",
        "2026/07/05",
        "2026.7.5",
        "2026年7月5日",
        "2026年07月05日",
        "2026年7月5",
        "２０２６年７月５日",  # full-width digits
        "２０２６－０７－０５",
        " 2026-07-05 ",
        "2026-07-05 10:30:00",  # a datetime cell where a date is wanted
        "2026/7/5 9:05",
        "2026-07-05T10:30:00",
        "20260705",
        str(JULY_5_SERIAL),  # an Excel serial written out as text
        JULY_5_SERIAL,
        float(JULY_5_SERIAL),
        JULY_5_SERIAL + 0.75,  # a serial with a time of day
        JULY_5,
        datetime(2026, 7, 5, 23, 59),
    ],
)
def test_parse_date_accepts_the_ways_exports_write_dates(value):
    assert parse_date(value) == JULY_5


@pytest.mark.parametrize("value", [None, "", "   ", "\u3000"])
def test_parse_date_empty_is_none(value):
    assert parse_date(value) is None


@pytest.mark.parametrize(
    "value",
    [
        "2026-02-30",  # no such day
        "2026-13-01",
        "0000-07-05",
        "2026年7月",
        "7/5/2026",
        "明天",
        "abc",
        "2026",  # a year, not a serial of a plausible date
        12,  # a stray count is not day 12 of 1900
        -1,
        200000,
        True,
    ],
)
def test_parse_date_rejects_what_is_not_a_date(value):
    with pytest.raises(ValueError):
        parse_date(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-07-05 10:30:00", datetime(2026, 7, 5, 10, 30)),
        ("2026-07-05 10:30", datetime(2026, 7, 5, 10, 30)),
        ("2026/7/5 9:05", datetime(2026, 7, 5, 9, 5)),
        ("2026-07-05  10:30:15", datetime(2026, 7, 5, 10, 30, 15)),
        ("2026-07-05 10:30:15.250", datetime(2026, 7, 5, 10, 30, 15)),
        ("2026年7月5日 10时30分", datetime(2026, 7, 5, 10, 30)),
        ("2026年7月5日 10时30分15秒", datetime(2026, 7, 5, 10, 30, 15)),
        ("２０２６－０７－０５　１０：３０", datetime(2026, 7, 5, 10, 30)),
        ("2026-07-05T10:30:00", datetime(2026, 7, 5, 10, 30)),
        ("2026-07-05", datetime(2026, 7, 5)),  # a date alone is midnight
        ("20260705", datetime(2026, 7, 5)),
        (str(JULY_5_SERIAL), datetime(2026, 7, 5)),
        ("2026年7月5日", datetime(2026, 7, 5)),
        (JULY_5, datetime(2026, 7, 5)),
        (datetime(2026, 7, 5, 10, 30), datetime(2026, 7, 5, 10, 30)),
        (JULY_5_SERIAL + 0.4375, datetime(2026, 7, 5, 10, 30)),
        (str(JULY_5_SERIAL + 0.4375), datetime(2026, 7, 5, 10, 30)),  # serial written as text
    ],
)
def test_parse_datetime_is_local_time(value, expected):
    parsed = parse_datetime(value)
    assert parsed == expected.replace(tzinfo=LOCAL_ZONE)
    assert parsed.utcoffset() == timedelta(hours=8)


def test_parse_datetime_keeps_an_explicit_zone():
    assert parse_datetime("2026-07-05T02:30:00Z") == datetime(2026, 7, 5, 10, 30, tzinfo=LOCAL_ZONE)
    aware = datetime(2026, 7, 5, 2, 30, tzinfo=UTC)
    assert parse_datetime(aware) is aware
    assert parse_datetime("2026-07-05T10:30:00+09:00") == datetime(
        2026, 7, 5, 10, 30, tzinfo=timezone(timedelta(hours=9))
    )


@pytest.mark.parametrize("value", [None, "", " "])
def test_parse_datetime_empty_is_none(value):
    assert parse_datetime(value) is None


@pytest.mark.parametrize(
    "value", ["2026-07-05 25:00", "2026-07-05 10:61", "2026-07-05 morning", "2026-02-30 10:00", "x"]
)
def test_parse_datetime_rejects_bad_times(value):
    with pytest.raises(ValueError):
        parse_datetime(value)


# --- flags ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["是", " 是 ", "Y", "yes", "TRUE", "1", "１", 1, 1.0, True, "企业", "√"]
)
def test_parse_flag_true(value):
    assert parse_flag(value) is True


@pytest.mark.parametrize(
    "value", ["否", "N", "no", "False", "0", 0, 0.0, False, "个人", "非企业", "", None, "\u3000"]
)
def test_parse_flag_false(value):
    assert parse_flag(value) is False


@pytest.mark.parametrize("value", ["也许", "2", "是否", "x"])
def test_parse_flag_rejects_other_text(value):
    with pytest.raises(ValueError):
        parse_flag(value)


# --- counts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3", 3),
        (3, 3),
        (3.0, 3),
        ("3.0", 3),
        ("３", 3),
        ("3个", 3),
        ("3天", 3),
        ("3 天", 3),
        ("4环节", 4),
        ("1,200", 1200),
        ("0", 0),
        ("007", 7),
        (0.0, 0),
        (float("nan"), None),
        ("", None),
        (None, None),
    ],
)
def test_parse_count(value, expected):
    assert parse_count(value) == expected


@pytest.mark.parametrize("value", ["2.5", 2.5, "-1", -1.0, "三", "abc", "1e3", float("inf")])
def test_parse_count_rejects_non_whole_numbers(value):
    with pytest.raises(ValueError):
        parse_count(value)


# --- money ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("80", 8000),
        ("80.00", 8000),
        ("80.5", 8050),
        ("1,234.5元", 123450),
        ("¥52072", 5207200),
        ("￥52,072.00", 5207200),
        ("８０元", 8000),
        ("100 元", 10000),
        ("0", 0),
        (80, 8000),
        (80.1, 8010),  # a float cell, rounded through its shortest repr, not 8009
        (0.07, 7),
        (52072.13, 5207213),
        (1234.1 * 3, 370230),  # a formula's binary float (3702.2999999999997) as Excel shows it
        ("", None),
        (None, None),
    ],
)
def test_parse_money_fen(value, expected):
    fen = parse_money_fen(value)
    assert fen == expected
    assert fen is None or type(fen) is int


@pytest.mark.parametrize(
    "value", ["80.123", 80.123, "-5", -5.0, "免", "八十", "1.2.3", "nan", "NaN", "inf", "Infinity"]
)
def test_parse_money_rejects_what_is_not_an_amount(value):
    with pytest.raises(ValueError):
        parse_money_fen(value)
