"""Issue 22, do not call: an administrator's list of numbers (CSV, .xlsx) taken whole or not at
all, with hostile files kept as tests; and the `do-not-call` commands."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.desk.do_not_call import (
    FROM_IMPORT,
    MAX_LIST_BYTES,
    MAX_LIST_ROWS,
    ListRefused,
    import_list,
    mark,
)
from app.roles import NotPermitted
from cli import main
from db.models import AuditEntry, DoNotCall, QueueEntry
from tests.cli_login import log_in_as, typed_on_terminal
from tests.importing.helpers import write_csv
from tests.users.helpers import PASSWORD, accounts

from . import helpers as h

NOW = h.local(2026, 11, 16, 10)


def _rows(database) -> list[tuple[str, str, str | None]]:
    with database.sessions() as session:
        return list(
            session.execute(
                select(DoNotCall.phone_e164, DoNotCall.source, DoNotCall.reason).order_by(
                    DoNotCall.phone_e164
                )
            )
        )


def _import(database, path, by_id):
    with database.sessions.begin() as session:
        return import_list(session, path, by_id=by_id, now=NOW)


def test_a_list_with_a_header_reasons_and_duplicates_is_marked_whole(any_db, tmp_path):
    people = accounts(any_db)
    with any_db.sessions.begin() as session:
        mark(session, "+8613912345678", source="manual", by_id=people.admin, reason="早先", now=NOW)
        owner = h.unit(session)
        queued = h.entry(session, h.case(session, owner, "Q1", date(2026, 11, 2)), NOW).id
    path = write_csv(
        tmp_path / "list.csv",
        [
            ["号码", "原因"],
            ["13812345678", "本人来电要求"],
            ["139 1234 5678", "again"],
            ["0531-86123456", ""],
            ["+86 138 1234 5678", "twice"],
        ],
    )
    result = _import(any_db, path, people.admin)
    assert (result.rows, result.marked, result.already) == (4, 2, 1)
    assert result.ended_entries == 1  # Q1's only number
    assert _rows(any_db) == [
        ("+8613812345678", FROM_IMPORT, "本人来电要求"),
        ("+8613912345678", "manual", "早先"),  # a mark in force keeps its reason
        ("+8653186123456", FROM_IMPORT, None),
    ]
    with any_db.sessions() as session:
        assert session.get_one(QueueEntry, queued).result == "do_not_call"
        summary = session.scalar(
            select(AuditEntry).where(AuditEntry.action == "do_not_call.import")
        )
        assert summary.after["marked"] == 2 and summary.after["file"] == "list.csv"


def _xlsx(path, rows, *, formulas: bool = False):
    """A workbook; text beginning with "=" is text (as a person typing '=… saves it) unless
    `formulas`, when it is a formula without a value (as a file no spreadsheet has opened)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(list(row))
    if not formulas:
        for cells in workbook.active.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    workbook.save(path)
    return path


def test_an_xlsx_list_of_numbers_and_formula_like_text(any_db, tmp_path):
    people = accounts(any_db)
    rows = [
        [13812345678, '=HYPERLINK("http://evil","x")'],
        ["=13912345678", "@SUM(A1)"],
        ["+86 137 1234 5678", "-2+3"],
    ]
    result = _import(any_db, _xlsx(tmp_path / "list.xlsx", rows), people.admin)
    assert result.marked == 3
    assert _rows(any_db) == [
        ("+8613712345678", FROM_IMPORT, "-2+3"),
        ("+8613812345678", FROM_IMPORT, '=HYPERLINK("http://evil","x")'),
        ("+8613912345678", FROM_IMPORT, "@SUM(A1)"),
    ]


def test_a_formula_cell_is_never_evaluated(any_db, tmp_path):
    """A formula no spreadsheet has computed has no value: its row is empty, and left out."""
    people = accounts(any_db)
    rows = [[13812345678], ["=10000000000+3912345678"]]
    result = _import(any_db, _xlsx(tmp_path / "list.xlsx", rows, formulas=True), people.admin)
    assert (result.rows, result.marked) == (1, 1)
    assert _rows(any_db) == [("+8613812345678", FROM_IMPORT, None)]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["13812345678"], ["86123456"]], "第 2 行"),  # a local number without its area code
        ([["13812345678"], ["not a number"]], "第 2 行"),
        ([["号码"], ["13812345678"], ["'; DROP TABLE do_not_call; --"]], "第 3 行"),
        ([["13812345678", "长" * 501]], "第 1 行"),
        ([["1" * 5000]], "第 1 行"),
        ([["号码", "原因"]], "没有号码"),
    ],
)
def test_a_bad_row_refuses_the_whole_list_naming_it(any_db, tmp_path, rows, message):
    people = accounts(any_db)
    path = write_csv(tmp_path / "list.csv", rows)
    with pytest.raises(ListRefused, match=message):
        _import(any_db, path, people.admin)
    assert _rows(any_db) == []


