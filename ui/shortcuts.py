"""Keyboard shortcuts, made one way for every page, tab and dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

Keys = QKeySequence | QKeySequence.StandardKey | Qt.Key | str
Context = Qt.ShortcutContext


def shortcuts(
    owner: QWidget,
    bindings: Iterable[tuple[Keys, Callable[[], object]]],
    context: Context = Context.WindowShortcut,
) -> list[QShortcut]:
    """Shortcuts of `owner`: by default they work wherever the focus is in its window while
    `owner` is shown (a page or tab that is hidden takes none)."""
    made = []
    for keys, slot in bindings:
        shortcut = QShortcut(QKeySequence(keys), owner)
        shortcut.setContext(context)
        shortcut.activated.connect(slot)
        made.append(shortcut)
    return made


def enter_activates(view: QWidget, slot: Callable[[], object]) -> list[QShortcut]:
    """Return and Enter on a list (its focus on it) do what a double click does."""
    return shortcuts(view, [("Return", slot), ("Enter", slot)], Context.WidgetShortcut)
