"""The background operation runner: one transaction per operation, results on the GUI thread."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from app.importing import FileRefused
from db.database import Database
from db.models import Unit
from ui.operations import BackgroundOperation, Progress

from .helpers import count


def add_unit(session: Session, name: str = "历下区不动产登记中心") -> None:
    session.add(Unit(name=name))
    session.flush()


def test_the_work_runs_off_the_gui_thread_and_commits(qtbot: QtBot, sqlite_db: Database) -> None:
    threads = []

    def work(session: Session, progress: Progress) -> str:
        threads.append(threading.current_thread())
        add_unit(session)
        progress(1, 2)
        progress(2, 2)
        return "done"

    operation = BackgroundOperation(sqlite_db, work)
    reports = []
    operation.progressed.connect(lambda done, total: reports.append((done, total)))
    with (
        qtbot.waitSignal(operation.succeeded) as succeeded,
        qtbot.waitSignal(operation.finished),
    ):
        operation.start()

    assert succeeded.args == ["done"]
    assert reports == [(1, 2), (2, 2)]
    assert threads[0] is not threading.main_thread()
    assert count(sqlite_db, Unit) == 1


def test_an_expected_error_is_handed_over_and_rolls_back(qtbot: QtBot, sqlite_db: Database) -> None:
    def work(session: Session, _progress: Progress) -> None:
        add_unit(session)
        raise FileRefused("file_empty")

    operation = BackgroundOperation(sqlite_db, work, expected=(FileRefused,))
    with qtbot.waitSignal(operation.failed) as failed, qtbot.waitSignal(operation.finished):
        operation.start()

    assert failed.args[0].code == "file_empty"
    assert count(sqlite_db, Unit) == 0


def test_cancelling_stops_at_the_next_progress_report_and_rolls_back(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    reached = []

    def work(session: Session, progress: Progress) -> None:
        add_unit(session)
        progress(0, 1)
        reached.append("after the report")

    operation = BackgroundOperation(sqlite_db, work)
    operation.cancel()
    with qtbot.waitSignal(operation.cancelled), qtbot.waitSignal(operation.finished):
        operation.start()

    assert reached == []
    assert count(sqlite_db, Unit) == 0


def test_an_unexpected_error_is_logged_shown_politely_and_rolled_back(
    qtbot: QtBot, sqlite_db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    def work(session: Session, _progress: Progress) -> None:
        add_unit(session)
        raise RuntimeError("disk on fire")

    owner = QWidget()
    qtbot.addWidget(owner)
    operation = BackgroundOperation(sqlite_db, work, parent=owner)
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(operation.finished):
        operation.start()

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
