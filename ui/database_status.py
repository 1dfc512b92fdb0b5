"""The status bar's view of the database: which one is open and how much it holds."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import Case, Evaluation
from ui.operations import BackgroundOperation, Progress


@dataclass(frozen=True)
class RowCounts:
    cases: int
    evaluations: int


def count_rows(session: Session, _progress: Progress) -> RowCounts:
    return RowCounts(
        cases=session.scalar(select(func.count()).select_from(Case)) or 0,
        evaluations=session.scalar(select(func.count()).select_from(Evaluation)) or 0,
    )


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
        operation = BackgroundOperation(self._database, count_rows, parent=self)
        operation.succeeded.connect(self._show_counts)
        operation.start()

    def _show_counts(self, counts: RowCounts) -> None:
        self.counts_label.setText(
            self.tr("业务件 {cases} 件 · 评价 {evaluations} 条").format(
                cases=f"{counts.cases:,}", evaluations=f"{counts.evaluations:,}"
            )
        )
