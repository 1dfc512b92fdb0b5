"""app.importing.reader: CSV in the usual encodings and delimiters, .xlsx and .xls, bad files."""

from __future__ import annotations

import hashlib
from datetime import date, datetime

import pytest

from app.importing import FileRefused
from app.importing.reader import read_table

from .helpers import CASE_HEADER, case_row, write_xlsx

# Characters that GBK lacks but GB18030 has (four-byte sequences), beside everyday ones.
RARE_NAME = "王䶮"
ROWS = [
    ["业务编号", "申请人", "座落"],
    ["JN001", "张三", "历下区泉城路1号"],
    ["JN002", "李四", "市中区经四路2号"],
]


def cells(table) -> list[list]:
    return [row for _line, row in table.rows]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030", "gbk", "utf-16"])
def test_csv_encodings(tmp_path, encoding):
    path = tmp_path / "export.csv"
    text = "\r\n".join(",".join(row) for row in ROWS) + "\r\n"
    path.write_bytes(text.encode(encoding))
    table = read_table(path)
    assert cells(table) == ROWS  # no BOM left on the first header cell, no mojibake
    assert table.sheet is None


def test_gb18030_characters_outside_gbk(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(f"业务编号,申请人\r\nJN001,{RARE_NAME}\r\n".encode("gb18030"))
    assert cells(read_table(path)) == [["业务编号", "申请人"], ["JN001", RARE_NAME]]


def test_utf16_tab_separated_unicode_text(tmp_path):
    """Excel's "Unicode text" export: UTF-16 with a BOM, tab-separated, often named .txt."""
    text = "\r\n".join("\t".join(row) for row in ROWS) + "\r\n"
    for name in ("export.txt", "export.csv"):
        path = tmp_path / name
        path.write_bytes(text.encode("utf-16"))
        assert cells(read_table(path)) == ROWS


@pytest.mark.parametrize("delimiter", [",", "\t", ";", "|"])
def test_sniffed_delimiters(tmp_path, delimiter):
    rows = [CASE_HEADER, case_row("JN001"), case_row("JN002", 申请人="李四")]
    path = tmp_path / "export.csv"
    path.write_text("\r\n".join(delimiter.join(row) for row in rows) + "\r\n", encoding="utf-8")
    assert cells(read_table(path)) == rows


def test_commas_inside_cells_do_not_fool_a_tab_separated_file(tmp_path):
    rows = [["业务编号", "座落", "联系电话"]] + [
        [f"JN{i:03}", f"泉城路{i}号,{i}单元", "13812345678,13912345678"] for i in range(5)
    ]
    path = tmp_path / "export.tsv"
    path.write_text("\n".join("\t".join(row) for row in rows) + "\n", encoding="utf-8")
    assert cells(read_table(path)) == rows


def test_small_file_with_title_row_falls_back_to_commas(tmp_path):
    # Too few lines for the sniffer to be sure: the title row has no delimiter at all.
    path = tmp_path / "export.csv"
    path.write_text("2026年第三季度办结业务\n业务编号,申请人\nJN001,张三\n", encoding="utf-8")
    assert cells(read_table(path)) == [
        ["2026年第三季度办结业务"],
        ["业务编号", "申请人"],
        ["JN001", "张三"],
    ]


def test_csv_line_numbers_count_title_blank_and_multiline_rows(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(
        (
            "济南市不动产登记中心 办结清单\r\n"  # line 1: title
            "\r\n"  # line 2: blank
            "业务编号,座落,申请人\r\n"  # line 3: header
            'JN001,"泉城路1号\r\n2单元",张三\r\n'  # lines 4-5: one row, a line break in a cell
            ",,\r\n"  # line 6: empty cells only
            "JN002,经四路,李四\r\n"  # line 7
        ).encode("utf-8-sig")
    )
    table = read_table(path)
    assert table.rows == [
        (1, ["济南市不动产登记中心 办结清单"]),
        (3, ["业务编号", "座落", "申请人"]),
        (4, ["JN001", "泉城路1号\r\n2单元", "张三"]),  # the line where the row begins
        (7, ["JN002", "经四路", "李四"]),
    ]


def test_sha256_is_of_the_bytes(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes("业务编号\r\nJN001\r\n".encode("gb18030"))
    assert read_table(path).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_xlsx_keeps_types_and_line_numbers(tmp_path):
    path = tmp_path / "export.xlsx"
    write_xlsx(
        path,
        [
            ["2026年第三季度办结业务"],
            [],
            ["业务编号", "办结日期", "评价时间", "契税", "联系电话", "是否企业"],
            ["JN001", date(2026, 7, 5), datetime(2026, 7, 5, 10, 30), 1234.5, 13812345678, "否"],
        ],
        sheet="办结件",
    )
    table = read_table(path)
    assert table.sheet == "办结件"
    assert [line for line, _cells in table.rows] == [1, 3, 4]
    data = table.rows[-1][1]
    assert data[0] == "JN001"
    assert data[1] == date(2026, 7, 5)
    assert data[2] == datetime(2026, 7, 5, 10, 30)
    assert data[3] == 1234.5
    assert data[4] == 13812345678


def test_xlsx_line_numbers_when_the_sheet_starts_lower_and_to_the_right(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["C4"] = "业务编号"
    sheet["D4"] = "申请人"
    sheet["C5"] = "JN001"
    sheet["D5"] = "张三"
    path = tmp_path / "export.xlsx"
    workbook.save(path)
    assert read_table(path).rows == [
        (4, ["", "", "业务编号", "申请人"]),
        (5, ["", "", "JN001", "张三"]),
    ]


def test_xlsx_first_sheet_with_data_is_read(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.title = "说明"
    data = workbook.create_sheet("数据")
    data.append(["业务编号"])
    data.append(["JN001"])
    path = tmp_path / "export.xlsx"
    workbook.save(path)
    table = read_table(path)
    assert table.sheet == "数据"
    assert cells(table) == [["业务编号"], ["JN001"]]


def test_xls(make_file):
    path = make_file(
        "export.xls",
        [
            ["导出时间：2026-10-08"],
            ["业务编号", "办结日期", "评价时间", "契税", "联系电话"],
            ["JN001", date(2026, 7, 5), datetime(2026, 7, 5, 10, 30), 1234.5, 13812345678],
        ],
    )
    table = read_table(path)
    assert [line for line, _cells in table.rows] == [1, 2, 3]
    data = table.rows[-1][1]
    assert data[:2] == ["JN001", date(2026, 7, 5)]
    assert data[2] == datetime(2026, 7, 5, 10, 30)
    assert data[3:] == [1234.5, 13812345678]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("export.pdf", b"%PDF-1.4", "unsupported_type"),
        ("export", b"a,b", "unsupported_type"),
        ("export.xlsx", b"PK\x03\x04 this is not really a workbook", "file_unreadable"),
        ("export.xlsx", "业务编号,申请人\r\nJN001,张三\r\n".encode(), "file_unreadable"),
        ("export.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "file_unreadable"),
        ("export.xls", b"<html><body><p>no table here</p></body></html>", "file_empty"),
        ("export.csv", b"", "file_empty"),
        ("export.csv", b"\r\n , ,\r\n\r\n", "file_empty"),
        ("export.csv", b"\xef\xbb\xbf", "file_empty"),
        ("export.csv", b"\xff\xff\xff\x80", "encoding"),
    ],
)
def test_files_that_cannot_be_read_are_refused(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FileRefused) as refused:
        read_table(path)
    assert refused.value.code == code
    assert refused.value.message()  # has words for the user


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(FileRefused) as refused:
        read_table(tmp_path / "nowhere.csv")
    assert refused.value.code == "file_missing"


def test_empty_workbook_is_refused(tmp_path):
    import openpyxl

    path = tmp_path / "export.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(FileRefused) as refused:
        read_table(path)
    assert refused.value.code == "file_empty"


def test_a_cell_quoted_against_formulas_is_read_as_written_and_other_quotes_are_kept(tmp_path):
    # The rejected rows an import writes out (csv_text) come back as they were; a file without
    # any ' is read without looking for one, a file with one cell by cell.
    path = tmp_path / "back.csv"
    path.write_text("业务编号,申请人\r\n'=1+1,O'Brien\r\n'-5,'abc\r\n", encoding="utf-8")

    assert cells(read_table(path)) == [["业务编号", "申请人"], ["=1+1", "O'Brien"], ["-5", "'abc"]]


def test_blank_rows_and_rows_of_spaces_are_left_out_and_lines_keep_their_numbers(tmp_path):
    path = tmp_path / "gaps.csv"
    path.write_text("业务编号,申请人\r\n\r\n ,\u3000\r\n,张三\r\nJN1,\r\n", encoding="utf-8")

    table = read_table(path)

    assert table.rows == [(1, ["业务编号", "申请人"]), (4, ["", "张三"]), (5, ["JN1", ""])]


def test_a_csv_of_more_cells_than_an_import_reads_is_refused(tmp_path, monkeypatch):
    import app.importing.reader as reader

    monkeypatch.setattr(reader, "MAX_CELLS", 10)
    path = tmp_path / "cells.csv"
    path.write_text("a,b,c\r\n" * 4, encoding="utf-8")

    with pytest.raises(FileRefused) as refused:
        read_table(path)

    assert refused.value.code == "too_many_cells"
