"""Form A (J 附件 A) answered from the keyboard: one key per answer, focus moves on by itself.

    总体情况 / 办事效率 / 服务态度 / 提交材料   1 非常满意 · 2 满意 · 3 一般 · 4 不满意
    有无违反廉洁纪律                          1/N 没有 · 2/Y 有
    有无建议                                  free text, Enter moves on

A 不满意 makes a reason category and details required (they appear under the ratings); 有 makes
details required and shows that the case goes to the team lead.

On the call desk (`offer_praise`), Ctrl+B marks the suggestion as praise of the case's handler
(J 5.5, app.commendations.praise_revisit): off by default, outside the Tab chain, so the 7-key
path is as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.desk.calls import DISSATISFACTION_CATEGORIES, FormAAnswers
from app.ratings import Rating
from ui.desk.display import ACCENT, ERROR_COLOR, rating_title

# The rows of Form A in its own order, with the field of FormAAnswers each one fills.
RATED_ITEMS = (
    ("overall", QT_TRANSLATE_NOOP("FormA", "总体情况")),
    ("efficiency", QT_TRANSLATE_NOOP("FormA", "办事效率")),
    ("attitude", QT_TRANSLATE_NOOP("FormA", "服务态度")),
    ("materials", QT_TRANSLATE_NOOP("FormA", "提交材料")),
)
# DISSATISFACTION_CATEGORIES' labels, here to be translated.
CATEGORY_TITLES = {
    "efficiency": QT_TRANSLATE_NOOP("FormA", "办事效率慢"),
    "attitude": QT_TRANSLATE_NOOP("FormA", "服务态度差"),
    "materials": QT_TRANSLATE_NOOP("FormA", "材料要求多/反复提交"),
    "fees": QT_TRANSLATE_NOOP("FormA", "收费问题"),
    "process": QT_TRANSLATE_NOOP("FormA", "流程/系统问题"),
    "other": QT_TRANSLATE_NOOP("FormA", "其他"),
}
TEXT_FIELDS = ("dissatisfaction_details", "integrity_details", "suggestion")

STYLE = f"""
ChoiceRow {{ border: 2px solid transparent; border-radius: 6px; }}
ChoiceRow:focus {{ border: 2px solid {ACCENT}; background: #e3edfb; }}
ChoiceRow QLabel#title {{ font-weight: bold; }}
ChoiceRow QPushButton {{
    border: 1px solid #9a9a9a; border-radius: 4px; padding: 4px 5px; background: #fafafa;
}}
ChoiceRow QPushButton:checked {{ background: {ACCENT}; border-color: {ACCENT}; color: white; }}
ChoiceRow QPushButton[warning="true"]:checked {{
    background: {ERROR_COLOR}; border-color: {ERROR_COLOR};
}}
QLineEdit:focus {{ border: 2px solid {ACCENT}; border-radius: 3px; }}
QFrame#required_box {{ background: #fdf0ef; border: 1px solid #e8b4b0; border-radius: 6px; }}
QLabel#required {{ color: {ERROR_COLOR}; font-weight: bold; }}
QFrame#integrity_notice {{
    color: white; background: {ERROR_COLOR}; border-radius: 4px; padding: 4px 8px;
    font-weight: bold;
}}
"""


@dataclass(frozen=True)
class Choice:
    keys: tuple[str, ...]  # the keys that choose it, shown on its button
    title: str  # translated
    value: Any
    warning: bool = False  # drawn in red once chosen (不满意, 有)


class ChoiceRow(QFrame):
    """One question: its title and a button per answer. Takes the focus; a key answers it."""

    answered = Signal()  # the answer changed by key or click

    def __init__(
        self,
        title: str,
        choices: Sequence[Choice],
        columns: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.choices = list(choices)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(title)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("title")
        self.group = QButtonGroup(self)
        self.buttons: list[QPushButton] = []
        grid = QGridLayout()
        grid.setSpacing(4)
        columns = columns or len(self.choices)
        for number, choice in enumerate(self.choices):
            button = QPushButton(f"{'/'.join(choice.keys)} {choice.title}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setProperty("warning", choice.warning)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.group.addButton(button, number)
            self.buttons.append(button)
            grid.addWidget(button, number // columns, number % columns)
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.title_label)
        layout.addLayout(grid, 1)
        self.group.idClicked.connect(self._clicked)

    def value(self) -> Any:
        number = self.group.checkedId()
        return None if number < 0 else self.choices[number].value

    def set_value(self, value: Any) -> None:
        self.group.setExclusive(False)  # else the checked button cannot be unchecked
        for button, choice in zip(self.buttons, self.choices, strict=True):
            button.setChecked(value is not None and choice.value == value)
        self.group.setExclusive(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text().upper()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if text and modifiers in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            for choice in self.choices:
                if text in choice.keys:
                    self._choose(choice.value)
                    return
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
        elif key == Qt.Key.Key_Up:
            self.focusPreviousChild()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            number = max(0, min(len(self.choices) - 1, self.group.checkedId() + step))
            self.set_value(self.choices[number].value)
            self.answered.emit()
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.set_value(None)
            self.answered.emit()
        else:
            super().keyPressEvent(event)

    def _clicked(self, number: int) -> None:
        self._choose(self.choices[number].value)

    def _choose(self, value: Any) -> None:
        self.set_value(value)
        self.answered.emit()
        self.focusNextChild()


class MovingLineEdit(QLineEdit):
    """A line of text where Enter moves on to the next field, as on a paper form."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.focusNextChild()
            return
        super().keyPressEvent(event)


