"""Every hostile file through the real import service, as cases, evaluations and ledger (issue
19): no exception but FileRefused, every data row accounted for in the summary, nothing garbled
stored, and the database exactly as it was when the file is refused."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from app.importing import KINDS, FileRefused, ImportSummary
from app.importing.values import MAX_STORED_INT
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import CallAttempt, Case, CasePhone, Evaluation, Staff

from .helpers import CASE_HEADER, case_row, count, rejected_lines, run_import
from .hostile_checks import import_hostile, snapshot
from .hostile_corpus import CORPUS, FILES, known_cases_csv, sheet_rows, worksheet, xlsx

NOW = datetime(2026, 10, 8, 10, 0, tzinfo=LOCAL_ZONE)


@pytest.fixture
def seeded(sqlite_db, tmp_path, stop_clock) -> Database:
    """A database holding the cases the corpus's evaluations and ledgers name."""
    stop_clock(NOW)
    path = tmp_path / "known.csv"
    path.write_bytes(known_cases_csv())
    assert run_import(sqlite_db, "cases", path).inserted == 5
    return sqlite_db


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_corpus_file_as_every_kind(seeded, name):
    for kind in KINDS:
        import_hostile(seeded, kind, CORPUS / name)


# What each file of the corpus comes to, imported as the kind its name says (cases unless it
# says otherwise) into a database holding JN001 … JN005: refused (the message's code), or
# (inserted, updated, unchanged, {rejected line: reason}). No file has repeated lines.
OUTCOMES: dict[str, str | tuple[int, int, int, dict[int, str]]] = {
    "binary.csv": "encoding",
    "cases_bad_dates.csv": (
        2,
        2,
        0,
        {
            2: "bad_date",
            3: "date_out_of_range",
            4: "missing_value",
            7: "bad_date",
            8: "date_out_of_range",
            9: "bad_date",
            11: "missing_value",
        },
    ),
    "cases_cell_at_xfd50000.xlsx": "sheet_too_large",
    "cases_cells_without_references.xlsx": (3, 0, 0, {}),
    "cases_column_65536.xls": "workbook_reader_stopped",
    "cases_control_characters.csv": (3, 0, 0, dict.fromkeys(range(2, 7), "control_character")),
    "cases_damaged_sheet_xml.xlsx": "file_unreadable",
    "cases_declares_3gb_sheet.xlsx": "workbook_unpacks_too_large",
    "cases_dimension_a1_xfd1048576.xlsx": "sheet_declared_too_large",
    "cases_far_cell.ods": "sheet_too_large",
    "cases_far_cell_in_the_middle.xlsx": "sheet_too_large",
    "cases_far_column_counted.xlsx": "sheet_too_large",
    "cases_html_huge_colspan.xls": (3, 0, 0, {}),
    "cases_html_unclosed_comments.xls": "file_empty",
    "cases_html_unclosed_tags.xls": (3, 0, 0, {}),
    "cases_huge_numbers.csv": (2, 0, 0, dict.fromkeys(range(2, 7), "value_too_large")),
    "cases_libreoffice.ods": (3, 0, 0, {}),
    "cases_mark_in_the_middle.csv": (0, 0, 3, {}),
    "cases_million_repeated_rows.ods": "sheet_repeats_too_much",
    "cases_nul_in_names.csv": (0, 0, 1, dict.fromkeys(range(2, 5), "control_character")),
    "cases_prefixed_cells.xlsx": (3, 0, 0, {}),
    "cases_prefixed_far_cell.xlsx": "sheet_too_large",
    "cases_quote_to_the_end.csv": "unbalanced_quote",
    "cases_rows_out_of_order.xlsx": (3, 0, 0, {60000: "missing_value"}),
    "cases_styled_empty_cell_far_right.xlsx": (3, 0, 0, {}),
    "cases_thousands_of_sheets.xlsx": "workbook_too_many_sheets",
    "cases_thousands_of_tables.ods": "workbook_too_many_sheets",
    "cases_too_wide.csv": "too_many_columns",
    "cases_trailing_commas.csv": (0, 0, 2, {}),
    "cases_unbalanced_quote.csv": "unbalanced_quote",
    "cases_utf16_odd_length.csv": "encoding_damaged",
    "cases_utf16_without_mark.txt": (0, 0, 1, {}),
    "evaluations_bad_times.csv": (
        1,
        0,
        0,
        {2: "missing_value", 3: "date_out_of_range", 4: "bad_datetime", 5: "control_character"},
    ),
    "ledger_bad_lines.csv": (
        2,
        0,
        0,
        {2: "date_out_of_range", 3: "control_character", 4: "missing_value"},
    ),
    "not_a_zip.xlsx": "file_unreadable",
    "sniffer_trap.csv": "file_empty",
    "truncated.xlsx": "file_unreadable",
}


