"""The month's calls as the 附录 F phone-revisit ledger (表 F.1 服务对象电话回访记录单), a sortable
table in the ledger's seven columns.

A list on screen, not the claimed case: the numbers dialled are masked here. The month's Excel
export (app/reports/monthly_xlsx.py) is the official ledger and writes them in full.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.i18n import pick
from app.outcomes import OUTCOMES_BY_CODE
from app.phones import mask_phone
from app.reports.monthly import LedgerRow
from ui.rows_model import RowsModel

COL_SEQ = 0
COL_DATE = 1
COL_PERSON = 2
COL_LOCATION = 3
COL_BUSINESS_TYPE = 4
COL_CONTACT = 5
COL_OUTCOME = 6

CONTEXT = "LedgerModel"
HEADERS = {
    COL_SEQ: QT_TRANSLATE_NOOP("LedgerModel", "序号"),
    COL_DATE: QT_TRANSLATE_NOOP("LedgerModel", "日期"),
    COL_PERSON: QT_TRANSLATE_NOOP("LedgerModel", "人员姓名"),
    COL_LOCATION: QT_TRANSLATE_NOOP("LedgerModel", "座落"),
    COL_BUSINESS_TYPE: QT_TRANSLATE_NOOP("LedgerModel", "业务类型"),
    COL_CONTACT: QT_TRANSLATE_NOOP("LedgerModel", "联系方式"),
    COL_OUTCOME: QT_TRANSLATE_NOOP("LedgerModel", "回访情况"),
}
# Columns whose text may be cut: the whole of it is in the cell's tool tip.
LONG_TEXT = (COL_PERSON, COL_LOCATION, COL_BUSINESS_TYPE)
SORT_ROLE = Qt.ItemDataRole.UserRole


def translate(text: str) -> str:
    """One of the texts declared above with QT_TRANSLATE_NOOP, in the interface's language."""
    return QCoreApplication.translate(CONTEXT, text)


def ledger_outcome(row: LedgerRow) -> str:
    """回访情况: in Chinese as the ledger writes it (the team's label), else the English one."""
    outcome = OUTCOMES_BY_CODE.get(row.outcome)
    return pick(row.outcome_label, outcome.label_en) if outcome else row.outcome_label


class LedgerModel(RowsModel):
    CONTEXT = CONTEXT
    HEADERS = HEADERS

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SEQ:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _text(self, row: LedgerRow, column: int) -> str:
        if column == COL_SEQ:
            return str(row.seq)
        if column == COL_DATE:
            return row.day.isoformat()
        if column == COL_PERSON:
            return row.person or ""
        if column == COL_LOCATION:
            return row.location or ""
        if column == COL_BUSINESS_TYPE:
            return row.business_type or ""
        if column == COL_CONTACT:
            return mask_phone(row.contact)
        return ledger_outcome(row)

    def _sort_value(self, row: LedgerRow, column: int) -> Any:
        if column in (COL_SEQ, COL_DATE):
            return row.seq  # the ledger is in the order the calls were made
        return self._text(row, column)

    def _tip(self, row: LedgerRow, column: int) -> str:
        """The case behind the line; the whole text of a cell that may be cut."""
        case = self.tr("业务编号 {case_no}　受理单位 {unit}　回访员 {operator}").format(
            case_no=row.case_no, unit=row.unit, operator=row.operator or "—"
        )
        text = self._text(row, column)
        return f"{text}\n{case}" if column in LONG_TEXT and text else case

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate(HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section == COL_SEQ:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None
