"""数据保留: how long personal data is kept, what the purge would forget today, and the purge
itself after a confirmation (administrators; app.retention)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.retention import RetentionCounts, RetentionError, preview, purge
from app.settings import OPTIONS, get_setting, set_setting
from db.database import Database
from ui.current_user import logged_in
from ui.operations import Progress, operation, running_for

ERROR_STYLE = "color: #b3261e; font-weight: bold;"
DONE_STYLE = "color: #2e7d32; font-weight: bold;"
KIND_TITLES = {
    "cases": QT_TRANSLATE_NOOP("RetentionDialog", "业务件的申请人和座落"),
    "phones": QT_TRANSLATE_NOOP("RetentionDialog", "业务件的联系电话"),
    "evaluations": QT_TRANSLATE_NOOP("RetentionDialog", "评价中的评价人、建议等文字"),
    "call_attempts": QT_TRANSLATE_NOOP("RetentionDialog", "拨打记录的号码和备注"),
    "callback_tasks": QT_TRANSLATE_NOOP("RetentionDialog", "二次回访中被回访人的反映"),
    "bad_reviews": QT_TRANSLATE_NOOP("RetentionDialog", "差评的核实情况与反馈内容"),
    "callback_contacts": QT_TRANSLATE_NOOP("RetentionDialog", "二次回访联系记录的内容"),
    "enterprise_forms": QT_TRANSLATE_NOOP("RetentionDialog", "企业回访反馈单的联系人和建议"),
    "complaints": QT_TRANSLATE_NOOP("RetentionDialog", "已办结投诉的投诉人、联系方式和地址"),
    "suggestion_slips": QT_TRANSLATE_NOOP("RetentionDialog", "意见条的留言人和联系方式"),
    "recordings": QT_TRANSLATE_NOOP("RetentionDialog", "通话录音（录音文件本身）"),
    "audit_entries": QT_TRANSLATE_NOOP("RetentionDialog", "以上记录的审计日志中的个人信息"),
}


@dataclass
class Facts:
    years: int
    counts: RetentionCounts | None
    problem: str | None


class RetentionDialog(QDialog):
    shown = Signal()  # the figures on screen are the database's now
    purged = Signal(object)  # RetentionCounts

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.counts: RetentionCounts | None = None
        self.setWindowTitle(self.tr("数据保留"))
        self.setMinimumWidth(560)

        intro = QLabel(
            self.tr(
                "业务件办结超过保存年限后，清除其中的个人信息（姓名、电话、地址、评价和通话中的文字）。"
                "业务件、单位、日期、评价等级、渠道和结果都保留，各项统计报表不受影响。"
            )
        )
        intro.setWordWrap(True)
        self.years_spin = QSpinBox()
        years = OPTIONS["retention.years"]
        self.years_spin.setRange(int(years.minimum or 1), int(years.maximum or 100))
        self.years_spin.setSuffix(self.tr(" 年"))
        self.years_spin.valueChanged.connect(self._update_enabled)
        self.years_button = QPushButton(self.tr("保存年限"))
        self.years_button.clicked.connect(self.save_years)
        years_row = QHBoxLayout()
        years_row.addWidget(self.years_spin)
        years_row.addWidget(self.years_button)
        years_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("个人信息保存年限："), years_row)
        self.cutoff_label = QLabel()
        form.addRow(self.tr("清除范围："), self.cutoff_label)
        self.count_labels: dict[str, QLabel] = {}
        for key, title in KIND_TITLES.items():
            label = QLabel()
            self.count_labels[key] = label
            form.addRow(QCoreApplication.translate("RetentionDialog", title) + "：", label)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.purge_button = QPushButton(self.tr("清除(&P)…"))
        self.purge_button.clicked.connect(self.confirm_purge)
        close_button = QPushButton(self.tr("关闭"))
        close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.purge_button)
        buttons.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        me = logged_in()
        by_id = me.id if me else None

        def read(session: Session, _progress: Progress) -> Facts:
            years = get_setting(session, "retention.years")
            try:
                return Facts(years, preview(session, by_id=by_id), None)
            except RetentionError as error:
                return Facts(years, None, str(error))

        (
            operation(self, self.database, read)
            .on_success(self._show)
            .on_failure(self._failed)
            .busy(self.years_button, self.purge_button)
            .run()
        )

    def _show(self, facts: Facts) -> None:
        self.years_spin.setValue(facts.years)
        self.counts = facts.counts
        if facts.counts is None:
            self.cutoff_label.setText("—")
            self.show_message(facts.problem or "", ERROR_STYLE)
        else:
            self.cutoff_label.setText(
                self.tr("{cutoff} 之前办结的业务件、办结的投诉").format(
                    cutoff=facts.counts.cutoff.isoformat()
                )
            )
            values = facts.counts.to_dict()
            for key, label in self.count_labels.items():
                label.setText(self.tr("{n} 条").format(n=values[key]))
        self._update_enabled()
        self.shown.emit()

    def save_years(self) -> None:
        years = self.years_spin.value()
        me = logged_in()

        def store(session: Session, _progress: Progress) -> int:
            set_setting(session, "retention.years", years, by_id=me.id if me else None)
            return years

        (
            operation(self, self.database, store)
            .writing()
            .on_success(self._years_saved)
            .on_failure(self._failed)
            .busy(self.years_button, self.purge_button)
            .run()
        )

    def _years_saved(self, years: int) -> None:
        self.show_message(self.tr("保存年限已改为 {years} 年。").format(years=years), DONE_STYLE)
        self.refresh()

    def confirm_purge(self) -> None:
        if self.counts is None or not self.purge_button.isEnabled():
            return
        answer = QMessageBox.warning(
            self,
            self.tr("清除个人信息"),
            self.tr(
                "将清除 {n} 条记录中的个人信息（{cutoff} 之前办结的业务件）。\n"
                "此操作不能撤销；建议先做一次备份。确定清除吗？"
            ).format(n=self.counts.total, cutoff=self.counts.cutoff.isoformat()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.purge()

    def purge(self) -> None:
        """Purge with the cut-off on screen (the one confirmed): refused, and shown afresh, when
        the retention or the day has changed it since."""
        if self.counts is None:
            return
        me = logged_in()
        cutoff = self.counts.cutoff

        def forget(session: Session, _progress: Progress) -> RetentionCounts:
            return purge(session, cutoff=cutoff, by_id=me.id if me else None)

        (
            operation(self, self.database, forget)
            .writing()
            .on_success(self._purged)
            .on_failure(self._purge_failed)
            .busy(self.years_button, self.purge_button)
            .run()
        )

    def _purged(self, counts: RetentionCounts) -> None:
        self.show_message(
            self.tr("已清除 {n} 条记录中的个人信息。").format(n=counts.total), DONE_STYLE
        )
        self.purged.emit(counts)
        self.refresh()

    def show_message(self, text: str, style: str = "") -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)

    def _failed(self, error: Exception) -> None:
        self.show_message(str(error), ERROR_STYLE)

    def _purge_failed(self, error: Exception) -> None:
        self._failed(error)
        if isinstance(error, RetentionError):
            self.refresh()  # the cut-off and counts as they are now

    @property
    def running(self) -> bool:
        """Whether the dialog's work is under way (its buttons are off meanwhile)."""
        return bool(running_for(self))

    def _update_enabled(self) -> None:
        """清除 only for the retention saved, whose cut-off and counts are on screen: a number
        typed but not saved yet is saved (and previewed) first."""
        idle = not self.running
        counts = self.counts
        saved = counts is None or self.years_spin.value() == counts.years
        self.years_button.setEnabled(idle)
        self.purge_button.setEnabled(idle and saved and counts is not None and counts.total > 0)
        self.purge_button.setToolTip(
            "" if saved else self.tr("先点“保存年限”，看到新的清除范围后再清除")
        )
