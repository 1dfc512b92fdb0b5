"""A combo box of names that come from the data (units, people): as wide as a given number of
characters whatever its longest item, so that a long unit name from an import never widens a
page beyond a 1366×768 screen. The current name, cut short, is whole in the tooltip."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def name_combo(characters: int = 12) -> QComboBox:
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    combo.currentTextChanged.connect(combo.setToolTip)
    return combo
