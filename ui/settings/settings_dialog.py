"""设置: the centre's settings (app.settings.OPTIONS) by area, and this seat's preferences
(ui.preferences) on the page 本机 — for administrators; other roles see them read-only.

Each setting shows its title, the rule it serves and an editor that fits its declaration: a spin
box within its range, a check box, a list of its choices, or a line checked as it is typed (shown
in red with the reason; 保存 waits until every value is right). 保存… lists what changed, old →
new, and saves it in one operation; app.settings audits each change and checks the role again.

    open_settings(window)       # over the main window, not blocking it
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.i18n import pick
from app.roles import Permission
from app.settings import (
    ADDRESS,
    AREAS,
    FOLDER,
    HOURS,
    OPTIONS,
    Option,
    SettingChange,
    SettingRefused,
    all_settings,
    change_settings,
    check_settings,
    is_example_address,
)
from app.telephony import (
    BARESIP,
    COMMAND,
    TEL,
    CallEvent,
    CallState,
    DialPermit,
    Telephone,
    TelephonyRefused,
    permit_dial,
)
from app.telephony.baresip import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    DEFAULT_URI_TEMPLATE,
    BaresipSettings,
)
from app.telephony.command import dial_arguments
from db.database import Database
from ui import preferences
from ui.current_user import logged_in, permitted
from ui.desk.dialer import build_telephone, seat_kind
from ui.desk.display import ERROR_COLOR
from ui.operations import Progress, operation

SEAT = "seat"  # the page of this seat's preferences, after the areas of app.settings
ERROR_STYLE = f"color: {ERROR_COLOR}; font-weight: bold;"
WARNING_STYLE = "color: #a15c00; font-weight: bold;"
DONE_STYLE = "color: #2e7d32; font-weight: bold;"
HELP_STYLE = "color: #555;"
SAMPLE_CASE_NO = "JN20261201000001"  # the case number the address preview is shown for
SAMPLE_NUMBER = "+8653186123456"  # a number a dial command is tried with while typed
QR_PIXELS = 168


class SettingRow(QWidget):
    """One setting: its title, an editor fitting its declaration, the rule it serves, and what
    is wrong with the value typed (hidden while nothing is)."""

    edited = Signal()

    def __init__(self, option: Option, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.option = option
        self.browse_button: QPushButton | None = None
        self.editor = self._editor(editable)
        self.title_label = QLabel(f"<b>{html.escape(option.title_text())}</b>")
        self.title_label.setWordWrap(True)
        self.title_label.setBuddy(self.editor)
        self.help_label = QLabel(self._help())
        self.help_label.setWordWrap(True)
        self.help_label.setStyleSheet(HELP_STYLE)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(ERROR_STYLE)
        self.problem_label.hide()

        line = QHBoxLayout()
        wide = isinstance(self.editor, QLineEdit) and option.form != HOURS
        line.addWidget(self.editor, 1 if wide else 0)
        if self.browse_button is not None:
            line.addWidget(self.browse_button)
        if not wide:
            line.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        layout.setSpacing(3)
        if not isinstance(self.editor, QCheckBox):  # a check box carries its own title
            layout.addWidget(self.title_label)
        layout.addLayout(line)
        layout.addWidget(self.help_label)
        layout.addWidget(self.problem_label)

    def _help(self) -> str:
        option = self.option
        parts = [option.help_text()]
        if option.range_text():
            parts.append(self.tr("范围 {range}").format(range=option.range_text()))
        parts.append(self.tr("默认 {default}").format(default=option.display(option.default)))
        return self.tr("；").join(part for part in parts if part)

    def _editor(self, editable: bool) -> QWidget:
        option = self.option
        editor: QWidget
        if option.choices:
            editor = QComboBox()
            for value, zh, en in option.choices:
                editor.addItem(pick(zh, en), value)
            editor.currentIndexChanged.connect(self.edited)
        elif option.kind is bool:
            editor = QCheckBox(option.title_text())
            editor.toggled.connect(self.edited)
        elif option.kind is int:
            editor = QSpinBox()
            low = -1_000_000_000 if option.minimum is None else int(option.minimum)
            editor.setRange(low + option.above_minimum, int(option.maximum or 1_000_000_000))
            editor.valueChanged.connect(self.edited)
        elif option.kind is float:
            editor = QDoubleSpinBox()
            editor.setDecimals(2)
            editor.setSingleStep(0.01)
            low = -1e9 if option.minimum is None else float(option.minimum)
            editor.setRange(
                low + 0.01 * option.above_minimum,
                1e9 if option.maximum is None else float(option.maximum),
            )
            editor.valueChanged.connect(self.edited)
        else:
            editor = QLineEdit()
            editor.setClearButtonEnabled(editable)
            editor.textChanged.connect(self.edited)
            if option.form == FOLDER:
                self.browse_button = QPushButton(self.tr("浏览(&B)…"))
                self.browse_button.setAutoDefault(False)
                self.browse_button.clicked.connect(self.browse)
                self.browse_button.setEnabled(editable)
        if isinstance(editor, QAbstractSpinBox):
            editor.setMinimumWidth(120)
        if option.form == HOURS:
            editor.setMaximumWidth(editor.fontMetrics().horizontalAdvance("00:00-00:00") + 60)
        if isinstance(editor, QLineEdit):
            editor.setReadOnly(not editable)
        else:
            editor.setEnabled(editable)
        editor.setObjectName(option.key)
        return editor

    def value(self) -> Any:
        editor = self.editor
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox | QDoubleSpinBox):
            return editor.value()
        return editor.text()

    def set_value(self, value: Any) -> None:
        editor = self.editor
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QSpinBox | QDoubleSpinBox):
            editor.setValue(value)
        else:
            editor.setText(str(value))
            editor.setCursorPosition(0)

    def show_problem(self, problem: str | None) -> None:
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(bool(problem))
        if isinstance(self.editor, QLineEdit):
            self.editor.setStyleSheet(f"border: 2px solid {ERROR_COLOR};" if problem else "")

    def browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.option.title_text(), self.value())
        if folder:
            self.set_value(folder)


class AddressPreview(QWidget):
    """The evaluation address for a sample case and its QR code, as the slip will print it;
    a warning while the address is still the example."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qr_label = QLabel()
        self.qr_label.setFixedSize(QR_PIXELS, QR_PIXELS)
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.url_label = QLabel()
        self.url_label.setWordWrap(True)
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        text = QVBoxLayout()
        text.addWidget(
            QLabel(
                self.tr("评价二维码预览（示例业务编号 {case_no}）：").format(case_no=SAMPLE_CASE_NO)
            )
        )
        text.addWidget(self.url_label)
        text.addWidget(self.warning_label)
        text.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(self.qr_label)
        layout.addLayout(text, 1)

    def show_address(self, template: str, valid: bool) -> None:
        from app.printing.slip import evaluation_url
        from ui.settings.qr_preview import qr_image

        if not valid:
            self.qr_label.clear()
            self.qr_label.setText(self.tr("地址无效"))
            self.url_label.setText("")
            self.warning_label.setText("")
            return
        url = evaluation_url(template, SAMPLE_CASE_NO)
        self.qr_label.setPixmap(QPixmap.fromImage(qr_image(url, QR_PIXELS - 8)))
        self.url_label.setText(url)
        self.warning_label.setText(
            self.tr(
                "这是示例地址，群众扫码会打不开：请改为本中心网上评价系统的地址。"
                "在此之前打印评价二维码条须经管理员确认。"
            )
            if is_example_address(template)
            else ""
        )


