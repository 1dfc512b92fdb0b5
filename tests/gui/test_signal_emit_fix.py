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


def test_a_long_day_of_void_calls_cannot_free_none() -> None:
    """PySide6 6.12.0 drops a reference to None on each call of a method returning nothing."""
    sender = Sender()
    for _ in range(50_000):  # more than None had references before the repair
        sender.setObjectName("sender")
    assert sys.getrefcount(None) > 1_000_000