class FormIncomplete(Exception):
    """A question has no answer yet; `widget` is where to put the focus."""

    def __init__(self, message: str, widget: QWidget) -> None:
        super().__init__(message)
        self.message = message
        self.widget = widget


class FormA(QWidget):
    changed = Signal()  # any answer or text changed (the draft is written after it)
    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, offer_praise: bool = False) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        ratings = [
            Choice((str(n),), rating_title(r), r, r is Rating.DISSATISFIED)
            for n, r in enumerate(Rating, start=1)
        ]
        self.rows: dict[str, ChoiceRow] = {}
        for field, title in RATED_ITEMS:
            row = ChoiceRow(self._tr(title), ratings)
            row.answered.connect(self._answers_changed)
            self.rows[field] = row
        self.integrity_row = ChoiceRow(
            self.tr("违反廉洁纪律"),
            [
                Choice(("1", "N"), self.tr("没有"), False),
                Choice(("2", "Y"), self.tr("有"), True, warning=True),
            ],
        )
        self.integrity_row.answered.connect(self._answers_changed)
        self.integrity_row.setToolTip(self.tr("有无违反廉洁纪律：1 或 N 没有，2 或 Y 有"))

        # Shown when any answer is 不满意 (J 5.3.3: the details are recorded at once).
        self.category_row = ChoiceRow(
            self.tr("原因类别"),
            [
                Choice((str(number),), self._category_title(code, label), code)
                for number, (code, label) in enumerate(DISSATISFACTION_CATEGORIES, start=1)
            ],
            columns=2,
        )
        self.category_row.title_label.hide()  # the box says what it is
        self.category_row.answered.connect(self.changed)
        self.dissatisfaction_details = MovingLineEdit()
        self.dissatisfaction_details.setPlaceholderText(self.tr("被回访人反映的具体问题（必填）"))
        self.dissatisfaction_box = self._required_box(
            self.tr("不满意：请选原因类别并记录具体问题（必填）"),
            self.category_row,
            self.dissatisfaction_details,
        )

        # Shown when the answer to 廉洁纪律 is 有 (rule 7: escalated at once).
        self.integrity_notice = QLabel(
            self.tr("本件将立即标记并上报组长，仅处理人员可见。请记录具体情况。")
        )
        self.integrity_notice.setObjectName("integrity_notice")
        self.integrity_notice.setWordWrap(True)
        self.integrity_details = MovingLineEdit()
        self.integrity_details.setPlaceholderText(self.tr("违反廉洁纪律的具体情况（必填）"))
        self.integrity_box = self._required_box(
            self.tr("廉洁纪律情况（必填）"), self.integrity_notice, self.integrity_details
        )

        self.suggestion = MovingLineEdit()
        self.suggestion.setPlaceholderText(self.tr("有无建议（可不填，回车继续）"))
        suggestion_label = QLabel(self.tr("建议："))
        suggestion_label.setBuddy(self.suggestion)
        # The suggestion marked as praise of the handler (J 5.5.1): one key, off by default.
        self.praise_button = QPushButton(self.tr("表扬 (Ctrl+B)"))
        self.praise_button.setCheckable(True)
        self.praise_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.praise_button.setToolTip(
            self.tr("被回访人的建议是表扬：记为对本件经办人的表扬（再按一次取消）")
        )
        self.praise_button.setStyleSheet(
            f"QPushButton:checked {{ background: {ACCENT}; color: white; font-weight: bold; }}"
        )
        self.praise_button.toggled.connect(self.changed)
        self.praise_button.setVisible(offer_praise)
        self.praise_shortcut: QShortcut | None = None
        if offer_praise:
            self.praise_shortcut = QShortcut(QKeySequence("Ctrl+B"), self)
            self.praise_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.praise_shortcut.activated.connect(self.praise_button.toggle)
        for edit in (self.dissatisfaction_details, self.integrity_details, self.suggestion):
            edit.textChanged.connect(self.changed)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        self.error_label.hide()

        self.save_button = QPushButton(self.tr("保存并下一件 (Ctrl+Enter)"))
        self.save_button.setAutoDefault(True)  # Enter on the focused button saves
        self.save_button.setStyleSheet("QPushButton { font-weight: bold; padding: 6px 14px; }")
        self.save_button.clicked.connect(self.save_requested)

        hint = QLabel(self.tr("数字键回答，答完自动跳到下一项；↑↓ 换行，退格清除。"))
        hint.setStyleSheet("color: #555555;")
        hint.setWordWrap(True)

        rows = QVBoxLayout()
        rows.setSpacing(2)
        for row in self.rows.values():
            rows.addWidget(row)
        rows.addWidget(self.dissatisfaction_box)
        rows.addWidget(self.integrity_row)
        rows.addWidget(self.integrity_box)
        suggestion_row = QHBoxLayout()
        suggestion_row.setContentsMargins(8, 4, 8, 0)
        suggestion_row.addWidget(suggestion_label)
        suggestion_row.addWidget(self.suggestion, 1)
        suggestion_row.addWidget(self.praise_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addLayout(rows)
        layout.addLayout(suggestion_row)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self.button_row = QHBoxLayout()  # the page adds its own buttons at the front
        self.button_row.addStretch(1)
        self.button_row.addWidget(self.save_button)
        layout.addLayout(self.button_row)

        self._align_titles()
        self._set_tab_order()
        self._update_required()

    # Building

    def _tr(self, text: str) -> str:
        return QCoreApplication.translate("FormA", text)

    def _category_title(self, code: str, label: str) -> str:
        # The domain names its categories in Chinese only; one it adds later shows as it is.
        return self._tr(CATEGORY_TITLES[code]) if code in CATEGORY_TITLES else label

    def _required_box(self, title: str, *widgets: QWidget) -> QFrame:
        box = QFrame()
        box.setObjectName("required_box")
        label = QLabel(title)
        label.setObjectName("required")
        label.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(3)
        layout.addWidget(label)
        for widget in widgets:
            layout.addWidget(widget)
        return box

    def _align_titles(self) -> None:
        rows = [*self.rows.values(), self.integrity_row]
        widest = max(row.title_label.sizeHint().width() for row in rows)
        for row in rows:
            row.title_label.setFixedWidth(widest + 8)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            *self.rows.values(),
            self.category_row,
            self.dissatisfaction_details,
            self.integrity_row,
            self.integrity_details,
            self.suggestion,
            self.save_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # Answers

    def _answers_changed(self) -> None:
        self._update_required()
        self.changed.emit()

    def dissatisfied(self) -> bool:
        return any(row.value() is Rating.DISSATISFIED for row in self.rows.values())

    def _update_required(self) -> None:
        self.dissatisfaction_box.setVisible(self.dissatisfied())
        self.integrity_box.setVisible(self.integrity_row.value() is True)

    def state(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The answers and texts as plain values, for a draft."""
        answers: dict[str, Any] = {f: row.value() for f, row in self.rows.items()}
        answers["integrity_breach"] = self.integrity_row.value()
        texts = {name: getattr(self, name).text() for name in TEXT_FIELDS}
        texts["dissatisfaction_category"] = self.category_row.value() or ""
        if self.praised():
            answers["praise"] = True  # absent when off: an untouched form stays empty
        return answers, texts

    def restore(self, answers: dict[str, Any], texts: dict[str, str]) -> None:
        with QSignalBlocker(self):  # restoring is not typing: no draft written meanwhile
            for field, row in self.rows.items():
                value = answers.get(field)
                row.set_value(Rating(value) if value in set(Rating) else None)
            breach = answers.get("integrity_breach")
            self.integrity_row.set_value(breach if isinstance(breach, bool) else None)
            for name in TEXT_FIELDS:
                getattr(self, name).setText(texts.get(name, ""))
            self.category_row.set_value(texts.get("dissatisfaction_category") or None)
            self.praise_button.setChecked(
                answers.get("praise") is True and self.praise_button.isVisibleTo(self)
            )
        self._update_required()

    def clear(self) -> None:
        self.restore({}, {})
        self.hide_error()

    def is_empty(self) -> bool:
        answers, texts = self.state()
        return all(v is None for v in answers.values()) and not any(texts.values())

    def praised(self) -> bool:
        """Whether the suggestion is marked as praise of the case's handler."""
        return self.praise_button.isChecked()

    def first_unanswered(self) -> QWidget:
        for row in [*self.rows.values(), self.integrity_row]:
            if row.value() is None:
                return row
        return self.suggestion

    def answers(self) -> FormAAnswers:
        """Form A as answered; raises FormIncomplete naming the first question left open.

        The rules on what else is required are the domain's (FormAInvalid from save_form_a)."""
        missing = [row for row in [*self.rows.values(), self.integrity_row] if row.value() is None]
        if missing:
            names = self.tr("、").join(row.title_label.text() for row in missing)
            raise FormIncomplete(self.tr("还没有回答：{items}").format(items=names), missing[0])
        answers, texts = self.state()
        if self.praised() and not texts["suggestion"].strip():
            raise FormIncomplete(
                self.tr("已标记为表扬：请在“建议”栏记下被回访人表扬的话（Ctrl+B 取消标记）"),
                self.suggestion,
            )
        return FormAAnswers(
            overall=answers["overall"],
            efficiency=answers["efficiency"],
            attitude=answers["attitude"],
            materials=answers["materials"],
            integrity_breach=answers["integrity_breach"],
            suggestion=texts["suggestion"].strip() or None,
            dissatisfaction_category=(texts["dissatisfaction_category"] or None)
            if self.dissatisfied()
            else None,
            dissatisfaction_details=(texts["dissatisfaction_details"].strip() or None)
            if self.dissatisfied()
            else None,
            integrity_details=(texts["integrity_details"].strip() or None)
            if answers["integrity_breach"]
            else None,
        )

    def field_widget(self, field: str) -> QWidget | None:
        """Where to answer the field FormAInvalid names."""
        widgets: dict[str, QWidget] = {
            **self.rows,
            "integrity_breach": self.integrity_row,
            "dissatisfaction_category": self.category_row,
            "dissatisfaction_details": self.dissatisfaction_details,
            "integrity_details": self.integrity_details,
            "suggestion": self.suggestion,
        }
        return widgets.get(field)

    def show_error(self, text: str, focus: QWidget | None = None) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def hide_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()
