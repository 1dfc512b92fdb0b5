"""What the two tabs share: a quarter bar, a line for messages and one for the summary, the work
done in the background one operation at a time, and the export to Excel through a file dialog.

Texts are the subclasses' (self.tr in their own context) and exporting.py's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget
from sqlalchemy.orm import Session

import ui.feedback.exporting as exporting
from app.staff import StaffMember
from db.database import Database
from ui.feedback.quarter_bar import QuarterBar
from ui.importing.summary_view import ERROR_STYLE, SUCCESS_STYLE
from ui.operations import Operation, operation
from ui.shortcuts import shortcuts

STATUS_SECONDS = 10


class ReportTab(QWidget):
    # Never emitted here: these tabs only read. Kept for the page that holds tabs which write.
    data_changed = Signal()
    # A computation or an export finished and its outcome is on screen.
    operation_finished = Signal()

    def __init__(
        self,
        database: Database,
        current_staff: Callable[[], StaffMember | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.current_staff = current_staff
        self.operation: Operation | None = None  # the one under way: refresh waits for it
        self._refresh_pending = False
        self._export_path = Path()

        self.bar = QuarterBar()
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)

        self.bar.period_changed.connect(self.refresh)
        self.bar.refresh_button.clicked.connect(self.refresh)
        self.bar.export_button.clicked.connect(self.export_xlsx)
        self.bar.unit_filter.changed.connect(self.show_result)
        shortcuts(
            self,
            [(Qt.Key.Key_F5, self.refresh), ("Ctrl+E", self.export_xlsx)],
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

    # For the subclasses

    def compute(self) -> None:
        """Start the chosen quarter's computation as `self.operation`, finishing with
        `_operation_done`."""
        raise NotImplementedError

    def show_result(self) -> None:
        """Show the latest result, of the units the filter lets through."""
        raise NotImplementedError

    def export_xlsx(self) -> None:
        raise NotImplementedError

    def can_export(self) -> bool:
        raise NotImplementedError

    # Computing

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()  # other tabs and pages may have changed the data since

    def refresh(self) -> None:
        if self.operation is not None:
            self._refresh_pending = True  # once the running work is done
            return
        self.hide_message()  # e.g. an export's outcome, now out of date
        self.compute()
        self.update_enabled()

    def _operation_done(self) -> None:
        self.operation = None
        if self._refresh_pending:
            self._refresh_pending = False
            self.refresh()
            return
        self.update_enabled()
        self.operation_finished.emit()

    def update_enabled(self) -> None:
        idle = self.operation is None
        self.bar.set_busy(not idle)
        self.bar.export_button.setEnabled(idle and self.can_export())

    # Exporting

    def export(self, name: str, write: Callable[[Session, Path], None]) -> None:
        """Ask where to save `name`.xlsx, then write it in the background."""
        path = exporting.choose_xlsx(self, name)
        if path is None:
            return
        self.hide_message()
        self._export_path = path
        self.operation = (
            operation(self, self.database, exporting.xlsx_work(path, write))
            .writing()  # an export of personal data is audited (app.reports.exports)
            .on_success(self._exported)
            .on_failure(self._export_failed)
            .on_finish(self._operation_done)
            .run()
        )
        self.update_enabled()

    def _export_failed(self, error: Exception) -> None:
        self.show_message(exporting.failure_text(self._export_path, error), ERROR_STYLE)

    def _exported(self, path: Path) -> None:
        text = exporting.exported_text(path)
        self.show_message(text, SUCCESS_STYLE)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, STATUS_SECONDS * 1000)

    def show_message(self, text: str, style: str) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)
        self.message_label.show()

    def hide_message(self) -> None:
        self.message_label.clear()
        self.message_label.hide()