def test_every_corpus_file_has_its_outcome():
    assert sorted(OUTCOMES) == sorted(FILES)


@pytest.mark.parametrize("name", sorted(OUTCOMES))
def test_what_each_corpus_file_comes_to(seeded, name):
    kind = next((k for k in KINDS if name.startswith(k)), "cases")
    outcome = import_hostile(seeded, kind, CORPUS / name)
    expected = OUTCOMES[name]
    if isinstance(expected, str):
        assert isinstance(outcome, FileRefused), outcome
        assert outcome.code == expected
        return
    assert isinstance(outcome, ImportSummary) and outcome.refusal is None
    got = (outcome.inserted, outcome.updated, outcome.unchanged, rejected_lines(outcome))
    assert got == expected
    assert outcome.duplicates_in_file == 0


# What the files hold: the rows are rejected with their reasons, the rest imported


def test_control_characters_reject_their_rows(seeded):
    summary = import_hostile(seeded, "cases", CORPUS / "cases_control_characters.csv")
    assert rejected_lines(summary) == {
        2: "control_character",  # ESC in a name
        3: "control_character",  # a right-to-left override: the name would show reversed
        4: "control_character",  # DEL in a unit
        5: "control_character",  # a backspace in a handler's name
        6: "control_character",  # NUL in a phone number
    }
    assert summary.inserted == 3
    reason = summary.rejected[0].reason("zh")
    assert "申请人" in reason and "U+001B" in reason
    assert "U+001B" in summary.rejected[0].reason("en")
    with seeded.sessions() as session:
        # A private-use character is how many systems write a rare character of a name.
        assert session.scalar(select(Case.applicant).where(Case.case_no == "JN006")) == "王\ue000五"
        handler = select(Staff.name).join(Case, Case.handler_id == Staff.id)
        assert session.scalar(handler.where(Case.case_no == "JN008")) == "李 四"


