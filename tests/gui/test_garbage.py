"""Garbage is collected on the GUI thread only (see ui/garbage.py)."""

from __future__ import annotations

import gc

from PySide6.QtWidgets import QApplication

from ui.garbage import GuiThreadCollector, collect_on_gui_thread


def test_automatic_collection_is_off_and_the_gui_thread_collects(qapp: QApplication) -> None:
    collector = collect_on_gui_thread(qapp)
    assert collect_on_gui_thread(qapp) is collector  # one collector per application
    assert not gc.isenabled()
    assert collector._timer.isActive()
    assert collector.thread() is qapp.thread()
    assert isinstance(collector, GuiThreadCollector)
