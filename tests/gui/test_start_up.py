"""The window's frame painted before the database opens behind it (ui.start_up, issue 23): only
on a database its first look finds ready, and the start is the same as without it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import ui.application
from db.database import Database
from db.engine import resolve_database_url
from db.models import Staff, Unit
from ui.application import run
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.pages.call_desk_page import CallDeskPage
from ui.start_up import likely_url, opens_as_it_is

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def in_use(sqlite_db: Database, tmp_path: Path) -> str:
    """The URL of a database past its first run (it has a unit), nobody with a password."""
    with sqlite_db.sessions.begin() as session:
        session.add(Unit(name="历下区不动产登记中心"))
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


def _windows() -> list[MainWindow]:
    """The main windows left, shown or not."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def _file(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def test_the_first_look_resolves_the_url_as_the_engine_does(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("REVISITDESK_DB", raising=False)
    assert likely_url(None) == resolve_database_url(None)  # the default file
    monkeypatch.setenv("REVISITDESK_DB", "sqlite:////elsewhere.sqlite3")
    assert likely_url(None) == resolve_database_url(None) == "sqlite:////elsewhere.sqlite3"
    assert likely_url("sqlite:///given") == resolve_database_url("sqlite:///given")


def test_a_database_ready_to_work_on_is_seen_as_such(in_use: str) -> None:
    assert opens_as_it_is(in_use)


def test_a_log_in_or_a_set_up_to_come_is_seen(sqlite_db: Database, in_use: str) -> None:
    path = _file(in_use)
    with sqlite_db.sessions.begin() as session:  # somebody who left, with a password: no log-in
        session.add(Staff(name="离职", username="gone", password_hash="x", active=False))
    assert opens_as_it_is(in_use)
    with sqlite_db.sessions.begin() as session:  # somebody logs in: the log-in first
        session.add(Staff(name="王芳", username="wang", password_hash="x"))
    assert not opens_as_it_is(in_use)

    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM staff")
    assert opens_as_it_is(in_use)
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM units")
    assert not opens_as_it_is(in_use)  # nothing set up: the set-up wizard first


def test_an_older_schema_another_file_or_url_is_opened_the_long_way(in_use: str, tmp_path):
    path = _file(in_use)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0020'")
    assert not opens_as_it_is(in_use)  # the upgrade, with its copy aside

    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"\x8f" * 4096)  # an encrypted file looks like this
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE things (x)")
    folder = tmp_path / "a-folder.sqlite3"
    folder.mkdir()
    for url in (
        f"sqlite:///{garbage}",
        f"sqlite:///{foreign}",
        f"sqlite:///{folder}",
        f"sqlite:///{tmp_path / 'missing.sqlite3'}",
        f"sqlite:///{path}?mode=ro",
        f"sqlite:///{tmp_path}/%74est.sqlite3",
        f"sqlite:///{path}\x00",
        "sqlite:///" + "x" * 5000,
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite+pysqlite:///" + str(path),
        "postgresql://nobody@127.0.0.1:1/none",
        "mysql://user@host/db",
        "not a url",
        "",
    ):
        assert not opens_as_it_is(url), url
    assert foreign.stat().st_size and not (tmp_path / "missing.sqlite3").exists()


def test_the_frame_is_painted_first_then_the_database_opens_behind_it(in_use: str) -> None:
    seen: list[object] = []
    frames: list[MainWindow] = []

    def look() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not windows:
            QTimer.singleShot(5, look)
            return
        (window,) = windows
        if window.database is None:  # the frame: the first page's name, no page yet
            if not frames:
                frames.append(window)
                seen.append((window.navigation.item(0).text(), window.statusBar().currentMessage()))
            QTimer.singleShot(5, look)
            return
        seen.append(window is frames[0])
        seen.append(isinstance(window.page(0), CallDeskPage))
        seen.append(window.status.url_label.text())
        seen.append(window.idle_lock is not None)
        window.close()
        window.deleteLater()

    QTimer.singleShot(0, look)
    assert run(in_use, "zh") == 0
    assert seen == [
        ("回访工作台", "正在打开数据库…"),
        True,
        True,
        f"数据库：{in_use}",
        True,
    ]


def test_where_the_first_look_was_wrong_the_window_starts_as_without_it(
    sqlite_db: Database, in_use: str, monkeypatch
) -> None:
    with sqlite_db.sessions.begin() as session:
        session.add(Staff(name="王芳", username="wang", password_hash="x"))
    monkeypatch.setattr(ui.application, "opens_as_it_is", lambda url: True)
    seen: list[bool] = []

    def give_up() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog)]
        if not [d for d in dialogs if d.isVisible()]:
            QTimer.singleShot(5, give_up)
            return
        # The log-in, over no window: the frame was put away.
        seen.append(
            any(isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets())
        )
        [d for d in dialogs if d.isVisible()][0].reject()

    QTimer.singleShot(0, give_up)
    assert run(in_use, "zh") == 0  # gave up: no window
    assert seen == [False]
    assert not _windows()


def test_an_unexpected_error_behind_the_frame_is_raised_as_without_it(in_use, monkeypatch):
    def broken(url):
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(ui.application, "_open", broken)
    with pytest.raises(RuntimeError, match="the disk went away"):
        run(in_use, "zh")
    assert not _windows()


def test_a_refusal_behind_the_frame_ends_with_its_exit_code(in_use, monkeypatch) -> None:
    monkeypatch.setattr(ui.application, "_open", lambda url: 2)  # said in a message box
    assert run(in_use, "zh") == 2
    assert not _windows()


def test_the_frame_is_painted_before_sqlalchemy_is_loaded(in_use: str, tmp_path) -> None:
    """main.py as a person starts it: what is loaded when the window first paints."""
    probe = (
        "import sys, ui.application as a\n"
        "report = a._FirstPaintExit._report\n"
        "def noted(self, what, finished=False):\n"
        "    print(what, 'sqlalchemy' in sys.modules, flush=True)\n"
        "    report(self, what, finished)\n"
        "a._FirstPaintExit._report = noted\n"
        "import main\n"
        "sys.exit(main.main(['--db', sys.argv[1]]))\n"
    )
    environment = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "QT_QPA_PLATFORM": "offscreen",
        "REVISITDESK_EXIT_AFTER_FIRST_PAINT": "1",
        "PYTHONPATH": str(ROOT),
    }
    finished = subprocess.run(
        [sys.executable, "-c", probe, in_use],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
    said = [line.split()[:2] for line in finished.stdout.splitlines()]
    assert ["first-paint", "False"] in said and ["ready", "True"] in said, finished.stdout
    assert said.index(["first-paint", "False"]) < said.index(["ready", "True"])
