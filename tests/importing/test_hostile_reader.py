"""app.importing.reader on hostile files (issue 19): refused with a message, never a crash of
this process, a hang or a row quietly lost; workbooks read in a child process."""

from __future__ import annotations

import ast
import io
import re
import sys
import zipfile
from pathlib import Path

import pytest

import app.importing.reader as reader
import app.importing.sheet_child as sheet_child
from app.errors import Cancelled
from app.importing import FileRefused
from app.importing.reader import html_table_rows, read_table

from .helpers import CASE_HEADER, case_row
from .hostile_corpus import (
    CORPUS,
    case_sheet_rows,
    csv_bytes,
    ods,
    sheet_rows,
    worksheet,
    xlsx,
    zip_bytes,
)


def refusal(path: Path) -> FileRefused:
    with pytest.raises(FileRefused) as refused:
        read_table(path)
    assert refused.value.message("zh") and refused.value.message("en")
    return refused.value


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# Workbooks: what they declare and what they hold, checked against the limits


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("cases_cell_at_xfd50000.xlsx", "sheet_too_large"),
        ("cases_dimension_a1_xfd1048576.xlsx", "sheet_declared_too_large"),
        ("cases_far_column_counted.xlsx", "sheet_too_large"),
        ("cases_prefixed_far_cell.xlsx", "sheet_too_large"),
        ("cases_far_cell_in_the_middle.xlsx", "sheet_too_large"),
        ("cases_declares_3gb_sheet.xlsx", "workbook_unpacks_too_large"),
        ("cases_thousands_of_sheets.xlsx", "workbook_too_many_sheets"),  # by the checks here
        ("cases_thousands_of_tables.ods", "workbook_too_many_sheets"),  # by the child
        ("cases_far_cell.ods", "sheet_too_large"),
        ("cases_million_repeated_rows.ods", "sheet_repeats_too_much"),
        ("cases_damaged_sheet_xml.xlsx", "file_unreadable"),
        ("truncated.xlsx", "file_unreadable"),
        ("not_a_zip.xlsx", "file_unreadable"),
    ],
)
def test_hostile_workbooks_are_refused(name, code):
    assert refusal(CORPUS / name).code == code


def test_the_message_names_the_farthest_cell_and_the_limits():
    problem = refusal(CORPUS / "cases_cell_at_xfd50000.xlsx")
    assert problem.params["cell"] == "XFD50000"
    assert "XFD50000" in problem.message("zh") and "256" in problem.message("en")


def test_a_library_that_aborts_ends_only_its_own_process():
    # BIFF has room for a cell in column 65 536; python-calamine asks for 137 GB and aborts.
    problem = refusal(CORPUS / "cases_column_65536.xls")
    assert problem.code == "workbook_reader_stopped"
    # What the child said as it ended, in one line (no backtrace), however many bytes this
    # version of the library asked for.
    assert re.fullmatch(r"memory allocation of \d{11,} bytes failed", problem.params["detail"])


@pytest.mark.parametrize(
    "name",
    [
        "cases_cells_without_references.xlsx",  # positions counted: the full pass reads them
        "cases_prefixed_cells.xlsx",  # x:c, as some generators write
        "cases_styled_empty_cell_far_right.xlsx",  # formatting to XFD1, values to R4
        "cases_libreoffice.ods",  # empty rows and cells repeated to the sheet's end
    ],
)
def test_unusual_but_honest_workbooks_are_read(name):
    table = read_table(CORPUS / name)
    assert table.sheet == "办结件"
    assert [cells[:18] for _line, cells in table.rows] == case_sheet_rows()
    assert [line for line, _cells in table.rows] == [1, 2, 3, 4]


def test_a_workbook_of_stored_parts_is_no_html_page():
    # Zip parts may be stored as they are: the content's `<table:table` is then in the first
    # bytes of the file, where an HTML table saved as .xls is recognised.
    data = (CORPUS / "cases_libreoffice.ods").read_bytes()
    assert b"<table" in data[:4096] and not reader._looks_like_html(data)
    assert reader._looks_like_html(b"\xef\xbb\xbf<html><body><TABLE border=1><tr><td>x")
    assert not reader._looks_like_html(b"<tablet>")


