"""Reading a workbook (.xlsx, .xlsm, .xlsb, .xls, .ods) in a process of its own, and the checks
of what a workbook declares and holds.

A spreadsheet library can end the whole process on a hostile file: python-calamine allocates the
rectangle a sheet's cells span, so one cell at XFD50000 of a 5 KB file asks for 26 GB and aborts.
app.importing.reader therefore runs this module as a child process (`python -I sheet_child.py`):
the workbook's bytes come in on stdin, and the sheet's name, its rows and the end — or a refusal —
go back on stdout as pickled frames. An abort, a crash or a hang ends the child, never the window;
on POSIX the child's address space is capped, so that a huge request fails at once.

While the child reads, the parent checks the workbook against the limits below (check_workbook):
the zip parts' unpacked sizes, the number of sheets, the shared strings, each .xlsx sheet's
<dimension>, its farthest cell with a value and its number of cells, each .ods sheet's repeated
rows and cells. It ends the child when they refuse the file: the checks read the XML with a few
byte searches, faster than the library parses it, and a full XML pass decides only when they
find something unusual (a cell beyond the limits, cells without a reference, rows out of order,
a long repeat before a value), exactly as the library will count. The child itself checks the
number of sheets, and each sheet's extent once the library has read it, before any row is built.
What it sends back is unpickled as cell values only (app.importing.reader).

Standard library and python-calamine only: the child starts quickly, and nothing of the
application is within reach of the file.
"""

from __future__ import annotations

import bisect
import functools
import io
import os
import pickle
import re
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import Any
from xml.etree import ElementTree
from xml.parsers import expat

# The most an import reads: Excel's own number of rows, old Excel's number of columns (exports
# have 10 to 60), and a rectangle (rows × columns up to the farthest cell) of at most 20 million
# cells: Excel's 1 048 576 rows of an export of 19 columns, or 78 000 rows of 256.
MAX_ROWS = 1_048_576
MAX_COLUMNS = 256
MAX_CELLS = 20_000_000
MAX_FILE_BYTES = 512 * 1024 * 1024  # any import file, on disk
MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024  # a workbook's zip parts, unpacked, together
MAX_PARTS = 10_000  # parts in a workbook's zip
MAX_SHEETS = 1_000  # sheets of a workbook (an export has one to three)
_SMALL_PART_BYTES = 64 * 1024 * 1024  # workbook.xml and its relations, read whole
_CHUNK = 4 * 1024 * 1024
_ROWS_PER_FRAME = 2_000
_REPEAT_SLACK = 10_000  # cells an .ods may repeat beyond four per byte of its content
# On POSIX the child may take at most this much address space: a request beyond it fails at
# once (an abort of the child) instead of swapping the machine.
_MEMORY_LIMIT = 8 * 1024 * 1024 * 1024

_CELL_REF = re.compile(rb"([A-Za-z]*)([0-9]*)")
_DIMENSION = re.compile(rb"<(?:[\w.-]+:)?dimension\s+ref\s*=\s*[\"']([^\"']*)[\"']")
# A cell not written as every writer writes it, `<c r="B7" …>`: without a reference (its position
# is counted from the cell before), or with it spelled otherwise. Only the full pass can tell
# where such a cell lies.
_UNUSUAL_CELL = re.compile(rb'<c(?=[\s>/])(?! r=")')
_PREFIXED_CELL = re.compile(rb":c[\s>/]")
_WIDE_CELL = re.compile(rb'<c r="[A-Za-z]{2}')
_WIDE_COLUMNS = re.compile(rb'<c r="([A-Za-z]{2,})[0-9]')
_LAST_CELL = re.compile(rb'<c r="([A-Za-z]+)([0-9]+)"[^>]*?(/?)>')


