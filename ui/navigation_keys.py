"""The navigation list's page keys (Ctrl+1 … Ctrl+9) drawn at the right of each item, in grey,
where people look for the page — not only in a tooltip. The items' text stays the page's name."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

KEY_ROLE = Qt.ItemDataRole.UserRole + 41  # the key as shown: "Ctrl+1"
KEY_COLOR = QColor("#6b6b6b")
GAP = 12  # between the name and its key


class PageKeyDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        key = index.data(KEY_ROLE)
        if not key:
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(option.palette.highlightedText().color() if selected else KEY_COLOR)
        rect = option.rect.adjusted(0, 0, -8, 0)
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, key)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        key = index.data(KEY_ROLE)
        if key:
            size.setWidth(size.width() + GAP + option.fontMetrics.horizontalAdvance(key))
        return size


def key_width(widget: QWidget, key: str = "Ctrl+9") -> int:
    """The room a page key takes beside a name."""
    return GAP + widget.fontMetrics().horizontalAdvance(key) + 8