class ChangesDialog(QDialog):
    """What will be saved, old → new, before it is."""

    def __init__(self, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("保存设置"))
        self.setMinimumWidth(560)
        self.list = QListWidget()
        self.list.addItems(lines)
        self.list.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("保存(&S)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.back_button = buttons.addButton(
            self.tr("返回修改(&B)"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("将保存以下 {n} 项更改（原值 → 新值）：").format(n=len(lines)))
        )
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.save_button.setFocus()


class SettingsDialog(QDialog):
    loaded = Signal()  # the values on screen are the database's now
    saved = Signal(object)  # list[SettingChange]: what the database took
    dialled = Signal(str)  # the result of a test dial, as shown

    def __init__(
        self, database: Database, parent: QWidget | None = None, *, area: str | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.may_edit = permitted(Permission.ADMINISTER)
        self.values: dict[str, Any] | None = None  # as loaded from the database
        self.seat_values: dict[str, str] = {}
        self.rows: dict[str, SettingRow] = {}
        self.problems: dict[str, str] = {}
        self.changes_dialog: ChangesDialog | None = None
        self.test_telephone: Telephone | None = None
        self.setWindowTitle(self.tr("设置"))
        self.resize(940, 640)

        self.areas = QListWidget()
        self.areas.setSpacing(2)
        self.pages = QStackedWidget()
        self.area_keys: list[str] = []
        for key, titles in AREAS.items():
            self._add_page(key, pick(*titles), self._area_page(key))
        self._add_page(SEAT, self.tr("本机"), self._seat_page())
        self.areas.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.areas.setFixedWidth(
            max(self.areas.sizeHintForColumn(0), self.fontMetrics().horizontalAdvance("M" * 8)) + 24
        )
        self.areas.setCurrentRow(self.area_keys.index(area) if area in self.area_keys else 0)

        self.banner = QLabel(
            self.tr("只有管理员可以更改设置；您可以查看各项设置及其依据。")
            if not self.may_edit
            else self.tr("每项设置下方是它依据的规范条款。更改后点“保存”，先列出更改再保存。")
        )
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("" if self.may_edit else WARNING_STYLE)
        self.summary_label = QLabel()
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存(&S)…"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setVisible(self.may_edit)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        for button in (self.save_button, self.close_button):
            button.setAutoDefault(False)  # Enter in a line is not "save"
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary_label, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        body = QHBoxLayout()
        body.addWidget(self.areas)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        self._update()
        self.refresh()

    # Building

    def _add_page(self, key: str, title: str, page: QWidget) -> None:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        self.pages.addWidget(scroll)
        self.areas.addItem(title)
        self.area_keys.append(key)

    def _area_page(self, area: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        for key, option in OPTIONS.items():
            if option.area != area:
                continue
            row = SettingRow(option, self.may_edit)
            row.edited.connect(self._update)
            self.rows[key] = row
            layout.addWidget(row)
            if option.form == ADDRESS:
                self.address_preview = AddressPreview()
                self.address_key = key
                layout.addWidget(self.address_preview)
        layout.addStretch(1)
        return page

    def _seat_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "以下设置只保存在这台计算机上（当前 Windows/Linux 用户），不在数据库中，"
                "其他席位不受影响。"
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(HELP_STYLE)
        # The seat's telephone (app.telephony): the kind, then the fields of the kind chosen.
        self.telephone_combo = QComboBox()
        self.telephone_combo.setObjectName("seat.telephone")
        for code, title in (
            (TEL, self.tr("系统电话程序（tel: 链接）")),
            (COMMAND, self.tr("软电话命令")),
            (BARESIP, self.tr("baresip 软电话（由本程序控制）")),
        ):
            self.telephone_combo.addItem(title, code)
        self.telephone_combo.setEnabled(self.may_edit)
        self.telephone_combo.currentIndexChanged.connect(self._update)
        telephone_title = QLabel(self.tr("<b>电话(&T)</b>"))
        telephone_title.setBuddy(self.telephone_combo)
        telephone_help = QLabel(
            self.tr(
                "baresip：本程序通过 baresip 的 ctrl_tcp 拨号、跟踪振铃/接通/挂断并记入回访记录，"
                "未接通时自动建议结果（无人接听、占线、关机）。其他两种只交出号码。"
            )
        )
        telephone_help.setWordWrap(True)
        telephone_help.setStyleSheet(HELP_STYLE)
        self.baresip_host_edit = QLineEdit()
        self.baresip_host_edit.setObjectName("seat.baresip_host")
        self.baresip_host_edit.setPlaceholderText(DEFAULT_HOST)
        self.baresip_port_edit = QLineEdit()
        self.baresip_port_edit.setObjectName("seat.baresip_port")
        self.baresip_port_edit.setPlaceholderText(str(DEFAULT_PORT))
        self.baresip_uri_edit = QLineEdit()
        self.baresip_uri_edit.setObjectName("seat.baresip_uri")
        self.baresip_uri_edit.setPlaceholderText(DEFAULT_URI_TEMPLATE)
        for edit in (self.baresip_host_edit, self.baresip_port_edit, self.baresip_uri_edit):
            edit.setReadOnly(not self.may_edit)
            edit.textChanged.connect(self._update)
        baresip_form = QFormLayout()
        for text, edit in (
            (self.tr("baresip 地址(&H)："), self.baresip_host_edit),
            (self.tr("ctrl_tcp 端口(&P)："), self.baresip_port_edit),
            (self.tr("SIP 地址模板(&U)："), self.baresip_uri_edit),
        ):
            label = QLabel(text)
            label.setBuddy(edit)
            baresip_form.addRow(label, edit)
        self.baresip_help = QLabel(
            self.tr(
                "baresip 配置中 ctrl_tcp_listen 的地址和端口。SIP 地址模板：{number} 填入 E.164 号码"
                "（+8613812345678），{digits} 填入国内拨号（13812345678、053186123456），"
                "{extension} 填入分机号。空：用灰色的默认值。"
            )
        )
        self.baresip_help.setWordWrap(True)
        self.baresip_help.setStyleSheet(HELP_STYLE)
        self.baresip_problem_label = QLabel()
        self.baresip_problem_label.setStyleSheet(ERROR_STYLE)
        self.baresip_problem_label.setWordWrap(True)
        self.baresip_problem_label.hide()

        self.dial_edit = QLineEdit()
        self.dial_edit.setObjectName("seat.dial_command")
        self.dial_edit.setPlaceholderText('linphonec -c "call {number}"')
        self.dial_edit.setReadOnly(not self.may_edit)
        self.dial_edit.textChanged.connect(self._update)
        dial_title = QLabel(self.tr("<b>拨号命令(&C)</b>"))
        dial_title.setBuddy(self.dial_edit)
        dial_help = QLabel(
            self.tr(
                "回访工作台拨号时运行的程序：{number} 处填入号码（如 +8653186123456），"
                "{extension} 处填入分机号；不经过 shell。空：交给系统的电话程序（tel: 链接）。"
                "服务 W 7.1.3.3 电话回访。"
            )
        )
        dial_help.setWordWrap(True)
        dial_help.setStyleSheet(HELP_STYLE)
        self.dial_problem_label = QLabel()
        self.dial_problem_label.setStyleSheet(ERROR_STYLE)
        self.dial_problem_label.setWordWrap(True)
        self.dial_problem_label.hide()

        self.test_number_edit = QLineEdit()
        self.test_number_edit.setPlaceholderText(self.tr("例如 0531-86123456 或 13812345678"))
        self.test_number_edit.returnPressed.connect(self.test_dial)
        self.test_dial_button = QPushButton(self.tr("试拨(&D)…"))
        self.test_dial_button.setAutoDefault(False)
        self.test_dial_button.clicked.connect(self.test_dial)
        test_title = QLabel(self.tr("<b>试拨号码(&N)</b>"))
        test_title.setBuddy(self.test_number_edit)
        test_line = QHBoxLayout()
        test_line.addWidget(self.test_number_edit, 1)
        test_line.addWidget(self.test_dial_button)
        test_help = QLabel(
            self.tr("用上面的拨号命令（尚未保存的也可以）拨打这个号码，看电话是否响起。")
        )
        test_help.setWordWrap(True)
        test_help.setStyleSheet(HELP_STYLE)
        self.dial_result_label = QLabel()
        self.dial_result_label.setWordWrap(True)

        self.recordings_edit = QLineEdit()
        self.recordings_edit.setObjectName("seat.recordings_folder")
        self.recordings_edit.setPlaceholderText(self.tr("例如 ~/.baresip/recordings"))
        self.recordings_edit.setReadOnly(not self.may_edit)
        self.recordings_edit.textChanged.connect(self._update)
        recordings_title = QLabel(self.tr("<b>录音文件夹(&R)</b>"))
        recordings_title.setBuddy(self.recordings_edit)
        recordings_help = QLabel(
            self.tr(
                "软电话（baresip 的 sndfile 模块，配置项 snd_path）或交换机存放通话录音的文件夹；"
                "在“录音质检”页导入，录音按通话编号、号码和时间归到回访记录。空：不导入。"
            )
        )
        recordings_help.setWordWrap(True)
        recordings_help.setStyleSheet(HELP_STYLE)

        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        for widget in (telephone_title, self.telephone_combo, telephone_help):
            layout.addWidget(widget)
        layout.addLayout(baresip_form)
        layout.addWidget(self.baresip_help)
        layout.addWidget(self.baresip_problem_label)
        layout.addSpacing(12)
        for widget in (dial_title, self.dial_edit, dial_help, self.dial_problem_label):
            layout.addWidget(widget)
        layout.addSpacing(12)
        layout.addWidget(test_title)
        layout.addLayout(test_line)
        layout.addWidget(test_help)
        layout.addWidget(self.dial_result_label)
        layout.addSpacing(12)
        for widget in (recordings_title, self.recordings_edit, recordings_help):
            layout.addWidget(widget)
        layout.addStretch(1)
        return page

    # Loading

    def refresh(self) -> None:
        def read(session: Session, _progress: Progress) -> dict[str, Any]:
            return all_settings(session)

        operation(self, self.database, read).on_success(self._loaded).run()

    def _loaded(self, values: dict[str, Any]) -> None:
        self.values = values
        for key, row in self.rows.items():
            row.set_value(values[key])
        self.seat_values = {
            "dial_command": preferences.DIAL_COMMAND.get(),
            "telephone": seat_kind(),
            "baresip_host": preferences.BARESIP_HOST.get(),
            "baresip_port": preferences.BARESIP_PORT.get(),
            "baresip_uri": preferences.BARESIP_URI.get(),
            "recordings_folder": preferences.RECORDINGS_FOLDER.get(),
        }
        self.dial_edit.setText(self.seat_values["dial_command"])
        self.telephone_combo.setCurrentIndex(
            max(0, self.telephone_combo.findData(self.seat_values["telephone"]))
        )
        self.baresip_host_edit.setText(self.seat_values["baresip_host"])
        self.baresip_port_edit.setText(self.seat_values["baresip_port"])
        self.baresip_uri_edit.setText(self.seat_values["baresip_uri"])
        self.recordings_edit.setText(self.seat_values["recordings_folder"])
        self._update()
        self.loaded.emit()

    # Checking as one types

    def edited_values(self) -> dict[str, Any]:
        return {key: row.value() for key, row in self.rows.items()}

    def changes(self) -> list[SettingChange]:
        """The database settings changed on screen, old → new (as the database will keep them)."""
        if self.values is None:
            return []
        changed = []
        for key, value in self.edited_values().items():
            try:
                value = OPTIONS[key].check(value)
            except SettingRefused:
                pass
            if value != self.values[key]:
                changed.append(SettingChange(key, self.values[key], value))
        return changed

    def seat_on_screen(self) -> dict[str, str]:
        return {
            "dial_command": self.dial_edit.text().strip(),
            "telephone": self.telephone_combo.currentData() or TEL,
            "baresip_host": self.baresip_host_edit.text().strip(),
            "baresip_port": self.baresip_port_edit.text().strip(),
            "baresip_uri": self.baresip_uri_edit.text().strip(),
            "recordings_folder": self.recordings_edit.text().strip(),
        }

    def seat_changes(self) -> dict[str, str]:
        if self.values is None:
            return {}
        return {
            key: value
            for key, value in self.seat_on_screen().items()
            if value != self.seat_values.get(key, "")
        }

    def baresip_on_screen(self) -> BaresipSettings:
        """The baresip fields as typed (empty: the default); TelephonyRefused names the wrong."""
        return BaresipSettings.checked(
            self.baresip_host_edit.text() or DEFAULT_HOST,
            self.baresip_port_edit.text() or DEFAULT_PORT,
            self.baresip_uri_edit.text() or DEFAULT_URI_TEMPLATE,
        )

    def _update(self) -> None:
        problems: dict[str, str] = {}
        edited = self.edited_values()
        for key, value in edited.items():
            try:
                OPTIONS[key].check(value)
            except SettingRefused as refused:
                problems[key] = str(refused)
        if not problems and self.values is not None:
            try:
                check_settings(self.values, edited)
            except SettingRefused as refused:
                problems[refused.key or ""] = str(refused)
        kind = self.telephone_combo.currentData() or TEL
        dial_problem = self._dial_problem(self.dial_edit.text())
        if kind == COMMAND and not self.dial_edit.text().strip():
            dial_problem = self.tr("选择“软电话命令”时须填写拨号命令。")
        if dial_problem:
            problems["seat.dial_command"] = dial_problem
        baresip_problem = None
        for edit in (self.baresip_host_edit, self.baresip_port_edit, self.baresip_uri_edit):
            edit.setEnabled(kind == BARESIP)
            edit.setStyleSheet("")
        if kind == BARESIP:
            try:
                self.baresip_on_screen()
            except TelephonyRefused as refused:
                baresip_problem = str(refused)
                problems[f"seat.{refused.key}"] = baresip_problem
                wrong = {
                    "baresip_host": self.baresip_host_edit,
                    "baresip_port": self.baresip_port_edit,
                    "baresip_uri": self.baresip_uri_edit,
                }.get(refused.key)
                if wrong is not None:
                    wrong.setStyleSheet(f"border: 2px solid {ERROR_COLOR};")
        self.baresip_problem_label.setText(baresip_problem or "")
        self.baresip_problem_label.setVisible(bool(baresip_problem))
        self.problems = problems
        for key, row in self.rows.items():
            row.show_problem(problems.get(key))
        self.dial_problem_label.setText(dial_problem or "")
        self.dial_problem_label.setVisible(bool(dial_problem))
        self.dial_edit.setStyleSheet(f"border: 2px solid {ERROR_COLOR};" if dial_problem else "")
        if hasattr(self, "address_preview"):
            self.address_preview.show_address(
                str(edited[self.address_key]), self.address_key not in problems
            )
        self._mark_areas()

        count = len(self.changes()) + len(self.seat_changes())
        if problems:
            self.summary_label.setText(
                self.tr("有 {n} 项设置的值不正确，请按红字修改。").format(n=len(problems))
            )
            self.summary_label.setStyleSheet(ERROR_STYLE)
        else:
            self.summary_label.setText(
                self.tr("已更改 {n} 项，尚未保存。").format(n=count) if count else ""
            )
            self.summary_label.setStyleSheet("")
        self.save_button.setEnabled(
            self.may_edit and self.values is not None and not problems and count > 0
        )

    def _dial_problem(self, command: str) -> str | None:
        if not command.strip():
            return None
        try:
            dial_arguments(command, SAMPLE_NUMBER, None)
        except (ValueError, KeyError, IndexError) as error:
            return self.tr(
                "拨号命令无法使用（{reason}）：引号要成对，花括号中只能是 number 或 extension。"
            ).format(reason=error)
        return None

    def _mark_areas(self) -> None:
        """An area with a wrong value shows in red in the list."""
        wrong_areas = {OPTIONS[key].area for key in self.problems if key in OPTIONS}
        if any(key.startswith("seat.") for key in self.problems):
            wrong_areas.add(SEAT)
        for number, key in enumerate(self.area_keys):
            item = self.areas.item(number)
            item.setForeground(QColor(ERROR_COLOR) if key in wrong_areas else QColor())

    # Saving

    def save(self) -> None:
        """Show what changed; saved once that is confirmed."""
        if not self.save_button.isEnabled():
            return
        lines = [change.describe() for change in self.changes()]
        seat_titles = {
            "telephone": self.tr("电话（本机）"),
            "baresip_host": self.tr("baresip 地址（本机）"),
            "baresip_port": self.tr("ctrl_tcp 端口（本机）"),
            "baresip_uri": self.tr("SIP 地址模板（本机）"),
            "recordings_folder": self.tr("录音文件夹（本机）"),
        }
        for key, after in self.seat_changes().items():
            before = self.seat_values.get(key) or self.tr("（空）")
            if key == "dial_command":
                lines.append(
                    self.tr("拨号命令（本机）：{before} → {after}").format(
                        before=before, after=after or self.tr("（空）")
                    )
                )
                continue
            if key == "telephone":
                before = self.telephone_combo.itemText(
                    max(0, self.telephone_combo.findData(before))
                )
                after = self.telephone_combo.currentText()
            lines.append(f"{seat_titles[key]}：{before} → {after or self.tr('（空）')}")
        dialog = ChangesDialog(lines, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.store)
        dialog.destroyed.connect(self._changes_dialog_closed)
        self.changes_dialog = dialog
        dialog.open()

    def _changes_dialog_closed(self) -> None:
        self.changes_dialog = None

    def store(self) -> None:
        changes = {change.key: change.after for change in self.changes()}
        seat = self.seat_changes()
        me = logged_in()
        by_id = me.id if me else None

        def write(session: Session, _progress: Progress) -> list[SettingChange]:
            return change_settings(session, changes, by_id=by_id) if changes else []

        def done(changed: list[SettingChange]) -> None:
            seat_preferences = {
                "dial_command": preferences.DIAL_COMMAND,
                "telephone": preferences.TELEPHONE,
                "baresip_host": preferences.BARESIP_HOST,
                "baresip_port": preferences.BARESIP_PORT,
                "baresip_uri": preferences.BARESIP_URI,
                "recordings_folder": preferences.RECORDINGS_FOLDER,
            }
            for key, value in seat.items():
                seat_preferences[key].set(value)
            self.show_message(
                self.tr("已保存 {n} 项更改。").format(n=len(changed) + len(seat)), DONE_STYLE
            )
            self.saved.emit(changed)
            self.refresh()

        (
            operation(self, self.database, write)
            .writing()
            .on_success(done)
            .on_failure(self._save_failed)
            .busy(self.save_button)
            .run()
        )

    def _save_failed(self, error: Exception) -> None:
        """The refusal below, and beside the setting it names: e.g. a folder that the disk
        refuses, which only saving checks (app.settings reads no disk as one types)."""
        self.show_message(str(error), ERROR_STYLE)
        key = getattr(error, "key", None)
        if isinstance(error, SettingRefused) and key in self.rows:
            self.problems[key] = str(error)
            self.rows[key].show_problem(str(error))
            self._mark_areas()
            self.save_button.setEnabled(False)  # until the value is edited

    # Test dial

    def test_dial(self) -> None:
        """Dial the typed number with the telephone on screen (saved or not), once it is cleared
        for dialling (app.telephony.permit_dial: not do-not-call)."""
        from app.phones import parse_phone

        text = self.test_number_edit.text().strip()
        phone = parse_phone(text)
        if not text or phone.e164 is None:
            self._dialled(self.tr("请输入一个有效的电话号码。"), ERROR_STYLE)
            return
        e164, extension = phone.e164, phone.extension

        def check(session: Session, _progress: Progress) -> DialPermit:
            return permit_dial(session, e164, extension)

        (
            operation(self, self.database, check)
            .on_success(lambda permit: self._test_dial(permit, phone.display()))
            .on_failure(lambda error: self._dialled(str(error), ERROR_STYLE))
            .busy(self.test_dial_button)
            .run()
        )

    def _test_dial(self, permit: DialPermit, number: str) -> None:
        kind = self.telephone_combo.currentData() or TEL
        command = self.dial_edit.text().strip()
        try:
            settings = self.baresip_on_screen() if kind == BARESIP else None
            if self.test_telephone is not None:
                self.test_telephone.close()
            telephone = build_telephone(self, kind, command, settings)
            telephone.listener = self._test_call_changed
            self.test_telephone = telephone
            telephone.dial(permit)
        except TelephonyRefused as error:
            self._dialled(
                self.tr("无法拨号（{detail}）。请检查电话设置。").format(detail=error), ERROR_STYLE
            )
            return
        how = {
            TEL: self.tr("系统的电话程序"),
            BARESIP: "baresip",
        }.get(kind, command)
        self._dialled(
            self.tr("已用“{how}”拨打 {number}。电话没有响起时，请检查电话设置。").format(
                how=how, number=number
            ),
            DONE_STYLE,
        )

    def _test_call_changed(self, event: CallEvent) -> None:
        """A test call through baresip says how it goes (F8 is the desk's; here it ends alone)."""
        titles = {
            CallState.RINGING: self.tr("振铃"),
            CallState.ANSWERED: self.tr("通话中"),
            CallState.ENDED: self.tr("已挂断"),
        }
        text = titles.get(event.state) or self.tr("失败：{reason}").format(reason=event.reason)
        failed = event.state == CallState.FAILED
        self._dialled(self.tr("试拨：{state}").format(state=text), ERROR_STYLE if failed else "")

    def _dialled(self, text: str, style: str) -> None:
        self.dial_result_label.setText(text)
        self.dial_result_label.setStyleSheet(style)
        self.dialled.emit(text)

    def show_message(self, text: str, style: str = "") -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)


def open_settings(window: QWidget, database: Database, area: str | None = None) -> SettingsDialog:
    """The dialog over `window`, open until closed; the window goes on meanwhile."""
    dialog = SettingsDialog(database, window, area=area)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
