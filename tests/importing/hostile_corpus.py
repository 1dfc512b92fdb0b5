"""Hostile import files, built from code: each is what a damaged, careless or malicious export
looks like (issue 19). Small ones are kept in tests/data/hostile/ (written by this module:
`.venv/bin/python -m tests.importing.hostile_corpus`); big ones are built by the tests.

Every builder returns the file's bytes, the same on every run: zip parts carry a fixed date,
and those of the kept files are stored rather than deflated (zlib builds deflate differently).
"""

from __future__ import annotations

import io
import random
import struct
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from .helpers import (
    CASE_HEADER,
    EVALUATION_HEADER,
    LEDGER_HEADER,
    case_row,
    evaluation_row,
    ledger_row,
)

CORPUS = Path(__file__).parents[1] / "data" / "hostile"
# The cases the evaluation and ledger files of the corpus name: tests import them first.
KNOWN_CASES = [f"JN{i:03}" for i in range(1, 6)]


def known_cases_csv() -> bytes:
    return csv_bytes([CASE_HEADER, *(case_row(no) for no in KNOWN_CASES)])


def csv_bytes(rows: Sequence[Sequence[Any]], encoding: str = "utf-8-sig") -> bytes:
    """Rows joined as a careless exporter joins them: commas, no quoting unless asked."""
    return "".join(",".join(str(c) for c in row) + "\r\n" for row in rows).encode(encoding)


# Minimal .xlsx files, written part by part


