"""What an import did: the counts, the rows flagged, a refusal, and every rejected row."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.file_errors import file_error_text
from app.importing import ImportSummary
from app.importing.summary import flag_label
from ui.importing.rejected_file import write_rejected_rows
from ui.importing.rejected_rows_model import (
    COL_CELLS,
    COL_LINE,
    COL_REASON,
    RejectedRowsModel,
)

logger = logging.getLogger(__name__)

ERROR_STYLE = "color: #b3261e;"
SUCCESS_STYLE = "color: #1b6e2a;"
WARNING_STYLE = "color: #8a5300;"


class SummaryView(QWidget):
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._summary: ImportSummary | None = None
        self._file_header: list[str] = []

        self.outcome_label = QLabel()
        self.outcome_label.setWordWrap(True)
        self.outcome_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.outcome_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.outcome_label.setFont(font)

        counts_box = QGroupBox(self.tr("数量"))
        counts_layout = QHBoxLayout(counts_box)
        self.count_labels: dict[str, QLabel] = {}
        for key, caption in (
            ("rows", self.tr("数据行")),
            ("inserted", self.tr("新增")),
            ("updated", self.tr("更新")),
            ("unchanged", self.tr("未变")),
            ("duplicates_in_file", self.tr("文件内重复行")),
            ("rejected", self.tr("被拒绝")),
        ):
            tile, self.count_labels[key] = _count_tile(caption)
            counts_layout.addWidget(tile)

        self.flags_box = QGroupBox(self.tr("其中"))
        self.flags_layout = QHBoxLayout(self.flags_box)
        boxes = QHBoxLayout()
        boxes.addWidget(counts_box)
        boxes.addWidget(self.flags_box)
        boxes.addStretch(1)

        # What became of the 受理单位 names that no unit had (issue 15).
        self.units_label = QLabel()
        self.units_label.setWordWrap(True)
        self.units_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.back_button = QPushButton(self.tr("返回修改(&B)"))
        self.back_button.setToolTip(self.tr("回到预览和列对应，修改后再导入"))
        self.back_button.clicked.connect(self.back_requested)

        self.rejected_model = RejectedRowsModel(self)
        self.rejected_table = QTableView()
        self.rejected_table.setModel(self.rejected_model)
        self.rejected_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rejected_table.setWordWrap(False)
        self.rejected_table.verticalHeader().hide()
        header = self.rejected_table.horizontalHeader()
        header.setSectionResizeMode(COL_LINE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_CELLS, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(COL_REASON, 360)

        self.export_button = QPushButton(self.tr("导出被拒绝的行(&E)…"))
        self.export_button.clicked.connect(self.export_rejected_rows)
        self.rejected_title = QLabel()

        rejected_bar = QHBoxLayout()
        rejected_bar.addWidget(self.rejected_title, 1)
        rejected_bar.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.outcome_label)
        layout.addLayout(boxes)
        layout.addWidget(self.units_label)
        layout.addSpacing(8)
        layout.addLayout(rejected_bar)
        layout.addWidget(self.rejected_table, 1)
        layout.addStretch(0)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)

    def show_summary(self, summary: ImportSummary, file_header: list[str]) -> None:
        self._summary = summary
        self._file_header = file_header
        if summary.refusal:
            self.outcome_label.setText(summary.refusal.message())
            self.outcome_label.setStyleSheet(ERROR_STYLE)
        elif summary.rejected:
            self.outcome_label.setText(
                self.tr("已导入 {file}，其中 {count} 行被拒绝，没有导入。").format(
                    file=summary.filename, count=len(summary.rejected)
                )
            )
            self.outcome_label.setStyleSheet(WARNING_STYLE)
        else:
            self.outcome_label.setText(self.tr("已导入 {file}。").format(file=summary.filename))
            self.outcome_label.setStyleSheet(SUCCESS_STYLE)
        counts = {
            "rows": summary.rows,
            "inserted": summary.inserted,
            "updated": summary.updated,
            "unchanged": summary.unchanged,
            "duplicates_in_file": summary.duplicates_in_file,
            "rejected": len(summary.rejected),
        }
        for key, count in counts.items():
            self.count_labels[key].setText(str(count))
        while (item := self.flags_layout.takeAt(0)) is not None:
            item.widget().deleteLater()
        for name, count in sorted(summary.flagged.items()):
            tile, number = _count_tile(flag_label(name))
            number.setText(str(count))
            self.flags_layout.addWidget(tile)
        self.flags_box.setVisible(bool(summary.flagged))
        self.units_label.setText(
            "\n".join(
                self.tr("未知受理单位“{name}”（{rows} 行）：{outcome}").format(
                    name=unit.name, rows=unit.rows, outcome=unit.outcome()
                )
                for unit in summary.unknown_units
            )
        )
        self.units_label.setVisible(bool(summary.unknown_units))
        self.rejected_model.show_rows(summary.rejected)
        self.rejected_title.setText(
            self.tr("被拒绝的行（{count}）").format(count=len(summary.rejected))
            if summary.rejected
            else self.tr("没有被拒绝的行。")
        )
        self.export_button.setVisible(bool(summary.rejected))
        self.rejected_table.setVisible(bool(summary.rejected))
        if summary.profile:  # an evaluations export: through which platform's layout
            self.outcome_label.setText(
                self.tr("{outcome}（导入方案：{profile}）").format(
                    outcome=self.outcome_label.text(), profile=summary.profile
                )
            )

    def export_rejected_rows(self) -> None:
        summary = self._summary
        if summary is None or not summary.rejected:
            return
        excel = self.tr("Excel 工作簿 (*.xlsx)")
        suggested = Path(summary.filename).stem + self.tr("_被拒绝的行") + ".xlsx"
        path, chosen_filter = QFileDialog.getSaveFileName(
            self,
            self.tr("导出被拒绝的行"),
            suggested,
            ";;".join([excel, self.tr("CSV 文件，UTF-8 (*.csv)")]),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_suffix(".xlsx" if chosen_filter == excel else ".csv")
        self.write_rejected_rows(target)

    def write_rejected_rows(self, target: Path) -> None:
        assert self._summary is not None
        title = self.rejected_model.headerData
        headings = [
            title(COL_LINE, Qt.Orientation.Horizontal),
            title(COL_REASON, Qt.Orientation.Horizontal),
            *self._file_header,
        ]
        # On the GUI thread: rejected rows are few, and XlsxWriter writes thousands a second.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write_rejected_rows(target, headings, self._summary.rejected)
        except OSError as error:
            logger.warning("Could not write %s: %s", target, error)
            QMessageBox.warning(
                self,
                self.tr("导出被拒绝的行"),
                self.tr("无法写入文件 {path}：{reason}").format(
                    path=target, reason=file_error_text(error)
                ),
            )
        finally:
            QApplication.restoreOverrideCursor()


def _count_tile(caption: str) -> tuple[QWidget, QLabel]:
    """A count in large figures above its caption; returns the tile and the figure's label."""
    number = QLabel()
    font = number.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    number.setFont(font)
    tile = QWidget()
    layout = QVBoxLayout(tile)
    layout.setContentsMargins(12, 0, 12, 0)
    for label in (number, QLabel(caption)):
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
    return tile, number
