"""The pinned PySide6 keeps its references: 6.12.0 dropped one to None on every void call and one
to True on every emit, and Python 3.11 aborted after a long day at the desk. An upgrade to a
release with that fault fails here before it reaches a seat."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    probed = Signal()


def test_emits_and_void_calls_keep_the_references_of_none_and_true(qapp) -> None:
    probe = _Probe()
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(1000):
        probe.probed.emit()
        probe.setObjectName("probe")  # returns nothing
    assert sys.getrefcount(True) >= true_before - 10
    assert sys.getrefcount(None) >= none_before - 10
