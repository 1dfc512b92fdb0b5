"""The case import reads a file's rows column by column (cases.parse_rows_of_file): each
distinct cell of the repeating fields once, the usual shapes of the others in line. Whatever the
cells, its records and its rejections — the cell, the code and the words — are those of
parse_row, the reading of one row at a time."""

from __future__ import annotations

import random
from datetime import date, datetime

import pytest

from app.importing.cases import FIELDS, parse_row, parse_rows_of_file
from app.importing.rows import SourceRow, accepted_dates, parse_rows
from app.importing.summary import ImportSummary

KEYS = [field.key for field in FIELDS]

# Cells every field may meet: the usual, the unusual, the hostile, and values of other types
# that a dict would take for one another (1, 1.0 and True).
ANY = [
    None,
    "",
    " ",
    "\u3000",
    "\ufeff",
    "x" * 400,
    "张\x00三",
    "\u202e反",
    "a\u200bb",
    "=HYPERLINK(1)",
    1,
    1.0,
    True,
    False,
    0,
    0.0,
    float("nan"),
    2.5,
    -1,
    10**12,
    "1",
    " 1 ",
    "１",
    "1.0",
    date(2026, 7, 5),
    datetime(2026, 7, 5, 9, 30),
    "2026-07-05",
]
USUAL = {
    "case_no": ["JN2026070500001", "jn-7", "ＪＮ００１", "JN 8", "JN\u200b9", "J" * 65, "JN2026"],
    "business_type": ["抵押权首次登记", "变更登记"],
    "unit": ["历下区不动产登记中心", "市中心(专业大厅)", "市中心（专业大厅）", "ｘ" * 101],
    "district": ["历下区", "槐荫区"],
    "accepted_on": ["2026-07-01", "2026/7/1", "2026-02-30", "待定", "1989-12-31", "9999-12-31"],
    "completed_on": ["2026-07-05", "2026-06-30", "2026年7月5日", "0001-01-01", 46208, "46208"],
    "applicant": ["王伟", "  王  伟 ", "x" * 201],
    "phones": ["13812345678", "138 1234 5678", "0531-86001234；13912345678", "无", "1381\n2345678"],
    "is_enterprise": ["是", "否", "企业", "非企业", "个人", "自然人", "Y", "maybe"],
    "enterprise_name": ["鲁润置业有限公司", ""],
    "location": ["历下区泉城路1号", "x" * 301],
    "handler": ["李强", "x" * 51],
    "channel": ["窗口", "全程网办", "线上", "邮寄"],
    "steps": ["3", "3个", "3.0", "-3", "三", "99999999999"],
    "days": ["1", "2天", 2.0],
    "registration_fee": ["80", "80.00", "1,234.5元", "¥52", "0.001", "1e3", "99999999"],
    "deed_tax": ["0", "40610", "40610.5", "4.06e4"],
    "stamp_duty": ["5", "", "五元"],
}


def _rows(rng: random.Random, count: int, columns: dict[str, int], width: int) -> list:
    fields = {f.key: f for f in FIELDS}
    dates = accepted_dates()
    rows = []
    for line in range(2, count + 2):
        cells = []
        for index in range(width):
            key = next((k for k, at in columns.items() if at == index), None)
            usual = USUAL.get(key, [""])
            cells.append(rng.choice(usual) if rng.random() < 0.7 else rng.choice(ANY))
        if rng.random() < 0.05:
            cells = cells[: rng.randrange(width)]  # a row cut short
        rows.append(SourceRow(line, cells, fields, columns, dates))
    return rows


def _outcome(summary: ImportSummary, parsed: list) -> tuple:
    rejected = [(r.line, r.code, r.params, r.cells) for r in summary.rejected]
    return [(row.line, record) for row, record in parsed], rejected


@pytest.mark.parametrize("layout", ["all", "shuffled", "without_some"])
def test_reading_by_column_is_parse_row_whatever_the_cells(rng, stop_clock, layout):
    keys = list(KEYS)
    if layout == "shuffled":
        rng.shuffle(keys)
    elif layout == "without_some":
        keys = [k for k in keys if k not in ("accepted_on", "steps", "district", "phones")]
    columns = {key: index for index, key in enumerate(keys)}
    rows = _rows(rng, 3000, columns, len(keys) + 1)
    one_by_one, by_column = ImportSummary("cases", "f"), ImportSummary("cases", "f")
    ticks = []

    expected = _outcome(one_by_one, parse_rows(rows, parse_row, one_by_one, lambda: None))
    found = _outcome(by_column, parse_rows_of_file(rows, by_column, lambda: ticks.append(1)))

    assert found == expected
    assert len(ticks) == len(rows)
    assert expected[0] and expected[1]  # rows of both kinds were read


def test_equal_cells_of_other_types_are_read_each_as_itself(stop_clock):
    fields = {f.key: f for f in FIELDS}
    columns = {key: index for index, key in enumerate(KEYS)}
    base = {"case_no": "JN1", "unit": "历下区", "completed_on": "2026-07-05"}
    rows = []
    for line, steps in enumerate([1, True, 1.0, "1", 1, True], start=2):
        cells = [base.get(key, "") for key in KEYS]
        cells[columns["steps"]] = steps
        cells[columns["case_no"]] = f"JN{line}"
        rows.append(SourceRow(line, cells, fields, columns, accepted_dates()))
    summary = ImportSummary("cases", "f")

    parsed = parse_rows_of_file(rows, summary, lambda: None)

    assert [(row.line, record.steps) for row, record in parsed] == [
        (2, 1),
        (4, 1),
        (5, 1),
        (6, 1),
    ]
    assert [(r.line, r.code) for r in summary.rejected] == [(3, "bad_count"), (7, "bad_count")]


def test_rows_of_different_layouts_are_read_one_by_one(stop_clock):
    fields = {f.key: f for f in FIELDS}
    first = {key: index for index, key in enumerate(KEYS)}
    second = dict(first)
    cells = ["JN1", "", "历下区", "", "", "2026-07-05"] + [""] * 12
    rows = [
        SourceRow(2, cells, fields, first, accepted_dates()),
        SourceRow(3, ["JN2", *cells[1:]], fields, second, accepted_dates()),
    ]
    summary = ImportSummary("cases", "f")

    parsed = parse_rows_of_file(rows, summary, lambda: None)

    assert [record.case_no for _row, record in parsed] == ["JN1", "JN2"]


@pytest.mark.parametrize("cells_as", ["text", "workbook"])
def test_an_export_as_systems_write_it_reads_as_parse_row_reads_it(stop_clock, cells_as):
    # Whole columns of the usual shapes (read a column at a time), a few rows to reject.
    from bench.importing import export_rows

    columns = {key: index for index, key in enumerate(KEYS)}
    fields = {f.key: f for f in FIELDS}
    dates = accepted_dates()
    lines = export_rows(3000, seed=5)
    if cells_as == "text":
        lines = [[c.isoformat() if isinstance(c, date) else str(c) for c in line] for line in lines]
    else:  # as python-calamine gives a workbook's cells: numbers as floats
        lines = [[float(c) if type(c) is int else c for c in line] for line in lines]
    rows = [SourceRow(n, cells, fields, columns, dates) for n, cells in enumerate(lines, start=3)]
    one_by_one, by_column = ImportSummary("cases", "f"), ImportSummary("cases", "f")

    expected = _outcome(one_by_one, parse_rows(rows, parse_row, one_by_one, lambda: None))
    found = _outcome(by_column, parse_rows_of_file(rows, by_column, lambda: None))

    assert found == expected
    assert len(expected[1]) == 3  # one row in a thousand is broken