def test_rows_out_of_order_are_read_where_they_are():
    table = read_table(CORPUS / "cases_rows_out_of_order.xlsx")
    assert [line for line, _cells in table.rows] == [1, 2, 3, 4, 60000]
    assert table.rows[-1][1][0] == "x"


def test_a_sheet_of_too_many_cells_is_refused_before_the_library_reads_it(tmp_path, monkeypatch):
    # A cell bomb: the same cell written over and over fits any rectangle but not the memory.
    monkeypatch.setattr(sheet_child, "MAX_CELLS", 5_000)
    bomb = '<row r="1">' + '<c r="A1"><v>1</v></c>' * 6_000 + "</row>"
    problem = refusal(write(tmp_path, "bomb.xlsx", xlsx(worksheet(bomb))))
    assert (problem.code, problem.params["cells"]) == ("sheet_too_many_cells", 6_000)


def test_a_rectangle_beyond_the_cells_allowed_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(sheet_child, "MAX_CELLS", 1_000)
    rows = sheet_rows(case_sheet_rows())
    rows += '<row r="100"><c r="R100" t="inlineStr"><is><t>x</t></is></c></row>'  # 100 × 18
    problem = refusal(write(tmp_path, "wide.xlsx", xlsx(worksheet(rows))))
    assert (problem.code, problem.params["cell"]) == ("sheet_too_large", "R100")


def test_too_many_shared_strings_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(sheet_child, "MAX_CELLS", 1_000)
    strings = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    strings += b"<si><t>x</t></si>" * 1_001 + b"</sst>"
    data = xlsx(worksheet(sheet_rows(case_sheet_rows())), shared_strings=strings)
    assert refusal(write(tmp_path, "strings.xlsx", data)).code == "sheet_too_many_cells"


def test_a_zip_bomb_is_refused_by_the_size_it_unpacks_to(tmp_path, monkeypatch):
    monkeypatch.setattr(sheet_child, "MAX_UNPACKED_BYTES", 1_000_000)
    sheet = worksheet(sheet_rows(case_sheet_rows()) + " " * 2_000_000)  # 2 MB of spaces
    data = xlsx(sheet)
    assert len(data) < 10_000
    assert refusal(write(tmp_path, "bomb.xlsx", data)).code == "workbook_unpacks_too_large"


def test_a_part_named_by_many_sheets_is_checked_once(tmp_path, monkeypatch):
    checked = []
    check = sheet_child.check_xlsx_sheet

    def counting(archive, info, sheet, keep_going=None):
        checked.append((info.filename, sheet))
        check(archive, info, sheet, keep_going)

    monkeypatch.setattr(sheet_child, "check_xlsx_sheet", counting)
    data = xlsx(worksheet(sheet_rows(case_sheet_rows())), sheet_names=500)
    table = read_table(write(tmp_path, "named.xlsx", data))
    assert checked == [("xl/worksheets/sheet1.xml", "办结件")]
    assert table.sheet == "办结件"


def test_a_part_that_unpacks_beyond_what_it_declares_is_not_believed(tmp_path):
    # The directory says 100 bytes; zipfile stops there and the CRC no longer matches.
    data = bytearray(xlsx(worksheet(sheet_rows(case_sheet_rows()))))
    name = b"xl/worksheets/sheet1.xml"
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        at = data.rfind(signature, 0, data.rfind(name))
        data[at + offset : at + offset + 4] = (100).to_bytes(4, "little")
    assert refusal(write(tmp_path, "lying.xlsx", bytes(data))).code == "file_unreadable"


# The child process: its end, its hang and a cancel never reach this process


