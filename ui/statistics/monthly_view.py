"""The monthly phone-revisit analysis (W 7.1.3.3.2) on tabs: revisit rate and reasons for failure,
satisfaction per item, figures per unit and per operator, the dissatisfied answers, and the month's
calls as the 附录 F phone-revisit ledger."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import pick
from app.outcomes import OUTCOMES_BY_CODE
from app.ratings import Channel, Rating
from app.reports.monthly import ITEMS as ANALYSED_ITEMS
from app.reports.monthly import DissatisfiedEntry, MonthlyAnalysis, SatisfactionView
from ui.statistics.figure_model import CONTEXT, SORT_ROLE, Column, FigureTableModel
from ui.statistics.ledger_model import LedgerModel

ITEMS = {
    "overall": QT_TRANSLATE_NOOP("FigureTables", "总体情况"),
    "efficiency": QT_TRANSLATE_NOOP("FigureTables", "办事效率"),
    "attitude": QT_TRANSLATE_NOOP("FigureTables", "服务态度"),
    "materials": QT_TRANSLATE_NOOP("FigureTables", "提交材料"),
}
CHANNELS = {
    Channel.QR: QT_TRANSLATE_NOOP("FigureTables", "扫码评价"),
    Channel.PLATFORM: QT_TRANSLATE_NOOP("FigureTables", "好差评平台"),
    Channel.PHONE: QT_TRANSLATE_NOOP("FigureTables", "电话回访"),
    Channel.ENTERPRISE: QT_TRANSLATE_NOOP("FigureTables", "企业回访"),
}
CALLBACK_STATUSES = {
    "open": QT_TRANSLATE_NOOP("FigureTables", "处理中"),
    "closed": QT_TRANSLATE_NOOP("FigureTables", "已办结"),
}
UNCLASSIFIED = QT_TRANSLATE_NOOP("FigureTables", "（未分类）")
LIST_SEPARATOR = QT_TRANSLATE_NOOP("FigureTables", "、")
# Long words of a respondent are cut here; the whole text is in the cell's tool tip.
LONGEST_COLUMN = 360


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def outcome_label(code: str, label: str) -> str:
    outcome = OUTCOMES_BY_CODE.get(code)
    return pick(outcome.label, outcome.label_en) if outcome else label


def item_label(item: str, label: str) -> str:
    return translate(ITEMS[item]) if item in ITEMS else label


def _share_of(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _outcome_columns(count_title: str, total: Callable[[], int]) -> list[Column]:
    return [
        Column(
            QT_TRANSLATE_NOOP("FigureTables", "回访情况"),
            lambda o: outcome_label(o.code, o.label),
        ),
        Column(count_title, lambda o: o.count, "count"),
        Column(
            QT_TRANSLATE_NOOP("FigureTables", "占比 %"),
            lambda o: _share_of(o.count, total()),
            "percent",
        ),
    ]


SATISFACTION_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("FigureTables", "项目"), lambda i: item_label(i.item, i.label)),
    Column(
        QT_TRANSLATE_NOOP("FigureTables", "非常满意"),
        lambda i: i.counts.get(Rating.VERY_SATISFIED.value, 0),
        "count",
    ),
    Column(
        QT_TRANSLATE_NOOP("FigureTables", "满意"),
        lambda i: i.counts.get(Rating.SATISFIED.value, 0),
        "count",
    ),
    Column(
        QT_TRANSLATE_NOOP("FigureTables", "一般"),
        lambda i: i.counts.get(Rating.AVERAGE.value, 0),
        "count",
    ),
    Column(
        QT_TRANSLATE_NOOP("FigureTables", "不满意"),
        lambda i: i.counts.get(Rating.DISSATISFIED.value, 0),
        "count",
    ),
    Column(QT_TRANSLATE_NOOP("FigureTables", "未作答"), lambda i: i.unanswered, "count"),
    Column(QT_TRANSLATE_NOOP("FigureTables", "满意率 %"), lambda i: i.satisfied_share, "percent"),
]


def _group_columns(name_title: str) -> list[Column]:
    return [
        Column(name_title, lambda g: g.name),
        Column(QT_TRANSLATE_NOOP("FigureTables", "拨打次数"), lambda g: g.calls, "count"),
        Column(
            QT_TRANSLATE_NOOP("FigureTables", "拨打业务件"), lambda g: g.cases_attempted, "count"
        ),
        Column(QT_TRANSLATE_NOOP("FigureTables", "回访成功"), lambda g: g.cases_completed, "count"),
        Column(
            QT_TRANSLATE_NOOP("FigureTables", "回访率 %"), lambda g: g.completion_rate, "percent"
        ),
        Column(QT_TRANSLATE_NOOP("FigureTables", "接通次数"), lambda g: g.contacts, "count"),
        Column(QT_TRANSLATE_NOOP("FigureTables", "接通率 %"), lambda g: g.contact_rate, "percent"),
        Column(
            QT_TRANSLATE_NOOP("FigureTables", "平均通话（秒）"),
            lambda g: g.average_duration,
            "seconds",
        ),
        Column(QT_TRANSLATE_NOOP("FigureTables", "不满意"), lambda g: g.dissatisfied, "count"),
    ]


# Quality inspection of the operator's calls of the month (质检, issue 22).
QC_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("FigureTables", "质检通话"), lambda g: g.qc_scored, "count"),
    Column(
        QT_TRANSLATE_NOOP("FigureTables", "质检平均分 %"),
        lambda g: g.qc_average / 100 if g.qc_average is not None else None,
        "percent",
    ),
    Column(QT_TRANSLATE_NOOP("FigureTables", "关键项不合格"), lambda g: g.qc_critical, "count"),
]


DISSATISFIED_ITEM_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("FigureTables", "项目"), lambda i: item_label(i.item, i.label)),
    Column(QT_TRANSLATE_NOOP("FigureTables", "不满意"), lambda i: i.count, "count"),
    Column(QT_TRANSLATE_NOOP("FigureTables", "其中电话回访"), lambda i: i.phone, "count"),
]
REASON_COLUMNS = [
    Column(
        QT_TRANSLATE_NOOP("FigureTables", "不满意原因"),
        lambda r: r.reason or translate(UNCLASSIFIED),
    ),
    Column(QT_TRANSLATE_NOOP("FigureTables", "条数"), lambda r: r.count, "count"),
]
ENTRY_COLUMNS = [
    Column(
        QT_TRANSLATE_NOOP("FigureTables", "评价时间"),
        lambda e: e.evaluated_at.strftime("%Y-%m-%d %H:%M"),
    ),
    Column(QT_TRANSLATE_NOOP("FigureTables", "业务编号"), lambda e: e.case_no),
    Column(QT_TRANSLATE_NOOP("FigureTables", "受理单位"), lambda e: e.unit),
    Column(
        QT_TRANSLATE_NOOP("FigureTables", "渠道"),
        lambda e: translate(CHANNELS[e.channel]) if e.channel in CHANNELS else e.channel_label,
    ),
    Column(QT_TRANSLATE_NOOP("FigureTables", "回访员"), lambda e: e.operator),
    Column(
        QT_TRANSLATE_NOOP("FigureTables", "不满意项目"),
        lambda e: translate(LIST_SEPARATOR).join(
            item_label(key, label) for key, label in _entry_items(e)
        ),
    ),
    Column(QT_TRANSLATE_NOOP("FigureTables", "服务对象原话"), lambda e: e.words),
]
# The second-round callback of an entry: reason, status, what the respondent said.
CALLBACK_ENTRY_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("FigureTables", "二次回访原因"), lambda e: e.reason_category),
    Column(
        QT_TRANSLATE_NOOP("FigureTables", "二次回访状态"),
        lambda e: (
            translate(CALLBACK_STATUSES[e.callback_status])
            if e.callback_status in CALLBACK_STATUSES
            else e.callback_status
        ),
    ),
    Column(QT_TRANSLATE_NOOP("FigureTables", "二次回访记录"), lambda e: e.callback_words),
]
CALLBACK_COLUMNS = range(len(ENTRY_COLUMNS), len(ENTRY_COLUMNS) + len(CALLBACK_ENTRY_COLUMNS))
_ITEM_KEYS = {label: key for key, label in ANALYSED_ITEMS}


def _entry_items(entry: DissatisfiedEntry) -> list[tuple[str, str]]:
    """The entry's dissatisfied items as (key, label): the analysis names them by label."""
    return [(_ITEM_KEYS.get(label, label), label) for label in entry.items]