@pytest.mark.parametrize("db", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_nul_never_reaches_the_database(request, tmp_path, stop_clock, db):
    """PostgreSQL refuses NUL in text outright: not one reaches it, and the summary that is
    stored with the batch shows the rejected cells without it."""
    database = request.getfixturevalue("sqlite_db" if db == "sqlite" else "pg_db")
    stop_clock(NOW)
    summary = import_hostile(database, "cases", CORPUS / "cases_nul_in_names.csv")
    assert rejected_lines(summary) == {
        2: "control_character",
        3: "control_character",
        4: "control_character",
    }
    assert summary.rejected[0].cells[6] == "张\ufffd三"
    assert count(database, Case) == 1
    known = tmp_path / "known.csv"
    known.write_bytes(known_cases_csv())
    import_hostile(database, "cases", known)
    import_hostile(database, "evaluations", CORPUS / "evaluations_bad_times.csv")
    import_hostile(database, "ledger", CORPUS / "ledger_bad_lines.csv")
    import_hostile(database, "cases", CORPUS / "cases_control_characters.csv")


def test_a_mark_in_the_middle_stays_out_of_the_case_numbers(sqlite_db):
    summary = import_hostile(sqlite_db, "cases", CORPUS / "cases_mark_in_the_middle.csv")
    assert (summary.inserted, summary.rejected) == (3, [])
    with sqlite_db.sessions() as session:
        assert set(session.scalars(select(Case.case_no))) == {"JN001", "JN002", "JN003"}


def test_numbers_too_large_to_store_reject_their_rows(seeded):
    summary = import_hostile(seeded, "cases", CORPUS / "cases_huge_numbers.csv")
    assert rejected_lines(summary) == {
        2: "value_too_large",  # a 200-digit 登记费 (an OverflowError in the database before)
        3: "value_too_large",  # 1e999999999 yuan: refused before int() could hang on it
        4: "value_too_large",
        5: "value_too_large",  # 5000 digits: more than int() reads, refused before it
        6: "value_too_large",  # one fen more than an INTEGER column holds
    }
    assert "21,474,836.47" in summary.rejected[-1].reason("zh")
    with seeded.sessions() as session:
        fee = session.scalar(select(Case.deed_tax_fen).where(Case.case_no == "JN006"))
    assert fee == MAX_STORED_INT


def test_dates_no_system_means_are_missing_or_rejected(seeded):
    summary = import_hostile(seeded, "cases", CORPUS / "cases_bad_dates.csv")
    assert rejected_lines(summary) == {
        2: "bad_date",  # 9999-99-99
        3: "date_out_of_range",  # 9999-12-31, an "open end"
        4: "missing_value",  # 0001-01-01, "no date", where 办结日期 is required
        7: "bad_date",  # 2026-02-30
        8: "date_out_of_range",  # before 1990
        9: "bad_date",  # 400 digits
        11: "missing_value",  # 0001-01-01 in another zone
    }
    assert summary.rejected[1].reason("en") == (
        "办结日期 '9999-12-31' is outside the dates accepted (1990-01-01 to 2027-10-09)"
    )
    with seeded.sessions() as session:
        accepted = dict(session.execute(select(Case.case_no, Case.accepted_on)).all())
        completed = session.scalar(select(Case.completed_on).where(Case.case_no == "JN009"))
    assert accepted["JN004"] is None and accepted["JN005"] is None  # optional: left empty
    assert completed == date(2026, 7, 5)  # 23:00 in Tokyo is 22:00 in Jinan


def test_evaluation_times_outside_the_dates_accepted_are_rejected(seeded):
    summary = import_hostile(seeded, "evaluations", CORPUS / "evaluations_bad_times.csv")
    assert rejected_lines(summary) == {
        2: "missing_value",  # 0001-01-01T00:00+09:00: "no date", and the time is required
        3: "date_out_of_range",
        4: "bad_datetime",
        5: "control_character",
    }
    assert count(seeded, Evaluation) == 1


def test_ledger_lines_outside_the_dates_or_with_controls_are_rejected(seeded):
    summary = import_hostile(seeded, "ledger", CORPUS / "ledger_bad_lines.csv")
    assert rejected_lines(summary) == {
        2: "date_out_of_range",
        3: "control_character",
        4: "missing_value",  # 0001-01-01: no date, and the date is required
    }
    assert count(seeded, CallAttempt) == 2


def test_spreadsheet_cells_of_dates_and_numbers_beyond_range(seeded, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(CASE_HEADER)
    sheet.append(case_row("JN101", 办结日期=datetime(9999, 12, 31), 契税=1e300))
    sheet.append(case_row("JN102", 受理日期=datetime(1900, 1, 1)))  # Excel's serial 1
    sheet.append(case_row("JN103", 办理环节数=2**40, 登记费=-5.0))
    sheet.append(case_row("JN104", 办结日期=date(2026, 7, 5), 登记费=80.0))
    path = tmp_path / "cases.xlsx"
    book.save(path)
    summary = import_hostile(seeded, "cases", path)
    assert rejected_lines(summary) == {2: "date_out_of_range", 4: "value_too_large"}
    with seeded.sessions() as session:
        assert session.scalar(select(Case.accepted_on).where(Case.case_no == "JN102")) is None


def test_spreadsheet_numbers_no_column_holds(seeded, tmp_path):
    # Written as the XML holds them: 1e999 is infinity, NaN not a number, to the library.
    rows = sheet_rows([CASE_HEADER, case_row("JN301"), case_row("JN302"), case_row("JN303")])
    rows = rows.replace(
        '<c r="O2" t="inlineStr"><is><t>2</t></is></c>', '<c r="O2"><v>1e999</v></c>'
    )
    rows = rows.replace(
        '<c r="P3" t="inlineStr"><is><t>80</t></is></c>', '<c r="P3"><v>NaN</v></c>'
    )
    rows = rows.replace(
        '<c r="E4" t="inlineStr"><is><t>2026-07-01</t></is></c>',
        '<c r="E4" s="1"><v>-1e308</v></c>',
    )
    path = tmp_path / "cases.xlsx"
    path.write_bytes(xlsx(worksheet(rows)))
    summary = import_hostile(seeded, "cases", path)
    assert rejected_lines(summary) == {2: "bad_count", 3: "bad_money", 4: "bad_date"}


def test_rows_nobody_accounts_for_refuse_the_file(seeded, tmp_path, monkeypatch):
    """The guard behind the importers: a row that ends up nowhere refuses the whole file."""
    import app.importing.cases as cases

    store = cases.store

    def losing_one(session, prepared, batch_id, summary, tick):
        prepared.records.pop()
        store(session, prepared, batch_id, summary, tick)

    monkeypatch.setattr(cases, "store", losing_one)
    path = tmp_path / "cases.csv"
    path.write_bytes(known_cases_csv().replace(b"JN00", b"JN10"))
    before = snapshot(seeded)
    with pytest.raises(FileRefused) as refused:
        run_import(seeded, "cases", path)
    assert (refused.value.code, refused.value.params) == (
        "rows_unaccounted",
        {"rows": 5, "accounted": 4},
    )
    assert snapshot(seeded) == before


def test_phone_cells_keep_their_line_breaks_and_lose_their_marks(seeded, tmp_path):
    rows = [CASE_HEADER, case_row("JN201", 联系电话="\ufeff13812345678\n0531-86123456")]
    path = tmp_path / "cases.csv"
    path.write_bytes(
        "".join(",".join(f'"{c}"' for c in row) + "\r\n" for row in rows).encode("utf-8")
    )
    summary = import_hostile(seeded, "cases", path)
    assert summary.inserted == 1
    with seeded.sessions() as session:
        phones = session.scalars(
            select(CasePhone.original).join(Case).where(Case.case_no == "JN201")
        ).all()
    assert phones == ["13812345678", "0531-86123456"]


def test_invisible_characters_are_no_part_of_a_case_number(seeded, tmp_path):
    # Pasted from a web page or a chat: a zero-width space, a joiner, a word joiner, a BOM.
    rows = [CASE_HEADER, case_row("JN\u200b001"), case_row("\u2060JN1\u200d01\ufeff")]
    path = tmp_path / "cases.csv"
    path.write_bytes("".join(",".join(row) + "\r\n" for row in rows).encode("utf-8"))
    summary = import_hostile(seeded, "cases", path)
    assert (summary.inserted, summary.unchanged, summary.rejected) == (1, 1, [])
    with seeded.sessions() as session:
        assert "JN101" in set(session.scalars(select(Case.case_no)))


def test_a_reason_quotes_the_beginning_of_a_long_value(seeded):
    summary = import_hostile(seeded, "cases", CORPUS / "cases_huge_numbers.csv")
    reason = summary.rejected[3].reason("en")  # line 5: 5 000 digits of 办理天数
    assert reason.startswith("办理天数 '" + "1" * 59 + "…' is too large")
    assert summary.rejected[3].cells[14] == "1" * 5000  # the row written out keeps it whole