@pytest.fixture
def child_script(tmp_path, monkeypatch):
    """`child_script(code)`: the workbook reader's child replaced by a script of `code`."""

    def replace(code: str) -> None:
        script = tmp_path / "child.py"
        script.write_text(code, encoding="utf-8")
        monkeypatch.setattr(reader, "_CHILD", script)

    return replace


@pytest.fixture
def workbook(tmp_path) -> Path:
    return write(tmp_path, "export.xlsx", xlsx(worksheet(sheet_rows(case_sheet_rows()))))


def test_a_child_that_dies_is_a_refusal(child_script, workbook):
    child_script(
        "import os, sys\nsys.stdin.buffer.read()\nsys.stderr.write('boom\\n')\nos.abort()\n"
    )
    problem = refusal(workbook)
    assert problem.code == "workbook_reader_stopped"
    assert problem.params["detail"] == "boom"


def test_a_child_ended_by_a_signal_is_a_refusal_naming_it(child_script, workbook):
    # As the system ends a process that takes all the memory.
    child_script("import os, signal, sys\nsys.stdin.buffer.read()\nos.kill(os.getpid(), 9)\n")
    problem = refusal(workbook)
    assert problem.code == "workbook_reader_stopped"
    assert problem.params["detail"] == ("exit code 9" if sys.platform == "win32" else "SIGKILL")


def test_what_the_child_sends_cannot_run_anything_here(child_script, workbook, tmp_path):
    # A pickle that would call exec() on loading: only cell values are unpickled.
    marker = tmp_path / "ran"
    payload = f"open({str(marker)!r}, 'w').write('ran')"
    child_script(
        "import sys\nsys.stdin.buffer.read()\n"
        f"sys.stdout.buffer.write(b'cbuiltins\\nexec\\n(V' + {payload!r}.encode() + b'\\ntR.')\n"
    )
    problem = refusal(workbook)
    assert problem.params["detail"] == "UnpicklingError: not a cell value: builtins.exec"
    assert not marker.exists()


def test_a_child_that_sends_garbage_is_a_refusal(child_script, workbook):
    child_script("import sys\nsys.stdin.buffer.read()\nsys.stdout.buffer.write(b'not a pickle')\n")
    problem = refusal(workbook)
    assert problem.code == "workbook_reader_stopped"
    assert problem.params["detail"].startswith("UnpicklingError: ")


@pytest.mark.parametrize(
    "frame",
    [
        "42",
        "('rows', 'not rows')",
        "('rows', [(1, ['a']), ('2', ['b'])])",
        "('rows', [(1, ('a',))])",
        "('sheet', None)",
        "('refused', 'no_such_code', {})",
        "('refused', 'sheet_too_large', {})",  # its message cannot be written
        "()",
    ],
)
def test_a_child_that_sends_an_unexpected_frame_is_a_refusal(child_script, workbook, frame):
    child_script(
        "import pickle, sys\nsys.stdin.buffer.read()\n"
        f"pickle.dump({frame}, sys.stdout.buffer)\npickle.dump(('end',), sys.stdout.buffer)\n"
    )
    problem = refusal(workbook)
    assert problem.params == {"detail": "it sent an unexpected frame"}


def test_a_child_that_hangs_is_ended(child_script, workbook, monkeypatch):
    # The child never answers: the outcome does not depend on how fast the machine is.
    child_script("import time\nwhile True:\n    time.sleep(60)\n")
    monkeypatch.setattr(reader, "READ_TIMEOUT_SECONDS", 0.5)
    assert refusal(workbook).code == "workbook_timeout"


def test_cancel_while_a_workbook_is_read_ends_the_child(child_script, workbook):
    child_script("import time\nwhile True:\n    time.sleep(60)\n")
    calls = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        raise Cancelled()

    with pytest.raises(Cancelled):
        read_table(workbook, progress)
    assert calls == [(0, 0)]


