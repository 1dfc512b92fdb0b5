"""The service phrases of W 附录 D beside the call: what to say, and what never to say."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.desk.phrases import PHRASE_CATEGORIES
from ui.desk.display import ERROR_COLOR

FORBIDDEN = "forbidden"
SEPARATOR = "<span style='color:#8a8a8a'>　｜　</span>"


class PhrasesPanel(QWidget):
    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phrases: dict[str, list[str]] = {}
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self.text_label)
        # Only administrators will be allowed to edit once there are logins and roles.
        self.edit_button = QPushButton(self.tr("编辑…"))
        self.edit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.edit_button.clicked.connect(self.edit_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def show_phrases(self, phrases: dict[str, list[str]]) -> None:
        """Each category as one flowing paragraph, so that all of them fit beside the call."""
        self.phrases = phrases
        none = self.tr("（未设置）")
        never = self.tr("禁止使用")
        parts = []
        for code, label in PHRASE_CATEGORIES:
            title = html.escape(self.category_title(code, label))
            lines = phrases.get(code, [])
            text = SEPARATOR.join(html.escape(line) for line in lines) or html.escape(none)
            if code == FORBIDDEN:
                parts.append(
                    f"<p style='margin:8px 0 2px 0; color:{ERROR_COLOR}'>"
                    f"<b>⚠ {title}（{html.escape(never)}）</b></p>"
                    f"<p style='margin:0; color:{ERROR_COLOR}; background:#fdf0ef'>{text}</p>"
                )
            else:
                parts.append(
                    f"<p style='margin:8px 0 2px 0'><b>{title}</b></p><p style='margin:0'>{text}</p>"
                )
        self.text_label.setText("".join(parts))

    def category_title(self, code: str, label: str) -> str:
        titles = {
            "greeting": self.tr("问候"),
            "closing": self.tr("结束语"),
            "apology": self.tr("致歉"),
            "forbidden": self.tr("服务忌语"),
        }
        return titles.get(code, label)


class PhrasesEditor(QDialog):
    """One phrase per line, per category; what is saved replaces each category's list."""

    def __init__(
        self, phrases: dict[str, list[str]], titles: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("编辑服务用语"))
        self.resize(560, 420)
        self.edits: dict[str, QPlainTextEdit] = {}
        tabs = QTabWidget()
        for code, _label in PHRASE_CATEGORIES:
            edit = QPlainTextEdit("\n".join(phrases.get(code, [])))
            edit.setTabChangesFocus(True)
            self.edits[code] = edit
            tabs.addTab(edit, titles[code])
        note = QLabel(self.tr("每行一句。空行不保存。"))
        note.setStyleSheet("color: #555555;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)

    def phrases(self) -> dict[str, list[str]]:
        return {
            code: [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]
            for code, edit in self.edits.items()
        }
