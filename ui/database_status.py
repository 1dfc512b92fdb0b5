"""The status bar's view of the database: which one is open and how much it holds."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.database_info import DatabaseCounts, database_counts
from db.database import Database
from ui.operations import operation


class DatabaseStatus(QStatusBar):
    """The database's URL on the left, its row counts on the right."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self.url_label = QLabel(self.tr("数据库：{url}").format(url=database.display_url()))
        self.counts_label = QLabel()
        self.addWidget(self.url_label, 1)
        self.addPermanentWidget(self.counts_label)

    def refresh(self) -> None:
        counts = operation(
            self, self._database, lambda session, _progress: database_counts(session)
        )
        counts.on_success(self._show_counts).run()

    def _show_counts(self, counts: DatabaseCounts) -> None:
        self.counts_label.setText(
            self.tr("业务件 {cases} 件 · 评价 {evaluations} 条").format(
                cases=f"{counts.cases:,}", evaluations=f"{counts.evaluations:,}"
            )
        )
