"""The 受理单位 names of a case file that no unit has: per name, map it, add it, or reject its rows.

Shown by the import page when its check before importing finds such names (issue 15). A small
table of names, rows and one drop-down each; Tab goes from drop-down to drop-down, and ↓ from
拒绝 (the default) to 新建 and then to the units spelt most like the name.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.importing.summary import UnknownUnit
from app.importing.unknown_units import UnitAction, UnitChoice, likely_units

REJECT_TEXT = QT_TRANSLATE_NOOP("UnitChoicePanel", "拒绝这些行")
NEW_TEXT = QT_TRANSLATE_NOOP("UnitChoicePanel", "新建单位")
MAP_TEXT = QT_TRANSLATE_NOOP("UnitChoicePanel", "映射到 {unit}")


@dataclass(frozen=True)
class UnitQuestion:
    """What the check before importing found: the unknown names, and the units to map them to."""

    unknown: list[UnknownUnit]
    units: list[str]  # the active units, by name


class UnitChoicePanel(QWidget):
    import_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combos: dict[str, QComboBox] = {}

        self.title = QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        explanation = QLabel(
            self.tr(
                "为避免错写的单位名称在季度排名中成为新的单位，请为每个名称选择：映射到已有单位"
                "（以后的文件也按此对应）、新建单位，或拒绝这些行（在导入结果中列出）。"
            )
        )
        explanation.setWordWrap(True)

        self.grid_widget = QWidget()
        self.grid = QGridLayout(self.grid_widget)
        self.grid.setColumnStretch(3, 1)  # an empty column takes the rest of the width
        self.grid.setHorizontalSpacing(16)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setWidget(self.grid_widget)

        self.back_button = QPushButton(self.tr("返回(&B)"))
        self.back_button.setToolTip(self.tr("回到预览和列对应，不导入"))
        self.back_button.clicked.connect(self.back_requested)
        self.import_button = QPushButton(self.tr("按所选导入(&I)"))
        self.import_button.setToolTip(self.tr("按每个名称的选择导入这个文件（Ctrl+Enter）"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.import_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(explanation)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def ask(self, question: UnitQuestion) -> None:
        """Show the names, each with "reject" chosen until the operator chooses otherwise (or
        with what they chose when last asked about the name)."""
        earlier = self.choices()
        while (item := self.grid.takeAt(0)) is not None:
            if item.widget():
                item.widget().deleteLater()
        self.combos.clear()
        rows = sum(unit.rows for unit in question.unknown)
        self.title.setText(
            self.tr("文件中有 {names} 个受理单位不是已有的单位（共 {rows} 行）。").format(
                names=len(question.unknown), rows=rows
            )
        )
        for column, heading in enumerate(
            (self.tr("文件中的受理单位"), self.tr("行数"), self.tr("处理"))
        ):
            label = QLabel(heading)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            self.grid.addWidget(label, 0, column)
        for row, unknown in enumerate(question.unknown, start=1):
            name = QLabel(unknown.name)
            name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            count = QLabel(str(unknown.rows))
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            combo = self._choice_combo(unknown.name, question.units)
            offered = [combo.itemData(index) for index in range(combo.count())]
            if earlier.get(unknown.name) in offered:
                combo.setCurrentIndex(offered.index(earlier[unknown.name]))
            name.setBuddy(combo)
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(count, row, 1)
            self.grid.addWidget(combo, row, 2)
            self.combos[unknown.name] = combo
        self.grid.setRowStretch(len(question.unknown) + 1, 1)

    def focus_first(self) -> None:
        if self.combos:
            next(iter(self.combos.values())).setFocus()

    def _choice_combo(self, name: str, units: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(24)
        combo.addItem(_tr(REJECT_TEXT), UnitChoice(UnitAction.REJECT))
        combo.addItem(_tr(NEW_TEXT), UnitChoice(UnitAction.NEW))
        for unit in likely_units(name, units):
            combo.addItem(_tr(MAP_TEXT).format(unit=unit), UnitChoice(UnitAction.MAP, unit))
        return combo

    def choices(self) -> dict[str, UnitChoice]:
        return {name: combo.currentData() for name, combo in self.combos.items()}


def _tr(text: str) -> str:
    return QCoreApplication.translate("UnitChoicePanel", text)
