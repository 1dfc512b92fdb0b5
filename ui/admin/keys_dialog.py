"""密钥交换: this installation's key file to hand out, the sites whose keys are trusted here
(trust a key file after comparing its fingerprint on the phone, forget one), and the recovery
key that restores backups when the database is lost, shown once (administrators; app.keys)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.keys import (
    KEY_FILE_SUFFIX,
    PublicKeys,
    RecoveryInfo,
    RecoveryKey,
    TrustedSite,
    forget_site,
    make_recovery_key,
    own_public_keys,
    read_key_file,
    recovery_info,
    trust_site,
    trusted_sites,
)
from app.zone import LOCAL_ZONE
from db.database import Database
from ui import file_dialogs
from ui.current_user import logged_in
from ui.operations import Progress, operation, running_for

ERROR_STYLE = "color: #b3261e; font-weight: bold;"
DONE_STYLE = "color: #2e7d32; font-weight: bold;"
SITE_ROLE = Qt.ItemDataRole.UserRole


@dataclass
class Facts:
    own: PublicKeys
    recovery: RecoveryInfo | None
    sites: list[TrustedSite]


def _acting_id() -> int | None:
    person = logged_in()
    return person.id if person is not None else None


def _local(moment) -> str:
    return moment.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M") if moment else "—"


def _fixed_font() -> QFont:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


class KeysDialog(QDialog):
    loaded = Signal()  # what is on screen is the database's now
    message_shown = Signal(str)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.facts: Facts | None = None
        self.trust_dialog: TrustDialog | None = None
        self.recovery_dialog: RecoveryKeyDialog | None = None
        self.setWindowTitle(self.tr("密钥交换"))
        self.setMinimumWidth(720)

        own_box = QGroupBox(self.tr("本机"))
        own_form = QFormLayout(own_box)
        self.site_label = QLabel()
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setFont(_fixed_font())
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        own_form.addRow(self.tr("站点："), self.site_label)
        own_form.addRow(self.tr("指纹："), self.fingerprint_label)
        self.export_button = QPushButton(self.tr("导出本机密钥文件(&E)…"))
        self.export_button.clicked.connect(self.export_key_file)
        own_form.addRow("", self.export_button)

        sites_box = QGroupBox(
            self.tr("信任的站点（它们的同步文件可以导入，发给它们的文件只有它们能打开）")
        )
        self.sites = QTableWidget(0, 4)
        self.sites.setHorizontalHeaderLabels(
            [self.tr("名称"), self.tr("指纹"), self.tr("信任时间"), self.tr("信任人")]
        )
        self.sites.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sites.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sites.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sites.verticalHeader().hide()
        self.sites.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.sites.itemSelectionChanged.connect(self._update_enabled)
        self.trust_button = QPushButton(self.tr("信任对方的密钥文件(&T)…"))
        self.trust_button.clicked.connect(self.choose_key_file)
        self.forget_button = QPushButton(self.tr("不再信任(&F)…"))
        self.forget_button.clicked.connect(self.confirm_forget)
        site_buttons = QHBoxLayout()
        site_buttons.addWidget(self.trust_button)
        site_buttons.addWidget(self.forget_button)
        site_buttons.addStretch(1)
        sites_layout = QVBoxLayout(sites_box)
        sites_layout.addWidget(self.sites)
        sites_layout.addLayout(site_buttons)

        recovery_box = QGroupBox(self.tr("恢复密钥（数据库和本机密钥丢失时恢复备份）"))
        self.recovery_label = QLabel()
        self.recovery_label.setWordWrap(True)
        self.recovery_button = QPushButton(self.tr("制作恢复密钥(&R)…"))
        self.recovery_button.clicked.connect(self.confirm_recovery_key)
        recovery_layout = QHBoxLayout(recovery_box)
        recovery_layout.addWidget(self.recovery_label, 1)
        recovery_layout.addWidget(self.recovery_button)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        close_button = QPushButton(self.tr("关闭"))
        close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message_label, 1)
        bottom.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(own_box)
        layout.addWidget(sites_box, 1)
        layout.addWidget(recovery_box)
        layout.addLayout(bottom)
        self.refresh()

    # Where files come from and go: dialogs, replaced in tests.

    def ask_save_path(self, name: str) -> Path | None:
        return file_dialogs.save_path(
            self, self.tr("导出本机密钥文件"), "keys", name, self._file_filter()
        )

    def ask_open_path(self) -> Path | None:
        return file_dialogs.open_path(
            self, self.tr("信任对方的密钥文件"), "keys", self._file_filter()
        )

    def _file_filter(self) -> str:
        return self.tr("回访台密钥文件 (*{suffix});;所有文件 (*)").format(suffix=KEY_FILE_SUFFIX)

    # What is on screen

    def refresh(self) -> None:
        def read(session: Session, _progress: Progress) -> Facts:
            # The keys are made on first need: the first time this dialog opens, at the latest.
            return Facts(own_public_keys(session), recovery_info(session), trusted_sites(session))

        (
            operation(self, self.database, read)
            .writing()
            .on_success(self._show)
            .on_failure(self._failed)
            .busy(self.export_button, self.trust_button, self.forget_button, self.recovery_button)
            .run()
        )

    def _show(self, facts: Facts) -> None:
        self.facts = facts
        self.site_label.setText(
            self.tr("{name}（站点编号 {id}）").format(name=facts.own.name, id=facts.own.site_id)
        )
        self.fingerprint_label.setText(facts.own.fingerprint)
        self.sites.setRowCount(len(facts.sites))
        for row, site in enumerate(facts.sites):
            by = site.trusted_by or self.tr("未登录")
            values = (site.name or "", site.fingerprint, _local(site.trusted_at), by)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(SITE_ROLE, site.site_id)
                if column == 1:
                    item.setFont(_fixed_font())
                self.sites.setItem(row, column, item)
        self.sites.resizeColumnToContents(0)
        if facts.recovery is None:
            self.recovery_label.setText(
                self.tr(
                    "还没有恢复密钥：如果数据库和本机的密钥丢失，备份将无法恢复。请制作一个，"
                    "打印或抄写后锁进保险柜，不要和备份放在一起。"
                )
            )
            self.recovery_label.setStyleSheet(ERROR_STYLE)
            self.recovery_button.setText(self.tr("制作恢复密钥(&R)…"))
        else:
            self.recovery_label.setText(
                self.tr("已于 {at} 制作（{by}）。它只显示过那一次，本机不保存它。").format(
                    at=_local(facts.recovery.made_at),
                    by=facts.recovery.made_by or self.tr("未登录"),
                )
            )
            self.recovery_label.setStyleSheet("")
            self.recovery_button.setText(self.tr("换一个新的恢复密钥(&R)…"))
        self._update_enabled()
        self.loaded.emit()

    def selected_site(self) -> str | None:
        items = self.sites.selectedItems()
        return items[0].data(SITE_ROLE) if items else None

    # This installation's key file

    def export_key_file(self) -> None:
        if self.facts is None:
            return
        own = self.facts.own
        name = f"{own.name or 'revisitdesk'}{KEY_FILE_SUFFIX}"
        path = self.ask_save_path(name)
        if path is None:
            return
        text = own.to_text()

        def write(_progress: Progress) -> Path:
            path.write_text(text, encoding="utf-8")
            return path

        (
            operation(self, None, write)
            .on_success(self._exported)
            .on_failure(self._failed)
            .busy(self.export_button)
            .run()
        )

    def _exported(self, path: Path) -> None:
        self.show_message(
            self.tr(
                "本机密钥文件已写入 {path}。请交给对方，并在电话里向对方读出本机指纹 {fingerprint}。"
            ).format(path=path, fingerprint=self.facts.own.fingerprint if self.facts else ""),
            DONE_STYLE,
        )

    # Trusting another site's key file

    def choose_key_file(self) -> None:
        path = self.ask_open_path()
        if path is None:
            return

        def read(_progress: Progress) -> PublicKeys:
            return read_key_file(path)

        (
            operation(self, None, read)
            .on_success(self._ask_trust)
            .on_failure(self._failed)
            .busy(self.trust_button)
            .run()
        )

    def _ask_trust(self, keys: PublicKeys) -> None:
        dialog = TrustDialog(keys, self)
        dialog.accepted.connect(self._trust_accepted)
        dialog.open()
        self.trust_dialog = dialog

    def _trust_accepted(self) -> None:
        dialog = self.trust_dialog
        if dialog is None:
            return
        keys, name, replace, by_id = dialog.keys, dialog.name(), dialog.replace(), _acting_id()

        def trust(session: Session, _progress: Progress) -> TrustedSite:
            return trust_site(session, keys, name, by_id=by_id, replace=replace)

        (
            operation(self, self.database, trust)
            .writing()
            .on_success(self._trusted)
            .on_failure(self._failed)
            .busy(self.trust_button)
            .run()
        )

    def _trusted(self, site: TrustedSite) -> None:
        self.show_message(
            self.tr("已信任“{name}”的密钥（指纹 {fingerprint}）。").format(
                name=site.name, fingerprint=site.fingerprint
            ),
            DONE_STYLE,
        )
        self.refresh()

    def confirm_forget(self) -> None:
        site_id = self.selected_site()
        if site_id is None or self.facts is None:
            return
        site = next(s for s in self.facts.sites if s.site_id == site_id)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("不再信任"),
            self.tr(
                "不再信任“{name}”的密钥（指纹 {fingerprint}）？此后它的同步文件将被拒绝，"
                "也不能再给它导出同步文件，直到再次交换密钥。"
            ).format(name=site.name, fingerprint=site.fingerprint),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(lambda: self.forget(site_id))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def forget(self, site_id: str) -> None:
        by_id = _acting_id()

        def forget(session: Session, _progress: Progress) -> TrustedSite:
            return forget_site(session, site_id, by_id=by_id)

        (
            operation(self, self.database, forget)
            .writing()
            .on_success(self._forgotten)
            .on_failure(self._failed)
            .busy(self.forget_button)
            .run()
        )

    def _forgotten(self, site: TrustedSite) -> None:
        self.show_message(self.tr("不再信任“{name}”的密钥。").format(name=site.name), DONE_STYLE)
        self.refresh()

    # The recovery key

    def confirm_recovery_key(self) -> None:
        if self.facts is None:
            return
        if self.facts.recovery is None:
            self.make_recovery_key(replace=False)
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("换一个新的恢复密钥"),
            self.tr(
                "制作一个新的恢复密钥？此后的备份用新的恢复密钥恢复；此前的备份仍然只能用旧的"
                "恢复密钥（或在本机）恢复，请把旧的一并保管好。"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(lambda: self.make_recovery_key(replace=True))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def make_recovery_key(self, *, replace: bool) -> None:
        by_id = _acting_id()

        def make(session: Session, _progress: Progress) -> tuple[RecoveryKey, PublicKeys]:
            key = make_recovery_key(session, by_id=by_id, replace=replace)
            return key, own_public_keys(session)

        (
            operation(self, self.database, make)
            .writing()
            .on_success(self._show_recovery_key)
            .on_failure(self._failed)
            .busy(self.recovery_button)
            .run()
        )

    def _show_recovery_key(self, made: tuple[RecoveryKey, PublicKeys]) -> None:
        key, own = made
        dialog = RecoveryKeyDialog(key.text, own, self)
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.open()
        self.recovery_dialog = dialog

    # Messages

    def show_message(self, text: str, style: str = "") -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)
        self.message_shown.emit(text)

    def _failed(self, error: Exception) -> None:
        self.show_message(str(error), ERROR_STYLE)
        self._update_enabled()

    @property
    def running(self) -> bool:
        return bool(running_for(self))

    def _update_enabled(self) -> None:
        ready = self.facts is not None and not self.running
        self.export_button.setEnabled(ready)
        self.trust_button.setEnabled(ready)
        self.recovery_button.setEnabled(ready)
        self.forget_button.setEnabled(ready and self.selected_site() is not None)


class TrustDialog(QDialog):
    """The key file's site and fingerprint, to compare with what the other site reads out on
    the phone; the name this database will call it; trusting it only once both say so."""

    def __init__(self, keys: PublicKeys, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys = keys
        self.setWindowTitle(self.tr("信任对方的密钥文件"))
        intro = QLabel(
            self.tr(
                "请给对方打电话，请对方读出他那里“密钥交换”中显示的本机指纹，与下面的指纹逐组核对。"
                "只有完全一致才信任：不一致说明这个文件不是对方的，或被调换过。"
            )
        )
        intro.setWordWrap(True)
        fingerprint = QLabel(keys.fingerprint)
        fingerprint.setFont(_fixed_font())
        fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_edit = QLineEdit(keys.name or "")
        self.name_edit.setMaxLength(200)
        form = QFormLayout()
        form.addRow(self.tr("密钥文件中的站点："), QLabel(keys.name or self.tr("（无名称）")))
        form.addRow(self.tr("站点编号："), QLabel(keys.site_id))
        form.addRow(self.tr("指纹："), fingerprint)
        form.addRow(self.tr("本机称它为(&N)："), self.name_edit)
        self.same_check = QCheckBox(self.tr("已在电话里核对，指纹完全一致(&Y)"))
        self.replace_check = QCheckBox(
            self.tr("对方换了密钥（如重新安装）：替换原来信任的密钥(&P)")
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("信任(&T)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.same_check.toggled.connect(self._update_ok)
        self.name_edit.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.same_check)
        layout.addWidget(self.replace_check)
        layout.addWidget(self.buttons)
        self.same_check.setFocus()
        self._update_ok()

    def name(self) -> str:
        return self.name_edit.text().strip()

    def replace(self) -> bool:
        return self.replace_check.isChecked()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.same_check.isChecked() and bool(self.name()))


class RecoveryKeyView(QWidget):
    """A recovery key as it is shown this once — what it is for, the key, the installation's
    fingerprint (compared when a backup is opened with it) and the key's own — and printed
    (打印): the 密钥交换 dialog's and the set-up wizard's."""

    def __init__(self, text: str, own: PublicKeys, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = text
        self.own = own
        self.key_fingerprint = RecoveryKey.parse(text).public.fingerprint
        intro = QLabel(
            self.tr(
                "这是 {name} 的恢复密钥，只显示这一次，本机不保存它。请打印或抄写下来，连同本机指纹"
                "锁进保险柜，不要和备份放在一起。数据库和本机密钥丢失时，用它恢复备份；数据库文件"
                "加密后，忘记全部管理员密码时，用它打开数据库（main.py db recover）。"
            ).format(name=own.name)
        )
        intro.setWordWrap(True)
        self.key_label = QLabel(text)
        font = _fixed_font()
        font.setPointSize(font.pointSize() + 4)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setWordWrap(True)
        fingerprints = QLabel(
            "\n".join(
                [
                    self.tr("本机指纹：{fingerprint}").format(fingerprint=own.fingerprint),
                    self.tr("恢复密钥指纹：{fingerprint}").format(fingerprint=self.key_fingerprint),
                ]
            )
        )
        fingerprints.setFont(_fixed_font())
        fingerprints.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton(self.tr("打印(&P)…"))
        self.print_button.setAutoDefault(False)  # Enter stays the dialog's or the wizard's
        self.print_button.clicked.connect(self.print_key)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.key_label)
        layout.addWidget(fingerprints)

    def page(self) -> QTextDocument:
        """What is printed: the key, whose it is, and how it is used."""
        document = QTextDocument()
        document.setPlainText(
            "\n\n".join(
                [
                    self.tr("回访台恢复密钥"),
                    self.tr("站点：{name}（{id}）").format(name=self.own.name, id=self.own.site_id),
                    self.tr("本机指纹：{fingerprint}").format(fingerprint=self.own.fingerprint),
                    self.tr("恢复密钥指纹：{fingerprint}").format(fingerprint=self.key_fingerprint),
                    self.text,
                    self.tr(
                        "恢复备份：backup restore 备份文件 --to 新数据库文件 --recovery-key，"
                        "或在“从备份恢复到新数据库”中填写恢复密钥。"
                    ),
                ]
            )
        )
        return document

    def print_key(self) -> None:
        """The system's print dialog (a printer, or a PDF file), then the page."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.page().print_(printer)


class RecoveryKeyDialog(QDialog):
    """The recovery key, shown this once: to print or write down, with the installation's
    fingerprint beside it."""

    def __init__(self, text: str, own: PublicKeys, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("恢复密钥"))
        self.view = RecoveryKeyView(text, own)
        self.key_label = self.view.key_label
        self.done_button = QPushButton(self.tr("已打印或抄写，妥善保管(&D)"))
        self.done_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.view.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.done_button.setDefault(True)

    def page(self) -> QTextDocument:
        return self.view.page()

    def print_key(self) -> None:
        self.view.print_key()
