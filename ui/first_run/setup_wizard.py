"""The first run's set-up (app.first_run), shown before the main window on a new, empty database:
the centre and its units, the administrator's account, the area code, the evaluation address and
the calling hours, and whether next year's working-day calendar is known. Each answer can be
changed later in 设置, 受理单位 and 人员与角色.

保存设置 on the calendar page stores it all in one transaction together with the installation's
recovery key, which the last page then shows this once: printed (Alt+P) or written down, its
last group typed back (Alt+L) before 完成设置 (Enter). From there the set-up is kept: the wizard
no longer cancels, and a new recovery key can be made later in 密钥交换."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from sqlalchemy.orm import Session

from app.first_run import (
    Setup,
    SetupFacts,
    SetupRecoveryKey,
    complete_setup,
    make_setup_recovery_key,
    setup_facts,
)
from app.roles import Role
from app.settings import is_example_address
from app.staff import StaffMember
from db.database import Database
from ui import file_dialogs
from ui.admin.keys_dialog import RecoveryKeyView
from ui.desk.display import ERROR_COLOR
from ui.error_dialog import refusal_text
from ui.operations import Progress, operation
from ui.settings.qr_preview import qr_image

QR_SIZE = 120


@dataclass(frozen=True)
class Stored:
    """The set-up as stored: who set it up, and the recovery key made with it."""

    administrator: StaffMember
    recovery: SetupRecoveryKey


class SetupWizard(QWizard):
    """保存设置 (the calendar page, a commit page) stores everything in one transaction with the
    recovery key; `administrator` is then who set it up (logged in for this run) and
    `open_calendar` whether they asked for the calendar next. The recovery page follows, and
    finishing needs its last group typed back."""

    def __init__(self, database: Database, facts: SetupFacts, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.facts = facts
        self.administrator: StaffMember | None = None
        self.stored: Stored | None = None
        self.encrypted = False  # the database file, once the set-up has encrypted it
        self.setWindowTitle(self.tr("回访台 — 首次设置"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步(&N) >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 上一步(&B)"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("保存设置(&S) >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成设置(&D)"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.centre_page = CentrePage(self)
        self.account_page = AccountPage(facts)
        self.calling_page = CallingPage(facts)
        self.calendar_page = CalendarPage(facts, self)
        self.recovery_page = RecoveryPage(self)
        for page in (
            self.centre_page,
            self.account_page,
            self.calling_page,
            self.calendar_page,
            self.recovery_page,
        ):
            self.addPage(page)
        self.resize(720, 560)

    @property
    def open_calendar(self) -> bool:
        return self.calendar_page.open_calendar.isChecked()

    def answers(self) -> Setup:
        centre, account, calling = self.centre_page, self.account_page, self.calling_page
        return Setup(
            centre=centre.centre_edit.text(),
            units=centre.units_edit.toPlainText().splitlines(),
            administrator=account.name_edit.text(),
            username=account.username_edit.text(),
            password=account.password_edit.text(),
            area_code=calling.area_code_edit.text(),
            evaluation_url=calling.address_edit.text().strip(),
            morning_hours=calling.morning_edit.text(),
            afternoon_hours=calling.afternoon_edit.text(),
        )

    def store(self) -> None:
        """Store the set-up and make its recovery key, in one transaction; then the recovery
        page. Stays on the calendar page with the reason when an answer is refused."""
        setup = self.answers()

        def store(session: Session, _progress: Progress) -> Stored:
            staff_id = complete_setup(session, setup)
            recovery = make_setup_recovery_key(session, by_id=staff_id)
            administrator = StaffMember(staff_id, setup.administrator.strip(), Role.ADMINISTRATOR)
            return Stored(administrator, recovery)

        self.calendar_page.show_problem("")
        (
            operation(self, self.database, store)
            .writing()
            .busy(self.button(QWizard.WizardButton.CommitButton))
            .on_success(self._stored)
            .on_failure(self._refused)
            .run()
        )

    def _refused(self, problem: Exception) -> None:
        self.calendar_page.show_problem(refusal_text(problem))

    def _stored(self, stored: Stored) -> None:
        self.stored = stored
        self.administrator = stored.administrator
        # Kept now: there is nothing left to cancel, only the key to take down.
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        if self.account_page.encrypt_check.isChecked():
            self._encrypt(stored.administrator.id, self.account_page.password_edit.text())
        else:
            self.next()

    def _encrypt(self, staff_id: int, password: str) -> None:
        """The new database file encrypted (its key wrapped for the administrator and the
        recovery key just made), before the recovery page shows the key."""
        from app.keys.encrypt_database import encrypt_database  # cryptography: only now

        database = self.database

        def encrypt(_session: Session, progress: Progress):
            # The session given is not used: the file is replaced while no connection is open.
            return encrypt_database(
                database, by_id=staff_id, password=password, progress=progress, back_up_first=False
            )

        (
            operation(self, self.database, encrypt)
            .busy(self.button(QWizard.WizardButton.CommitButton))
            .on_success(self._encrypted)
            .on_failure(self._not_encrypted)
            .run()
        )

    def _encrypted(self, _result) -> None:
        self.encrypted = True
        self.next()

    def _not_encrypted(self, problem: Exception) -> None:
        # The set-up is kept, in the clear; 管理 → 加密数据库文件 can try again later.
        self.recovery_page.encryption_problem = refusal_text(problem)
        self.next()

    def reject(self) -> None:
        """Cancel, Esc and the window's close button: before 保存设置 they leave the database
        new; after it the set-up is kept and the wizard stays until the key is taken down."""
        if self.stored is None:
            super().reject()


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOR};")
    return label


class CentrePage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.database = wizard.database
        self.setTitle(self.tr("本中心与受理单位"))
        self.setSubTitle(
            self.tr(
                "受理单位是办理业务、接受回访考核的登记中心或大厅。每行一个；"
                "也可以从登记系统导出的业务件文件中读取。以后可在“管理 → 受理单位”中修改。"
            )
        )
        self.centre_edit = QLineEdit()
        self.centre_edit.setPlaceholderText(self.tr("如：济南市不动产登记中心"))
        self.units_edit = QPlainTextEdit()
        self.units_edit.setPlaceholderText(self.tr("历下区不动产登记中心\n市中区不动产登记中心"))
        self.units_edit.setTabChangesFocus(True)
        self.read_button = QPushButton(self.tr("从业务件导出文件读取(&R)…"))
        self.read_button.setAutoDefault(False)
        self.read_button.clicked.connect(self.read_units)
        self.message = _error_label()
        form = QFormLayout()
        centre_label = QLabel(self.tr("本中心名称(&C)："))
        centre_label.setBuddy(self.centre_edit)
        form.addRow(centre_label, self.centre_edit)
        units_label = QLabel(self.tr("受理单位(&U)："))
        units_label.setBuddy(self.units_edit)
        form.addRow(units_label, self.units_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.read_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.message)
        self.centre_edit.textChanged.connect(self.completeChanged)
        self.units_edit.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        units = [u for u in self.units_edit.toPlainText().splitlines() if u.strip()]
        return bool(self.centre_edit.text().strip()) and bool(units)

    def read_units(self) -> None:
        path = file_dialogs.open_path(
            self,
            self.tr("业务件导出文件"),
            "cases",
            self.tr("业务件导出文件 (*.csv *.xlsx *.xls)"),
        )
        if path:
            self.read_units_from(path)

    def read_units_from(self, path: Path) -> None:
        # The importer's readers, loaded only now: most first runs type their units.
        from app.importing.service import unit_names_in_case_file

        self.message.setText("")
        (
            operation(self, None, lambda _progress: unit_names_in_case_file(path))
            .busy(self.read_button)
            .on_success(self._units_read)
            .on_failure(self._not_read)
            .run()
        )

    def _not_read(self, problem: Exception) -> None:
        self.message.setText(refusal_text(problem))

    def _units_read(self, names: list[str]) -> None:
        typed = [u.strip() for u in self.units_edit.toPlainText().splitlines() if u.strip()]
        self.units_edit.setPlainText("\n".join(dict.fromkeys([*typed, *names])))


class AccountPage(QWizardPage):
    def __init__(self, facts: SetupFacts) -> None:
        super().__init__()
        self.setTitle(self.tr("管理员账号"))
        self.setSubTitle(
            self.tr(
                "设置后，所有人都用用户名和密码登录；管理员在“管理 → 人员与角色”中为其他人"
                "建立账号。"
            )
        )
        # The rule of the settings (security.*), as 修改密码 shows it.
        self.rule_label = QLabel(
            self.tr("密码要求：{rule}。").format(rule=facts.password_rule)
            if facts.password_rule
            else ""
        )
        self.rule_label.setWordWrap(True)
        self.rule_label.setStyleSheet("color: #555555;")
        # On by default for a SQLite file: a lost laptop then gives away no phone number.
        self.encrypt_check = QCheckBox(
            self.tr(
                "加密数据库文件(&K)：只有登录才能打开，丢失电脑或拷走文件不泄露电话号码（推荐）"
            )
        )
        self.encrypt_check.setChecked(facts.can_encrypt)
        self.encrypt_check.setVisible(facts.can_encrypt)
        self.name_edit = QLineEdit()
        self.username_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = _error_label()
        form = QFormLayout()
        for text, edit in (
            (self.tr("姓名(&A)："), self.name_edit),
            (self.tr("用户名(&U)："), self.username_edit),
            (self.tr("密码(&P)："), self.password_edit),
            (self.tr("再次输入密码(&E)："), self.repeat_edit),
        ):
            label = QLabel(text)
            label.setBuddy(edit)
            form.addRow(label, edit)
            edit.textChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.rule_label)
        layout.addWidget(self.encrypt_check)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _changed(self) -> None:
        repeated = self.repeat_edit.text()
        different = bool(repeated) and repeated != self.password_edit.text()
        self.message.setText(self.tr("两次输入的密码不一致。") if different else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return (
            bool(self.name_edit.text().strip() and self.username_edit.text().strip())
            and bool(self.password_edit.text())
            and self.password_edit.text() == self.repeat_edit.text()
        )


class CallingPage(QWizardPage):
    def __init__(self, facts: SetupFacts) -> None:
        super().__init__()
        self.setTitle(self.tr("电话与网上评价"))
        self.setSubTitle(
            self.tr(
                "默认区号用于不带区号的固定电话号码；评价地址印在评价二维码中（J 5.2.1），"
                "必须是群众能打开的真实地址。以后可在“设置”中修改。"
            )
        )
        self.area_code_edit = QLineEdit()
        self.area_code_edit.setPlaceholderText("0531")
        self.area_code_edit.setMaxLength(8)
        self.address_edit = QLineEdit(facts.defaults.get("printing.evaluation_url_template", ""))
        self.morning_edit = QLineEdit(facts.defaults.get("desk.morning_hours", ""))
        self.afternoon_edit = QLineEdit(facts.defaults.get("desk.afternoon_hours", ""))
        self.address_warning = _error_label()
        self.qr_label = QLabel()
        self.qr_label.setFixedSize(QR_SIZE, QR_SIZE)
        form = QFormLayout()
        for text, edit in (
            (self.tr("默认电话区号(&D)："), self.area_code_edit),
            (self.tr("评价地址(&V)："), self.address_edit),
            (self.tr("上午回访时段(&M)："), self.morning_edit),
            (self.tr("下午回访时段(&T)："), self.afternoon_edit),
        ):
            label = QLabel(text)
            label.setBuddy(edit)
            form.addRow(label, edit)
            edit.textChanged.connect(self.completeChanged)
        form.addRow(self.tr("二维码预览："), self.qr_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.address_warning)
        layout.addStretch(1)
        self.address_edit.textChanged.connect(self._address_changed)
        self._address_changed(self.address_edit.text())

    def _address_changed(self, template: str) -> None:
        example = is_example_address(template)
        self.address_warning.setText(
            self.tr("这仍是示例地址：群众扫码会打不开。请填写贵中心的网上评价地址。")
            if example
            else ""
        )
        text = template.replace("{case_no}", "YC20260701000001")
        self.qr_label.setPixmap(
            QPixmap.fromImage(qr_image(text, QR_SIZE)) if text.strip() else QPixmap()
        )

    def isComplete(self) -> bool:
        edits = (self.area_code_edit, self.address_edit, self.morning_edit, self.afternoon_edit)
        return all(edit.text().strip() for edit in edits)


class CalendarPage(QWizardPage):
    """The last page of answers, a commit page: 保存设置 stores them (SetupWizard.store)."""

    def __init__(self, facts: SetupFacts, wizard: SetupWizard) -> None:
        super().__init__()
        self.setup_wizard = wizard
        self.setCommitPage(True)
        self.setTitle(self.tr("工作日历"))
        self.setSubTitle(
            self.tr(
                "回访期限、二次回访和投诉的期限都按工作日计算（节假日与调休上班日）。"
                "每年 11 月国务院办公厅公布下一年的节假日安排，管理员在“管理 → 工作日历”中粘贴"
                "通知即可录入。"
            )
        )
        known = self.tr("已录入") if facts.next_year_known else self.tr("尚未录入")
        self.status = QLabel(
            self.tr("{year} 年的工作日历：{state}。").format(year=facts.next_year, state=known)
        )
        self.open_calendar = QCheckBox(self.tr("设置完成后打开工作日历(&O)"))
        self.open_calendar.setChecked(not facts.next_year_known)
        self.message = _error_label()
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saving_note = QLabel(
            self.tr("按“保存设置”保存以上各项，并制作本机的恢复密钥：下一步显示它，只显示这一次。")
        )
        self.saving_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.open_calendar)
        layout.addStretch(1)
        layout.addWidget(self.saving_note)
        layout.addWidget(self.message)

    def show_problem(self, text: str) -> None:
        self.message.setText(text)

    def validatePage(self) -> bool:
        """保存设置: start storing and stay; the wizard moves on once it is stored."""
        if self.setup_wizard.stored is not None:
            return True
        self.setup_wizard.store()
        return False


def _typed_group(text: str) -> str:
    """A group of the key as typed: any case, without blanks or dashes, and digits that look
    like letters read as the letters the key is written with (as RecoveryKey.parse reads)."""
    return re.sub(r"[\s-]+", "", text).upper().translate(str.maketrans("018", "OIB"))


class RecoveryPage(QWizardPage):
    """The recovery key made with the set-up, shown this once (the 密钥交换 dialog's view): print
    it or write it down, then type its last group to show that it was taken down."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setup_wizard = wizard
        self.view: RecoveryKeyView | None = None
        self.expected = ""
        self.encryption_problem: str | None = None  # why the file could not be encrypted
        self.setTitle(self.tr("恢复密钥"))
        self.setSubTitle(
            self.tr(
                "设置已保存。电脑损坏、数据库和本机密钥丢失时，只有恢复密钥能打开备份。"
                "请打印或抄写下来，再输入它的最后一组，确认已妥善记下。"
            )
        )
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setMaxLength(12)
        self.confirm_edit.textChanged.connect(self._typed)
        confirm_label = QLabel(self.tr("恢复密钥的最后一组(&L)："))
        confirm_label.setBuddy(self.confirm_edit)
        self.message = _error_label()
        self.confirm_row = QHBoxLayout()
        self.confirm_row.addWidget(confirm_label)
        self.confirm_row.addWidget(self.confirm_edit)
        self.confirm_row.addStretch(1)
        self.page_layout = QVBoxLayout(self)
        self.page_layout.addLayout(self.confirm_row)
        self.page_layout.addWidget(self.message)
        self.page_layout.addStretch(1)

    def initializePage(self) -> None:
        stored = self.setup_wizard.stored
        if stored is None or self.view is not None:
            return
        if self.setup_wizard.encrypted:
            self.setSubTitle(
                self.tr(
                    "设置已保存，数据库文件已加密。忘记全部管理员密码时，或电脑损坏、数据库和本机"
                    "密钥丢失时，只有恢复密钥能打开数据库和备份。请打印或抄写下来，再输入它的"
                    "最后一组，确认已妥善记下。"
                )
            )
        self.encryption_note = QLabel(
            self.tr("数据库文件未能加密：{why} 可稍后在“管理 → 加密数据库文件”中再试。").format(
                why=self.encryption_problem
            )
            if self.encryption_problem
            else ""
        )
        self.encryption_note.setWordWrap(True)
        self.encryption_note.setStyleSheet(f"color: {ERROR_COLOR};")
        self.page_layout.insertWidget(0, self.encryption_note)
        key = stored.recovery.key.text
        self.expected = key.rsplit("-", 1)[-1]
        self.view = RecoveryKeyView(key, stored.recovery.site)
        self.page_layout.insertWidget(0, self.view)
        self.confirm_row.addWidget(self.view.print_button)
        # Back to the field once the print dialog closes: type the group, then Enter.
        self.view.print_button.clicked.connect(
            lambda: self.confirm_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        )
        self.confirm_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _typed(self, text: str) -> None:
        typed = _typed_group(text)
        wrong = len(typed) >= len(self.expected) and typed != self.expected
        self.message.setText(
            self.tr("这不是恢复密钥的最后一组：请对照屏幕上的恢复密钥再输入。") if wrong else ""
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.expected) and _typed_group(self.confirm_edit.text()) == self.expected

    def validatePage(self) -> bool:
        return self.isComplete()


def run_setup(database: Database) -> SetupWizard | None:
    """The set-up of a new database (modal): the finished wizard, or None when cancelled."""
    with database.sessions() as session:
        facts = setup_facts(session)
    wizard = SetupWizard(database, facts)
    return wizard if wizard.exec() else None