def test_the_child_imports_nothing_of_the_application():
    tree = ast.parse(Path(sheet_child.__file__).read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported <= set(sys.stdlib_module_names) | {"python_calamine", "__future__"}


def test_the_child_keeps_types_line_numbers_and_the_first_sheet_with_data(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "说明"
    data = book.create_sheet("数据")
    data["C4"], data["D4"] = "业务编号", "契税"
    data["C6"], data["D6"] = "JN001", 1234.5
    data.append([])  # an empty row below: not sent
    path = tmp_path / "export.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.sheet == "数据"
    assert table.rows == [(4, ["", "", "业务编号", "契税"]), (6, ["", "", "JN001", 1234.5])]


def test_thousands_of_rows_cross_in_frames(tmp_path):
    rows = [CASE_HEADER, *(case_row(f"JN{i:05}") for i in range(5_000))]
    table = read_table(write(tmp_path, "big.xlsx", xlsx(worksheet(sheet_rows(rows)))))
    assert len(table.rows) == 5_001
    assert table.rows[-1] == (5_001, case_row("JN04999"))


# CSV


def test_an_unbalanced_quote_is_refused_naming_its_line():
    # The file: 4 rows imported, 1 rejected and the 35 lines it swallowed never named.
    problem = refusal(CORPUS / "cases_unbalanced_quote.csv")
    assert problem.code == "unbalanced_quote"
    assert problem.params == {"line": 6, "lines": 35}
    assert "第 6 行" in problem.message("zh")


def test_a_quote_open_to_the_end_of_the_file_is_refused():
    problem = refusal(CORPUS / "cases_quote_to_the_end.csv")
    assert (problem.code, problem.params["line"]) == ("unbalanced_quote", 3)


def test_a_quote_that_swallows_a_line_break_and_the_next_row_is_refused(tmp_path):
    text = ",".join(CASE_HEADER) + "\r\n" + ",".join(case_row("JN001", 座落='"泉城路'))
    text += "\r\n" + ",".join(case_row("JN002", 业务编号='JN002"')) + "\r\n"
    problem = refusal(write(tmp_path, "cases.csv", text.encode()))
    assert (problem.code, problem.params["line"]) == ("unbalanced_quote", 2)


def test_cells_of_several_lines_are_still_read(tmp_path):
    rows = [CASE_HEADER, case_row("JN001", 座落='"泉城路1号\r\n2单元\r\n301"'), case_row("JN002")]
    table = read_table(write(tmp_path, "cases.csv", csv_bytes(rows)))
    assert [line for line, _cells in table.rows] == [1, 2, 5]
    assert table.rows[1][1][10] == "泉城路1号\r\n2单元\r\n301"


def test_a_cell_longer_than_the_csv_module_reads_is_refused(tmp_path):
    text = ",".join(CASE_HEADER) + "\r\nJN001," + '"' + "x" * 200_000 + '"\r\n'
    problem = refusal(write(tmp_path, "cases.csv", text.encode()))
    assert (problem.code, problem.params["line"]) == ("cell_too_long", 2)


def test_a_row_wider_than_the_limit_is_refused_unless_the_rest_is_empty():
    problem = refusal(CORPUS / "cases_too_wide.csv")
    assert (problem.code, problem.params["line"]) == ("too_many_columns", 2)
    table = read_table(CORPUS / "cases_trailing_commas.csv")
    assert [cells for _line, cells in table.rows][1] == case_row("JN001") + [""] * 238


def test_more_cells_than_the_limit_are_refused(tmp_path, monkeypatch):
    # A few megabytes of delimiters are millions of empty cells; each kept row counts its own.
    monkeypatch.setattr(reader, "MAX_CELLS", 18 * 3)
    path = write(tmp_path, "cases.csv", csv_bytes([CASE_HEADER] + [case_row("JN1")] * 2))
    assert len(read_table(path).rows) == 3
    path = write(tmp_path, "cases.csv", csv_bytes([CASE_HEADER] + [case_row("JN1")] * 3))
    problem = refusal(path)
    assert problem.code == "too_many_cells"
    assert "54" in problem.message("zh") and "54" in problem.message("en")


def test_empty_lines_cost_nothing_and_keep_the_numbering(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_ROWS", 3)
    rows = [CASE_HEADER, [], [""] * 18, case_row("JN1"), *([[]] * 50), case_row("JN2")]
    table = read_table(write(tmp_path, "cases.csv", csv_bytes(rows)))
    assert [line for line, _cells in table.rows] == [1, 4, 55]


def test_more_rows_than_the_limit_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_ROWS", 10)
    path = write(tmp_path, "cases.csv", csv_bytes([CASE_HEADER] + [case_row("JN1")] * 10))
    assert refusal(path).code == "too_many_rows"


def test_a_file_larger_than_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 100)
    problem = refusal(write(tmp_path, "cases.csv", csv_bytes([CASE_HEADER, case_row("JN1")])))
    assert problem.code == "file_too_big"


def test_utf16_cut_short_is_refused_about_its_encoding():
    problem = refusal(CORPUS / "cases_utf16_odd_length.csv")
    assert problem.code == "encoding_damaged"
    assert "UTF-16" in problem.message("en")


def test_utf16_without_its_mark_is_read():
    table = read_table(CORPUS / "cases_utf16_without_mark.txt")
    assert [cells for _line, cells in table.rows] == [CASE_HEADER, case_row("JN001")]


def test_a_mark_in_the_middle_of_a_file_is_no_part_of_a_cell():
    table = read_table(CORPUS / "cases_mark_in_the_middle.csv")
    assert [cells[0] for _line, cells in table.rows] == ["业务编号", "JN001", "JN002", "JN003"]


@pytest.mark.timeout(60)  # csv.Sniffer took seconds on 20 kB of this; 2 MB would take hours
def test_the_delimiter_is_found_in_linear_time(tmp_path):
    path = write(tmp_path, "trap.csv", b'"\n' * 1_000_000)
    assert refusal(path).code == "file_empty"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["业务编号\t座落\t电话", "JN1\t泉城路1号,2单元\t138,139", "JN2\t经四路,3号\t1,2"], "\t"),
        (["2026年第三季度办结业务", "业务编号,申请人", "JN001,张三"], ","),
        (['"a;b",c,d', '"e;f",g,h'], ","),
        (["a|b|c", "d|e|f"], "|"),
        (["a;b;c", "d;e;f"], ";"),
        (["just text"], ","),
    ],
)
def test_delimiters(lines, expected):
    assert reader._delimiter("\n".join(lines) + "\n") == expected


