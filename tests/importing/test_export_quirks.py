"""Quirks of real exports: HTML saved as .xls, footer rows, dates written loosely, unit spellings."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.importing.cases import FIELDS as CASE_FIELDS
from app.importing.columns import find_layout
from app.importing.values import parse_date, parse_datetime
from app.zone import LOCAL_ZONE
from db.models import Case, CasePhone, Unit

from .helpers import CASE_HEADER, case_row, count, run_import


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026 年 7 月 5 日", date(2026, 7, 5)),
        ("２０２６年７月５日", date(2026, 7, 5)),
        ("2026年7月5日10:30", date(2026, 7, 5)),
        ("2026-07-05T23:30:00+00:00", date(2026, 7, 6)),  # 07:30 on the 6th in Jinan
    ],
)
def test_loosely_written_dates(text, expected):
    assert parse_date(text) == expected


def test_a_time_glued_to_a_chinese_date_is_kept():
    assert parse_datetime("2026年7月5日10时30分") == datetime(2026, 7, 5, 10, 30, tzinfo=LOCAL_ZONE)


def _html_export(rows: list[list[str]], charset: str = "gb2312") -> bytes:
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>\n" for row in rows)
    page = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f'</head><body><table border="1"><tr><td colspan="18">业务办结清单</td></tr>\n'
        f"{cells}</table></body></html>"
    )
    return page.encode("gb18030" if charset.lower().startswith("gb") else charset)


def test_an_html_table_saved_as_xls_is_imported(sqlite_db, tmp_path: Path):
    path = tmp_path / "export.xls"
    rows = [CASE_HEADER, case_row("JN1"), case_row("JN2", 联系电话="0531-86123456<br>13912345678")]
    path.write_bytes(_html_export(rows))
    summary = run_import(sqlite_db, "cases", path)
    assert (summary.inserted, summary.header_line, summary.rejected) == (2, 2, [])
    with sqlite_db.sessions() as session:
        phones = session.scalars(
            select(CasePhone.e164)
            .join(Case)
            .where(Case.case_no == "JN2")
            .order_by(CasePhone.position)
        ).all()
    assert phones == ["+8653186123456", "+8613912345678"]


def test_footer_rows_are_skipped_and_counted_not_rejected(sqlite_db, make_file):
    rows = [
        CASE_HEADER,
        case_row("JN1"),
        ["合计", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "80", "", ""],
        ["制表人：王五", "", "", "", "", "审核人：赵六"],
    ]
    summary = run_import(sqlite_db, "cases", make_file("cases.csv", rows), strict=True)
    assert summary.imported
    assert (summary.inserted, summary.rows, summary.flagged.get("footer_rows")) == (1, 1, 2)


def test_repeated_lines_are_listed_with_the_line_they_repeat(sqlite_db, make_file):
    rows = [CASE_HEADER, case_row("JN1"), case_row("JN2"), case_row("JN1")]
    summary = run_import(sqlite_db, "cases", make_file("cases.csv", rows))
    assert summary.duplicate_lines == [(4, 2)]
    assert summary.to_dict()["duplicate_lines"] == [{"line": 4, "same_as": 2}]
    assert "第 4 行与第 2 行完全相同" in summary.text("zh")


def test_one_unit_whatever_brackets_the_export_uses(sqlite_db, make_file):
    rows = [
        CASE_HEADER,
        case_row("JN1", 受理单位="市不动产登记中心（专业大厅）"),
        case_row("JN2", 受理单位="市不动产登记中心(专业大厅)"),
    ]
    run_import(sqlite_db, "cases", make_file("cases.csv", rows))
    with sqlite_db.sessions() as session:
        assert session.scalars(select(Unit.name)).all() == ["市不动产登记中心（专业大厅）"]
    assert count(sqlite_db, Case) == 2


def test_a_column_given_to_one_field_is_not_taken_by_another():
    # "联系电话" would match the phones field by name; the mapping gives it to the applicant.
    header = ["业务编号", "受理单位", "办结日期", "联系电话", "电话"]
    layout = find_layout(CASE_FIELDS, [(1, header)], {"申请人": "联系电话"})
    assert layout.columns["applicant"] == 3
    assert layout.columns["phones"] == 4
