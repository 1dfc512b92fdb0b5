"""Reading an export file into rows of cells: CSV in any of the usual encodings, .xlsx, .xls, .ods.

Files come from other systems and from people, so nothing in them is trusted: a file larger than
an import reads, a workbook whose cells reach beyond the limits of app.importing.sheet_child, a
CSV whose unbalanced quote swallows the lines after it or an encoding cut short is refused with a
message; nothing is read in a way that could take the window with it. Workbooks are read by
python-calamine in a child process (app.importing.sheet_child), so that even a library that
aborts ends only that process; CSV and the HTML tables some systems save as ".xls" are read here,
in time linear in their size.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import logging
import os
import pickle
import queue
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.file_errors import file_error_text
from app.importing.problems import MESSAGES, FileRefused, render
from app.importing.sheet_child import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    Refusal,
    check_workbook,
)
from app.progress import Progress
from app.spreadsheets import csv_cells

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
SUPPORTED_SUFFIXES = SPREADSHEET_SUFFIXES | TEXT_SUFFIXES
# GB18030 is a superset of GBK and GB2312, which older government systems export.
_ENCODINGS = ("utf-8-sig", "gb18030")
_DELIMITERS = (",", "\t", ";", "|")
_SNIFF_CHARS = 65536
_SNIFF_LINES = 100
# A workbook that the child has not read in this long is given up (a hostile file can make a
# library loop); an export of a million rows takes well under a minute.
READ_TIMEOUT_SECONDS = 600.0
_CHILD = Path(__file__).with_name("sheet_child.py")
# The frozen app (scripts/build-package.sh) has no Python to run sheet_child.py with: its own
# program runs the child when given this one argument (main.py).
SHEET_CHILD_ARGUMENT = "--read-workbook-child"


def _child_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, SHEET_CHILD_ARGUMENT]
    return [sys.executable, "-I", str(_CHILD)]


_log = logging.getLogger(__name__)


@dataclass
class RawTable:
    """The cells of a file's first sheet with data, each row with its line number (1-based)."""

    rows: list[tuple[int, list[Any]]]
    sha256: str
    sheet: str | None = None


def read_table(path: Path, progress: Progress | None = None) -> RawTable:
    """The rows of the file at `path`; raises FileRefused. `progress` is called while a workbook
    is read in its own process, and may cancel (app.progress)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise FileRefused("unsupported_type", {"suffix": suffix or path.name})
    try:
        size = path.stat().st_size
        if size <= MAX_FILE_BYTES:
            with path.open("rb") as file:  # no more than the limit, whatever the size said
                data = file.read(MAX_FILE_BYTES + 1)
            size = len(data)
        if size > MAX_FILE_BYTES:
            raise FileRefused(
                "file_too_big", {"size": _megabytes(size), "limit": _megabytes(MAX_FILE_BYTES)}
            )
    except FileNotFoundError:
        raise FileRefused("file_missing", {"path": str(path)}) from None
    except OSError as error:
        raise FileRefused("file_unreadable", {"detail": file_error_text(error)}) from None
    digest = hashlib.sha256(data).hexdigest()
    # Empty rows are left out as they are read, so that a file of empty lines costs nothing.
    if suffix in TEXT_SUFFIXES:
        rows, sheet = _read_text(data), None
    elif _looks_like_html(data):
        # Many government systems "export to Excel" by saving an HTML table as .xls.
        rows, sheet = _read_html(data), None
    else:
        rows, sheet = _read_workbook(data, progress)
    if not rows:
        raise FileRefused("file_empty")
    return RawTable(rows=rows, sha256=digest, sheet=sheet)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"


class _CellCount:
    """The cells of the rows kept so far, refused beyond MAX_CELLS: a text file of a few
    megabytes of delimiters, or an HTML table of colspans, would otherwise fill the memory
    with empty cells."""

    def __init__(self) -> None:
        self.cells = 0

    def add(self, cells: int) -> None:
        self.cells += cells
        if self.cells > MAX_CELLS:
            raise FileRefused("too_many_cells", {"limit": f"{MAX_CELLS:,}"})


def _filled(cell: Any) -> bool:
    if cell.__class__ is not str:
        cell = "" if cell is None else str(cell)
    return cell != "" and not cell.isspace()


# Text


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(data, "utf-16")  # Excel's "Unicode text" export
    unmarked = _utf16_without_mark(data)
    if unmarked:
        return _decode_utf16(data, unmarked)
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileRefused("encoding")


def _decode_utf16(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise FileRefused("encoding_damaged", {"offset": error.start, "size": len(data)}) from None


def _utf16_without_mark(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 text saved without its byte-order mark: a zero byte
    beside nearly every character of the first lines (text in any 8-bit encoding has none)."""
    head = data[:4096]
    if len(head) < 4 or b"\0" not in head:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd > half * 0.3 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.3 and odd < half * 0.05:
        return "utf-16-be"
    return None