def xlsx(
    sheet_xml: str | bytes,
    shared_strings: bytes | None = None,
    sheet_names: int = 1,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A workbook of one sheet part, named by `sheet_names` sheets of workbook.xml (the first
    办结件, the others 办结件2 …)."""
    sheet = sheet_xml.encode() if isinstance(sheet_xml, str) else sheet_xml
    sheets = '<sheet name="办结件" sheetId="1" r:id="rId1"/>' + "".join(
        f'<sheet name="办结件{n}" sheetId="{n}" r:id="rId1"/>' for n in range(2, sheet_names + 1)
    )
    parts = {
        "[Content_Types].xml": (
            b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            b'.org/package/2006/content-types"><Default Extension="rels" ContentType="applicati'
            b'on/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" Conten'
            b'tType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="appli'
            b'cation/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override'
            b' PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats'
            b'-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxm'
            b'lformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://sch'
            b'emas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
            b'"xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlform'
            'ats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/offic'
            f'eDocument/2006/relationships"><sheets>{sheets}</sheets></workbook>'
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxm'
            'lformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://sch'
            'emas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="work'
            'sheets/sheet1.xml"/>'
            + (
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument'
                '/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                if shared_strings is not None
                else ""
            )
            + "</Relationships>"
        ).encode(),
        "xl/worksheets/sheet1.xml": sheet,
    }
    if shared_strings is not None:
        parts["xl/sharedStrings.xml"] = shared_strings
    return zip_bytes(parts, compression)


def zip_bytes(parts: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, body in parts.items():
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = compression
            archive.writestr(info, body)
    return out.getvalue()


def worksheet(rows: str, dimension: str | None = None, root: str = "worksheet") -> str:
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><{root} xmlns'
        f'{":" + root.split(":")[0] if ":" in root else ""}="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main">{declared}<sheetData>{rows}</sheetData></{root}>'
    )


def column(number: int) -> str:
    name = ""
    while number:
        number, rest = divmod(number - 1, 26)
        name = chr(65 + rest) + name
    return name


def sheet_rows(rows: Sequence[Sequence[Any]], first_line: int = 1, refs: bool = True) -> str:
    """<row>s of inline strings, as openpyxl writes them; without references (`refs=False`) as
    some generators do, each cell then in the column after the one before (an empty `<c/>`
    keeps the count)."""
    out = []
    for index, cells in enumerate(rows):
        line = first_line + index
        written = []
        for position, value in enumerate(cells, start=1):
            if value in ("", None):
                if not refs:
                    written.append("<c/>")
                continue
            ref = f' r="{column(position)}{line}"' if refs else ""
            written.append(f'<c{ref} t="inlineStr"><is><t>{escape(str(value))}</t></is></c>')
        opening = f'<row r="{line}">' if refs else "<row>"
        out.append(opening + "".join(written) + "</row>")
    return "".join(out)


def case_sheet_rows() -> list[list[Any]]:
    return [CASE_HEADER, *(case_row(f"JNX{i:03}") for i in range(1, 4))]


# .ods


def ods(table_xml: str, empty_tables: int = 0, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """An .ods of one table 办结件 of `table_xml`, after `empty_tables` empty ones."""
    empty = "".join(
        f'<table:table table:name="空{n}"><table:table-row><table:table-cell/></table:table-row>'
        "</table:table>"
        for n in range(1, empty_tables + 1)
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis'
        ':names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument'
        ':xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:'
        f'version="1.2"><office:body><office:spreadsheet>{empty}<table:table table:name="办结件">'
        f"{table_xml}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    return zip_bytes(
        {
            "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": content.encode(),
            "META-INF/manifest.xml": (
                b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:'
                b'oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manife'
                b'st:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasi'
                b's.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.'
                b'xml" manifest:media-type="text/xml"/></manifest:manifest>'
            ),
        },
        compression,
    )


def ods_row(cells: Sequence[Any], repeat: int = 1) -> str:
    rows = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    written = "".join(
        '<table:table-cell office:value-type="string"><text:p>'
        f"{escape(str(value))}</text:p></table:table-cell>"
        for value in cells
    )
    return f"<table:table-row{rows}>{written}</table:table-row>"


# The corpus: zip parts stored, not deflated, so that the bytes kept are what the builders write
# whatever zlib the tests run with


def _kept_xlsx(*args: Any, **options: Any) -> bytes:
    return xlsx(*args, compression=zipfile.ZIP_STORED, **options)


def _kept_ods(*args: Any, **options: Any) -> bytes:
    return ods(*args, compression=zipfile.ZIP_STORED, **options)


def _unbalanced_quote() -> bytes:
    # The file: one quote never closed swallows the 35 lines after it.
    rows = [CASE_HEADER, *(case_row(f"JN{i:03}") for i in range(1, 5))]
    text = csv_bytes(rows).decode("utf-8-sig")
    broken = case_row("JN005", 申请人='"王五')
    text += ",".join(broken) + "\r\n"
    text += "".join(",".join(case_row(f"JN{i:03}")) + "\r\n" for i in range(6, 41))
    return text.encode("utf-8-sig")


def _quote_to_the_end() -> bytes:
    rows = [CASE_HEADER, case_row("JN001"), case_row("JN002", 座落='"历下区泉城路1号')]
    rows += [case_row(f"JN{i:03}") for i in range(3, 6)]
    return csv_bytes(rows)


def _utf16_odd_length() -> bytes:
    return csv_bytes([CASE_HEADER, case_row("JN001")], "utf-16")[:-1]


def _utf16_without_mark() -> bytes:
    text = "\r\n".join("\t".join(row) for row in [CASE_HEADER, case_row("JN001")]) + "\r\n"
    return text.encode("utf-16-le")


def _mark_in_the_middle() -> bytes:
    # Two exports joined by `copy /b a.csv+b.csv`: the second one's BOM lands before a case number.
    first = csv_bytes([CASE_HEADER, case_row("JN001")])
    second = csv_bytes([case_row("JN002"), case_row("JN003")])
    return first + second


def _nul_in_names() -> bytes:
    rows = [
        CASE_HEADER,
        case_row("JN001", 申请人="张\x00三"),
        case_row("JN002\x00", 申请人="李四"),
        case_row("JN003", 座落="历下区\x00\x00泉城路"),
        case_row("JN004"),
    ]
    return csv_bytes(rows)


def _control_characters() -> bytes:
    rows = [
        CASE_HEADER,
        case_row("JN001", 申请人="张三\x1b[31m"),
        case_row("JN002", 申请人="\u202e四李"),
        case_row("JN003", 受理单位="历下区不动产登记中心\x7f"),
        case_row("JN004", 经办人="李\x08四"),
        case_row("JN005", 联系电话="138\x0012345678"),
        case_row("JN006", 申请人="王\ue000五"),  # a private-use character: names have them
        case_row("JN007"),
        case_row("JN008", 经办人="李\u2028四"),  # a line separator: white space, folded
    ]
    return csv_bytes(rows)


def _huge_numbers() -> bytes:
    rows = [
        CASE_HEADER,
        case_row("JN001", 登记费="9" * 200),
        case_row("JN002", 契税="1e999999999"),
        case_row("JN003", 办理环节数="99999999999"),
        case_row("JN004", 办理天数="1" * 5000),
        case_row("JN005", 印花税="21474836.48"),
        case_row("JN006", 契税="21474836.47"),
        case_row("JN007"),
    ]
    return csv_bytes(rows)


def _bad_dates() -> bytes:
    rows = [
        CASE_HEADER,
        case_row("JN001", 办结日期="9999-99-99"),
        case_row("JN002", 办结日期="9999-12-31"),
        case_row("JN003", 办结日期="0001-01-01"),
        case_row("JN004", 受理日期="0001-01-01"),
        case_row("JN005", 受理日期="1900-01-01"),
        case_row("JN006", 办结日期="2026-02-30"),
        case_row("JN007", 办结日期="1989-12-31"),
        case_row("JN008", 办结日期="1" * 400),
        case_row("JN009", 办结日期="2026-07-05T23:00:00+09:00"),
        case_row("JN010", 办结日期="0001-01-01T00:00:00+09:00"),
        case_row("JN011"),
    ]
    return csv_bytes(rows)


def _evaluation_times() -> bytes:
    rows = [
        EVALUATION_HEADER,
        evaluation_row("JN001", "0001-01-01T00:00:00+09:00"),
        evaluation_row("JN002", "9999-12-31 23:59:59"),
        evaluation_row("JN003", "2026-07-06 24:61"),
        evaluation_row("JN004", 评价内容="很好\x00\x00"),
        evaluation_row("JN005", "2026-07-06 10:00:00"),
    ]
    return csv_bytes(rows)


def _ledger_lines() -> bytes:
    rows = [
        LEDGER_HEADER,
        ledger_row("JN001", at="9999-12-31"),
        ledger_row("JN002", 回访人="回访员\x001"),
        ledger_row("JN003", at="0001-01-01"),
        ledger_row("JN004", 序号="9" * 300),
        ledger_row("JN005"),
    ]
    return csv_bytes(rows)


def _too_wide() -> bytes:
    return csv_bytes([CASE_HEADER, case_row("JN001") + ["x"] * 300])


def _trailing_commas() -> bytes:
    return csv_bytes([CASE_HEADER, case_row("JN001") + [""] * 1000, case_row("JN002")])


def _sniffer_trap() -> bytes:
    return b'"\n' * 10000  # csv.Sniffer takes seconds on this


def _binary() -> bytes:
    return random.Random(19).randbytes(4096)


def _far_cell() -> bytes:
    rows = sheet_rows(case_sheet_rows())
    rows += '<row r="50000"><c r="XFD50000" t="inlineStr"><is><t>x</t></is></c></row>'
    return _kept_xlsx(worksheet(rows))


def _declared_everything() -> bytes:
    return _kept_xlsx(worksheet(sheet_rows(case_sheet_rows()), dimension="A1:XFD1048576"))


def _cells_without_references() -> bytes:
    return _kept_xlsx(worksheet(sheet_rows(case_sheet_rows(), refs=False)))


def _far_column_counted() -> bytes:
    # No reference: the 300th cell of a row is in column 300, as the library counts.
    rows = sheet_rows(case_sheet_rows())
    rows += '<row r="5">' + '<c t="inlineStr"><is><t>x</t></is></c>' * 300 + "</row>"
    return _kept_xlsx(worksheet(rows))


def _styled_empty_cell_far_right() -> bytes:
    # A legitimate file: formatting reaches XFD1, values do not.
    rows = sheet_rows(case_sheet_rows()).replace("</row>", '<c r="XFD1" s="1"/></row>', 1)
    return _kept_xlsx(worksheet(rows))


def _far_cell_in_the_middle() -> bytes:
    # Rows in order but one: the last cell is not the farthest (found by the fuzz test).
    rows = sheet_rows(case_sheet_rows())
    rows = rows.replace(
        '<c r="A3"', '<c r="AA2000000" t="inlineStr"><is><t>x</t></is></c><c r="A3"', 1
    )
    return _kept_xlsx(worksheet(rows))


def _rows_out_of_order() -> bytes:
    rows = sheet_rows(case_sheet_rows())
    rows = '<row r="60000"><c r="A60000" t="inlineStr"><is><t>x</t></is></c></row>' + rows
    return _kept_xlsx(worksheet(rows))


def _prefixed_cells() -> bytes:
    rows = sheet_rows(case_sheet_rows()).replace("<row", "<x:row").replace("</row", "</x:row")
    rows = rows.replace("<c ", "<x:c ").replace("</c>", "</x:c>")
    rows = rows.replace("<is>", "<x:is>").replace("</is>", "</x:is>")
    rows = rows.replace("<t>", "<x:t>").replace("</t>", "</x:t>")
    xml = worksheet(rows, root="x:worksheet").replace("<sheetData>", "<x:sheetData>")
    return _kept_xlsx(xml.replace("</sheetData>", "</x:sheetData>"))


def _prefixed_far_cell() -> bytes:
    rows = sheet_rows(case_sheet_rows())
    rows += '<row r="9"><x:c xmlns:x="urn:x" r="XFD9" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c></row>'
    return _kept_xlsx(worksheet(rows))


def _damaged_sheet_xml() -> bytes:
    return _kept_xlsx(worksheet(sheet_rows(case_sheet_rows())).replace("</sheetData>", "<row"))


def _declared_huge_part() -> bytes:
    """A zip whose directory says the sheet unpacks to 3 GB (the check believes the larger)."""
    data = bytearray(_kept_xlsx(worksheet(sheet_rows(case_sheet_rows()))))
    name = b"xl/worksheets/sheet1.xml"
    entry = data.rfind(b"PK\x01\x02", 0, data.rfind(name))
    data[entry + 24 : entry + 28] = struct.pack("<I", 3_000_000_000)
    return bytes(data)


def _thousands_of_sheets() -> bytes:
    # workbook.xml names one sheet part 1 001 times: the checks read the part once, and the
    # library would otherwise look through every name.
    return _kept_xlsx(worksheet(sheet_rows(case_sheet_rows())), sheet_names=1_001)


def _thousands_of_ods_tables() -> bytes:
    # 1 000 empty tables before the one with data: only the library can count them.
    return _kept_ods("".join(ods_row(r) for r in case_sheet_rows()), empty_tables=1_000)


def _truncated_workbook() -> bytes:
    whole = _kept_xlsx(worksheet(sheet_rows(case_sheet_rows())))
    return whole[: len(whole) // 2]


def _not_a_zip() -> bytes:
    return b"PK\x03\x04" + random.Random(5).randbytes(2000)


def _repeated_ods_rows() -> bytes:
    header = ods_row(CASE_HEADER)
    row = ods_row(case_row("JN001"), repeat=1_000_000)
    return _kept_ods(header + row)


def _far_ods_cell() -> bytes:
    header = ods_row(CASE_HEADER)
    empty = '<table:table-row table:number-rows-repeated="1000000"><table:table-cell/></table:table-row>'
    far = (
        '<table:table-row><table:table-cell table:number-columns-repeated="16000"/>'
        '<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p>'
        "</table:table-cell></table:table-row>"
    )
    return _kept_ods(header + empty + far)


def _ordinary_ods() -> bytes:
    # What LibreOffice writes: empty rows and cells repeated to the sheet's end.
    rows = "".join(ods_row(r) for r in case_sheet_rows())
    tail = (
        '<table:table-row table:number-rows-repeated="1048572">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    return _kept_ods(rows + tail)


def far_column_xls() -> bytes:
    """An .xls whose last cell sits in row and column 65 536: BIFF has room for it, Excel has
    not, and the library asks for 137 GB and aborts. Only the child's end tells of it."""
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("办结件")
    for r, row in enumerate(case_sheet_rows()):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    sheet.write(65535, 255, 12345.5)
    out = io.BytesIO()
    workbook.save(out)
    data = bytearray(out.getvalue())
    # The RK cell at row 65 536, column 256 moves to column 65 536.
    record = data.find(struct.pack("<HHHH", 0x027E, 10, 65535, 255))
    assert record >= 0
    data[record + 6 : record + 8] = struct.pack("<H", 0xFFFF)
    return bytes(data)


def _html_table(rows: Sequence[Sequence[Any]], before: str = "", title_span: str = "18") -> bytes:
    cells = "".join(
        "<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows
    )
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
        f'<body>{before}<table><tr><td colspan="{title_span}">业务办结清单</td></tr>'
        f"{cells}</table></body></html>"
    )
    return page.encode()


