"""A call's recording, played where the call is shown (the case's history, the tray, quality
inspection): QtMultimedia's player on the file as the store keeps it, never a copy on disk.

    Space      play / pause          ← / →   back / on 5 s
    Alt+V      speed (0.75 · 1 · 1.25 · 1.5 · 2)       Alt+R   which recording (a call with more)

Each start of play (not a resume after a pause) fetches the file through app.recordings, which
writes the audit entry of the listen (who, when), on the database thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.recordings.filing import RecordingRow, attempt_recordings, listen
from app.scanning.store import AttachmentStore
from app.staff import StaffMember
from db.database import Database
from ui.desk.display import local_time
from ui.operations import Progress, operation

SPEEDS = (0.75, 1.0, 1.25, 1.5, 2.0)
SEEK_MS = 5000


def clock_text(milliseconds: int) -> str:
    seconds = max(0, milliseconds) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class RecordingPlayer(QWidget):
    """Plays the recording(s) of one call attempt (`show_attempt`)."""

    loaded = Signal()  # the attempt's recordings are listed (or "none" is shown)
    listened = Signal(int)  # a recording's id: fetched, audited and handed to the player

    def __init__(
        self,
        database: Database,
        current_staff: Callable[[], StaffMember | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.current_staff = current_staff
        self.call_attempt_id: int | None = None
        self.recordings: list[RecordingRow] = []
        self._source_id: int | None = None  # the recording in the player
        self._buffer: QBuffer | None = None
        self._seeking = False
        self.media = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.media.setAudioOutput(self.audio)
        self.media.durationChanged.connect(self._duration_changed)
        self.media.positionChanged.connect(self._position_changed)
        self.media.playbackStateChanged.connect(self._state_changed)
        self.media.errorOccurred.connect(self._media_error)
        self._build()

    def _build(self) -> None:
        self.status_label = QLabel(self.tr("未选择通话"))
        self.status_label.setWordWrap(True)
        self.choice = QComboBox()
        self.choice.currentIndexChanged.connect(self._choice_changed)
        choice_label = QLabel(self.tr("录音(&R)"))
        choice_label.setBuddy(self.choice)
        self.play_button = QPushButton(self.tr("播放 (空格)"))
        self.play_button.setAutoDefault(False)
        self.play_button.clicked.connect(self.toggle)
        self.back_button = QPushButton(self.tr("← 5 秒"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.on_button = QPushButton(self.tr("5 秒 →"))
        self.on_button.setAutoDefault(False)
        self.on_button.clicked.connect(self.forward)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.setSingleStep(1000)
        self.slider.setPageStep(SEEK_MS)
        self.slider.sliderMoved.connect(self._slider_moved)
        self.slider.valueChanged.connect(self._slider_value)
        self.slider.setAccessibleName(self.tr("播放位置"))
        self.time_label = QLabel("0:00 / 0:00")
        self.speed = QComboBox()
        for value in SPEEDS:
            self.speed.addItem(f"{value:g}×", value)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.currentIndexChanged.connect(self._speed_changed)
        speed_label = QLabel(self.tr("速度(&V)"))
        speed_label.setBuddy(self.speed)
        top = QHBoxLayout()
        top.addWidget(choice_label)
        top.addWidget(self.choice, 1)
        top.addWidget(speed_label)
        top.addWidget(self.speed)
        row = QHBoxLayout()
        row.addWidget(self.play_button)
        row.addWidget(self.back_button)
        row.addWidget(self.slider, 1)
        row.addWidget(self.on_button)
        row.addWidget(self.time_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status_label)
        layout.addLayout(top)
        layout.addLayout(row)
        for key, slot in (
            (Qt.Key.Key_Space, self.toggle),
            (Qt.Key.Key_Left, self.back),
            (Qt.Key.Key_Right, self.forward),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._update_enabled()

    # Loading

    def show_attempt(self, call_attempt_id: int) -> None:
        """List the attempt's recordings (the first chosen), or say it has none."""
        self.stop()
        self.call_attempt_id = call_attempt_id
        self.recordings = []
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.blockSignals(False)
        self.status_label.setText(self.tr("正在读取录音…"))
        self._update_enabled()
        staff = self.current_staff()
        viewer_id = staff.id if staff else None

        def load(session: Session, _progress: Progress) -> list[RecordingRow]:
            return attempt_recordings(session, call_attempt_id, viewer_id=viewer_id)

        operation(self, self.database, load).on_success(
            lambda rows, wanted=call_attempt_id: self._show(wanted, rows)
        ).run()

    def show_recording(self, row: RecordingRow | None) -> None:
        """Offer one recording (e.g. of the tray, not yet filed to a call); None: nothing."""
        self.stop()
        self.call_attempt_id = None
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.blockSignals(False)
        self._show(None, [row] if row is not None else [])

    def _show(self, call_attempt_id: int | None, rows: list[RecordingRow]) -> None:
        if call_attempt_id != self.call_attempt_id:
            return  # another attempt was asked for since
        self.recordings = rows
        self.choice.blockSignals(True)
        for row in rows:
            self.choice.addItem(
                f"{local_time(row.recorded_at)}　{clock_text(row.duration_seconds * 1000)}",
                row.recording_id,
            )
        self.choice.blockSignals(False)
        if rows:
            self.status_label.setText(
                self.tr("此通话有 {n} 个录音").format(n=len(rows))
                if len(rows) > 1
                else self.tr("此通话有录音，按空格播放")
            )
            self._choice_changed()
        else:
            self.status_label.setText(self.tr("此通话没有录音"))
            self.time_label.setText("0:00 / 0:00")
        self._update_enabled()
        self.loaded.emit()

    def current_recording(self) -> RecordingRow | None:
        index = self.choice.currentIndex()
        return self.recordings[index] if 0 <= index < len(self.recordings) else None

    def _choice_changed(self, _index: int = 0) -> None:
        self._unload()
        row = self.current_recording()
        total = row.duration_seconds * 1000 if row else 0
        self.slider.setRange(0, total)
        self.time_label.setText(f"0:00 / {clock_text(total)}")
        self._update_enabled()

    # Playing

    def toggle(self) -> None:
        state = self.media.playbackState()
        if state == QMediaPlayer.PlaybackState.PlayingState:
            self.media.pause()
        elif state == QMediaPlayer.PlaybackState.PausedState and self._source_id is not None:
            self.media.play()
        else:
            self.play()

    def play(self) -> None:
        """Start playing the chosen recording: fetched (and the listen audited) first."""
        row = self.current_recording()
        if row is None:
            return
        store = AttachmentStore.for_database(self.database)
        staff = self.current_staff()
        by_id = staff.id if staff else None
        recording_id = row.recording_id
        start = self.slider.value()

        def fetch(session: Session, _progress: Progress) -> bytes:
            return listen(session, store, recording_id, by_id=by_id)

        self.play_button.setEnabled(False)
        operation(self, self.database, fetch).writing().on_success(
            lambda data: self._start(recording_id, data, start)
        ).on_finish(self._update_enabled).run()

    def _start(self, recording_id: int, data: bytes, start: int) -> None:
        row = self.current_recording()
        if row is None or row.recording_id != recording_id:
            return
        self._unload()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._source_id = recording_id
        self.media.setSourceDevice(self._buffer, QUrl(f"recording-{recording_id}.wav"))
        self.media.setPlaybackRate(self.speed.currentData())
        if 0 < start < self.slider.maximum():
            self.media.setPosition(start)
        self.media.play()
        self.listened.emit(recording_id)

    def _unload(self) -> None:
        self.media.stop()
        self.media.setSource(QUrl())
        self._source_id = None
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None

    def stop(self) -> None:
        """Stop playing and let go of the file (a dialog closing, another call chosen)."""
        self._unload()
        self.slider.blockSignals(True)
        self.slider.setValue(0)
        self.slider.blockSignals(False)
        self._update_enabled()

    def seek(self, milliseconds: int) -> None:
        milliseconds = max(0, min(milliseconds, self.slider.maximum()))
        if self._source_id is not None:
            self.media.setPosition(milliseconds)
        self.slider.blockSignals(True)
        self.slider.setValue(milliseconds)
        self.slider.blockSignals(False)
        self._show_time(milliseconds)

    def back(self) -> None:
        self.seek(self.position() - SEEK_MS)

    def forward(self) -> None:
        self.seek(self.position() + SEEK_MS)

    def position(self) -> int:
        return self.media.position() if self._source_id is not None else self.slider.value()

    def is_playing(self) -> bool:
        return self.media.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def _slider_moved(self, value: int) -> None:
        self.seek(value)

    def _slider_value(self, value: int) -> None:
        # The slider's own keys (Home, End, Page Up/Down) move it: the player follows.
        if not self.slider.isSliderDown():
            self.seek(value)

    def _speed_changed(self, _index: int) -> None:
        self.media.setPlaybackRate(self.speed.currentData())

    def _duration_changed(self, duration: int) -> None:
        if duration > 0:
            self.slider.setRange(0, duration)
            self._show_time(self.position())

    def _position_changed(self, position: int) -> None:
        if self._source_id is None:
            return
        if not self.slider.isSliderDown():
            self.slider.blockSignals(True)
            self.slider.setValue(position)
            self.slider.blockSignals(False)
        self._show_time(position)

    def _show_time(self, position: int) -> None:
        self.time_label.setText(f"{clock_text(position)} / {clock_text(self.slider.maximum())}")

    def _state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("暂停 (空格)") if playing else self.tr("播放 (空格)"))

    def _media_error(self, _error: QMediaPlayer.Error, text: str) -> None:
        self.status_label.setText(self.tr("无法播放此录音：{reason}").format(reason=text))

    def _update_enabled(self) -> None:
        has = self.current_recording() is not None
        for widget in (self.play_button, self.back_button, self.on_button, self.slider):
            widget.setEnabled(has)
        self.choice.setEnabled(len(self.recordings) > 1)