def _read_text(data: bytes) -> list[tuple[int, list[Any]]]:
    text = _decode(data)
    if "\ufeff" in text:
        # A byte-order mark inside the text: two exports joined into one file. It is no
        # character of any cell, and would otherwise end up inside a case number.
        text = text.replace("\ufeff", "")
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[Any]]] = []
    spanning = []  # rows written over more than one line
    start = 1
    cells_read = 0
    # Only a file with a ' can hold a cell csv_text quoted: the others are read as they are.
    unquote = csv_cells if "'" in text else None
    append = rows.append
    try:
        # reader.line_num is the physical line a row ends on, so quoted cells with line breaks
        # keep numbering true to what a text editor shows; a row is named by its first line.
        for cells in reader:
            # A row is kept when a cell holds something; the first one does, mostly.
            if (cells and cells[0] and not cells[0].isspace()) or any(map(_filled, cells)):
                end = reader.line_num
                if end != start:
                    spanning.append(len(rows))
                if len(cells) > MAX_COLUMNS:
                    cells = _within_columns(cells, start)
                # The cells of the rows kept so far, at most MAX_CELLS (_CellCount, in line).
                cells_read += len(cells)
                if cells_read > MAX_CELLS:
                    raise FileRefused("too_many_cells", {"limit": f"{MAX_CELLS:,}"})
                append((start, unquote(cells) if unquote else cells))
                if len(rows) > MAX_ROWS:
                    raise FileRefused("too_many_rows", {"limit": MAX_ROWS})
                start = end + 1
            else:
                start = reader.line_num + 1
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            limit = csv.field_size_limit()
            raise FileRefused("cell_too_long", {"line": start, "limit": limit}) from None
        raise FileRefused("csv_unreadable", {"line": start, "detail": str(error)}) from None
    if spanning:
        _check_spanning_rows(rows, spanning, delimiter)
    return rows


def _within_columns(cells: list[str], line: int) -> list[str]:
    """The row without the empty cells after the last column an import reads; refused when a
    cell beyond it holds something."""
    while len(cells) > MAX_COLUMNS and not cells[-1].strip():
        cells.pop()
    if len(cells) > MAX_COLUMNS:
        raise FileRefused(
            "too_many_columns", {"line": line, "columns": len(cells), "limit": MAX_COLUMNS}
        )
    return cells


