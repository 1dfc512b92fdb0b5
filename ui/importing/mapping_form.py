"""The column mapping as a form: one drop-down of the file's columns per field of the import."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from app.importing.columns import Field
from ui.importing.column_choice import Choice, column_letter


class MappingForm(QWidget):
    choice_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combos: dict[str, QComboBox] = {}
        self._layout = QFormLayout(self)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def show_fields(self, fields: tuple[Field, ...], header: list[str], choice: Choice) -> None:
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self.combos.clear()
        for field in fields:
            combo = QComboBox()
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            combo.addItem(self.tr("（不导入）"), None)
            for index, text in enumerate(header):
                if text:  # a mapping names columns by header text; a blank one can't be named
                    combo.addItem(f"{column_letter(index)} · {text}", index)
            combo.setCurrentIndex(max(0, combo.findData(choice.get(field.key))))
            combo.currentIndexChanged.connect(self.choice_changed)
            label = QLabel(f"{field.label} *" if field.required else field.label)
            label.setBuddy(combo)
            if field.aliases:
                label.setToolTip(self.tr("也认作：{names}").format(names="、".join(field.aliases)))
            self._layout.addRow(label, combo)
            self.combos[field.key] = combo

    def choice(self) -> Choice:
        return {key: combo.currentData() for key, combo in self.combos.items()}
