"""The recordings tab: the seat's folder imported with a key, the tray listened to, filed to a
call near it or discarded — and nothing of it for an operator."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.recordings.filing import add_recording
from app.roles import Role
from app.scanning.store import AttachmentStore
from app.staff import StaffMember
from db.models import CallRecording
from ui import preferences
from ui.recordings.tray_tab import RecordingsTab

from .helpers import CALL_AT, add_attempt, wav

WAIT = 20_000


def _statuses(database) -> list[tuple[str, int | None]]:
    with database.sessions() as session:
        rows = session.execute(
            select(CallRecording.status, CallRecording.call_attempt_id).order_by(CallRecording.id)
        ).all()
        return [tuple(row) for row in rows]


def _tab(qtbot: QtBot, database, staff: StaffMember) -> RecordingsTab:
    tab = RecordingsTab(database, lambda: staff)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.reloaded, timeout=WAIT):
        tab.show()
    return tab


def test_import_listen_file_and_discard_with_keys(
    qtbot: QtBot, sqlite_db, sqlite_people, tmp_path, monkeypatch: pytest.MonkeyPatch
):
    folder = tmp_path / "calls"
    folder.mkdir()
    preferences.RECORDINGS_FOLDER.set(str(folder))
    # Two calls of the number a minute apart: the recording fits both and waits in the tray.
    second = add_attempt(
        sqlite_db, sqlite_people.case_id, CALL_AT + timedelta(seconds=60), operator_id=None
    )
    for name, seconds in (("13812345678_20261207-101540.wav", 2), ("other.wav", 1)):
        path = folder / name
        path.write_bytes(wav(seconds))
        old = time.time() - 3600
        os.utime(path, (old, old))
    lead = StaffMember(sqlite_people.lead, "张组长", Role.TEAM_LEAD)
    tab = _tab(qtbot, sqlite_db, lead)
    assert str(folder) in tab.folder_label.text() and tab.table.rowCount() == 0
    with qtbot.waitSignal(tab.imported, timeout=WAIT) as imported:
        qtbot.keyClick(tab.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert imported.args[0].tray == 2
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2, timeout=WAIT)
    assert sorted(p.name for p in (folder / "done").iterdir()) == [
        "13812345678_20261207-101540.wav",
        "other.wav",
    ]
    # The progress window has closed: this one is active again.
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow, timeout=WAIT)
    # The first (by time) is the numbered one: both calls are offered, nearest first.
    tab.table.setFocus()
    tab.table.selectRow(0)
    qtbot.waitUntil(lambda: tab.calls.rowCount() == 2, timeout=WAIT)
    assert tab.table.item(0, 2).text() == "138****5678"
    assert tab.calls.item(0, 1).text() == "BDC2026120700001"
    # Listen first (Space), then file to the second call offered.
    with qtbot.waitSignal(tab.player.listened, timeout=WAIT):
        qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    tab.calls.setFocus()
    tab.calls.selectRow(1)
    wanted = tab.chosen_call().call_attempt_id
    assert wanted in (second, sqlite_people.attempt_id)
    with qtbot.waitSignal(tab.reloaded, timeout=WAIT):
        qtbot.keyClick(tab.calls, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "已归档到 BDC2026120700001" in tab.result_label.text()
    assert tab.table.rowCount() == 1
    # Delete discards, after asking.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.table.setFocus()
    tab.table.selectRow(0)
    with qtbot.waitSignal(tab.reloaded, timeout=WAIT):
        qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert tab.table.rowCount() == 0
    assert _statuses(sqlite_db) == [("filed", wanted), ("discarded", None)]
    tab.player.stop()


def test_an_operator_imports_but_does_not_see_the_tray(qtbot: QtBot, sqlite_db, sqlite_people):
    with sqlite_db.sessions.begin() as session:
        add_recording(
            session,
            AttachmentStore.for_database(sqlite_db),
            wav(1.0),
            "x.wav",
            recorded_at=CALL_AT,
            actor_id=None,
        )
    operator = StaffMember(sqlite_people.operator, "王芳", Role.OPERATOR)
    tab = _tab(qtbot, sqlite_db, operator)
    assert tab.table.rowCount() == 0 and not tab.table.isEnabled()
    assert "仅组长、管理员" in tab.permission_label.text()
    assert not tab.file_button.isEnabled() and not tab.discard_button.isEnabled()
    preferences.RECORDINGS_FOLDER.set(None)
    tab.import_now()  # no folder set: it says so, and imports nothing
    assert "未设置录音文件夹" in tab.folder_label.text()
