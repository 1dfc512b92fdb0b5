"""Staff assessment (J 5.4.4) for team leads, administrators and auditors: per handling staff
member, the quarter's dissatisfied and complaint work orders, with their commendations and the
criticism slips naming them beside; a person opens onto their cases and that praise. Below, the
operators' quality inspection of the quarter's calls (回访质检, issue 22): calls scored, average
score and critical failures per operator, with the monthly analysis's column titles.

Anyone else sees a message instead of the figures, and nothing is read for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from app.quality.figures import QcFigures
from app.reports.exports import export_assessment
from app.reports.staff_assessment import (
    PraiseFigures,
    StaffAssessment,
    assessed_people,
    staff_assessment,
    staff_praise,
)
from app.roles import Permission, role_label
from app.staff import StaffMember
from db.database import Database
from ui.feedback.assessment_models import StaffFiguresModel
from ui.feedback.feedback_models import PENDING, RIGHT, SORT_ROLE
from ui.feedback.report_tab import ReportTab
from ui.feedback.tables import rows_table, source_row
from ui.feedback.work_orders_dialog import WorkOrdersDialog
from ui.operations import Progress, operation
from ui.rows_model import RowsModel
from ui.statistics.figure_model import NOT_APPLICABLE

QWIDGETSIZE_MAX = 16777215  # Qt's "no maximum" for a widget's size

# The quality inspection's columns, titled as on the monthly analysis (ui.statistics.monthly_view).
COL_QC_NAME = 0
COL_QC_SCORED = 1
COL_QC_AVERAGE = 2
COL_QC_CRITICAL = 3
QC_HEADERS = {
    COL_QC_NAME: QT_TRANSLATE_NOOP("FigureTables", "回访员"),
    COL_QC_SCORED: QT_TRANSLATE_NOOP("FigureTables", "质检通话"),
    COL_QC_AVERAGE: QT_TRANSLATE_NOOP("FigureTables", "质检平均分 %"),
    COL_QC_CRITICAL: QT_TRANSLATE_NOOP("FigureTables", "关键项不合格"),
}


class QcFiguresModel(RowsModel):
    """Per operator: the quarter's calls scored, their average score in per cent and the calls
    with a critical failure (in red)."""

    CONTEXT = "FigureTables"
    HEADERS = QC_HEADERS

    def figures_at(self, row: int) -> QcFigures:
        return self.row_at(row)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        figures: QcFigures = self._rows[index.row()]
        column = index.column()
        value = (figures.name, figures.scored, figures.average, figures.critical_failures)[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_QC_AVERAGE:
                return NOT_APPLICABLE if value is None else f"{value:.1f}"
            return str(value)
        if role == SORT_ROLE:
            return -1.0 if value is None else value
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_QC_NAME:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_QC_CRITICAL and value:
            return PENDING
        return None


class AssessmentTab(ReportTab):
    def __init__(
        self,
        database: Database,
        current_staff: Callable[[], StaffMember | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(database, current_staff, parent)
        self.assessment: StaffAssessment | None = None
        self.praise: dict[int, PraiseFigures] = {}
        self.assessment_period: tuple[int, int] | None = None
        self.work_orders_dialog: WorkOrdersDialog | None = None

        self.model = StaffFiguresModel(self)
        self.table = rows_table(self.model, (), self)
        self.table.activated.connect(self._open_work_orders)
        self.denied_label = QLabel()
        self.denied_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.denied_label.setWordWrap(True)
        self.denied_label.setStyleSheet(
            "QLabel { color: #555555; font-size: 13pt; padding: 24px; }"
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.denied_label)

        # The operators' quality inspection, below the ranking (Alt+J).
        self.quality_model = QcFiguresModel(self)
        self.quality_table = rows_table(self.quality_model, (), self)
        self.quality_label = QLabel()
        self.quality_label.setWordWrap(True)
        self.quality_label.setBuddy(self.quality_table)
        self.quality_section = QWidget()
        section = QVBoxLayout(self.quality_section)
        section.setContentsMargins(0, 6, 0, 0)
        section.addWidget(self.quality_label)
        section.addWidget(self.quality_table, 1)
        self.quality_section.hide()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.quality_section)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.message_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.splitter, 1)
        self.update_enabled()

    # Who may see it

    def permitted(self) -> bool:
        user = self.current_staff()
        return user is not None and user.may(Permission.SEE_ASSESSMENT)

    def _viewer_id(self) -> int | None:
        """Who asks, for the service's own check (app.reports.staff_assessment)."""
        user = self.current_staff()
        return user.id if user is not None else None

    def _deny(self) -> None:
        """Forget any figures and say why they are not shown."""
        self.assessment = self.assessment_period = None
        self.praise = {}
        self.model.show_rows([])
        self.quality_model.show_rows([])
        self.quality_label.clear()
        self.quality_section.hide()
        self.summary_label.clear()
        user = self.current_staff()
        if user is None:
            text = self.tr(
                "尚未选择使用者。人员考核情况仅限组长、管理员和审计员查看，请先选择您的姓名。"
            )
        else:
            text = self.tr(
                "人员考核情况仅限组长、管理员和审计员查看。\n{name}，您当前的角色是{role}。"
            ).format(name=user.name, role=role_label(user.role))
        self.denied_label.setText(text)
        self.stack.setCurrentWidget(self.denied_label)
        self.bar.unit_filter.setEnabled(False)

    # Computing and showing

    def compute(self) -> None:
        if not self.permitted():
            self._deny()
            return
        self.bar.unit_filter.setEnabled(True)
        year, quarter = self.bar.period()
        viewer_id = self._viewer_id()

        def read(
            session: Session, _progress: Progress
        ) -> tuple[StaffAssessment, dict[int, PraiseFigures]]:
            return (
                staff_assessment(session, year, quarter, viewer_id=viewer_id),
                staff_praise(session, year, quarter, viewer_id=viewer_id),
            )

        if self.shown_assessment() is None:
            self.summary_label.setText(self.tr("正在读取…"))
        self.operation = (
            operation(self, self.database, read)
            .on_success(self._computed)
            .on_finish(self._operation_done)
            .run()
        )

    def _computed(self, result: tuple[StaffAssessment, dict[int, PraiseFigures]]) -> None:
        if not self.permitted():  # the person at the seat changed meanwhile
            self._deny()
            return
        assessment, praise = result
        self.assessment = assessment
        self.praise = praise
        self.assessment_period = (assessment.year, assessment.quarter)
        units = {p.unit or "" for p in assessment.staff} | {p.unit or "" for p in praise.values()}
        self.bar.unit_filter.set_units(sorted(units))
        self.show_result()

    def shown_assessment(self) -> StaffAssessment | None:
        """The chosen quarter's figures of the people of the units the filter shows."""
        if self.assessment is None or self.assessment_period != self.bar.period():
            return None
        shows = self.bar.unit_filter.shows
        return replace(
            self.assessment, staff=[p for p in self.assessment.staff if shows(p.unit or "")]
        )

    def show_result(self) -> None:
        assessment = self.shown_assessment()
        if assessment is None:
            return
        shows = self.bar.unit_filter.shows
        praise = {k: p for k, p in self.praise.items() if shows(p.unit or "")}
        self.model.show_rows(assessed_people(assessment, praise))
        self.stack.setCurrentWidget(self.table)
        summary = self.tr(
            "{period}（{start} 至 {end}）　{people} 人有工单：不满意工单 {dissatisfied} 件，"
            "投诉工单 {complaints} 件"
        ).format(
            period=self.bar.title(assessment.year, assessment.quarter),
            start=assessment.start.isoformat(),
            end=assessment.end.isoformat(),
            people=len(assessment.staff),
            dissatisfied=sum(p.dissatisfied for p in assessment.staff),
            complaints=sum(p.complaints for p in assessment.staff),
        )
        if assessment.staff:
            summary += self.tr("　·　双击人员（或按回车）查看其业务件")
        else:
            summary += self.tr("　·　本季度没有不满意或投诉工单")
        if praise:
            summary += self.tr("　·　表扬 {praised} 次，批评 {criticised} 次").format(
                praised=sum(p.commendations for p in praise.values()),
                criticised=sum(p.criticisms for p in praise.values()),
            )
        self.summary_label.setText(summary)
        self.show_quality(assessment.quality)
        self.update_enabled()

    def show_quality(self, quality: list[QcFigures]) -> None:
        """Every operator's figures, whatever units the filter shows: operators work for the whole
        service (the export has them all too)."""
        self.quality_model.show_rows(quality)
        if quality:
            points = sum(q.points for q in quality)
            maximum = sum(q.max_points for q in quality)
            average = f"{100 * points / maximum:.1f}%" if maximum else NOT_APPLICABLE
            text = self.tr(
                "回访质检(&J)：本季度拨打的通话中已评分 {calls} 通（{operators} 名回访员），"
                "平均得分率 {average}，关键项不合格 {critical} 通"
            ).format(
                calls=sum(q.scored for q in quality),
                operators=len(quality),
                average=average,
                critical=sum(q.critical_failures for q in quality),
            )
        else:
            text = self.tr("回访质检(&J)：本季度拨打的通话中没有已评分的")
        self.quality_label.setText(text)
        # Without figures only the line is shown, and the ranking keeps the height.
        self.quality_table.setVisible(bool(quality))
        self.quality_section.setMaximumHeight(
            QWIDGETSIZE_MAX if quality else self.quality_section.sizeHint().height()
        )
        self.quality_section.show()

    # One person's cases

    def _open_work_orders(self, index: QModelIndex) -> None:
        assessment = self.shown_assessment()
        if assessment is None or not index.isValid() or not self.permitted():
            return
        person = self.model.person_at(source_row(self.table, index.row()))
        dialog = WorkOrdersDialog(
            self.database,
            person,
            assessment.year,
            assessment.quarter,
            self.bar.title(assessment.year, assessment.quarter),
            parent=self,
            viewer_id=self._viewer_id(),
        )
        self.work_orders_dialog = dialog
        dialog.destroyed.connect(self._work_orders_closed)
        dialog.open()

    def _work_orders_closed(self) -> None:
        self.work_orders_dialog = None

    # Exporting

    def can_export(self) -> bool:
        return self.shown_assessment() is not None and self.permitted()

    def export_xlsx(self) -> None:
        assessment = self.shown_assessment()
        if assessment is None or not self.permitted() or self.operation is not None:
            return
        viewer_id = self._viewer_id()
        year, quarter = assessment.year, assessment.quarter
        everything = self.assessment is not None and all(
            self.bar.unit_filter.shows(p.unit or "") for p in self.assessment.staff
        )
        units = None if everything else {p.unit or "" for p in assessment.staff}

        def write(session: Session, path) -> None:
            # Read again, written and audited in one transaction (app.reports.exports).
            export_assessment(session, year, quarter, path, by_id=viewer_id, units=units)

        name = self.tr("{period}人员考核（不满意及投诉工单）").format(
            period=self.bar.title(assessment.year, assessment.quarter)
        )
        self.export(name, write)
