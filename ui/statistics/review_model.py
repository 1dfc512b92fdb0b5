"""The quarter's 差评 handling and evaluation channels as a table: one row per accepting unit,
as in the report's 差评与渠道 sheet (app.reports.bad_review_figures); rates below 100 % in red."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.reports.quarterly import UnitQuarter
from ui.statistics.quarterly_model import FAILING, SORT_ROLE

(
    COL_UNIT,
    COL_QR,
    COL_PLATFORM,
    COL_PHONE,
    COL_ENTERPRISE,
    COL_DEFAULT,
    COL_BAD,
    COL_NAMED,
    COL_CALLED_BACK,
    COL_CALLBACK_RATE,
    COL_STANDING,
    COL_RECTIFIED,
    COL_RECTIFY_RATE,
    COL_APPEALS,
    COL_UPHELD,
    COL_MALICIOUS,
) = range(16)

CONTEXT = "ReviewTableModel"
HEADERS = {
    COL_UNIT: QT_TRANSLATE_NOOP("ReviewTableModel", "受理单位"),
    COL_QR: QT_TRANSLATE_NOOP("ReviewTableModel", "扫码"),
    COL_PLATFORM: QT_TRANSLATE_NOOP("ReviewTableModel", "平台"),
    COL_PHONE: QT_TRANSLATE_NOOP("ReviewTableModel", "电话"),
    COL_ENTERPRISE: QT_TRANSLATE_NOOP("ReviewTableModel", "企业"),
    COL_DEFAULT: QT_TRANSLATE_NOOP("ReviewTableModel", "其中默认"),
    COL_BAD: QT_TRANSLATE_NOOP("ReviewTableModel", "差评"),
    COL_NAMED: QT_TRANSLATE_NOOP("ReviewTableModel", "实名差评"),
    COL_CALLED_BACK: QT_TRANSLATE_NOOP("ReviewTableModel", "已回访"),
    COL_CALLBACK_RATE: QT_TRANSLATE_NOOP("ReviewTableModel", "实名回访率"),
    COL_STANDING: QT_TRANSLATE_NOOP("ReviewTableModel", "成立"),
    COL_RECTIFIED: QT_TRANSLATE_NOOP("ReviewTableModel", "已整改"),
    COL_RECTIFY_RATE: QT_TRANSLATE_NOOP("ReviewTableModel", "整改率"),
    COL_APPEALS: QT_TRANSLATE_NOOP("ReviewTableModel", "申诉"),
    COL_UPHELD: QT_TRANSLATE_NOOP("ReviewTableModel", "申诉成立"),
    COL_MALICIOUS: QT_TRANSLATE_NOOP("ReviewTableModel", "恶意差评"),
}
HEADER_TIPS = {
    COL_QR: QT_TRANSLATE_NOOP("ReviewTableModel", "计入回访的首次评价：扫码评价"),
    COL_PLATFORM: QT_TRANSLATE_NOOP("ReviewTableModel", "计入回访的首次评价：好差评平台"),
    COL_PHONE: QT_TRANSLATE_NOOP("ReviewTableModel", "计入回访的首次评价：电话回访"),
    COL_ENTERPRISE: QT_TRANSLATE_NOOP("ReviewTableModel", "计入回访的首次评价：企业回访"),
    COL_DEFAULT: QT_TRANSLATE_NOOP(
        "ReviewTableModel", "上述评价中平台代为作出的系统默认评价（已计入其渠道）"
    ),
    COL_BAD: QT_TRANSLATE_NOOP("ReviewTableModel", "首次评价总体情况为不满意"),
    COL_NAMED: QT_TRANSLATE_NOOP("ReviewTableModel", "平台未标记为匿名的差评"),
    COL_CALLED_BACK: QT_TRANSLATE_NOOP(
        "ReviewTableModel", "实名差评中有联系记录或已录入二次回访评价的"
    ),
    COL_CALLBACK_RATE: QT_TRANSLATE_NOOP("ReviewTableModel", "实名差评回访率＝已回访÷实名差评"),
    COL_STANDING: QT_TRANSLATE_NOOP("ReviewTableModel", "核实属实、未申诉或申诉不成立的差评"),
    COL_RECTIFIED: QT_TRANSLATE_NOOP("ReviewTableModel", "成立差评中已整改完成的"),
    COL_RECTIFY_RATE: QT_TRANSLATE_NOOP("ReviewTableModel", "差评整改率＝已整改÷成立"),
    COL_APPEALS: QT_TRANSLATE_NOOP("ReviewTableModel", "提出申诉复核的差评"),
    COL_UPHELD: QT_TRANSLATE_NOOP("ReviewTableModel", "申诉复核成立（差评不成立）的"),
    COL_MALICIOUS: QT_TRANSLATE_NOOP("ReviewTableModel", "经申诉复核认定为恶意评价的差评"),
}
RATES = (COL_CALLBACK_RATE, COL_RECTIFY_RATE)


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def rate_display(rate: float | None) -> str:
    """A rate as the table shows it: 75.0%, or — when there is nothing to count."""
    return "—" if rate is None else f"{rate * 100:.1f}%"


class ReviewTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._units: list[UnitQuarter] = []

    def show_units(self, units: list[UnitQuarter]) -> None:
        self.beginResetModel()
        self._units = units
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._units)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        unit = self._units[index.row()]
        column = index.column()
        value = self._value(unit, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return rate_display(value) if column in RATES else str(value)
        if role == SORT_ROLE:
            return -1.0 if column in RATES and value is None else value
        if role == Qt.ItemDataRole.ForegroundRole and column in RATES:
            return FAILING if value is not None and value < 1 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_UNIT:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _value(self, unit: UnitQuarter, column: int) -> Any:
        channels, bad = unit.channels, unit.bad_reviews
        return {
            COL_UNIT: unit.unit,
            COL_QR: channels.qr,
            COL_PLATFORM: channels.platform,
            COL_PHONE: channels.phone,
            COL_ENTERPRISE: channels.enterprise,
            COL_DEFAULT: channels.default,
            COL_BAD: bad.bad_reviews,
            COL_NAMED: bad.named,
            COL_CALLED_BACK: bad.named_called_back,
            COL_CALLBACK_RATE: bad.callback_rate,
            COL_STANDING: bad.standing,
            COL_RECTIFIED: bad.rectified,
            COL_RECTIFY_RATE: bad.rectify_rate,
            COL_APPEALS: bad.appeals,
            COL_UPHELD: bad.appeals_upheld,
            COL_MALICIOUS: bad.malicious_upheld,
        }[column]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate(HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section in HEADER_TIPS:
            return translate(HEADER_TIPS[section])
        return None
