"""导入方案: the 好差评 platforms' export layouts — the shipped ones to read (and copy), the
administrators' to add, edit and remove. Checked as one types by the same rules as a profile
file (app.importing.profile_form); saved in one transaction, audited. Keyboard: Ctrl+N new,
Ctrl+D copy the one shown, Ctrl+S save, Delete (in the list) remove, Esc close."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.importing.profile_form import (
    ASCENDING,
    CUSTOM,
    GBT39046,
    WORDS,
    ProfileForm,
    form_of,
    profile_of,
)
from app.importing.profiles import (
    LEVEL_WORDS,
    MAX_AFTER_DAYS,
    ImportProfile,
    ProfileRefused,
    delete_profile,
    list_profiles,
    save_profile,
)
from app.roles import Permission
from db.database import Database
from ui.current_user import logged_in, permitted
from ui.operations import Progress, operation
from ui.shortcuts import shortcuts

ERROR_STYLE = "color: #b3261e; font-weight: bold;"
DONE_STYLE = "color: #2e7d32; font-weight: bold;"


class ProfileDialog(QDialog):
    loaded = Signal()  # the list shows the database's profiles
    saved = Signal(str)  # the name of the profile saved
    removed = Signal(str)

    def __init__(
        self, database: Database, parent: QWidget | None = None, *, current: str | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.editable = permitted(Permission.ADMINISTER)
        self.profiles: list[ImportProfile] = []
        self.shown: ImportProfile | None = None  # the stored profile on the form, if any
        self.problem: str | None = None
        self._filling = False
        self._wanted = current
        self.confirmation: QMessageBox | None = None
        self._notice = ""  # said once the list is loaded again (after a save or a removal)
        self.setWindowTitle(self.tr("导入方案"))
        self.resize(980, 640)

        intro = QLabel(
            self.tr(
                "导入方案说明一个好差评平台的导出格式：表头、等级是文字还是代码及代码方向、渠道代码、"
                "系统默认评价的标记、审核状态和差评标签。随软件提供的方案只能查看或复制。"
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setMinimumWidth(220)
        self.list.currentRowChanged.connect(self._row_changed)
        list_label = QLabel(self.tr("方案(&L)："))
        list_label.setBuddy(self.list)
        left = QVBoxLayout()
        left.addWidget(list_label)
        left.addWidget(self.list, 1)

        self.name_edit = QLineEdit()
        self.title_edit = QLineEdit()
        self.ratings_combo = QComboBox()
        self.ratings_combo.addItem(self.tr("文字（非常满意、满意、基本满意……）"), WORDS)
        self.ratings_combo.addItem(self.tr("代码：1=非常满意…5=非常不满意（GB/T 39046）"), GBT39046)
        self.ratings_combo.addItem(self.tr("代码：1=非常不满意…5=非常满意（如浙江）"), ASCENDING)
        self.channels_edit = _text_box(
            self.tr("每行一个：代码=渠道，如 7=系统默认评价；空：渠道为文字")
        )
        self.default_channels_edit = QLineEdit()
        self.default_channels_edit.setPlaceholderText(self.tr("如 7，或 系统默认评价"))
        self.level_check = QCheckBox(self.tr("平台不标记时按等级判定(&V)"))
        self.level_combo = QComboBox()
        for word in LEVEL_WORDS:
            self.level_combo.addItem(word, word)
        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, MAX_AFTER_DAYS)
        self.days_spin.setValue(7)
        self.days_spin.setSuffix(self.tr(" 天"))
        level_row = QHBoxLayout()
        level_row.addWidget(self.level_check)
        level_row.addWidget(self.level_combo)
        level_row.addWidget(QLabel(self.tr("、无文字、办结后至少")))
        level_row.addWidget(self.days_spin)
        level_row.addStretch(1)
        self.passed_edit = QLineEdit()
        self.pending_edit = QLineEdit()
        self.rejected_edit = QLineEdit()
        self.labels_edit = _text_box(self.tr("每行一个：代码=标签，如 01=办事效率低"))
        self.columns_edit = _text_box(
            self.tr("每行一个：字段=平台的表头，如 总体情况=satisfaction")
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget in (
            (self.tr("名称(&N)："), self.name_edit),
            (self.tr("说明(&T)："), self.title_edit),
            (self.tr("评价等级(&R)："), self.ratings_combo),
            (self.tr("渠道代码表(&C)："), self.channels_edit),
            (self.tr("默认评价的渠道(&F)："), self.default_channels_edit),
            (self.tr("审核通过(&P)："), self.passed_edit),
            (self.tr("待审核(&W)："), self.pending_edit),
            (self.tr("审核不通过(&J)："), self.rejected_edit),
            (self.tr("差评标签(&B)："), self.labels_edit),
            (self.tr("表头别名(&H)："), self.columns_edit),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
            if widget is self.default_channels_edit:
                form.addRow(QLabel(self.tr("默认评价的等级：")), level_row)
        editor = QWidget()
        editor.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor)

        body = QHBoxLayout()
        body.addLayout(left)
        body.addWidget(scroll, 1)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.new_button = QPushButton(self.tr("新建(&A)"))
        self.new_button.setToolTip(self.tr("新建一个导入方案（Ctrl+N）"))
        self.new_button.clicked.connect(self.new_profile)
        self.copy_button = QPushButton(self.tr("复制(&O)"))
        self.copy_button.setToolTip(self.tr("以显示的方案为底新建（Ctrl+D）"))
        self.copy_button.clicked.connect(self.copy_profile)
        self.save_button = QPushButton(self.tr("保存(&S)"))
        self.save_button.setToolTip(self.tr("保存这个导入方案（Ctrl+S）"))
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("删除(&X)…"))
        self.delete_button.setToolTip(self.tr("删除这个导入方案（在列表中按 Delete）"))
        self.delete_button.clicked.connect(self.confirm_delete)
        close_button = QPushButton(self.tr("关闭"))
        close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        if not self.editable:
            buttons.addWidget(QLabel(self.tr("仅管理员可以添加或修改导入方案。")))
        for button in (self.new_button, self.copy_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close_button)
        for button in (
            self.new_button,
            self.copy_button,
            self.save_button,
            self.delete_button,
            close_button,
        ):
            button.setAutoDefault(False)
        for button in (self.new_button, self.copy_button, self.save_button, self.delete_button):
            button.setVisible(self.editable)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        shortcuts(
            self,
            [
                ("Ctrl+N", self.new_profile),
                ("Ctrl+D", self.copy_profile),
                ("Ctrl+S", self.save),
            ],
        )
        shortcuts(self.list, [("Delete", self.confirm_delete)], Qt.ShortcutContext.WidgetShortcut)
        for edit in (
            self.name_edit,
            self.title_edit,
            self.default_channels_edit,
            self.passed_edit,
            self.pending_edit,
            self.rejected_edit,
        ):
            edit.textChanged.connect(self._edited)
        for box in (self.channels_edit, self.labels_edit, self.columns_edit):
            box.textChanged.connect(self._edited)
        self.ratings_combo.currentIndexChanged.connect(self._edited)
        self.level_check.toggled.connect(self._edited)
        self.level_combo.currentIndexChanged.connect(self._edited)
        self.days_spin.valueChanged.connect(self._edited)
        self._custom_ratings: tuple[tuple[str, str], ...] = ()
        self._set_form_enabled(False)
        self._update_enabled()
        self.load()

    # Loading and showing

    def load(self, select: str | None = None) -> None:
        if select is not None:
            self._wanted = select

        def read(session: Session, _progress: Progress) -> list[ImportProfile]:
            return list_profiles(session)

        operation(self, self.database, read).on_success(self._loaded).on_failure(self._failed).run()

    def _loaded(self, profiles: list[ImportProfile]) -> None:
        self.profiles = profiles
        self.list.blockSignals(True)
        self.list.clear()
        for profile in profiles:
            text = profile.name + (self.tr("（内置）") if profile.builtin else "")
            item = QListWidgetItem(text)
            item.setToolTip(profile.title)
            self.list.addItem(item)
        self.list.blockSignals(False)
        names = [p.name for p in profiles]
        row = names.index(self._wanted) if self._wanted in names else 0
        self.list.setCurrentRow(row)
        self._row_changed(row)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        if self._notice:
            self.show_message(self._notice, DONE_STYLE)
            self._notice = ""
        self.loaded.emit()

    def _row_changed(self, row: int) -> None:
        if not 0 <= row < len(self.profiles):
            return
        self.shown = self.profiles[row]
        self._fill(form_of(self.shown))
        self._set_form_enabled(self.editable and not self.shown.builtin)
        self.show_message(
            self.tr("随软件提供的方案不能修改；按 Ctrl+D 复制后再改。")
            if self.shown.builtin
            else ""
        )
        self._update_enabled()

    def _fill(self, form: ProfileForm) -> None:
        self._filling = True
        self.name_edit.setText(form.name)
        self.title_edit.setText(form.title)
        self._custom_ratings = form.custom_ratings
        # A code table from a file that is neither direction of the five levels is kept as it
        # is, offered as a fourth choice.
        custom = self.ratings_combo.findData(CUSTOM)
        if form.ratings == CUSTOM and custom < 0:
            pairs = "，".join(f"{code}={word}" for code, word in form.custom_ratings)
            self.ratings_combo.addItem(
                self.tr("文件中的代码表：{pairs}").format(pairs=pairs), CUSTOM
            )
        elif form.ratings != CUSTOM and custom >= 0:
            self.ratings_combo.removeItem(custom)
        self.ratings_combo.setCurrentIndex(self.ratings_combo.findData(form.ratings))
        self.channels_edit.setPlainText(form.channels)
        self.default_channels_edit.setText(form.default_channels)
        self.level_check.setChecked(form.default_level is not None)
        if form.default_level is not None:
            self.level_combo.setCurrentIndex(self.level_combo.findData(form.default_level))
            self.days_spin.setValue(form.default_after_days or 7)
        self.passed_edit.setText(form.passed)
        self.pending_edit.setText(form.pending)
        self.rejected_edit.setText(form.rejected)
        self.labels_edit.setPlainText(form.labels)
        self.columns_edit.setPlainText(form.columns)
        self._filling = False
        self._check()

    def form(self) -> ProfileForm:
        """What the form shows."""
        level = self.level_combo.currentData() if self.level_check.isChecked() else None
        return ProfileForm(
            name=self.name_edit.text(),
            title=self.title_edit.text(),
            ratings=self.ratings_combo.currentData(),
            custom_ratings=self._custom_ratings,
            channels=self.channels_edit.toPlainText(),
            default_channels=self.default_channels_edit.text(),
            default_level=level,
            default_after_days=self.days_spin.value() if level is not None else None,
            passed=self.passed_edit.text(),
            pending=self.pending_edit.text(),
            rejected=self.rejected_edit.text(),
            labels=self.labels_edit.toPlainText(),
            columns=self.columns_edit.toPlainText(),
        )

    # New, copy, checking as one types

    def new_profile(self) -> None:
        if not self.editable:
            return
        blank = form_of(ImportProfile(name=""))
        self._start_unsaved(replace(blank, ratings=WORDS))

    def copy_profile(self) -> None:
        """A new profile starting from the one on the form (e.g. a shipped one)."""
        if not self.editable:
            return
        copied = self.form()
        self._start_unsaved(replace(copied, name=f"{copied.name}-copy" if copied.name else ""))

    def _start_unsaved(self, form: ProfileForm) -> None:
        self.shown = None
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self._fill(form)
        self._set_form_enabled(True)
        self.name_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.name_edit.selectAll()
        self._update_enabled()

    def _edited(self) -> None:
        if not self._filling:
            self._check()
            self._update_enabled()

    def _check(self) -> None:
        try:
            profile_of(self.form())
        except ProfileRefused as problem:
            self.problem = str(problem)
            if self.name_edit.isEnabled():
                self.show_message(self.problem, ERROR_STYLE)
        else:
            self.problem = None
            if self.name_edit.isEnabled():
                self.show_message("")

    def _set_form_enabled(self, enabled: bool) -> None:
        for widget in (
            self.name_edit,
            self.title_edit,
            self.ratings_combo,
            self.channels_edit,
            self.default_channels_edit,
            self.level_check,
            self.level_combo,
            self.days_spin,
            self.passed_edit,
            self.pending_edit,
            self.rejected_edit,
            self.labels_edit,
            self.columns_edit,
        ):
            widget.setEnabled(enabled)

    def _update_enabled(self, running: bool = False) -> None:
        editing = self.editable and self.name_edit.isEnabled()
        self.save_button.setEnabled(editing and self.problem is None and not running)
        stored = self.shown is not None and not self.shown.builtin
        self.delete_button.setEnabled(self.editable and stored and not running)
        self.copy_button.setEnabled(self.editable and not running)
        self.new_button.setEnabled(self.editable and not running)

    def show_message(self, text: str, style: str = "") -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)

    # Saving and removing

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        try:
            profile = profile_of(self.form())
        except ProfileRefused as problem:
            self.show_message(str(problem), ERROR_STYLE)
            return
        replacing = self.shown.name if self.shown is not None else None
        me = logged_in()

        def store(session: Session, _progress: Progress) -> ImportProfile:
            return save_profile(session, profile, replacing=replacing, by_id=me.id if me else None)

        (
            operation(self, self.database, store)
            .writing()
            .on_success(self._saved)
            .on_failure(self._failed)
            .busy(self.save_button, self.delete_button)
            .run()
        )

    def _saved(self, profile: ImportProfile) -> None:
        self._notice = self.tr("导入方案“{name}”已保存。").format(name=profile.name)
        self.load(select=profile.name)
        self.saved.emit(profile.name)

    def confirm_delete(self) -> None:
        if not self.delete_button.isEnabled() or self.shown is None:
            return
        name = self.shown.name
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("删除导入方案"),
            self.tr("删除导入方案“{name}”吗？用它导入的评价不受影响。").format(name=name),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        remove = box.addButton(self.tr("删除(&D)"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _result: self._answered(box.clickedButton() is remove, name))
        self.confirmation = box
        box.open()

    def _answered(self, yes: bool, name: str) -> None:
        self.confirmation = None
        if yes:
            self.delete(name)

    def delete(self, name: str) -> None:
        me = logged_in()

        def remove(session: Session, _progress: Progress) -> str:
            delete_profile(session, name, by_id=me.id if me else None)
            return name

        (
            operation(self, self.database, remove)
            .writing()
            .on_success(self._removed)
            .on_failure(self._failed)
            .busy(self.save_button, self.delete_button)
            .run()
        )

    def _removed(self, name: str) -> None:
        self._wanted = None
        self._notice = self.tr("导入方案“{name}”已删除。").format(name=name)
        self.load()
        self.removed.emit(name)

    def _failed(self, error: Exception) -> None:
        self.show_message(str(error), ERROR_STYLE)
        self._update_enabled()


def _text_box(placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)  # Tab moves on, as in the other fields
    box.setFixedHeight(80)
    return box