def _check_spanning_rows(
    rows: list[tuple[int, list[Any]]], spanning: list[int], delimiter: str
) -> None:
    """Refuse the file when a quote left open swallowed lines: a cell with line breaks whose
    lines are records of their own (as many delimiters as a row has), or that pushes its row
    past the file's usual number of cells.

    A cell of several lines is common (an address, a comment); a cell holding whole lines of
    the file is a quote that was never closed, and its lines would be lost without a word.
    """
    width = Counter(len(cells) for _line, cells in rows).most_common(1)[0][0]  # rows not empty
    record = max(1, width - 1)
    for index in spanning:
        line, cells = rows[index]
        longer = len(cells) > width and any(_filled(c) for c in cells[width:])
        for cell in cells:
            lines = _LINE_BREAK.split(cell)
            if len(lines) > 1 and (longer or any(p.count(delimiter) >= record for p in lines[1:])):
                swallowed = sum(1 for p in lines[1:] if p.strip())
                raise FileRefused("unbalanced_quote", {"line": line, "lines": swallowed})
            line += len(lines) - 1


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _delimiter(text: str) -> str:
    """The delimiter of a CSV: of , tab ; |, the one found the same number of times on the most
    lines of the start of the file (csv.Sniffer takes seconds on some hostile samples)."""
    sample = text[:_SNIFF_CHARS]
    lines = sample.splitlines()
    if len(sample) < len(text) and len(lines) > 1:
        lines.pop()  # cut short by the sample
    lines = [_unquoted(line) for line in lines[:_SNIFF_LINES] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        counts = Counter(c for c in (line.count(delimiter) for line in lines) if c)
        if counts:
            times, agreeing = counts.most_common(1)[0]
            if (agreeing, times) > best_score:
                best, best_score = delimiter, (agreeing, times)
    return best


_QUOTED = re.compile(r'"[^"]*"')


def _unquoted(line: str) -> str:
    return _QUOTED.sub("", line) if '"' in line else line


# HTML tables saved as .xls


def _looks_like_html(data: bytes) -> bool:
    if data.startswith(_WORKBOOK_SIGNATURES):
        return False  # a zip (whose parts may be stored as they are: `<table:table …`) or BIFF
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<meta")) or bool(_TABLE_TAG.search(head))


_WORKBOOK_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
_TABLE_TAG = re.compile(rb"<table[\s>]")


def _read_html(data: bytes) -> list[tuple[int, list[Any]]]:
    declared = re.search(rb"charset\s*=\s*[\"']?([\w-]+)", data[:4096], re.IGNORECASE)
    text = None
    if declared:
        try:
            text = data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            text = None
    rows = html_table_rows(text if text is not None else _decode(data))
    return [(index + 1, row) for index, row in enumerate(rows) if any(map(_filled, row))]


_TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)")
_COLSPAN = re.compile(r"""colspan\s*=\s*["']?\s*([0-9]+)""", re.IGNORECASE)
_RAW_TEXT_END = {
    "script": re.compile(r"</script\s*>", re.IGNORECASE),
    "style": re.compile(r"</style\s*>", re.IGNORECASE),
}


def html_table_rows(text: str) -> list[list[str]]:
    """The rows of the first <table> of a page, cells as text; colspan filled with blanks.

    Read in one pass, each character looked at a bounded number of times: html.parser takes
    minutes on a few hundred kilobytes of unclosed comments or tags. A nested table is read as
    text of its cell; a cell or row left open is closed by the next.
    """
    rows: list[list[str]] = []
    cell: list[str] | None = None
    span = 1
    depth = 0
    position, end = 0, len(text)
    count = _CellCount()

    def close_cell() -> None:
        nonlocal cell
        if cell is None:
            return
        row = rows[-1]
        before = len(row)
        row.append(html.unescape("".join(cell)).strip())
        room = MAX_COLUMNS + 1 - len(row)  # one more than the limit, to tell it was passed
        row.extend([""] * max(0, min(span - 1, room)))
        if len(row) > MAX_COLUMNS and any(row[MAX_COLUMNS:]):
            raise FileRefused(
                "too_many_columns", {"line": len(rows), "columns": len(row), "limit": MAX_COLUMNS}
            )
        del row[MAX_COLUMNS:]
        count.add(len(row) - before)
        cell = None

    while position < end:
        opening = text.find("<", position)
        if opening < 0:
            opening = end
        if cell is not None and opening > position:
            cell.append(text[position:opening])
        if opening == end:
            break
        if text.startswith("<!--", opening):
            closing = text.find("-->", opening + 4)
            position = end if closing < 0 else closing + 3
            continue
        match = _TAG_NAME.match(text, opening)
        if not match and text[opening + 1 : opening + 2] not in ("!", "?"):
            if cell is not None:
                cell.append("<")  # a "<" that begins no tag is text
            position = opening + 1
            continue
        closing = _tag_end(text, opening)
        if closing < 0:
            if cell is not None:
                cell.append(text[opening:])
            break
        position = closing + 1
        if not match:  # "<!DOCTYPE …>", "<?xml …?>"
            continue
        ending, name = match.group(1) == "/", match.group(2).lower()
        if name in _RAW_TEXT_END and not ending:
            found = _RAW_TEXT_END[name].search(text, position)
            position = end if found is None else found.end()
        elif name == "table":
            if not ending:
                depth += 1
            elif depth == 1:
                close_cell()
                break
            elif depth > 1:
                depth -= 1
        elif depth != 1:
            if name == "br" and cell is not None:
                cell.append("\n")
        elif name == "tr" and not ending:
            close_cell()
            rows.append([])
            if len(rows) > MAX_ROWS:
                raise FileRefused("too_many_rows", {"limit": MAX_ROWS})
        elif name == "tr":
            close_cell()
        elif name in ("td", "th") and not ending and rows:
            close_cell()
            cell = []
            found = _COLSPAN.search(text, opening, closing)
            span = int(found.group(1)[:6]) if found else 1
        elif name in ("td", "th"):
            close_cell()
        elif name == "br" and cell is not None:
            cell.append("\n")
    close_cell()
    return rows


