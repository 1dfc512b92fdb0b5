"""Reading an export file into rows of cells: CSV in any of the usual encodings, .xlsx, .xls, .ods."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from app.file_errors import file_error_text
from app.importing.problems import FileRefused
from app.spreadsheets import csv_cells

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
SUPPORTED_SUFFIXES = SPREADSHEET_SUFFIXES | TEXT_SUFFIXES
# GB18030 is a superset of GBK and GB2312, which older government systems export.
_ENCODINGS = ("utf-8-sig", "gb18030")


@dataclass
class RawTable:
    """The cells of a file's first sheet with data, each row with its line number (1-based)."""

    rows: list[tuple[int, list[Any]]]
    sha256: str
    sheet: str | None = None


def read_table(path: Path) -> RawTable:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise FileRefused("unsupported_type", {"suffix": suffix or path.name})
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise FileRefused("file_missing", {"path": str(path)}) from None
    except OSError as error:
        raise FileRefused("file_unreadable", {"detail": file_error_text(error)}) from None
    digest = hashlib.sha256(data).hexdigest()
    if suffix in TEXT_SUFFIXES:
        rows, sheet = _read_text(data), None
    elif _looks_like_html(data):
        # Many government systems "export to Excel" by saving an HTML table as .xls.
        rows, sheet = _read_html(data), None
    else:
        rows, sheet = _read_spreadsheet(data)
    rows = [(line, cells) for line, cells in rows if any(map(_filled, cells))]
    if not rows:
        raise FileRefused("file_empty")
    return RawTable(rows=rows, sha256=digest, sheet=sheet)


def _filled(cell: Any) -> bool:
    if cell.__class__ is not str:
        cell = "" if cell is None else str(cell)
    return cell != "" and not cell.isspace()


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")  # Excel's "Unicode text" export
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileRefused("encoding")


def _read_text(data: bytes) -> list[tuple[int, list[Any]]]:
    text = _decode(data)
    sample = text[:20000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;|")
    except csv.Error:
        dialect = csv.excel_tab if sample.count("\t") > sample.count(",") else csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows = []
    start = 1
    try:
        # reader.line_num is the physical line a row ends on, so quoted cells with line breaks
        # keep numbering true to what a text editor shows; a row is named by its first line.
        for cells in reader:
            rows.append((start, csv_cells(cells)))
            start = reader.line_num + 1
        return rows
    except csv.Error as error:
        raise FileRefused("file_unreadable", {"detail": str(error)}) from None


def _looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")) or b"<table" in head


class _HtmlTable(HTMLParser):
    """The rows of the first <table> of a page, cells as text; colspan filled with blanks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._depth = 0  # nested tables are read as text of their cell
        self._done = False
        self._cell: list[str] | None = None
        self._span = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._done:
            return
        if tag == "table":
            self._depth += 1
        elif self._depth == 1 and tag == "tr":
            self.rows.append([])
        elif self._depth == 1 and tag in ("td", "th") and self.rows:
            self._cell = []
            span = dict(attrs).get("colspan") or "1"
            self._span = int(span) if span.isdigit() else 1
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._done:
            return
        if tag == "table":
            self._depth -= 1
            self._done = self._depth == 0
        elif self._depth == 1 and tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self.rows[-1].extend([""] * (self._span - 1))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _read_html(data: bytes) -> list[tuple[int, list[Any]]]:
    declared = re.search(rb"charset\s*=\s*[\"']?([\w-]+)", data[:4096], re.IGNORECASE)
    text = None
    if declared:
        try:
            text = data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            text = None
    parser = _HtmlTable()
    parser.feed(text if text is not None else _decode(data))
    parser.close()
    return [(index + 1, row) for index, row in enumerate(parser.rows)]


def _read_spreadsheet(data: bytes) -> tuple[list[tuple[int, list[Any]]], str | None]:
    from python_calamine import CalamineWorkbook  # imported here: only imports need it

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            # Keep leading empty rows and columns so that line numbers match what Excel shows.
            cells = sheet.to_python(skip_empty_area=False)
            rows = [(index + 1, list(row)) for index, row in enumerate(cells)]
            if any(any(_filled(c) for c in row) for _, row in rows):
                return rows, name
    except Exception as error:  # calamine raises its own error types for damaged files
        raise FileRefused(
            "file_unreadable", {"detail": str(error) or type(error).__name__}
        ) from None
    return [], None
