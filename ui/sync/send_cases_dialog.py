"""Choosing the units whose open queue the centre sends to an outlet, and the file to write."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.sync import SUFFIX, UnitToCall, default_file_name, units_to_call
from db.database import Database
from ui import file_dialogs
from ui.operations import Progress, delete_when_idle, operation

UNIT_ID_ROLE = Qt.ItemDataRole.UserRole


class SendCasesDialog(QDialog):
    loaded = Signal()

    def __init__(self, database: Database, folder: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self.folder = folder
        self.setWindowTitle(self.tr("发送待回访业务件"))
        self.resize(560, 460)
        # Deleted once closed and the units it reads have come.
        self.finished.connect(lambda _result: delete_when_idle(self))
        explanation = QLabel(
            self.tr(
                "选择要交给网点回访的受理单位：它们回访队列中未完成的业务件（连同电话和回访记录）"
                "写入一个同步文件，由网点导入到它的回访队列。"
            )
        )
        explanation.setWordWrap(True)
        self.units = QListWidget()
        self.path_edit = QLineEdit()
        browse = QPushButton(self.tr("浏览(&B)…"))
        browse.clicked.connect(self._browse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导出(&E)"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.units.itemChanged.connect(self._update_ok)
        self.path_edit.textChanged.connect(self._update_ok)

        path_row = QHBoxLayout()
        path_row.addWidget(QLabel(self.tr("文件：")))
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.units, 1)
        layout.addLayout(path_row)
        layout.addWidget(self.buttons)
        self._update_ok()

        def read(session: Session, _progress: Progress) -> tuple[list[UnitToCall], str]:
            return units_to_call(session), default_file_name(session, "cases_to_call")

        operation(self, database, read).on_success(self._show_units).run()

    def chosen_unit_ids(self) -> list[int]:
        return [
            self.units.item(row).data(UNIT_ID_ROLE)
            for row in range(self.units.count())
            if self.units.item(row).checkState() == Qt.CheckState.Checked
        ]

    def path(self) -> Path:
        return Path(self.path_edit.text().strip())

    def _show_units(self, result: tuple[list[UnitToCall], str]) -> None:
        units, name = result
        for unit in units:
            item = QListWidgetItem(
                self.tr("{unit}（待回访 {n} 件）").format(unit=unit.name, n=unit.open_entries)
            )
            item.setData(UNIT_ID_ROLE, unit.unit_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            if not unit.open_entries:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.units.addItem(item)
        if not self.path_edit.text():
            self.path_edit.setText(str(self.folder / name))
        self.loaded.emit()

    def _browse(self) -> None:
        typed = Path(self.path_edit.text())
        path = file_dialogs.save_path(
            self,
            self.tr("保存待回访业务件"),
            "sync",
            typed.name,
            self.tr("回访台同步文件 (*{suffix})").format(suffix=SUFFIX),
            folder=typed.parent,
        )
        if path:
            self.path_edit.setText(str(path))

    def _update_ok(self) -> None:
        ready = bool(self.chosen_unit_ids()) and bool(self.path_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def _accept(self) -> None:
        if self.chosen_unit_ids() and self.path_edit.text().strip():
            self.accept()