# HTML tables saved as .xls


def test_a_huge_colspan_fills_only_the_columns_read():
    table = read_table(CORPUS / "cases_html_huge_colspan.xls")
    assert [len(cells) for _line, cells in table.rows] == [256, 18, 18, 18, 18]


def test_a_table_of_colspans_is_refused_by_its_cells(monkeypatch):
    # Each row a short tag spanning every column: a megabyte of them would be tens of millions
    # of cells.
    monkeypatch.setattr(reader, "MAX_CELLS", 100_000)
    row = '<tr><td colspan="256">x</td></tr>'
    assert len(html_table_rows(f"<table>{row * 390}</table>")) == 390  # 99 840 cells
    with pytest.raises(FileRefused) as refused:
        html_table_rows(f"<table>{row * 391}</table>")
    assert refused.value.code == "too_many_cells"


def test_a_huge_colspan_followed_by_a_cell_is_refused():
    page = '<table><tr><td colspan="99999999">标题</td><td>x</td></tr></table>'
    with pytest.raises(FileRefused) as refused:
        html_table_rows(page)
    assert refused.value.code == "too_many_columns"


@pytest.mark.timeout(60)  # html.parser took 23 s on 200 kB of unclosed comments
@pytest.mark.parametrize("junk", ["<!--", "<a", "</", "<?", "<!", '<td a="', "<table><tr><td>"])
def test_hostile_html_is_read_in_linear_time(junk):
    html_table_rows(junk * 500_000)


