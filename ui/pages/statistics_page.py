"""The statistics page: the quarterly unit report (coverage, scores, ranking; below it the charts
and, in a tab of their own, the 差评 handling and evaluation channels per unit) and the monthly
phone-revisit analysis, and the quarterly satisfaction survey analysis (附录 E, W 7.1.3.1.2),
computed in the background, with exports to Excel and PDF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session
from xlsxwriter.exceptions import FileCreateError

from app import clock
from app.file_errors import file_error_text
from app.printing.quarterly_pdf import write_quarterly_pdf
from app.reports.bad_review_figures import SCORED
from app.reports.exports import export_monthly_xlsx
from app.reports.monthly import MonthlyAnalysis, monthly_analysis
from app.reports.quarterly import (
    QuarterlyReport,
    quarter_bounds,
    quarterly_report,
    supplement_calendar_year,
)
from app.reports.quarterly_xlsx import write_quarterly_xlsx
from app.surveys.analysis import SurveyAnalysis, survey_analysis
from db.database import Database
from ui import file_dialogs
from ui.current_user import logged_in
from ui.importing.summary_view import ERROR_STYLE, SUCCESS_STYLE
from ui.operations import Operation, Progress, operation
from ui.pages.page import Page
from ui.shortcuts import shortcuts
from ui.statistics.charts import CoverageChart, ScoreChart
from ui.statistics.monthly_view import MonthlyView
from ui.statistics.quarterly_model import COL_RANK, COL_UNIT, SORT_ROLE, QuarterlyTableModel
from ui.statistics.review_model import COL_UNIT as REVIEW_COL_UNIT
from ui.statistics.review_model import ReviewTableModel
from ui.statistics.survey_view import SurveyView
from ui.statistics.unit_cases_dialog import UnitCasesDialog
from ui.statistics.unit_filter import UnitFilter

QUARTERLY = "quarterly"
MONTHLY = "monthly"
SURVEYS = "surveys"  # the quarter's satisfaction surveys (附录 E)
PERIOD_KINDS = {
    QUARTERLY: QT_TRANSLATE_NOOP("StatisticsPage", "季度"),
    MONTHLY: QT_TRANSLATE_NOOP("StatisticsPage", "月度"),
    SURVEYS: QT_TRANSLATE_NOOP("StatisticsPage", "满意度调查（季度）"),
}
BY_QUARTER = (QUARTERLY, SURVEYS)
QUARTER_NAMES = (
    QT_TRANSLATE_NOOP("StatisticsPage", "第一季度"),
    QT_TRANSLATE_NOOP("StatisticsPage", "第二季度"),
    QT_TRANSLATE_NOOP("StatisticsPage", "第三季度"),
    QT_TRANSLATE_NOOP("StatisticsPage", "第四季度"),
)
STATUS_SECONDS = 10


def last_complete_quarter(day: date) -> tuple[int, int]:
    quarter = (day.month - 1) // 3 + 1
    return (day.year, quarter - 1) if quarter > 1 else (day.year - 1, 4)


def last_month(day: date) -> tuple[int, int]:
    return (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)


class StatisticsPage(Page):
    # A computation or an export finished and its outcome is on screen.
    operation_finished = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.operation: Operation | None = None  # the one under way: refresh waits for it
        self._refresh_pending = False
        self.report: QuarterlyReport | None = None
        self.analysis: MonthlyAnalysis | None = None
        self.survey_analysis: SurveyAnalysis | None = None
        self.unit_cases_dialog: UnitCasesDialog | None = None
        day = clock.today()
        quarter_year, quarter = last_complete_quarter(day)
        month_year, month = last_month(day)
        # Each kind of period keeps its own year: last quarter and last month may differ.
        self._years = {QUARTERLY: quarter_year, MONTHLY: month_year, SURVEYS: quarter_year}

        self.kind_combo = QComboBox()
        for kind, title in PERIOD_KINDS.items():
            self.kind_combo.addItem(self.tr(title), kind)
        kind_label = QLabel(self.tr("周期(&P)："))
        kind_label.setBuddy(self.kind_combo)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(quarter_year)
        self.year_spin.setKeyboardTracking(False)  # one computation per year typed, not per digit
        year_label = QLabel(self.tr("年份(&Y)："))
        year_label.setBuddy(self.year_spin)
        self.quarter_combo = QComboBox()
        for number, name in enumerate(QUARTER_NAMES, start=1):
            self.quarter_combo.addItem(self.tr(name), number)
        self.quarter_combo.setCurrentIndex(quarter - 1)
        self.month_combo = QComboBox()
        for number in range(1, 13):
            self.month_combo.addItem(self.tr("{month} 月").format(month=number), number)
        self.month_combo.setCurrentIndex(month - 1)
        self.month_combo.hide()
        self.part_label = QLabel(self.tr("季度(&Q)："))
        self.part_label.setBuddy(self.quarter_combo)
        self.unit_filter = UnitFilter()
        self.unit_filter.setToolTip(self.tr("选择要显示的受理单位"))
        self.refresh_button = QPushButton(self.tr("刷新(&R)"))
        self.refresh_button.setToolTip(self.tr("重新计算（F5）"))
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.xlsx_button = QPushButton(self.tr("导出 Excel(&E)…"))
        self.pdf_button = QPushButton(self.tr("导出 PDF(&D)…"))

        controls = QHBoxLayout()
        for widget in (kind_label, self.kind_combo):
            controls.addWidget(widget)
        controls.addSpacing(12)
        for widget in (year_label, self.year_spin, self.part_label):
            controls.addWidget(widget)
        controls.addWidget(self.quarter_combo)
        controls.addWidget(self.month_combo)
        controls.addSpacing(12)
        for widget in (self.unit_filter, self.refresh_button, self.busy_bar):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.xlsx_button)
        controls.addWidget(self.pdf_button)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)

        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #555555;")
        self.monthly_view = MonthlyView()
        self.survey_view = SurveyView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.quarterly_view = self._build_quarterly_view()
        self.stack.addWidget(self.quarterly_view)
        self.stack.addWidget(self.monthly_view)
        self.stack.addWidget(self.survey_view)

        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.message_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.stack, 1)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.year_spin.valueChanged.connect(self._year_changed)
        self.quarter_combo.currentIndexChanged.connect(self.refresh)
        self.month_combo.currentIndexChanged.connect(self.refresh)
        self.unit_filter.changed.connect(self._show_result)
        self.refresh_button.clicked.connect(self.refresh)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.pdf_button.clicked.connect(self.export_pdf)
        shortcuts(
            self, [(Qt.Key.Key_F5, self.refresh)], Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self._update_enabled()

    def _build_quarterly_view(self) -> QWidget:
        self.quarterly_model = QuarterlyTableModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.quarterly_model)
        proxy.setSortRole(SORT_ROLE)
        self.quarterly_table = QTableView()
        self.quarterly_table.setModel(proxy)
        self.quarterly_table.setSortingEnabled(True)
        self.quarterly_table.sortByColumn(COL_RANK, Qt.SortOrder.AscendingOrder)
        self.quarterly_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.quarterly_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.quarterly_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.quarterly_table.setAlternatingRowColors(True)
        self.quarterly_table.setWordWrap(False)
        self.quarterly_table.verticalHeader().hide()
        self.quarterly_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.quarterly_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_UNIT, QHeaderView.ResizeMode.Stretch)
        self.quarterly_table.activated.connect(self._open_unit_cases)

        self.score_chart = ScoreChart()
        self.coverage_chart = CoverageChart()
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.score_chart)
        charts.addWidget(self.coverage_chart)
        charts.setChildrenCollapsible(False)

        self.lower_tabs = QTabWidget()
        self.lower_tabs.addTab(charts, self.tr("图表(&T)"))
        self.lower_tabs.addTab(self._build_review_view(), self.tr("差评与渠道(&B)"))

        self.quarterly_splitter = QSplitter(Qt.Orientation.Vertical)
        self.quarterly_splitter.addWidget(self.quarterly_table)
        self.quarterly_splitter.addWidget(self.lower_tabs)
        self.quarterly_splitter.setStretchFactor(1, 1)
        self.quarterly_splitter.setChildrenCollapsible(False)
        self._table_rows_fitted = -1
        return self.quarterly_splitter

    def _build_review_view(self) -> QWidget:
        """Per unit: the channels of the counted evaluations and the handling of its 差评."""
        self.review_model = ReviewTableModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.review_model)
        proxy.setSortRole(SORT_ROLE)
        self.review_table = QTableView()
        self.review_table.setModel(proxy)
        self.review_table.setSortingEnabled(True)
        self.review_table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the ranking's order
        self.review_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.review_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.review_table.setAlternatingRowColors(True)
        self.review_table.setWordWrap(False)
        self.review_table.verticalHeader().hide()
        header = self.review_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REVIEW_COL_UNIT, QHeaderView.ResizeMode.Stretch)
        self.malicious_label = QLabel()
        self.malicious_label.setWordWrap(True)
        self.malicious_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        view = QWidget()
        layout = QVBoxLayout(view)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.review_table, 1)
        layout.addWidget(self.malicious_label)
        return view

    def _fit_table_to_rows(self) -> None:
        """Give the table the height of its rows (up to half the view), the charts the rest;
        again only when the number of rows changes, so a height set by hand stays."""
        rows = self.quarterly_model.rowCount()
        total = sum(self.quarterly_splitter.sizes())
        if rows == self._table_rows_fitted or total <= 0:  # same rows, or not laid out yet
            return
        self._table_rows_fitted = rows
        table = self.quarterly_table
        wanted = (
            table.horizontalHeader().sizeHint().height()
            + max(rows, 3) * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
            + 2
        )
        height = min(wanted, total // 2)
        self.quarterly_splitter.setSizes([height, total - height])

    # The period

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def period(self) -> tuple[str, int, int]:
        """(kind, year, quarter or month) as chosen."""
        combo = self.quarter_combo if self.kind() in BY_QUARTER else self.month_combo
        return self.kind(), self.year_spin.value(), combo.currentData()

    def _kind_changed(self) -> None:
        quarterly = self.kind() in BY_QUARTER
        self.quarter_combo.setVisible(quarterly)
        self.month_combo.setVisible(not quarterly)
        self.part_label.setText(self.tr("季度(&Q)：") if quarterly else self.tr("月份(&N)："))
        self.part_label.setBuddy(self.quarter_combo if quarterly else self.month_combo)
        self.pdf_button.setVisible(quarterly)
        self.year_spin.blockSignals(True)
        self.year_spin.setValue(self._years[self.kind()])
        self.year_spin.blockSignals(False)
        self.refresh()

    def _year_changed(self, year: int) -> None:
        self._years[self.kind()] = year
        self.refresh()

    def _period_title(self, kind: str, year: int, number: int) -> str:
        if kind in BY_QUARTER:
            return self.tr("{year}年{quarter}").format(
                year=year, quarter=self.tr(QUARTER_NAMES[number - 1])
            )
        return self.tr("{year}年{month}月").format(year=year, month=number)

    # Computing

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()  # other pages may have imported data since

    def refresh(self) -> None:
        """Compute the chosen period's statistics in the background and show them."""
        if self.operation is not None:
            self._refresh_pending = True  # once the running work is done
            return
        self._hide_message()  # e.g. an export's outcome, now out of date
        kind, year, number = self.period()
        if kind == QUARTERLY:
            day = clock.today()

            def compute(session: Session, _progress: Progress) -> Any:
                return quarterly_report(session, year, number, today=day)

        elif kind == SURVEYS:

            def compute(session: Session, _progress: Progress) -> Any:
                return survey_analysis(session, year, number)

        else:

            def compute(session: Session, _progress: Progress) -> Any:
                return monthly_analysis(session, year, number)

        views = {QUARTERLY: self.quarterly_view, MONTHLY: self.monthly_view}
        if self.stack.currentWidget() is not views.get(kind, self.survey_view):
            self.summary_label.clear()
            self.placeholder.setText(self.tr("正在计算…"))
            self.stack.setCurrentWidget(self.placeholder)
        self.operation = (
            operation(self, self.database, compute)
            .on_success(self._computed)
            .on_finish(self._operation_done)
            .run()
        )
        self._update_enabled()

    def _computed(self, result: QuarterlyReport | MonthlyAnalysis | SurveyAnalysis) -> None:
        if isinstance(result, QuarterlyReport):
            self.report = result
            self.unit_filter.set_units([unit.unit for unit in result.units])
        elif isinstance(result, SurveyAnalysis):
            self.survey_analysis = result
            self.unit_filter.set_units([outlet.name for outlet in result.outlets])
        else:
            self.analysis = result
            self.unit_filter.set_units(sorted({g.name for g in result.units}))
        self._show_result()

    def _show_result(self) -> None:
        """Show the chosen kind's latest result, of the units the filter lets through."""
        if self.kind() == QUARTERLY and self.report is not None:
            self._show_report(self.report)
        elif self.kind() == MONTHLY and self.analysis is not None:
            self._show_analysis(self.analysis)
        elif self.kind() == SURVEYS and self.survey_analysis is not None:
            self._show_surveys(self.survey_analysis)

    def shown_result(self) -> QuarterlyReport | MonthlyAnalysis | SurveyAnalysis | None:
        """The result of the chosen period, when it is the one computed last."""
        kind, year, number = self.period()
        if kind == QUARTERLY and self.report is not None:
            if (self.report.year, self.report.quarter) == (year, number):
                return self.report
        elif kind == MONTHLY and self.analysis is not None:
            if (self.analysis.year, self.analysis.month) == (year, number):
                return self.analysis
        elif kind == SURVEYS and self.survey_analysis is not None:
            if (self.survey_analysis.year, self.survey_analysis.quarter) == (year, number):
                return self.survey_analysis
        return None

    def _show_report(self, report: QuarterlyReport) -> None:
        units = [unit for unit in report.units if self.unit_filter.shows(unit.unit)]
        self.quarterly_model.show_units(units, report.target)
        self.review_model.show_units(units)
        self._show_malicious(report)
        self.score_chart.show_units(units)
        self.coverage_chart.show_units(units, report.target)
        self.stack.setCurrentWidget(self.quarterly_view)
        self._fit_table_to_rows()
        below = sum(1 for unit in report.units if not unit.meets_target)
        if report.supplement_deadline is not None:
            deadline = self.tr("未达标单位补报截止 {day}").format(
                day=report.supplement_deadline.isoformat()
            )
        else:
            deadline = self.tr("补报截止日未知：工作日历尚未录入 {year} 年").format(
                year=supplement_calendar_year(report.year, report.quarter)
            )
        summary = self.tr(
            "{period}（{start} 至 {end}）　覆盖率目标 {target:g}%　{deadline}　"
            "{below} 个单位低于目标"
        ).format(
            period=self._period_title(QUARTERLY, report.year, report.quarter),
            start=report.start.isoformat(),
            end=report.end.isoformat(),
            target=report.target * 100,
            deadline=deadline,
            below=below,
        )
        if report.units:
            summary += self.tr("　·　双击单位（或按回车）查看其业务件")
        else:
            summary += self.tr("　·　这个季度没有办结的业务件")
        self.summary_label.setText(summary)

    def _show_malicious(self, report: QuarterlyReport) -> None:
        reviews = [r for r in report.malicious_reviews if self.unit_filter.shows(r.unit)]
        if not reviews:
            self.malicious_label.setText(
                self.tr("所选单位本季度没有经申诉认定为恶意的差评。")
                if report.malicious_reviews
                else self.tr("本季度没有经申诉认定为恶意的差评。")
            )
            return
        scored = (
            self.tr("照常计分")
            if report.malicious_scoring == SCORED
            else self.tr("不计入得分合计和平均分")
        )
        listing = self.tr("、").join(
            self.tr("{case_no}（{unit}，{decided_by}）").format(
                case_no=r.case_no, unit=r.unit, decided_by=r.decided_by
            )
            for r in reviews
        )
        self.malicious_label.setText(
            self.tr("经申诉认定为恶意的差评 {count} 件（保留原评价，{scored}）：{listing}").format(
                count=len(reviews), scored=scored, listing=listing
            )
        )

    def _show_analysis(self, analysis: MonthlyAnalysis) -> None:
        self.monthly_view.show_analysis(analysis, self.unit_filter.shows)
        self.summary_label.setText(
            self.tr("{period}（{start} 至 {end}）电话回访分析").format(
                period=self._period_title(MONTHLY, analysis.year, analysis.month),
                start=analysis.start.isoformat(),
                end=analysis.end.isoformat(),
            )
        )
        self.stack.setCurrentWidget(self.monthly_view)

    def _show_surveys(self, analysis: SurveyAnalysis) -> None:
        self.survey_view.show_analysis(analysis, self.unit_filter.shows)
        responses = sum(outlet.responses for outlet in analysis.outlets)
        self.summary_label.setText(
            self.tr(
                "{period}（{start} 至 {end}）群众满意度调查分析：{outlets} 个网点，调查表 {count} 份"
                "　·　满意率＝满意÷作答，未作答的题不计"
            ).format(
                period=self._period_title(SURVEYS, analysis.year, analysis.quarter),
                start=analysis.start.isoformat(),
                end=analysis.end.isoformat(),
                outlets=len(analysis.outlets),
                count=responses,
            )
        )
        self.stack.setCurrentWidget(self.survey_view)

    # A unit's cases

    def _open_unit_cases(self, index: QModelIndex) -> None:
        report = self.report
        if report is None or not index.isValid():
            return
        proxy = self.quarterly_table.model()
        unit = self.quarterly_model.unit_at(proxy.mapToSource(index).row())
        start, end = quarter_bounds(report.year, report.quarter)
        dialog = UnitCasesDialog(
            self.database,
            unit.unit,
            self._period_title(QUARTERLY, report.year, report.quarter),
            start,
            end,
            parent=self,
        )
        self.unit_cases_dialog = dialog
        dialog.destroyed.connect(self._unit_cases_closed)
        dialog.open()

    def _unit_cases_closed(self) -> None:
        self.unit_cases_dialog = None

    # Exports

    def export_xlsx(self) -> None:
        result = self.shown_result()
        if isinstance(result, QuarterlyReport):
            self._export_report(result, "xlsx", write_quarterly_xlsx)
        elif isinstance(result, MonthlyAnalysis):
            name = self.tr("{period}电话回访分析").format(
                period=self._period_title(MONTHLY, result.year, result.month)
            )
            year, month = result.year, result.month
            person = logged_in()
            by_id = person.id if person is not None else None

            def write(session: Session, path: Path) -> None:
                # Read again with the file written and audited in one transaction: its ledger
                # has the people's names and numbers in full (app.reports.exports).
                export_monthly_xlsx(session, year, month, path, by_id=by_id)

            self._export(name, "xlsx", write, audited=True)
        elif isinstance(result, SurveyAnalysis):
            self._export_surveys(result, "xlsx")

    def export_pdf(self) -> None:
        result = self.shown_result()
        if isinstance(result, QuarterlyReport):
            self._export_report(result, "pdf", write_quarterly_pdf)
        elif isinstance(result, SurveyAnalysis):
            self._export_surveys(result, "pdf")

    def _export_surveys(self, analysis: SurveyAnalysis, suffix: str) -> None:
        """The survey analysis of every outlet, read again, written and audited in one
        transaction: it holds what people wrote on the forms (app.surveys.exports)."""
        from app.surveys.exports import export_survey_analysis

        name = self.tr("{period}群众满意度调查分析").format(
            period=self._period_title(SURVEYS, analysis.year, analysis.quarter)
        )
        year, quarter = analysis.year, analysis.quarter
        person = logged_in()
        by_id = person.id if person is not None else None

        def write(session: Session, path: Path) -> None:
            export_survey_analysis(session, year, quarter, path, by_id=by_id, form=suffix)

        self._export(name, suffix, write, audited=True)

    def _export_report(
        self, report: QuarterlyReport, suffix: str, write: Callable[[QuarterlyReport, Path], None]
    ) -> None:
        name = self.tr("{period}回访考核通报").format(
            period=self._period_title(QUARTERLY, report.year, report.quarter)
        )
        self._export(name, suffix, lambda _session, path: write(report, path))

    def _export(
        self,
        name: str,
        suffix: str,
        write: Callable[[Session | None, Path], None],
        *,
        audited: bool = False,
    ) -> None:
        """Ask where to save, then write the file in the background. Exports cover all units:
        they are the report to circulate, whatever the screen is filtered to. `audited`: the
        export reads and audits in a transaction of its own (`write` gets its session); else
        it writes the result on screen (no session)."""
        patterns = {
            "xlsx": self.tr("Excel 工作簿 (*.xlsx)"),
            "pdf": self.tr("PDF 文件 (*.pdf)"),
        }
        path = file_dialogs.save_path(
            self,
            self.tr("导出"),
            "pdf" if suffix == "pdf" else "report",
            f"{name}.{suffix}",
            patterns[suffix],
        )
        if path is None:
            return
        if path.suffix.lower() != f".{suffix}":
            path = path.with_name(f"{path.name}.{suffix}")

        def export(session: Session | None) -> Path:
            try:
                write(session, path)
            except FileCreateError as error:  # XlsxWriter's wrapping of the OSError
                cause = error.args[0] if error.args else None
                raise cause if isinstance(cause, OSError) else OSError(str(error)) from error
            return path

        if audited:
            exporting = operation(
                self, self.database, lambda session, _progress: export(session)
            ).writing()
        else:  # the result on screen: no session
            exporting = operation(self, None, lambda _progress: export(None))
        self._hide_message()
        self.operation = (
            exporting.on_success(self._exported)
            .on_failure(lambda error: self._export_failed(path, error))
            .on_finish(self._operation_done)
            .run()
        )
        self._update_enabled()

    def _exported(self, path: Path) -> None:
        text = self.tr("已导出到 {path}").format(path=path)
        self._show_message(text, SUCCESS_STYLE)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, STATUS_SECONDS * 1000)

    def _export_failed(self, path: Path, error: Exception) -> None:
        if isinstance(error, PermissionError):
            reason = self.tr("没有写入权限，或文件正被其他程序（如 Excel）打开。")
        elif isinstance(error, FileNotFoundError) and error.filename:
            reason = self.tr("文件夹不存在。")
        else:
            reason = file_error_text(error) if isinstance(error, OSError) else str(error)
        self._show_message(
            self.tr("没有导出 {path}：{reason}").format(path=path, reason=reason), ERROR_STYLE
        )

    # The one operation under way

    def _operation_done(self) -> None:
        self.operation = None
        if self._refresh_pending:
            self._refresh_pending = False
            self.refresh()
            return
        if self.stack.currentWidget() is self.placeholder:
            self.placeholder.setText(self.tr("没有可显示的结果。按 F5 重新计算。"))
        self._update_enabled()
        self.operation_finished.emit()

    def _update_enabled(self) -> None:
        idle = self.operation is None
        self.busy_bar.setVisible(not idle)
        shown = self.shown_result()
        self.xlsx_button.setEnabled(idle and shown is not None)
        self.pdf_button.setEnabled(idle and isinstance(shown, QuarterlyReport | SurveyAnalysis))

    def _show_message(self, text: str, style: str) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)
        self.message_label.show()

    def _hide_message(self) -> None:
        self.message_label.clear()
        self.message_label.hide()