class Refusal(Exception):
    """The file is refused: `code` and `params` are those of app.importing.problems."""

    def __init__(self, code: str, params: dict[str, Any] | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.params = params or {}


def column_name(number: int) -> str:
    """1 -> A, 27 -> AA."""
    name = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        name = chr(65 + rest) + name
    return name


def check_extent(rows: int, columns: int, sheet: str, declared: str | None = None) -> None:
    """Refuse a sheet whose area (from A1 to its farthest cell) is more than an import reads."""
    if rows <= MAX_ROWS and columns <= MAX_COLUMNS and rows * columns <= MAX_CELLS:
        return
    params = {
        "sheet": sheet,
        "rows": rows,
        "columns": columns,
        "cell": f"{column_name(columns)}{rows}",
        "max_rows": MAX_ROWS,
        "max_columns": MAX_COLUMNS,
        "max_cells": MAX_CELLS,
    }
    if declared is not None:
        raise Refusal("sheet_declared_too_large", {**params, "ref": declared})
    raise Refusal("sheet_too_large", params)


def _ref_position(ref: bytes) -> tuple[int, int] | None:
    """(row, column), 1-based, of a reference such as XFD50000; None when it is not one."""
    match = _CELL_REF.fullmatch(ref.strip())
    if not match or not match.group(2) or len(match.group(2)) > 10:
        return None
    letters = match.group(1).upper()
    if len(letters) > 7:  # beyond any limit, and beyond what a number here should hold
        return (int(match.group(2)), 26**7)
    column = 0
    for letter in letters:
        column = column * 26 + letter - 64
    return int(match.group(2)), column


def check_sheet_count(sheets: int) -> None:
    """Refuse a workbook of more sheets than an import looks through for its data."""
    if sheets > MAX_SHEETS:
        raise Refusal("workbook_too_many_sheets", {"sheets": sheets, "limit": MAX_SHEETS})


# The zip container


def check_zip(archive: zipfile.ZipFile) -> None:
    """Refuse a workbook whose parts unpack to more than an import reads (a zip bomb)."""
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        raise Refusal("workbook_too_many_parts", {"parts": len(parts), "limit": MAX_PARTS})
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        raise Refusal(
            "workbook_unpacks_too_large",
            {"size": _megabytes(unpacked), "limit": _megabytes(MAX_UNPACKED_BYTES)},
        )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"


def _part(archive: zipfile.ZipFile, name: str) -> zipfile.ZipInfo | None:
    """A part by name, as the library finds it: case does not matter, nor a leading slash."""
    return _parts_by_name(archive).get(_part_key(name))


def _parts_by_name(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Every part by the key `_part` finds it by, the first of a name winning: one pass over
    the directory, so that a workbook naming thousands of sheets costs no more than their number.
    """
    index: dict[str, zipfile.ZipInfo] = {}
    for info in archive.infolist():
        index.setdefault(_part_key(info.filename), info)
    return index


def _part_key(name: str) -> str:
    return name.lstrip("/").lower()


def _chunks(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, keep_going: Callable[[], None] | None = None
) -> Iterator[bytes]:
    """A part's bytes in pieces, each ending before a '<', so that no tag is cut in two.

    zipfile stops at the size the part declares and checks its CRC at the end.
    """
    carry = b""
    with archive.open(info) as part:
        while True:
            if keep_going is not None:
                keep_going()
            block = part.read(_CHUNK)
            data = carry + block
            if not block:
                if data:
                    yield data
                return
            cut = data.rfind(b"<")
            if cut <= 0:
                cut = len(data)
            yield data[:cut]
            carry = data[cut:]


# .xlsx


def xlsx_sheet_parts(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Each sheet's name and its XML part, from workbook.xml and its relations."""
    workbook = _part(archive, "xl/workbook.xml")
    relations = _part(archive, "xl/_rels/workbook.xml.rels")
    if workbook is None or relations is None:
        return {}
    largest = max(workbook.file_size, relations.file_size)
    if largest > _SMALL_PART_BYTES:
        raise Refusal(
            "workbook_unpacks_too_large",
            {"size": _megabytes(largest), "limit": _megabytes(_SMALL_PART_BYTES)},
        )
    index = _parts_by_name(archive)
    targets = {}
    for element in ElementTree.fromstring(archive.read(relations)).iter():
        if element.tag.endswith("Relationship"):
            target = element.get("Target", "")
            if not target.startswith("/"):
                target = "xl/" + target
            targets[element.get("Id")] = target
    sheets = [
        element
        for element in ElementTree.fromstring(archive.read(workbook)).iter()
        if element.tag.endswith("}sheet") or element.tag == "sheet"
    ]
    check_sheet_count(len(sheets))
    parts = {}
    for element in sheets:
        relation = next((v for k, v in element.attrib.items() if k.endswith("}id")), None)
        info = index.get(_part_key(targets.get(relation, "")))
        if info is not None:
            parts[element.get("name", "")] = info
    return parts


def check_xlsx_sheet(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    sheet: str,
    keep_going: Callable[[], None] | None = None,
) -> None:
    """Refuse an .xlsx sheet whose farthest cell, declared or written, is beyond the limits.

    python-calamine makes a rectangle from the first to the last row and column its cells with
    a value reach (and the rows above are padded). Writers put rows in order, so the row of the
    last cell with a value in each piece of the XML is the farthest so far; a search for any
    cell with a value beyond it tells a file that is not in order, which the full pass reads.
    """
    rows = 0  # the farthest row of a cell with a value
    columns = 26  # no cell in a column of two letters: at most Z
    cells = 0
    unusual = False
    for index, chunk in enumerate(_chunks(archive, info, keep_going)):
        if index == 0:
            declared = _DIMENSION.search(chunk, 0, 65536)
            if declared:
                corners = [_ref_position(c) for c in declared.group(1).split(b":")]
                if corners and all(corners):
                    height, width = max(c[0] for c in corners), max(c[1] for c in corners)
                    check_extent(height, width, sheet, declared.group(1).decode("ascii", "replace"))
        cells += chunk.count(b"<c")
        if not unusual and (_UNUSUAL_CELL.search(chunk) or _PREFIXED_CELL.search(chunk)):
            unusual = True  # positions counted, or a prefixed name: the full pass decides
        if _WIDE_CELL.search(chunk):
            for letters in set(_WIDE_COLUMNS.findall(chunk)):
                columns = max(columns, _ref_position(letters + b"1")[1])
        last = _last_valued_row(chunk)
        if last is not None:
            if not unusual and _beyond(last).search(chunk):
                unusual = True  # a cell with a value below the piece's last one: out of order
            rows = max(rows, last)
    if cells > MAX_CELLS:
        raise Refusal("sheet_too_many_cells", {"sheet": sheet, "cells": cells, "limit": MAX_CELLS})
    fits = rows <= MAX_ROWS and columns <= MAX_COLUMNS and rows * columns <= MAX_CELLS
    if unusual or not fits:
        _check_xlsx_sheet_exactly(archive, info, sheet, keep_going)


def _last_valued_row(chunk: bytes) -> int | None:
    """The row of the last cell in `chunk` that may hold a value, looking from the end: one or
    two cells in a real file."""
    end = chunk.rfind(b'<c r="')
    while end >= 0:
        row = _row_if_valued(chunk, end)
        if row is not None:
            return row
        end = chunk.rfind(b'<c r="', 0, end)
    return None


@functools.lru_cache(maxsize=64)
def _beyond(row: int) -> re.Pattern[bytes]:
    """A cell that may hold a value, in a row after `row`: its number has more digits, or as
    many and is greater (`digits[:i]` then a greater digit at i)."""
    digits = str(row)
    greater = [f"[0-9]{{{len(digits) + 1},}}"]
    for i, digit in enumerate(digits):
        if digit != "9":
            rest = len(digits) - i - 1
            greater.append(f"{digits[:i]}[{int(digit) + 1}-9][0-9]{{{rest}}}")
    number = "|".join(greater)
    return re.compile(f'<c r="[A-Za-z]+(?:{number})"[^>]*(?<!/)>(?!</c>)'.encode())


def _row_if_valued(chunk: bytes, start: int) -> int | None:
    """The row of the cell at `start` unless it is plainly empty (`<c …/>`, `<c …></c>`): a
    cell that may hold a value counts, so that the bound is never below the library's."""
    match = _LAST_CELL.match(chunk, start)
    if not match or match.group(3):
        return None
    close = chunk.find(b"</c>", match.end(), match.end() + 65536)
    if close >= 0 and not chunk[match.end() : close].strip():
        return None
    return int(match.group(2)) if len(match.group(2)) <= 10 else MAX_ROWS + 1


def _check_xlsx_sheet_exactly(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    sheet: str,
    keep_going: Callable[[], None] | None = None,
) -> None:
    """The full pass: every cell's position as python-calamine counts it (its reference, or the
    column after the cell before), and the farthest row and column of the cells with a value."""
    state = {"row": 0, "column": 0, "position": (0, 0), "valued": False, "value": False}
    found = {"rows": 0, "columns": 0, "cells": 0}

    def local(name: str) -> str:
        return name.rpartition(":")[2]

    def start(name: str, attributes: dict[str, str]) -> None:
        tag = local(name)
        if tag == "row":
            reference = attributes.get("r")
            if reference and reference.isdigit():
                state["row"] = int(reference) - 1
        elif tag == "c":
            reference = attributes.get("r")
            position = _ref_position(reference.encode()) if reference else None
            if position:
                state["position"] = (position[0] - 1, position[1] - 1)
                state["column"] = position[1] - 1
            else:
                state["position"] = (state["row"], state["column"])
            state["valued"] = False
        elif tag == "is":
            state["valued"] = True
        elif tag == "v":
            state["value"] = True

    def end(name: str) -> None:
        tag = local(name)
        if tag == "row":
            state["row"] += 1
            state["column"] = 0
        elif tag == "c":
            state["column"] += 1
            if state["valued"]:
                row, column = state["position"]
                found["rows"] = max(found["rows"], row + 1)
                found["columns"] = max(found["columns"], column + 1)
                found["cells"] += 1
        elif tag == "v":
            state["value"] = False

    def text(data: str) -> None:
        if state["value"] and data:
            state["valued"] = True

    _parse(archive, info, keep_going, sheet, start, end, text)
    if found["cells"] > MAX_CELLS:
        raise Refusal(
            "sheet_too_many_cells", {"sheet": sheet, "cells": found["cells"], "limit": MAX_CELLS}
        )
    check_extent(found["rows"], found["columns"], sheet)


# .ods


def check_ods(archive: zipfile.ZipFile, keep_going: Callable[[], None] | None = None) -> None:
    """Refuse an .ods whose sheets reach, with their repeated rows and cells, beyond the limits.

    A row or cell may say it repeats a million times; empty ones at the end of a sheet or row
    are what every spreadsheet writes, and cost nothing. What counts are the cells with a value.
    """
    info = _part(archive, "content.xml")
    if info is None:
        return
    if info.file_size <= _ODS_QUICK_BYTES:
        content = b"".join(_chunks(archive, info, keep_going))
        if _ods_within_limits(content, info.file_size):
            return
        del content
    _check_ods_exactly(archive, info, keep_going)


# The quick look at an .ods: its content as bytes, a few searches (in C), and a step of Python
# for each row and each repeated element. It reads what python-calamine reads — elements and
# attributes named `table:…`, as every writer names them — and says only "within the limits",
# or, for anything it cannot tell so quickly, leaves the file to the exact pass.
_ODS_QUICK_BYTES = 128 * 1024 * 1024  # beyond it, the exact pass reads it in pieces
_ODS_SMALL_REPEAT = 64  # a repeat of more is believed only of empty cells at the end
_ODS_REPEAT = re.compile(rb'table:number-(rows|columns)-repeated="([0-9]{1,12})"')
_ODS_VALUE = re.compile(rb"value|<(?:[A-Za-z_][\w.-]*:)?p[\s>/]")
_ODS_ROW_END = b"</table:table-row>"
_ODS_ELEMENT = re.compile(rb"<table:(table-column|table-row|table-cell|covered-table-cell)[\s>/]")
_ODS_TABLE = re.compile(rb"</?table:table[\s>]")


def _ods_within_limits(content: bytes, size: int) -> bool:
    """True when the sheets of `content` surely stay within every limit check_ods applies:
    what all their rows and cells would make, their repeats counted but for the long runs of
    empty rows at the end of a table and empty cells at the end of a row (which nothing with a
    value follows), is within them. False when it cannot tell so quickly."""
    if b"<!" in content:  # comments, CDATA or a DOCTYPE: the exact pass reads them as XML does
        return False
    if content.count(_ODS_ROW_END) != content.count(b"<table:table-row"):
        return False  # rows closed otherwise, rows of one tag, row groups
    table_ends: list[int] | None = None  # found when first needed
    quiet_from: dict[int, int] = {}  # a table's end: where nothing with a value follows
    total_rows = columns = total_cells = 0
    begin = 0  # each row is read from the end of the one before to its own end
    while begin <= len(content):
        finish = content.find(_ODS_ROW_END, begin)
        if finish < 0:
            finish = len(content)
        rows_here = content.count(b"<table:table-row", begin, finish)
        if rows_here != 1:
            if rows_here > 1:
                return False  # a row inside a row
            begin = finish + len(_ODS_ROW_END)  # what follows the last row
            continue
        width = content.count(b"<table:table-cell", begin, finish)
        width += content.count(b"<table:covered-table-cell", begin, finish)
        repeat = 1
        trailing_row = False
        repeats = []
        if content.find(b"-repeated", begin, finish) >= 0:
            repeats = list(_ODS_REPEAT.finditer(content, begin, finish))
            if len(repeats) != content.count(b"-repeated", begin, finish):
                return False  # a repeat written otherwise
        for found in repeats:
            at = found.start()
            start = content.rfind(b"<", 0, at)
            element = _ODS_ELEMENT.match(content, start)
            kind = element.group(1) if element else None
            times = int(found.group(2))
            if kind == b"table-column" or (kind == b"table-row") != (found.group(1) == b"rows"):
                continue  # the width of columns, or a repeat the element does not have
            if kind not in (b"table-row", b"table-cell", b"covered-table-cell"):
                return False
            if times <= _ODS_SMALL_REPEAT:
                if kind == b"table-row":
                    repeat = times
                else:
                    width += times - 1
            elif kind == b"table-row":
                # An empty row that nothing with a value follows in its table.
                if table_ends is None:
                    tables = [(m.start(), m.group()[1:2]) for m in _ODS_TABLE.finditer(content)]
                    if [kind for _at, kind in tables] != [b"t", b"/"] * (len(tables) // 2):
                        return False  # tables inside tables
                    table_ends = [position for position, kind in tables if kind == b"/"]
                index = bisect.bisect_right(table_ends, at)
                end = table_ends[index] if index < len(table_ends) else len(content)
                if quiet_from.get(end, len(content)) > at:
                    if _ODS_VALUE.search(content, at, end):
                        return False
                    quiet_from[end] = at
                trailing_row = True
            else:
                # An empty cell that nothing with a value follows in its row.
                close = content.find(b">", at)
                tag = content[start : close + 1]
                if (
                    close < 0
                    or not tag.endswith(b"/>")
                    or tag.count(b'"') % 2
                    or _ODS_VALUE.search(tag)
                    or _ODS_VALUE.search(content, close, finish)
                ):
                    return False
                width -= 1  # nothing of it counts
        begin = finish + len(_ODS_ROW_END)
        if trailing_row:
            continue
        total_rows += repeat
        columns = max(columns, width)
        total_cells += width * repeat
    return (
        total_rows <= MAX_ROWS
        and columns <= MAX_COLUMNS
        and total_rows * columns <= MAX_CELLS
        and total_cells <= min(MAX_CELLS, _REPEAT_SLACK + 4 * size)
    )


def _check_ods_exactly(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, keep_going: Callable[[], None] | None
) -> None:
    """The exact pass: each table's rows and cells with a value, their repeats counted."""
    table: dict[str, Any] = {}
    row: dict[str, Any] = {}
    cell: dict[str, Any] = {}

    def start(name: str, attributes: dict[str, str]) -> None:
        tag = name.rpartition(":")[2]
        if tag not in ("table", "table-row", "table-cell", "covered-table-cell", "p"):
            return
        attributes = {key.rpartition(":")[2]: value for key, value in attributes.items()}
        if tag == "table":
            table.clear()
            table.update(name=attributes.get("name", ""), rows=0, last=0, columns=0, cells=0)
        elif tag == "table-row" and table:
            row.clear()
            row.update(repeat=_repeat(attributes.get("number-rows-repeated")), column=0)
            row.update(last=0, cells=0)
        elif tag in ("table-cell", "covered-table-cell") and row:
            cell.clear()
            cell["repeat"] = _repeat(attributes.get("number-columns-repeated"))
            cell["valued"] = "value-type" in attributes
        elif tag == "p" and cell:
            cell["valued"] = True

    def end(name: str) -> None:
        tag = name.rpartition(":")[2]
        if tag in ("table-cell", "covered-table-cell") and cell:
            if cell["valued"]:
                row["last"] = row["column"] + cell["repeat"]
                row["cells"] += cell["repeat"]
            row["column"] += cell["repeat"]
            cell.clear()
        elif tag == "table-row" and row and table:
            if row["cells"]:
                table["last"] = table["rows"] + row["repeat"]
                table["columns"] = max(table["columns"], row["last"])
                table["cells"] += row["cells"] * row["repeat"]
            table["rows"] += row["repeat"]
            row.clear()
        elif tag == "table" and table:
            if table["cells"] > MAX_CELLS:
                raise Refusal(
                    "sheet_too_many_cells",
                    {"sheet": table["name"], "cells": table["cells"], "limit": MAX_CELLS},
                )
            if table["cells"] > _REPEAT_SLACK + 4 * info.file_size:
                # An export's rows differ (a case number each); a few bytes that repeat one row
                # a million times are a bomb, however much the limits would allow.
                raise Refusal(
                    "sheet_repeats_too_much",
                    {"sheet": table["name"], "cells": table["cells"], "size": _kilobytes(info)},
                )
            check_extent(table["last"], table["columns"], table["name"])
            table.clear()

    _parse(archive, info, keep_going, "content.xml", start, end)


def _parse(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    keep_going: Callable[[], None] | None,
    sheet: str,
    start: Callable[..., None],
    end: Callable[[str], None],
    text: Callable[[str], None] | None = None,
) -> None:
    """Stream a part's XML through expat's handlers; damaged XML refuses the sheet."""
    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    if text is not None:
        parser.CharacterDataHandler = text
    try:
        for chunk in _chunks(archive, info, keep_going):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise Refusal(
            "sheet_xml_damaged", {"sheet": sheet, "detail": expat.ErrorString(error.code)}
        ) from None


def _kilobytes(info: zipfile.ZipInfo) -> str:
    return f"{max(1, info.file_size // 1024):,} KB"


def _repeat(value: str | None) -> int:
    if value and value.isdigit():
        return min(int(value), 10**12)
    return 1


# Reading


def check_workbook(data: bytes, keep_going: Callable[[], None] | None = None) -> None:
    """Refuse a workbook that declares or holds more than an import reads: its zip parts'
    unpacked sizes, then the shared strings and every sheet of an .xlsx (their <dimension>, the
    farthest cell with a value, the number of cells), or the sheets of an .ods with their
    repeated rows and cells. .xls and .xlsb are bounded by the child's checks alone.

    `keep_going` is called between pieces of the parts (it may raise to stop).
    """
    try:
        _check_workbook(data, keep_going)
    except (
        zipfile.BadZipFile,  # a part's CRC, or its size, is not what the directory says
        zlib.error,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,  # a compression method zipfile does not know
        RuntimeError,  # an encrypted part
        ElementTree.ParseError,
    ) as error:
        detail = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise Refusal("file_unreadable", {"detail": detail[:300]}) from None


def _check_workbook(data: bytes, keep_going: Callable[[], None] | None) -> None:
    if not data.startswith(b"PK"):
        return  # .xls (or anything else): the library says what it is
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # the library's own message says what is wrong
    check_zip(archive)
    if _part(archive, "content.xml") is not None:
        check_ods(archive, keep_going)
        return
    if _part(archive, "xl/workbook.xml") is None:
        return  # .xlsb, or not a workbook
    strings = _part(archive, "xl/sharedStrings.xml")
    if strings is not None:
        count = 0
        for chunk in _chunks(archive, strings, keep_going):
            count += chunk.count(b"<si") + chunk.count(b":si")
        if count > MAX_CELLS:
            raise Refusal(
                "sheet_too_many_cells",
                {"sheet": "sharedStrings", "cells": count, "limit": MAX_CELLS},
            )
    # Each part once, by the first name given to it: a workbook.xml may name one part a
    # million times. A sheet the relations do not name is checked too.
    # (Parts are told apart as entries of the directory: a zip may hold two of one name.)
    sheets: dict[zipfile.ZipInfo, str] = {}
    for name, info in xlsx_sheet_parts(archive).items():
        sheets.setdefault(info, name)
    for info in archive.infolist():
        if _part_key(info.filename).startswith("xl/worksheets/"):
            sheets.setdefault(info, info.filename)
    for info, name in sheets.items():
        check_xlsx_sheet(archive, info, name, keep_going)


def read_frames(data: bytes) -> Iterator[tuple[Any, ...]]:
    """("sheet", name), then ("rows", [(line, cells), …]) of its rows that are not empty, then
    ("end",): the first sheet holding data. Raises Refusal.

    The checks of check_workbook run meanwhile in the parent, which ends this process when they
    refuse the file; here the extent of each sheet the library has read is checked before any
    of its rows is built.
    """
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    check_sheet_count(len(workbook.sheet_names))
    for name in workbook.sheet_names:
        sheet = workbook.get_sheet_by_name(name)
        if sheet.end is None:
            continue
        last_row, last_column = sheet.end
        first_column = sheet.start[1] if sheet.start else 0
        check_extent(last_row + 1, last_column + 1, name)
        # iter_rows starts at row 1 (A1's row) and at the sheet's first column: the padding on
        # the left keeps the columns where Excel shows them; the numbering, its lines.
        pad = [""] * first_column
        frame: list[tuple[int, list[Any]]] = []
        started = False
        for index, cells in enumerate(sheet.iter_rows()):
            if not any(map(_filled, cells)):
                continue
            if not started:
                started = True
                yield ("sheet", name)
            frame.append((index + 1, pad + cells if first_column else cells))
            if len(frame) == _ROWS_PER_FRAME:
                yield ("rows", frame)
                frame = []
        if started:
            if frame:
                yield ("rows", frame)
            yield ("end",)
            return
    yield ("end",)


def _filled(cell: Any) -> bool:
    if cell.__class__ is not str:
        cell = "" if cell is None else str(cell)
    return cell != "" and not cell.isspace()


def _limit_memory() -> None:
    try:
        import resource
    except ImportError:  # Windows: the checks above, and a crash that ends only this process
        return
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        limit = min(_MEMORY_LIMIT, max(2 * 1024 * 1024 * 1024, pages // 2))
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        if soft == resource.RLIM_INFINITY or soft > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass


def main() -> None:
    _limit_memory()
    data = sys.stdin.buffer.read()
    out = sys.stdout.buffer

    def send(frame: tuple[Any, ...]) -> None:
        pickle.dump(frame, out, protocol=pickle.HIGHEST_PROTOCOL)

    try:
        for frame in read_frames(data):
            send(frame)
    except Refusal as refusal:
        send(("refused", refusal.code, refusal.params))
    except MemoryError:
        send(("refused", "workbook_too_large_for_memory", {}))
    except BaseException as error:  # the library's errors, and a Rust panic (a BaseException)
        if isinstance(error, (SystemExit, KeyboardInterrupt)):
            raise
        detail = str(error).splitlines()[0] if str(error) else type(error).__name__
        send(("refused", "file_unreadable", {"detail": detail[:300]}))
    out.flush()


if __name__ == "__main__":
    main()
