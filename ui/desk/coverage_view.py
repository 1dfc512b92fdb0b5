"""Coverage of the running quarter per accepting unit (rule 2: at least 30 % revisited).

One block per unit, furthest behind first: its name and coverage against the target, a bar
with the target marked (red below it, green once reached), and what is still missing.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.desk.coverage import UnitCoverage

MET = QColor("#2e7d32")
SHORT = QColor("#c62828")
MARGIN = QColor("#a05a00")


class CoverageBar(QWidget):
    def __init__(self, coverage: float, target: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.coverage, self.target = coverage, target
        self.setFixedHeight(12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def paintEvent(self, _event: QPaintEvent) -> None:
        # Twice the target fills the bar, so the target mark sits in the middle.
        scale = min(1.0, max(2 * self.target, self.coverage)) or 1.0
        rect = QRectF(self.rect()).adjusted(0, 1, 0, -1)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e4e4e4"))
        painter.drawRoundedRect(rect, 3, 3)
        painter.setBrush(MET if self.coverage >= self.target else SHORT)
        filled = QRectF(rect)
        filled.setWidth(rect.width() * min(1.0, self.coverage / scale))
        painter.drawRoundedRect(filled, 3, 3)
        painter.setPen(QColor("#222222"))
        x = rect.left() + rect.width() * self.target / scale
        painter.drawLine(round(x), 0, round(x), self.height())
        painter.end()


class CoverageView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setStyleSheet("font-weight: bold;")
        self.rows = QWidget()
        self.rows_layout = QVBoxLayout(self.rows)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setSpacing(4)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self.rows)
        note = QLabel(self.tr("竖线为目标；“需拨打”按接通率估算。"))
        note.setStyleSheet("color: #555555;")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(note)
        self.unit_blocks: list[QFrame] = []

    def show_plan(self, year: int, quarter: int, rows: list[UnitCoverage]) -> None:
        short = sum(1 for row in rows if row.coverage < row.target)
        if not rows:
            title = self.tr("{year} 年第 {quarter} 季度：还没有办结的业务件")
        elif short:
            title = self.tr("{year} 年第 {quarter} 季度：{short} 个单位未达到目标")
        else:
            title = self.tr("{year} 年第 {quarter} 季度：各单位均已达到目标")
        self.title_label.setText(title.format(year=year, quarter=quarter, short=short))
        for block in self.unit_blocks:
            block.deleteLater()
        self.unit_blocks = [self._unit_block(row) for row in rows]
        while self.rows_layout.count():
            self.rows_layout.takeAt(0)
        for block in self.unit_blocks:
            self.rows_layout.addWidget(block)
        self.rows_layout.addStretch(1)

    def _unit_block(self, row: UnitCoverage) -> QFrame:
        met = row.coverage >= row.target
        color = (MET if met else SHORT).name()
        name = QLabel(row.unit)
        name.setStyleSheet("font-weight: bold;")
        name.setWordWrap(True)
        percent = QLabel(
            self.tr("{coverage:.0%}（目标 {target:.0%}）").format(
                coverage=row.coverage, target=row.target
            )
        )
        percent.setStyleSheet(f"color: {color}; font-weight: bold;")
        figures = QLabel(
            self.tr("已回访 {revisited}/{cases} 件").format(
                revisited=row.revisited, cases=row.cases
            )
        )
        if not met:
            missing = QLabel(self.tr("还差 {shortfall} 件 · 需拨打 {calls}"))
        elif row.shortfall:
            # Reached, but not yet the margin planned above it (coverage.margin).
            missing = QLabel(self.tr("余量还差 {shortfall} 件 · 需拨打 {calls}"))
            color = MARGIN.name()
        else:
            missing = QLabel(self.tr("已达标"))
        missing.setText(missing.text().format(shortfall=row.shortfall, calls=row.calls_needed))
        missing.setStyleSheet(f"color: {color};")
        missing.setWordWrap(False)  # "需拨打 52" is one phrase: never broken as "需拨打 / 52"
        missing.setAlignment(Qt.AlignmentFlag.AlignRight)
        block = QFrame()
        block.setObjectName("unit_block")
        block.setStyleSheet(
            "QFrame#unit_block { border-bottom: 1px solid #dddddd; padding-bottom: 2px; }"
        )
        block.setToolTip(
            self.tr(
                "{unit}\n网上 {online} · 电话 {phone} · 企业 {enterprise}\n"
                "队列中 {queued} 件 · 无有效号码 {no_phone} 件"
            ).format(
                unit=row.unit,
                online=row.online,
                phone=row.phone,
                enterprise=row.enterprise,
                queued=row.queued,
                no_phone=row.no_valid_phone,
            )
        )
        grid = QGridLayout(block)
        grid.setContentsMargins(2, 2, 2, 4)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.addWidget(name, 0, 0)
        grid.addWidget(percent, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(CoverageBar(row.coverage, row.target), 1, 0, 1, 2)
        grid.addWidget(figures, 2, 0)
        grid.addWidget(missing, 2, 1, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(0, 1)
        return block
