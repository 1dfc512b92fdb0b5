"""Telling the person, politely, why what they asked was refused, or that something unexpected
went wrong (with the details for support)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.errors import Refused
from app.file_errors import file_error_text
from app.masking import mask_personal_data
from app.roles import NotPermitted


def refusal_text(problem: Exception | str) -> str:
    """The words for a refusal: the error's own message, or why a file could not be written."""
    if isinstance(problem, str):
        return problem
    if isinstance(problem, OSError) and not isinstance(problem, Refused):  # NotPermitted is one
        return QCoreApplication.translate("ErrorDialog", "无法写入文件：{reason}").format(
            reason=file_error_text(problem)
        )
    return str(problem)


def show_refusal(parent: QWidget | None, problem: Exception | str) -> QMessageBox:
    """A window-modal warning that does not block (the event loop goes on)."""
    translate = QCoreApplication.translate
    box = QMessageBox(parent or QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Warning)
    if isinstance(problem, NotPermitted):
        box.setWindowTitle(translate("ErrorDialog", "无权操作"))
    else:
        box.setWindowTitle(translate("ErrorDialog", "不能完成"))
    box.setText(refusal_text(problem))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


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
    box.setDetailedText(mask_personal_data(details))  # no phone or ID number in a bug report
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