def _html_huge_colspan() -> bytes:
    return _html_table(case_sheet_rows(), title_span="99999999")


def _html_unclosed_comments() -> bytes:
    return _html_table(case_sheet_rows(), before="<!--" * 20000)


def _html_unclosed_tags() -> bytes:
    return _html_table(case_sheet_rows()) + b"<a" * 20000


FILES: dict[str, Callable[[], bytes]] = {
    "cases_unbalanced_quote.csv": _unbalanced_quote,
    "cases_quote_to_the_end.csv": _quote_to_the_end,
    "cases_utf16_odd_length.csv": _utf16_odd_length,
    "cases_utf16_without_mark.txt": _utf16_without_mark,
    "cases_mark_in_the_middle.csv": _mark_in_the_middle,
    "cases_nul_in_names.csv": _nul_in_names,
    "cases_control_characters.csv": _control_characters,
    "cases_huge_numbers.csv": _huge_numbers,
    "cases_bad_dates.csv": _bad_dates,
    "evaluations_bad_times.csv": _evaluation_times,
    "ledger_bad_lines.csv": _ledger_lines,
    "cases_too_wide.csv": _too_wide,
    "cases_trailing_commas.csv": _trailing_commas,
    "sniffer_trap.csv": _sniffer_trap,
    "binary.csv": _binary,
    "cases_cell_at_xfd50000.xlsx": _far_cell,
    "cases_dimension_a1_xfd1048576.xlsx": _declared_everything,
    "cases_cells_without_references.xlsx": _cells_without_references,
    "cases_far_column_counted.xlsx": _far_column_counted,
    "cases_styled_empty_cell_far_right.xlsx": _styled_empty_cell_far_right,
    "cases_rows_out_of_order.xlsx": _rows_out_of_order,
    "cases_far_cell_in_the_middle.xlsx": _far_cell_in_the_middle,
    "cases_prefixed_cells.xlsx": _prefixed_cells,
    "cases_prefixed_far_cell.xlsx": _prefixed_far_cell,
    "cases_damaged_sheet_xml.xlsx": _damaged_sheet_xml,
    "cases_declares_3gb_sheet.xlsx": _declared_huge_part,
    "cases_thousands_of_sheets.xlsx": _thousands_of_sheets,
    "cases_thousands_of_tables.ods": _thousands_of_ods_tables,
    "truncated.xlsx": _truncated_workbook,
    "not_a_zip.xlsx": _not_a_zip,
    "cases_million_repeated_rows.ods": _repeated_ods_rows,
    "cases_far_cell.ods": _far_ods_cell,
    "cases_libreoffice.ods": _ordinary_ods,
    "cases_column_65536.xls": far_column_xls,
    "cases_html_huge_colspan.xls": _html_huge_colspan,
    "cases_html_unclosed_comments.xls": _html_unclosed_comments,
    "cases_html_unclosed_tags.xls": _html_unclosed_tags,
}


def write_corpus(folder: Path = CORPUS) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, build in FILES.items():
        (folder / name).write_bytes(build())


if __name__ == "__main__":
    write_corpus(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)
