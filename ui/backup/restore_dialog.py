"""The restore dialog: what the chosen backup holds, and the NEW database to restore it into."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.backup import Manifest
from app.zone import LOCAL_ZONE
from ui import file_dialogs


class RestoreDialog(QDialog):
    """Asks where to restore; `target()` is a new SQLite file's path or a PostgreSQL URL."""

    def __init__(
        self,
        backup: Path,
        manifest: Manifest,
        suggested_file: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.manifest = manifest
        self.setWindowTitle(self.tr("从备份恢复到新数据库"))
        self.setMinimumWidth(640)

        facts = QGroupBox(self.tr("备份"))
        form = QFormLayout(facts)
        made = manifest.created_at.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M")
        form.addRow(self.tr("文件："), _selectable(str(backup)))
        form.addRow(self.tr("制作时间："), QLabel(f"{made}  ({manifest.machine})"))
        form.addRow(self.tr("来源："), _selectable(manifest.source))
        form.addRow(
            self.tr("版本："),
            QLabel(
                self.tr("回访台 {app}，数据库结构 {revision}").format(
                    app=manifest.app_version, revision=manifest.schema_revision
                )
            ),
        )
        form.addRow(self.tr("内容："), QLabel(self.contents(manifest)))

        target = QGroupBox(self.tr("恢复到"))
        target_layout = QVBoxLayout(target)
        self.target_edit = QLineEdit()
        row = QHBoxLayout()
        row.addWidget(self.target_edit, 1)
        if manifest.backend == "sqlite":
            self.target_edit.setText(str(suggested_file))
            browse = QPushButton(self.tr("浏览…"))
            browse.clicked.connect(self._browse)
            row.addWidget(browse)
            hint = self.tr("一个还不存在的 SQLite 数据库文件；附件将放在它旁边的文件夹中。")
        else:
            self.target_edit.setPlaceholderText("postgresql+psycopg://用户:密码@服务器/新库名")
            hint = self.tr(
                "一个新建的空 PostgreSQL 数据库的地址。请先在服务器上新建它，"
                "例如：createdb -O 用户名 新库名。"
            )
        target_layout.addLayout(row)
        target_layout.addWidget(_wrapped(hint))

        keys = QGroupBox(self.tr("密钥"))
        keys_form = QFormLayout(keys)
        keys_form.addRow(
            _wrapped(
                self.tr(
                    "备份由制作它的安装签名并加密，在本机制作的备份直接恢复。数据库和本机密钥丢失后，"
                    "在新的安装上恢复时请填写当时打印的恢复密钥。"
                )
            )
        )
        self.recovery_edit = QLineEdit()
        self.recovery_edit.setPlaceholderText("RK-XXXX-XXXX-…")
        keys_form.addRow(self.tr("恢复密钥(&K)："), self.recovery_edit)
        self.unsigned_check = QCheckBox(
            self.tr("这是旧版本回访台制作的未签名备份，我确认它的来源，仍然恢复(&U)")
        )
        keys_form.addRow(self.unsigned_check)

        note = _wrapped(
            self.tr(
                "恢复只写入新的数据库，正在使用的数据库不会被改动。"
                "要使用恢复的数据库，请用 --db 指定它来启动回访台。"
            )
        )
        note.setStyleSheet("color: #555;")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("恢复"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.target_edit.textChanged.connect(self._update_ok)
        self._update_ok()

        layout = QVBoxLayout(self)
        layout.addWidget(facts)
        layout.addWidget(target)
        layout.addWidget(keys)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def contents(self, manifest: Manifest) -> str:
        tables = {
            "cases": self.tr("业务件"),
            "evaluations": self.tr("评价"),
            "call_attempts": self.tr("拨打记录"),
            "attachments": self.tr("附件"),
        }
        return self.tr("，").join(
            f"{label} {manifest.counts[table]:,}"
            for table, label in tables.items()
            if table in manifest.counts
        )

    def target(self) -> str:
        return self.target_edit.text().strip()

    def recovery_key(self) -> str:
        """The recovery key typed in, or "" (this installation's keys open the backup)."""
        return self.recovery_edit.text().strip()

    def allow_unsigned(self) -> bool:
        return self.unsigned_check.isChecked()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.target()))

    def _browse(self) -> None:
        proposed = Path(self.target())
        chosen = file_dialogs.save_path(
            self,
            self.tr("新数据库文件"),
            "database",
            proposed.name,
            self.tr("SQLite 数据库 (*.sqlite3 *.db)"),
            folder=proposed.parent,
            confirm_overwrite=False,  # an existing file is refused anyway
        )
        if chosen:
            self.target_edit.setText(str(chosen))


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label
