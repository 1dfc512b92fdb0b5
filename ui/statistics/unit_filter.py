"""Which units the statistics show: a button with a menu of checkable units (all by default).

The menu stays open while units are ticked, so that several can be chosen in one go; a unit
that appears later (another period) is shown until it is unticked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

TOGGLE_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _StayOpenMenu(QMenu):
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.actionAt(event.position().toPoint())
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self.activeAction()
        if event.key() in TOGGLE_KEYS and action is not None and action.isCheckable():
            action.trigger()
            return
        super().keyPressEvent(event)


class UnitFilter(QToolButton):
    # The set of shown units changed.
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hidden: set[str] = set()
        self._units: list[str] = []
        self.unit_actions: dict[str, QAction] = {}
        self.menu = _StayOpenMenu(self)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.clicked.connect(self.show_menu)
        self._rebuild()

    def show_menu(self) -> None:
        self.menu.popup(self.mapToGlobal(self.rect().bottomLeft()))

    def set_units(self, units: list[str]) -> None:
        """The units there are to choose from (e.g. those of the period on screen)."""
        if units != self._units:
            self._units = list(units)
            self._rebuild()

    def shows(self, unit: str) -> bool:
        return unit not in self._hidden

    def show_only(self, units: set[str]) -> None:
        self._hidden = set(self._units) - units
        self._sync()

    def show_all(self) -> None:
        self._hidden.clear()
        self._sync()

    def _rebuild(self) -> None:
        self.menu.clear()
        self.all_action = self.menu.addAction(self.tr("显示全部单位(&A)"))
        self.all_action.triggered.connect(self.show_all)
        self.menu.addSeparator()
        self.unit_actions = {}
        for unit in self._units:
            action = self.menu.addAction(unit)
            action.setCheckable(True)
            action.toggled.connect(lambda checked, name=unit: self._toggle(name, checked))
            self.unit_actions[unit] = action
        self._sync(notify=False)

    def _toggle(self, unit: str, shown: bool) -> None:
        if shown == self.shows(unit):
            return
        if shown:
            self._hidden.discard(unit)
        else:
            self._hidden.add(unit)
        self._sync()

    def _sync(self, notify: bool = True) -> None:
        for unit, action in self.unit_actions.items():
            action.blockSignals(True)
            action.setChecked(self.shows(unit))
            action.blockSignals(False)
        shown = sum(1 for unit in self._units if self.shows(unit))
        self.all_action.setEnabled(shown < len(self._units))
        if shown == len(self._units):
            self.setText(self.tr("单位：全部 ▾"))
        else:
            self.setText(
                self.tr("单位：{shown} / {total} ▾").format(shown=shown, total=len(self._units))
            )
        if notify:
            self.changed.emit()