def test_html_cells_as_excel_and_browsers_write_them():
    page = (
        '<table><tr><td>a &amp; b<br>c</td><td title="x>y">d</td><td>e<td>f</tr>'
        "<tr><th colspan=2>g</th><td>2 &lt; 3 < 4</td></tr></table>"
        "<table><tr><td>a second table is not read</td></tr></table>"
    )
    assert html_table_rows(page) == [["a & b\nc", "d", "e", "f"], ["g", "", "2 < 3 < 4"]]


def test_an_unclosed_comment_runs_to_the_end_of_the_page():
    assert refusal(CORPUS / "cases_html_unclosed_comments.xls").code == "file_empty"


def test_junk_after_the_table_is_not_read():
    table = read_table(CORPUS / "cases_html_unclosed_tags.xls")
    assert [cells for _line, cells in table.rows][1:] == case_sheet_rows()


def test_the_corpus_is_what_its_builders_write(tmp_path):
    from .hostile_corpus import FILES, write_corpus

    write_corpus(tmp_path)
    assert sorted(p.name for p in CORPUS.iterdir() if p.name != "README.md") == sorted(FILES)
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (CORPUS / name).read_bytes(), name


def test_zip_parts_are_found_as_the_library_finds_them():
    archive = zipfile.ZipFile(io.BytesIO(zip_bytes({"/XL/Workbook.xml": b"<x/>"})))
    assert sheet_child._part(archive, "xl/workbook.xml") is not None


# The quick look at an .ods never lets through what the exact pass refuses


def _random_table(rng) -> str:
    """Rows and cells as writers and attackers write them: values or not, repeated a little or a
    lot, self-closed or not, empty runs at the end of rows and tables or before a value."""
    rows = []
    for _ in range(rng.randint(1, 6)):
        cells = []
        for _ in range(rng.randint(0, 5)):
            repeat = rng.choice([1] * 8 + [2, 64, 65, 300, 20_000, 2_000_000])
            counted = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
            cells.append(
                rng.choice(
                    [
                        f"<table:table-cell{counted}/>",
                        f"<table:table-cell{counted}></table:table-cell>",
                        f'<table:table-cell{counted} office:value-type="float" office:value="1">'
                        "<text:p>1</text:p></table:table-cell>",
                        f"<table:table-cell{counted}><text:p>x</text:p></table:table-cell>",
                        f"<table:covered-table-cell{counted}/>",
                    ]
                )
            )
        repeat = rng.choice([1] * 6 + [3, 64, 65, 1_000, 1_100_000])
        counted = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
        rows.append(f"<table:table-row{counted}>{''.join(cells)}</table:table-row>")
    return "".join(rows)


def test_the_quick_look_at_an_ods_never_passes_what_the_exact_pass_refuses(rng, monkeypatch):
    monkeypatch.setattr(sheet_child, "MAX_CELLS", 100_000)
    monkeypatch.setattr(sheet_child, "MAX_COLUMNS", 300)
    quick_and_refused = []
    passed = 0
    for attempt in range(300):
        data = ods(_random_table(rng), empty_tables=rng.choice([0, 0, 1]))
        archive = zipfile.ZipFile(io.BytesIO(data))
        info = archive.getinfo("content.xml")
        quick = sheet_child._ods_within_limits(archive.read(info), info.file_size)
        try:
            sheet_child._check_ods_exactly(archive, info, None)
        except sheet_child.Refusal as refused:
            if quick:
                quick_and_refused.append((attempt, refused.code))
        else:
            passed += quick
    assert quick_and_refused == []
    assert passed > 10  # about 50 of the 300: the quick look decides honest files by itself


def test_an_ods_as_libreoffice_writes_it_is_decided_by_the_quick_look():
    archive = zipfile.ZipFile(CORPUS / "cases_libreoffice.ods")
    info = archive.getinfo("content.xml")
    assert sheet_child._ods_within_limits(archive.read(info), info.file_size)