def test_files_that_are_not_a_list_are_refused(sqlite_db, tmp_path):
    people = accounts(sqlite_db)
    (tmp_path / "list.exe").write_bytes(b"MZ")
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "binary.csv").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "fake.xlsx").write_bytes(b"PK\x03\x04 not a zip at all")
    with (tmp_path / "huge.csv").open("wb") as file:
        file.truncate(MAX_LIST_BYTES + 1)
    many = "\n".join("13812345678" for _ in range(MAX_LIST_ROWS + 2))
    (tmp_path / "many.csv").write_text(many)
    for name, message in (
        ("list.exe", "csv"),
        ("missing.csv", "找不到"),
        ("empty.csv", None),
        ("binary.csv", None),
        ("fake.xlsx", None),
        ("huge.csv", "太大"),
        ("many.csv", "行"),
    ):
        with pytest.raises(ListRefused, match=message):
            _import(sqlite_db, tmp_path / name, people.admin)
    assert _rows(sqlite_db) == []


def test_only_an_administrator_imports_and_before_the_file_is_read(sqlite_db, tmp_path):
    people = accounts(sqlite_db)
    for who in (people.operator, people.lead, people.auditor):
        with pytest.raises(NotPermitted):
            _import(sqlite_db, tmp_path / "missing.csv", who)


# The command line


def test_the_commands_mark_list_clear_and_import(
    sqlite_db, tmp_path, monkeypatch, capsys, stop_clock
):
    stop_clock(NOW)
    monkeypatch.setattr("app.i18n._language", "zh")
    people = accounts(sqlite_db)
    log_in_as(monkeypatch, "admin", PASSWORD)
    url = sqlite_db.engine.url.render_as_string(hide_password=False)
    assert main(["--db", url, "do-not-call", "mark", "138 1234 5678", "--reason", "本人要求"]) == 0
    assert "已标记 138****5678" in capsys.readouterr().out
    path = write_csv(tmp_path / "list.csv", [["13912345678", "名单"]])
    assert main(["--db", url, "do-not-call", "import", str(path)]) == 0
    assert "新标记 1 个号码" in capsys.readouterr().out
    assert main(["--db", url, "do-not-call", "list"]) == 0
    out = capsys.readouterr().out
    assert "+8613812345678" in out and "本人要求" in out and "赵管理" in out and "共 2 个" in out
    with pytest.raises(SystemExit, match="2"):  # --reason is needed
        main(["--db", url, "do-not-call", "clear", "13812345678"])
    capsys.readouterr()
    assert main(["--db", url, "do-not-call", "clear", "13812345678", "--reason", " "]) == 2
    assert "原因" in capsys.readouterr().err
    assert main(["--db", url, "do-not-call", "clear", "13812345678", "--reason", "撤回"]) == 0
    with sqlite_db.sessions() as session:
        assert session.scalar(select(func.count()).where(DoNotCall.cleared_at.is_(None))) == 1
    bad = write_csv(tmp_path / "bad.csv", [["13712345678"], ["x"]])
    assert main(["--db", url, "do-not-call", "import", str(bad)]) == 2
    assert "第 2 行" in capsys.readouterr().err
    assert people.admin


@pytest.mark.parametrize(
    "words", [["list"], ["mark", "13812345678"], ["clear", "13812345678", "--reason", "x"]]
)
def test_the_commands_without_logging_in_are_refused(sqlite_db, monkeypatch, capsys, words):
    monkeypatch.setattr("app.i18n._language", "zh")
    accounts(sqlite_db)
    monkeypatch.delenv("REVISITDESK_USER", raising=False)
    typed_on_terminal(monkeypatch, ["nobody's password"] * 3)
    url = sqlite_db.engine.url.render_as_string(hide_password=False)
    assert main(["--db", url, "do-not-call", *words]) == 2
    assert "需要登录" in capsys.readouterr().err
    assert _rows(sqlite_db) == []
