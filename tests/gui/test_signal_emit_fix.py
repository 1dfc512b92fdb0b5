"""PySide6 6.12.0's Signal.emit() drops a reference to True; ui/ repairs it on import."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import ui  # noqa: F401  (importing ui applies the repair)


class Sender(QObject):
    happened = Signal(int)


def test_emitting_leaves_the_references_to_true_alone() -> None:
    sender = Sender()
    before = sys.getrefcount(True)
    for number in range(100):
        sender.happened.emit(number)
    assert sys.getrefcount(True) >= before
