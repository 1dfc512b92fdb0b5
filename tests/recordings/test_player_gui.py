"""The player plays a call's recording offscreen (FFmpeg, no sound card needed): duration,
seeking, speed, pause; each start of play audited as a listen. The case's history offers it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.recordings.filing import add_recording
from app.roles import Role
from app.scanning.store import AttachmentStore
from app.staff import StaffMember
from db.models import AuditEntry
from ui.board.task_dialog import CaseHistoryDialog
from ui.recordings.player import RecordingPlayer

from .helpers import CALL_AT, add_attempt, wav

WAIT = 20_000


@pytest.fixture
def recorded(sqlite_db, sqlite_people):
    with sqlite_db.sessions.begin() as session:
        added = add_recording(
            session,
            AttachmentStore.for_database(sqlite_db),
            wav(12.0),
            "call.wav",
            recorded_at=CALL_AT,
            call_ref="call-1",
            actor_id=None,
        )
    return added.recording_id


def _listens(database) -> list[str]:
    with database.sessions() as session:
        return [
            actor.split(" ")[0]
            for actor in session.scalars(
                select(AuditEntry.actor).where(AuditEntry.action == "recording.listen")
            )
        ]


def _player(qtbot: QtBot, database, staff: StaffMember) -> RecordingPlayer:
    player = RecordingPlayer(database, lambda: staff)
    qtbot.addWidget(player)
    player.show()
    return player


def test_the_player_plays_seeks_changes_speed_and_audits_each_listen(
    qtbot: QtBot, sqlite_db, sqlite_people, recorded
):
    operator = StaffMember(sqlite_people.operator, "王芳", Role.OPERATOR)
    player = _player(qtbot, sqlite_db, operator)
    with qtbot.waitSignal(player.loaded, timeout=WAIT):
        player.show_attempt(sqlite_people.attempt_id)
    assert player.time_label.text() == "0:00 / 0:12"
    assert player.play_button.isEnabled()
    player.play_button.setFocus()
    with qtbot.waitSignal(player.listened, timeout=WAIT):
        qtbot.keyClick(player.play_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: player.media.duration() == 12_000, timeout=WAIT)
    qtbot.waitUntil(lambda: player.position() > 0, timeout=WAIT)
    assert player.is_playing() and _listens(sqlite_db) == ["王芳"]
    # → five seconds on, ← five back.
    before = player.position()
    qtbot.keyClick(player.play_button, Qt.Key.Key_Right)
    assert player.position() >= before + 4000
    qtbot.keyClick(player.play_button, Qt.Key.Key_Left)
    assert player.position() < before + 4000
    # Speed.
    player.speed.setCurrentIndex(player.speed.findData(2.0))
    assert player.media.playbackRate() == 2.0
    # Space pauses; Space again resumes — the same listen, not audited again.
    qtbot.keyClick(player.play_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not player.is_playing(), timeout=WAIT)
    qtbot.keyClick(player.play_button, Qt.Key.Key_Space)
    qtbot.waitUntil(player.is_playing, timeout=WAIT)
    assert _listens(sqlite_db) == ["王芳"]
    # Stopped and started again: a new listen.
    player.stop()
    assert not player.is_playing()
    with qtbot.waitSignal(player.listened, timeout=WAIT):
        player.toggle()
    assert _listens(sqlite_db) == ["王芳", "王芳"]
    player.stop()


def test_a_call_without_a_recording_says_so(qtbot: QtBot, sqlite_db, sqlite_people):
    other = add_attempt(sqlite_db, sqlite_people.case_id, CALL_AT, operator_id=None)
    staff = StaffMember(sqlite_people.lead, "张组长", Role.TEAM_LEAD)
    player = _player(qtbot, sqlite_db, staff)
    with qtbot.waitSignal(player.loaded, timeout=WAIT):
        player.show_attempt(other)
    assert player.status_label.text() == "此通话没有录音"
    assert not player.play_button.isEnabled()
    player.toggle()  # nothing to play: nothing happens
    assert _listens(sqlite_db) == []


def test_the_case_history_plays_a_calls_recording_with_one_key(
    qtbot: QtBot, sqlite_db, sqlite_people, recorded
):
    auditor = StaffMember(sqlite_people.auditor, "钱审计", Role.AUDITOR)
    dialog = CaseHistoryDialog(sqlite_db, sqlite_people.case_id, lambda: auditor)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT):
        dialog.reload()
    assert "录音：0:12" in dialog.history_view.toPlainText()
    assert "播放录音" in dialog.history_view.toPlainText()
    assert not dialog.player.isVisible()
    with qtbot.waitSignal(dialog.player.listened, timeout=WAIT):
        qtbot.keyClick(dialog, Qt.Key.Key_F9)
    assert dialog.player.isVisible() and _listens(sqlite_db) == ["钱审计"]
    qtbot.waitUntil(dialog.player.is_playing, timeout=WAIT)
    dialog.reject()
    assert not dialog.player.is_playing()
    # The link of the call does the same.
    with qtbot.waitSignal(dialog.player.listened, timeout=WAIT):
        dialog.history_view.recording_opened.emit(sqlite_people.attempt_id)
    dialog.player.stop()
