"""Handing a number to the telephone, and timing the call that follows."""

from __future__ import annotations

import shlex
import time

from PySide6.QtCore import QObject, QProcess, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices


class DialFailed(Exception):
    """The number could not be handed over; the message says why, for the operator."""


def dial_arguments(command: str, number: str, extension: str | None) -> list[str]:
    """The program and arguments of a dial command such as `linphonec -c "call {number}"`.

    Split as a shell would, then filled in word by word: the number never passes through a
    shell, and a placeholder inside quotes stays one argument.
    """
    words = shlex.split(command)
    return [w.format(number=number, extension=extension or "") for w in words]


def dial(number: str, extension: str | None, command: str) -> None:
    """Dial `number` (E.164) with the seat's dial command, else with the system's tel: handler."""
    if command:
        try:
            program, *arguments = dial_arguments(command, number, extension)
        except (ValueError, KeyError, IndexError) as error:
            raise DialFailed(f"{command!r}: {error}") from error
        started, _pid = QProcess.startDetached(program, arguments)
        if not started:
            raise DialFailed(program)
        return
    url = QUrl(f"tel:{number}" + (f";ext={extension}" if extension else ""))
    if not QDesktopServices.openUrl(url):
        raise DialFailed(url.toString())


class CallTimer(QObject):
    """Seconds since the call began, ticking once a second while it runs."""

    ticked = Signal(str)  # "mm:ss"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.started_at: float | None = None  # seconds since the epoch (kept in drafts)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)

    def start(self, started_at: float | None = None) -> None:
        self.started_at = time.time() if started_at is None else started_at
        self._clock.start()
        self._tick()

    def stop(self) -> None:
        self.started_at = None
        self._clock.stop()
        self.ticked.emit("00:00")

    def running(self) -> bool:
        return self.started_at is not None

    def seconds(self) -> int | None:
        if self.started_at is None:
            return None
        return max(0, round(time.time() - self.started_at))

    def _tick(self) -> None:
        minutes, seconds = divmod(self.seconds() or 0, 60)
        self.ticked.emit(f"{minutes:02d}:{seconds:02d}")
