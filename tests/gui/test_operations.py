"""The one way to run work off the GUI thread: one transaction per operation, expected errors
shown politely, Cancel, busy widgets, the write lock, work without a session, results on the
GUI thread."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from app.errors import Refused
from app.importing import FileRefused
from app.roles import NotPermitted, Permission
from db.database import Database
from db.models import Unit
from ui import operations
from ui.operations import Operation, Progress, delete_when_idle, operation

from .helpers import count


def add_unit(session: Session, name: str = "历下区不动产登记中心") -> None:
    session.add(Unit(name=name))
    session.flush()


@pytest.fixture
def owner(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def run(qtbot: QtBot, built: Operation) -> Operation:
    with qtbot.waitSignal(built.finished, timeout=30_000):
        built.run()
    return built


def test_the_work_runs_off_the_gui_thread_and_commits(qtbot, owner, sqlite_db: Database) -> None:
    threads, reports, results = [], [], []

    def work(session: Session, progress: Progress) -> str:
        threads.append(threading.current_thread())
        add_unit(session)
        progress(1, 2)
        progress(2, 2)
        return "done"

    run(
        qtbot,
        operation(owner, sqlite_db, work)
        .with_progress(lambda done, total: reports.append((done, total)))
        .on_success(results.append),
    )

    assert results == ["done"]
    assert reports == [(1, 2), (2, 2)]
    assert threads[0] is not threading.main_thread()
    assert count(sqlite_db, Unit) == 1
    assert not operations.busy()


def test_a_refusal_goes_to_on_failure_and_rolls_back(qtbot, owner, sqlite_db: Database) -> None:
    def work(session: Session, _progress: Progress) -> None:
        add_unit(session)
        raise FileRefused("file_empty")

    failures, finished = [], []
    built = (
        operation(owner, sqlite_db, work)
        .on_failure(failures.append)
        .on_finish(lambda: finished.append(True))
    )
    run(qtbot, built)

    assert isinstance(failures[0], Refused) and failures[0].code == "file_empty"
    assert finished == [True]
    assert count(sqlite_db, Unit) == 0
    assert owner.findChildren(QMessageBox) == []


def test_by_default_a_refusal_is_a_message_over_the_window(qtbot, owner, sqlite_db) -> None:
    def work(_session: Session, _progress: Progress) -> None:
        raise NotPermitted(Permission.ADMINISTER)

    run(qtbot, operation(owner, sqlite_db, work))

    (box,) = owner.findChildren(QMessageBox)
    assert box.isVisible() and box.windowTitle() == "无权操作"
    assert box.text().startswith("您的角色无权进行此操作（仅限")
    box.close()


def test_a_file_that_cannot_be_written_is_expected_too(qtbot, owner, sqlite_db) -> None:
    def work(_session: Session, _progress: Progress) -> None:
        raise PermissionError(13, "Permission denied", "/root/x.xlsx")

    run(qtbot, operation(owner, sqlite_db, work))

    (box,) = owner.findChildren(QMessageBox)
    assert box.windowTitle() == "不能完成"
    assert box.text() == "无法写入文件：没有读写权限（/root/x.xlsx）"
    box.close()


def test_more_errors_can_be_expected(qtbot, owner, sqlite_db) -> None:
    def work(_session: Session, _progress: Progress) -> None:
        raise LookupError("这条投诉已不存在。")

    failures = []
    run(qtbot, operation(owner, sqlite_db, work).expecting(LookupError).on_failure(failures.append))

    assert [str(f) for f in failures] == ["这条投诉已不存在。"]


def test_cancelling_stops_at_the_next_progress_report_and_rolls_back(
    qtbot, owner, sqlite_db: Database
) -> None:
    reached, cancelled = [], []

    def work(session: Session, progress: Progress) -> None:
        add_unit(session)
        progress(0, 1)
        reached.append("after the report")

    built = operation(owner, sqlite_db, work).on_cancel(lambda: cancelled.append(True))
    built.cancel()
    run(qtbot, built)

    assert reached == [] and cancelled == [True]
    assert count(sqlite_db, Unit) == 0


def test_busy_widgets_are_disabled_while_it_runs_and_enabled_after(qtbot, owner, sqlite_db):
    save, already_off = QPushButton(owner), QPushButton(owner)
    already_off.setEnabled(False)
    release = threading.Event()
    seen = []

    def work(_session: Session, _progress: Progress) -> None:
        release.wait(30)

    built = operation(owner, sqlite_db, work).busy(save, already_off)
    built.on_finish(lambda: seen.append((save.isEnabled(), already_off.isEnabled())))
    with qtbot.waitSignal(built.finished, timeout=30_000):
        built.run()
        assert not save.isEnabled() and operations.busy()
        release.set()

    assert seen == [(True, False)]


def test_writing_takes_sqlites_write_lock_before_the_first_read(qtbot, owner, sqlite_db):
    """While a writing operation runs, another connection cannot begin a write: the lock was
    taken at BEGIN, not at the first INSERT."""
    holding, release = threading.Event(), threading.Event()

    def work(_session: Session, _progress: Progress) -> None:
        holding.set()
        release.wait(30)

    built = operation(owner, sqlite_db, work).writing()
    with qtbot.waitSignal(built.finished, timeout=30_000):
        built.run()
        assert holding.wait(30)
        with sqlite_db.engine.connect() as other:
            other.exec_driver_sql("PRAGMA busy_timeout = 0")
            with pytest.raises(Exception, match="locked"):
                other.exec_driver_sql("BEGIN IMMEDIATE")
        release.set()


def test_work_without_a_session_runs_on_the_file_thread(qtbot, owner, sqlite_db) -> None:
    """A backup opens connections of its own: it is not queued behind the database thread."""
    database_busy, release = threading.Event(), threading.Event()
    results = []

    def hold_the_database(_session: Session, _progress: Progress) -> None:
        database_busy.set()
        release.wait(30)

    def file_work(progress: Progress) -> str:
        progress(1, 1)
        return threading.current_thread().name

    held = operation(owner, sqlite_db, hold_the_database)
    with qtbot.waitSignal(held.finished, timeout=30_000):
        held.run()
        assert database_busy.wait(30)
        run(qtbot, operation(owner, None, file_work).on_success(results.append))
        release.set()

    assert results and results[0] != threading.main_thread().name


def test_an_unexpected_error_is_logged_shown_politely_and_rolled_back(
    qtbot: QtBot, owner, sqlite_db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    def work(session: Session, _progress: Progress) -> None:
        add_unit(session)
        raise RuntimeError("disk on fire")

    with caplog.at_level(logging.ERROR):
        run(qtbot, operation(owner, sqlite_db, work))

    assert count(sqlite_db, Unit) == 0
    assert "disk on fire" in caplog.text
    boxes = owner.findChildren(QMessageBox)
    assert len(boxes) == 1
    assert boxes[0].isVisible()
    assert boxes[0].text() == "操作没有完成：发生了意外的错误。没有保存任何改动。"
    assert "RuntimeError: disk on fire" in boxes[0].detailedText()
    # Qt's own buttons speak Chinese too (qtbase_zh_CN is installed with the language).
    assert boxes[0].button(QMessageBox.StandardButton.Ok).text() == "确定"
    boxes[0].close()


def test_an_operation_runs_once(qtbot, owner, sqlite_db) -> None:
    built = run(qtbot, operation(owner, sqlite_db, lambda _s, _p: None))
    with pytest.raises(RuntimeError):
        built.run()


def test_a_closed_dialog_is_deleted_once_its_work_has_reported(qtbot, owner, sqlite_db) -> None:
    dialog = QWidget(owner)
    release = threading.Event()
    reported = []

    def work(_session: Session, _progress: Progress) -> None:
        release.wait(30)

    built = operation(dialog, sqlite_db, work).on_success(lambda _r: reported.append(True))
    built.run()
    with qtbot.waitSignal(dialog.destroyed, timeout=30_000):
        delete_when_idle(dialog)
        assert reported == []  # still there while the work runs
        release.set()

    assert reported == [True]


def test_cancel_and_wait_also_waits_for_work_that_an_outcome_starts(owner, sqlite_db: Database):
    """A page that has loaded who is at the seat refreshes its tabs: when the window closes
    just then, that new work is finished too before the window may be deleted."""
    gate = threading.Event()
    ran: list[str] = []

    def first(_session: Session, _progress: Progress) -> str:
        gate.wait(5)
        return "loaded"

    def second(_session: Session, _progress: Progress) -> None:
        ran.append("refreshed")

    def loaded(_result: str) -> None:
        operation(owner, sqlite_db, second).run()

    operation(owner, sqlite_db, first).on_success(loaded).run()
    gate.set()
    operations.cancel_and_wait()
    assert not operations.busy() and ran == ["refreshed"]


def test_work_whose_window_is_deleted_meanwhile_reports_to_nobody(qtbot, sqlite_db) -> None:
    """The operation is not a child of its window: a closed window's deletion neither takes the
    running operation with it (its worker would then signal through freed memory) nor, later,
    is it destroyed from within the operation's own destructor when the callbacks holding the
    last reference to it go."""
    import shiboken6

    window = QWidget()
    release = threading.Event()
    told: list[object] = []

    def work(_session: Session, _progress: Progress) -> str:
        release.wait(30)
        return "done"

    built = operation(window, sqlite_db, work).on_success(
        lambda result: told.append((window, result))
    )
    built.run()
    assert built.parent() is None and operations.running_for(window) == [built]
    shiboken6.delete(window)
    release.set()
    qtbot.waitUntil(lambda: not operations.busy())
    assert told == []