def sortable_table(model: QAbstractItemModel, parent: QWidget) -> QTableView:
    """A read-only table over `model`, sorted by clicking a header (by the model's SORT_ROLE)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView()
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # in the analysis's own order
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


def figure_table(
    columns: list[Column], parent: QWidget, *, compact: bool = False
) -> tuple[QTableView, FigureTableModel]:
    """A sortable table over a FigureTableModel; a compact one is as large as its rows."""
    model = FigureTableModel(columns, parent)
    table = sortable_table(model, parent)
    if compact:
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        model.modelReset.connect(lambda: _fit_to_rows(table))
        _fit_to_rows(table)
    else:
        table.horizontalHeader().setMaximumSectionSize(LONGEST_COLUMN)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table, model


def _fit_to_rows(table: QTableView) -> None:
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    frame = 2 * table.frameWidth()
    rows = table.model().rowCount()
    table.setFixedSize(
        header.length() + frame,
        header.sizeHint().height() + rows * table.verticalHeader().defaultSectionSize() + frame,
    )


def _boxed(title: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget)
    return box


def _side_by_side(*widgets: QWidget) -> QHBoxLayout:
    """Widgets in a row from the left, at their own sizes."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
    row.addStretch(1)
    return row


class MonthlyView(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._failed_total = 0
        self._calls_total = 0

        # Revisit rate
        self.rate_label = QLabel()
        self.rate_label.setWordWrap(True)
        self.failure_table, self.failure_model = figure_table(
            _outcome_columns(
                QT_TRANSLATE_NOOP("FigureTables", "业务件数"), lambda: self._failed_total
            ),
            self,
            compact=True,
        )
        self.attempt_table, self.attempt_model = figure_table(
            _outcome_columns(
                QT_TRANSLATE_NOOP("FigureTables", "拨打次数"), lambda: self._calls_total
            ),
            self,
            compact=True,
        )
        rate_tab = QWidget()
        rate_layout = QVBoxLayout(rate_tab)
        rate_layout.addWidget(self.rate_label)
        rate_layout.addLayout(
            _side_by_side(
                _boxed(self.tr("未成功的原因（按当月最后一次拨打的结果）"), self.failure_table),
                _boxed(self.tr("当月全部拨打的结果"), self.attempt_table),
            )
        )
        rate_layout.addStretch(1)
        self.addTab(rate_tab, self.tr("回访率(&1)"))

        # Satisfaction
        self.phone_satisfaction_table, self.phone_satisfaction_model = figure_table(
            SATISFACTION_COLUMNS, self, compact=True
        )
        self.all_satisfaction_table, self.all_satisfaction_model = figure_table(
            SATISFACTION_COLUMNS, self, compact=True
        )
        self.phone_satisfaction_box = _boxed("", self.phone_satisfaction_table)
        self.all_satisfaction_box = _boxed("", self.all_satisfaction_table)
        satisfaction_note = QLabel(
            self.tr("满意率 = （非常满意 + 满意）÷ 作答的评价；只计首轮评价。")
        )
        satisfaction_note.setStyleSheet("color: #555555;")
        satisfaction_tab = QWidget()
        satisfaction_layout = QVBoxLayout(satisfaction_tab)
        # One above the other: side by side they would not fit 1366 pixels in English.
        satisfaction_layout.addLayout(_side_by_side(self.phone_satisfaction_box))
        satisfaction_layout.addLayout(_side_by_side(self.all_satisfaction_box))
        satisfaction_layout.addWidget(satisfaction_note)
        satisfaction_layout.addStretch(1)
        self.addTab(satisfaction_tab, self.tr("满意度(&2)"))

        # Per unit, per operator
        self.unit_table, self.unit_model = figure_table(
            _group_columns(QT_TRANSLATE_NOOP("FigureTables", "受理单位")), self
        )
        self.addTab(self.unit_table, self.tr("按受理单位(&3)"))
        self.operator_table, self.operator_model = figure_table(
            _group_columns(QT_TRANSLATE_NOOP("FigureTables", "回访员")) + QC_COLUMNS, self
        )
        self.addTab(self.operator_table, self.tr("按回访员(&4)"))

        # Dissatisfaction
        self.dissatisfaction_label = QLabel()
        self.dissatisfaction_label.setWordWrap(True)
        self.item_table, self.item_model = figure_table(
            DISSATISFIED_ITEM_COLUMNS, self, compact=True
        )
        self.reason_table, self.reason_model = figure_table(REASON_COLUMNS, self, compact=True)
        self.entry_table, self.entry_model = figure_table(
            ENTRY_COLUMNS + CALLBACK_ENTRY_COLUMNS, self
        )
        dissatisfaction_tab = QWidget()
        dissatisfaction_layout = QVBoxLayout(dissatisfaction_tab)
        dissatisfaction_layout.addWidget(self.dissatisfaction_label)
        dissatisfaction_layout.addLayout(
            _side_by_side(
                _boxed(self.tr("按项目"), self.item_table),
                _boxed(self.tr("按原因（已建二次回访的）"), self.reason_table),
            )
        )
        dissatisfaction_layout.addWidget(
            _boxed(self.tr("不满意的评价与服务对象原话"), self.entry_table), 1
        )
        self.addTab(dissatisfaction_tab, self.tr("不满意(&5)"))

        # The 附录 F ledger: the month's calls, numbers masked; the Excel export has them in full.
        self.ledger_label = QLabel()
        self.ledger_label.setWordWrap(True)
        self.ledger_model = LedgerModel(self)
        self.ledger_table = sortable_table(self.ledger_model, self)
        ledger_header = self.ledger_table.horizontalHeader()
        ledger_header.setMaximumSectionSize(LONGEST_COLUMN)
        ledger_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        ledger_header.setStretchLastSection(True)  # the columns side by side, as on the form
        self.ledger_hint = QLabel(
            self.tr(
                "电话号码在此隐去中间几位。导出 Excel 得到完整的回访记录单"
                "（“回访记录单”工作表，全部受理单位，含完整电话号码）。"
            )
        )
        self.ledger_hint.setWordWrap(True)
        self.ledger_hint.setStyleSheet("color: #555555;")
        ledger_tab = QWidget()
        ledger_layout = QVBoxLayout(ledger_tab)
        ledger_layout.addWidget(self.ledger_label)
        ledger_layout.addWidget(self.ledger_table, 1)
        ledger_layout.addWidget(self.ledger_hint)
        self.addTab(ledger_tab, self.tr("回访记录单(&6)"))

    def show_analysis(self, analysis: MonthlyAnalysis, shows_unit: Callable[[str], bool]) -> None:
        """Show the month; the per-unit figures and dissatisfied answers of the units shown."""
        revisit = analysis.revisit
        self._failed_total = revisit.cases_failed
        self._calls_total = revisit.calls
        rate = "—" if revisit.rate is None else f"{revisit.rate * 100:.1f}%"
        self.rate_label.setText(
            self.tr(
                "本月拨打 {calls} 次，涉及 {attempted} 件业务件；回访成功 {completed} 件，"
                "回访率 {rate}；未成功 {failed} 件。"
            ).format(
                calls=revisit.calls,
                attempted=revisit.cases_attempted,
                completed=revisit.cases_completed,
                rate=rate,
                failed=revisit.cases_failed,
            )
        )
        self.failure_model.show_rows(revisit.failure_reasons)
        self.attempt_model.show_rows(revisit.attempts_by_outcome)
        self._show_satisfaction(
            self.phone_satisfaction_box,
            self.phone_satisfaction_model,
            analysis.satisfaction_phone,
            self.tr("电话回访（首轮）：{count} 条评价"),
        )
        self._show_satisfaction(
            self.all_satisfaction_box,
            self.all_satisfaction_model,
            analysis.satisfaction_all,
            self.tr("全部渠道（首轮）：{count} 条评价"),
        )
        self.unit_model.show_rows([g for g in analysis.units if shows_unit(g.name)])
        self.operator_model.show_rows(analysis.operators)

        dissatisfaction = analysis.dissatisfaction
        self.dissatisfaction_label.setText(
            self.tr(
                "本月首轮评价中不满意 {count} 条（其中电话回访 {phone} 条），"
                "已建二次回访 {callbacks} 条。"
            ).format(
                count=dissatisfaction.evaluations,
                phone=dissatisfaction.phone,
                callbacks=dissatisfaction.with_callback,
            )
        )
        self.item_model.show_rows(dissatisfaction.by_item)
        self.reason_model.show_rows(dissatisfaction.by_reason)
        self.entry_model.show_rows([e for e in dissatisfaction.entries if shows_unit(e.unit)])
        for column in CALLBACK_COLUMNS:  # room for the respondents' words when there are none
            self.entry_table.setColumnHidden(column, not dissatisfaction.with_callback)

        ledger = [line for line in analysis.ledger_rows if shows_unit(line.unit)]
        self.ledger_model.show_rows(ledger)
        self.ledger_label.setText(
            self.tr("服务对象电话回访记录单（附录 F 表 F.1）：{count} 条拨打记录。").format(
                count=len(ledger)
            )
        )

    @staticmethod
    def _show_satisfaction(
        box: QGroupBox, model: FigureTableModel, view: SatisfactionView, title: str
    ) -> None:
        box.setTitle(title.format(count=view.evaluations))
        model.show_rows(view.items)
