"""Python's garbage collector, run on the GUI thread only.

A collection may start in whichever thread happens to allocate, and when it runs in a worker it
can destroy Qt objects that belong to the GUI thread — a crash, seen here as a segmentation fault
while a background PDF was being written. As Anki does, automatic collection is turned off and
the GUI thread collects on a timer instead. Reference counting still frees almost everything at
once; the collector only has cycles left to find.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

YOUNG_EVERY_MS = 1_000
FULL_EVERY = 60  # young collections between two full ones


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        gc.disable()
        self._ticks = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(YOUNG_EVERY_MS)

    def collect(self) -> None:
        self._ticks += 1
        if self._ticks % FULL_EVERY == 0:
            gc.collect()
        else:
            gc.collect(0)


def collect_on_gui_thread(application: QObject) -> GuiThreadCollector:
    """Turn off automatic collection; collect on `application`'s thread from now on."""
    existing = application.findChild(GuiThreadCollector)
    return existing if existing is not None else GuiThreadCollector(application)
