"""Each accepting unit's feedback for a quarter (J 5.4.4, W 7.3): the units with their counts
above, the chosen unit's suggestions, complaints and dissatisfied callbacks — with what was done —
below; exported to Excel as the units on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from app.reports.exports import export_feedback_xlsx
from app.reports.unit_feedback import FeedbackReport, UnitFeedback, quarter_feedback
from app.staff import StaffMember
from db.database import Database
from ui.feedback.feedback_models import (
    COL_ACTION,
    COL_CONTENT,
    FeedbackEntriesModel,
    UnitSummaryModel,
)
from ui.feedback.report_tab import ReportTab
from ui.feedback.tables import rows_table, source_row
from ui.operations import Progress, operation


class UnitFeedbackTab(ReportTab):
    def __init__(
        self,
        database: Database,
        current_staff: Callable[[], StaffMember | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(database, current_staff, parent)
        self.report: FeedbackReport | None = None
        self.report_period: tuple[int, int] | None = None
        self._rows_fitted = -1

        self.units_model = UnitSummaryModel(self)
        self.units_table = rows_table(self.units_model, (), self)
        self.entries_model = FeedbackEntriesModel(self)
        self.entries_table = rows_table(self.entries_model, (COL_CONTENT, COL_ACTION), self)
        self.entries_title = QLabel()
        title_font = self.entries_title.font()
        title_font.setBold(True)
        self.entries_title.setFont(title_font)
        self.entries_title.setWordWrap(True)

        entries = QWidget()
        entries_layout = QVBoxLayout(entries)
        entries_layout.setContentsMargins(0, 6, 0, 0)
        entries_layout.addWidget(self.entries_title)
        entries_layout.addWidget(self.entries_table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.units_table)
        self.splitter.addWidget(entries)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.message_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.splitter, 1)

        self.units_table.selectionModel().selectionChanged.connect(self._unit_chosen)
        self.update_enabled()

    # Computing and showing

    def compute(self) -> None:
        year, quarter = self.bar.period()

        def read(session: Session, _progress: Progress) -> FeedbackReport:
            return quarter_feedback(session, year, quarter)

        if self.shown_report() is None:
            self.summary_label.setText(self.tr("正在读取…"))
        self.operation = (
            operation(self, self.database, read)
            .on_success(self._computed)
            .on_finish(self._operation_done)
            .run()
        )

    def _computed(self, report: FeedbackReport) -> None:
        self.report = report
        self.report_period = (report.start.year, (report.start.month - 1) // 3 + 1)
        self.bar.unit_filter.set_units([unit.unit for unit in report.units])
        self.show_result()

    def shown_report(self) -> FeedbackReport | None:
        """The chosen quarter's report limited to the units the filter shows; None when that
        quarter has not been read yet."""
        if self.report is None or self.report_period != self.bar.period():
            return None
        shows = self.bar.unit_filter.shows
        return self.report.only({unit.unit for unit in self.report.units if shows(unit.unit)})

    def show_result(self) -> None:
        report = self.shown_report()
        if report is None:
            return
        chosen = self.chosen_unit()
        self.units_model.show_rows(report.units)
        self._fit_units_to_rows()
        year, quarter = self.bar.period()
        entries = sum(u.total for u in report.units)
        summary = self.tr(
            "{period}（{start} 至 {end}）　{units} 个单位，共 {entries} 条：评价建议 {suggestions}，"
            "投诉 {complaints}，意见建议 {registered}，不满意回访 {dissatisfied}；"
            "尚在办理 {pending} 条"
        ).format(
            period=self.bar.title(year, quarter),
            start=report.start.isoformat(),
            end=report.end.isoformat(),
            units=len(report.units),
            entries=entries,
            suggestions=sum(u.suggestions for u in report.units),
            complaints=sum(u.complaints for u in report.units),
            registered=sum(u.registered_suggestions for u in report.units),
            dissatisfied=sum(u.dissatisfied for u in report.units),
            pending=sum(u.pending for u in report.units),
        )
        if report.units:
            summary += self.tr("　·　选择单位查看其清单")
        self.summary_label.setText(summary)
        self.choose_unit(chosen.unit if chosen else None)
        self.update_enabled()

    def _fit_units_to_rows(self) -> None:
        """The units' table as high as its rows (up to half the height), the list the rest; again
        only when the number of units changes, so that a height set by hand stays."""
        total = sum(self.splitter.sizes())
        rows = self.units_model.rowCount()
        if rows == self._rows_fitted or total <= 0:  # same rows, or not laid out yet
            return
        self._rows_fitted = rows
        table = self.units_table
        wanted = (
            table.horizontalHeader().sizeHint().height()
            + max(rows, 3) * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
            + 2
        )
        height = min(wanted, total // 2)
        self.splitter.setSizes([height, total - height])

    # The chosen unit's list

    def chosen_unit(self) -> UnitFeedback | None:
        rows = self.units_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.units_model.unit_at(source_row(self.units_table, rows[0].row()))

    def choose_unit(self, name: str | None) -> None:
        """Select the unit named (else the first on screen) and show its list."""
        count = self.units_table.model().rowCount()
        names = [
            self.units_model.unit_at(source_row(self.units_table, r)).unit for r in range(count)
        ]
        if names:
            self.units_table.selectRow(names.index(name) if name in names else 0)
        self._unit_chosen()

    def _unit_chosen(self, *_selection: QItemSelection) -> None:
        unit = self.chosen_unit()
        if unit is None:
            self.entries_model.show_rows([])
            self.entries_title.setText(self.tr("没有可显示的单位。"))
            return
        self.entries_model.show_rows(unit.entries)
        where = unit.unit if not unit.district else f"{unit.unit}（{unit.district}）"
        if unit.entries:
            self.entries_title.setText(
                self.tr("{unit}：{count} 条，尚在办理 {pending} 条").format(
                    unit=where, count=unit.total, pending=unit.pending
                )
            )
        else:
            self.entries_title.setText(
                self.tr("{unit}：本季度没有建议、投诉或不满意回访").format(unit=where)
            )

    # Exporting

    def can_export(self) -> bool:
        report = self.shown_report()
        return report is not None and bool(report.units)

    def export_xlsx(self) -> None:
        report = self.shown_report()
        if report is None or not report.units or self.operation is not None:
            return
        year, quarter = self.bar.period()
        name = self.tr("{period}{scope}回访建议与投诉反馈").format(
            period=self.bar.title(year, quarter),
            scope=report.unit if report.unit else self.tr("全市"),
        )
        everything = self.report is not None and len(report.units) == len(self.report.units)
        units = None if everything else {unit.unit for unit in report.units}
        staff = self.current_staff()
        by_id = staff.id if staff is not None else None
        # Read again, written and audited in one transaction (app.reports.exports).
        self.export(
            name,
            lambda session, path: export_feedback_xlsx(
                session, year, quarter, path, by_id=by_id, units=units
            ),
        )