def _tag_end(text: str, opening: int) -> int:
    """Where the tag at `opening` ends (its '>'), a quoted attribute value allowed to hold '>';
    -1 when nothing ends it. Moves only forward: linear over the whole page."""
    closing = text.find(">", opening)
    start = opening
    while closing >= 0 and text.count('"', start, closing) % 2:
        quote = text.find('"', closing)  # the '>' was inside a value: past its closing quote
        if quote < 0:
            return closing
        start = quote + 1
        closing = text.find(">", start)
    return closing


# Workbooks, read in a child process


def _read_workbook(
    data: bytes, progress: Progress | None
) -> tuple[list[tuple[int, list[Any]]], str | None]:
    """The rows and sheet name that app.importing.sheet_child sends back; a refusal, a crash,
    a hang (READ_TIMEOUT_SECONDS) or a cancel ends the child and raises."""
    with tempfile.TemporaryFile() as errors:
        try:
            child = subprocess.Popen(
                _child_command(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
                env=_child_environment(),
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except OSError as error:
            raise FileRefused("file_unreadable", {"detail": file_error_text(error)}) from None
        frames: queue.Queue[tuple[Any, ...] | None] = queue.Queue()
        threads = [
            threading.Thread(target=_send, args=(child, data), daemon=True),
            threading.Thread(target=_receive, args=(child, frames), daemon=True),
        ]
        for thread in threads:
            thread.start()
        try:
            # While the child starts and its library parses, this process checks the workbook:
            # a hostile file is refused, and the child ended, before it can do much harm.
            try:
                check_workbook(data, (lambda: progress(0, 0)) if progress else None)
            except Refusal as refusal:
                raise FileRefused(refusal.code, refusal.params) from None
            rows, sheet, ended = _collect(frames, progress)
        finally:
            if child.poll() is None:
                child.kill()
            child.wait()
            for thread in threads:
                thread.join(timeout=10)  # the pipes end with the child
            for pipe in (child.stdin, child.stdout):
                if pipe is not None and not pipe.closed:
                    try:
                        pipe.close()
                    except OSError:
                        pass
        if not ended:
            errors.seek(0)
            said = errors.read(4000).decode("utf-8", "replace").strip()
            how = _how_it_ended(child.returncode)
            # The refusal says it to the person; the log keeps it, once, for whoever looks.
            _log.info("the workbook reader stopped (%s): %s", how, said)
            detail = said.splitlines()[0] if said else how
            raise FileRefused("workbook_reader_stopped", {"detail": detail[:200]})
    return rows, sheet


def _child_environment() -> dict[str, str]:
    """The environment of the child: this one, without a Rust backtrace (a library that
    aborts says why in one line, which the refusal shows)."""
    environment = dict(os.environ)
    environment["RUST_BACKTRACE"] = "0"
    return environment


def _how_it_ended(code: int | None) -> str:
    """'exit code 3', or the signal that ended the child ('SIGKILL': the system ran out of
    memory, or someone ended it)."""
    if code is not None and code < 0:
        try:
            return signal.Signals(-code).name
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


def _collect(
    frames: queue.Queue[tuple[Any, ...] | None], progress: Progress | None
) -> tuple[list[tuple[int, list[Any]]], str | None, bool]:
    rows: list[tuple[int, list[Any]]] = []
    sheet = None
    deadline = time.monotonic() + READ_TIMEOUT_SECONDS
    while True:
        if progress is not None:
            progress(len(rows), 0)  # may raise Cancelled: the child is ended by the caller
        try:
            frame = frames.get(timeout=0.25)
        except queue.Empty:
            if time.monotonic() > deadline:
                raise FileRefused(
                    "workbook_timeout", {"seconds": f"{READ_TIMEOUT_SECONDS:.0f}"}
                ) from None
            continue
        if frame is None:
            return rows, sheet, False
        kind = _frame_kind(frame)
        if kind == "rows":
            rows.extend(frame[1])
        elif kind == "sheet":
            sheet = frame[1]
        elif kind == "end":
            return rows, sheet, True
        elif kind == "refused":
            raise FileRefused(frame[1], frame[2])
        else:  # what the child sent is not what it sends
            detail = frame[1] if kind == "unreadable" else "it sent an unexpected frame"
            raise FileRefused("workbook_reader_stopped", {"detail": detail[:200]})


def _frame_kind(frame: Any) -> str:
    """What a frame of the child is, after checking it holds what such a frame holds: rows
    of a line number and a list of cells, a sheet's name, the end, or a refusal of
    app.importing.problems; "unexpected" otherwise."""
    if not isinstance(frame, tuple) or not frame or not isinstance(frame[0], str):
        return "unexpected"
    kind, size = frame[0], len(frame)
    if kind == "rows" and size == 2 and isinstance(frame[1], list):
        if all(
            row.__class__ is tuple
            and len(row) == 2
            and row[0].__class__ is int
            and row[1].__class__ is list
            for row in frame[1]
        ):
            return kind
    elif (kind == "sheet" and size == 2 and isinstance(frame[1], str)) or (
        kind == "end" and size == 1
    ):
        return kind
    elif kind == "refused" and size == 3 and frame[1] in MESSAGES and isinstance(frame[2], dict):
        try:
            render(frame[1], frame[2])  # its message can be shown
        except (KeyError, IndexError, ValueError, TypeError):
            return "unexpected"
        return kind
    elif kind == "unreadable" and size == 2 and isinstance(frame[1], str):
        return kind
    return "unexpected"


def _send(child: subprocess.Popen, data: bytes) -> None:
    try:
        assert child.stdin is not None
        child.stdin.write(data)
        child.stdin.close()
    except OSError:
        pass  # the child ended before reading it all: what it said, or its exit, tells why


def _receive(child: subprocess.Popen, frames: queue.Queue[tuple[Any, ...] | None]) -> None:
    assert child.stdout is not None
    try:
        while True:  # an unpickler for each frame, as each was pickled on its own
            frames.put(_FrameUnpickler(child.stdout).load())
    except EOFError:
        pass
    except Exception as error:  # whatever it is, the read ends as a refusal that says it
        _log.info("the workbook reader sent something unreadable: %r", error)
        frames.put(("unreadable", f"{type(error).__name__}: {error}"))
    frames.put(None)


class _FrameUnpickler(pickle.Unpickler):
    """Frames of the child: tuples, lists and dicts of text, numbers and the cell values of
    the datetime module, nothing else. The child reads a hostile file; if a library there were
    ever made to write its own pickle, it still could not name a function to run here."""

    _ALLOWED = frozenset({"date", "datetime", "time", "timedelta", "timezone"})

    def find_class(self, module: str, name: str) -> Any:
        if module == "datetime" and name in self._ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not a cell value: {module}.{name}")
