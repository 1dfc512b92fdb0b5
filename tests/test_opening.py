"""A database is opened, never invented: what --db and REVISITDESK_DB may name, what a file
must be, and who may make a new one (issue 19)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.opening import DatabaseMissing, open_app_database
from cli import main
from ui.application import run
from ui.main_window import MainWindow


def _refused(capsys, *argv: str) -> str:
    assert main(["--lang", "en", *argv]) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return captured.err


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("mysql://user@host/db", 'The database type "mysql" is not supported'),
        ("sqlite+pysqlcipher:///x.db", 'The database type "sqlite+pysqlcipher" is not supported'),
        ("postgresql+psycopg2://u@h/d", "is not supported"),
        ("not a url", '"not a url" is not a database URL'),
        ("=HYPERLINK(1)", "is not a database URL"),
    ],
)
def test_only_the_supported_backends_are_accepted(capsys, url, said) -> None:
    assert said in _refused(capsys, "--db", url, "units", "list")


def test_the_environment_is_checked_like_the_option(capsys, monkeypatch) -> None:
    monkeypatch.setenv("REVISITDESK_DB", "mysql://user@host/db")
    assert "is not supported" in _refused(capsys, "units", "list")


def test_a_typo_in_the_path_creates_nothing(capsys, tmp_path: Path) -> None:
    missing_folder = tmp_path / "no such folder" / "revisitdesk.sqlite3"
    err = _refused(capsys, "--db", f"sqlite:///{missing_folder}", "units", "list")
    assert f"The folder of the database file, {missing_folder.parent}, does not exist" in err
    assert not missing_folder.parent.exists()

    missing_file = tmp_path / "revisitdesk.sqlte3"
    err = _refused(capsys, "--db", f"sqlite:///{missing_file}", "units", "list")
    assert f"The database file {missing_file} does not exist" in err
    assert '"db create"' in err
    assert list(tmp_path.iterdir()) == []

    err = _refused(capsys, "--db", f"sqlite:///{tmp_path}", "units", "list")
    assert f"{tmp_path} is not a file" in err


def test_a_new_database_is_made_when_asked_for(capsys, tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    assert main(["--lang", "en", "--db", f"sqlite:///{path}", "db", "create"]) == 0
    assert "The new database is ready" in capsys.readouterr().out
    assert main(["--db", f"sqlite:///{path}", "units", "list"]) == 0

    demo = tmp_path / "demo.sqlite3"
    assert main(["--db", f"sqlite:///{demo}", "demo", "--cases", "20"]) == 0
    assert demo.is_file()
    # A database with data in it is left alone by db create.
    err = _refused(capsys, "--db", f"sqlite:///{demo}", "db", "create")
    assert "already exists and holds data; nothing was changed" in err


def test_an_empty_file_is_a_new_database_only_when_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "touched.sqlite3"
    path.touch()
    with pytest.raises(DatabaseMissing):
        open_app_database(f"sqlite:///{path}")
    open_app_database(f"sqlite:///{path}", create=True).close()
    open_app_database(f"sqlite:///{path}").close()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"root:x:0:0:root:/root:/bin/bash\n" * 4, "is not a SQLite file in the clear"),
        (b"hi", "is not a SQLite file in the clear"),
        (b"PK\x03\x04" + bytes(200), "is not a SQLite file in the clear"),
        (b"SQLite format 3\x00" + bytes(84), "is not a RevisitDesk database"),
    ],
)
def test_a_file_that_is_not_a_database_is_refused(capsys, tmp_path, content, said) -> None:
    path = tmp_path / "cases.sqlite3"
    path.write_bytes(content)
    err = _refused(capsys, "--db", f"sqlite:///{path}", "units", "list")
    assert said in err
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.sqlite3"]


def test_somebody_elses_sqlite_database_is_left_as_it_is(capsys, tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE payments (id INTEGER)")
    before = path.read_bytes()
    err = _refused(capsys, "--db", f"sqlite:///{path}", "units", "list")
    assert f"{path} is not a RevisitDesk database: it holds other tables (payments)" in err
    assert path.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused_without_a_copy_aside(
    capsys, sqlite_url: str
) -> None:
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0999_from_the_future'")
    err = _refused(capsys, "--db", sqlite_url, "units", "list")
    assert "made or upgraded by a newer RevisitDesk (schema revision 0999_from_the_future)" in err
    assert [p.name for p in path.parent.iterdir() if "before-upgrade" in p.name] == []


def test_an_unreachable_server_is_a_message(capsys) -> None:
    err = _refused(capsys, "--db", "postgresql://nobody@127.0.0.1:1/none", "units", "list")
    assert "Cannot open postgresql://nobody@127.0.0.1:1/none" in err


def test_the_window_asks_before_making_a_new_database(qtbot, tmp_path, monkeypatch) -> None:
    asked = []

    def answer(parent, title, text, buttons, default):
        asked.append((text, default))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    path = tmp_path / "mistyped.sqlite3"
    assert run(f"sqlite:///{path}", "zh") == 0
    assert asked == [
        (f"数据库文件 {path} 不存在。\n\n新建一个空数据库并开始首次设置吗？", QMessageBox.No)
    ]
    assert not path.exists()


def test_the_window_says_why_it_cannot_open_a_database(qtbot, tmp_path, monkeypatch) -> None:
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: said.append(text))
    assert run("mysql://user@host/db", "en") == 2
    assert said == [
        'The database type "mysql" is not supported: only SQLite files (sqlite:///…) and '
        "PostgreSQL (postgresql://…)."
    ]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
