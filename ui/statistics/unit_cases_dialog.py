"""The cases behind one unit's figures for a period: read in the background, sortable, searchable."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.ratings import Channel
from app.reports.unit_cases import UnitCaseRow, unit_cases
from db.database import Database
from ui.operations import Progress, operation
from ui.statistics.unit_cases_model import COL_BUSINESS_TYPE, SORT_ROLE, UnitCasesModel


class UnitCasesDialog(QDialog):
    # The cases are on screen.
    loaded = Signal()

    def __init__(
        self,
        database: Database,
        unit: str,
        period: str,
        start: date,
        end: date,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        title = self.tr("{unit} · {period}办结的业务件").format(unit=unit, period=period)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1060, 560)

        title_label = QLabel(title)
        title_font = title_label.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        title_label.setFont(title_font)
        self.summary_label = QLabel(self.tr("正在读取…"))
        self.summary_label.setWordWrap(True)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("按业务编号、申请人或事项类型筛选"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(
            self.search_edit.fontMetrics().horizontalAdvance(self.search_edit.placeholderText())
            + 40
        )
        search_label = QLabel(self.tr("筛选(&S)："))
        search_label.setBuddy(self.search_edit)

        self.model = UnitCasesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as read: by completion date
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(
            COL_BUSINESS_TYPE, QHeaderView.ResizeMode.Stretch
        )

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(search_label)
        top.addWidget(self.search_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

        def read(session: Session, _progress: Progress) -> list[UnitCaseRow]:
            return unit_cases(session, unit, start, end)

        # Owned by the page, not by the dialog: closing the dialog early must not delete the
        # operation under the database thread, which reports to it when done.
        operation(parent, database, read).on_success(self._show_rows).run()

    def _show_rows(self, rows: list[UnitCaseRow]) -> None:
        self.model.show_rows(rows)
        self.table.resizeColumnsToContents()
        revisited = [r for r in rows if r.channel is not None]
        online = sum(1 for r in revisited if r.channel.is_online)
        phone = sum(1 for r in revisited if r.channel == Channel.PHONE)
        self.summary_label.setText(
            self.tr(
                "共 {cases} 件，有效回访 {revisited} 件（网上 {online}，电话 {phone}，"
                "企业 {enterprise}），未填报 {unreported} 件，得分合计 {score}。"
            ).format(
                cases=len(rows),
                revisited=len(revisited),
                online=online,
                phone=phone,
                enterprise=len(revisited) - online - phone,
                unreported=sum(1 for r in rows if r.unreported),
                score=sum(r.score or 0 for r in rows),
            )
        )
        self.loaded.emit()
