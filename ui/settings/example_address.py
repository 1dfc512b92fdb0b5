"""Telling an administrator, once after they log in, that the evaluation slips still carry the
example address (app.settings.is_example_address), with a way to the setting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from app.roles import Permission
from app.settings import evaluation_address_is_example
from ui.current_user import logged_in
from ui.operations import operation

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def remind_administrator(window: MainWindow) -> None:
    """After a log-in: an administrator whose slips would print the example address is told so.
    Nobody else is (they cannot change it), nor a seat where nobody logs in."""
    person = logged_in()
    if person is None or not person.may(Permission.ADMINISTER):
        return
    (
        operation(
            window, window.database, lambda session, _p: evaluation_address_is_example(session)
        )
        .on_success(lambda example: _tell(window) if example else None)
        .run()
    )


def _tell(window: MainWindow) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ExampleAddress", "请设置网上评价地址"),
        QCoreApplication.translate(
            "ExampleAddress",
            "评价二维码条上的网上评价地址仍是示例地址（hcp.example.gov.cn），"
            "群众扫码会打不开（J 5.2.1）。\n请在“设置 → 设置… → 打印”中填写本中心的地址。",
        ),
        QMessageBox.StandardButton.NoButton,
        window,
    )
    open_button = box.addButton(
        QCoreApplication.translate("ExampleAddress", "打开设置(&O)…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(
        QCoreApplication.translate("ExampleAddress", "稍后(&L)"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(open_button)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(_result: int) -> None:
        if box.clickedButton() == open_button:
            from ui.settings.settings_dialog import open_settings

            open_settings(window, window.database, area="printing")

    box.finished.connect(answered)
    window.statusBar().showMessage(
        QCoreApplication.translate("ExampleAddress", "网上评价地址仍是示例地址：请在“设置”中填写。")
    )
    window.example_address_box = box
    box.open()
