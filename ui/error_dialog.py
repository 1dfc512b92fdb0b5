"""Telling the operator, politely, that something unexpected went wrong (details for support)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def show_unexpected_error(parent: QWidget | None, details: str) -> QMessageBox:
    """A window-modal message with the technical details folded away; does not block."""
    translate = QCoreApplication.translate
    box = QMessageBox(parent or QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("ErrorDialog", "出错了"))
    box.setText(translate("ErrorDialog", "操作没有完成：发生了意外的错误。没有保存任何改动。"))
    box.setInformativeText(
        translate(
            "ErrorDialog", "可以再试一次。如果问题再次出现，请把下面的详细信息发给系统管理员。"
        )
    )
    box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
