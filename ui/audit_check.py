"""At start-up, for those who audit, the audit trail's hash chain is checked in the background
(app.audit_chain.verify_chain, on the files thread with a session of its own, so that nobody's
database work waits for it); a broken chain is shown in a warning.

Each seat remembers, per database, the head of the last chain it found whole, and checks that it
is still there: entries removed from the end of the trail, which the chain itself cannot show,
are reported at the next start of any seat that saw them.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.audit_chain import ChainReport, parse_anchor, verify_chain
from app.progress import Progress
from app.roles import Permission
from db.database import Database
from ui.current_user import permitted
from ui.operations import operation
from ui.preferences import Preference


def anchor_preference(database: Database) -> Preference:
    """Where this seat keeps the head it last found whole, for this database."""
    key = hashlib.sha256(database.display_url().encode()).hexdigest()[:16]
    return Preference(f"audit/anchor/{key}")


class AuditChainCheck(QObject):
    """Checks the chain once, off the GUI thread; `checked` says what it found."""

    checked = Signal(object)  # ChainReport

    def __init__(self, window: QWidget, database: Database) -> None:
        super().__init__(window)
        self.window = window
        self.database = database
        self.preference = anchor_preference(database)
        self.anchor = self._saved_anchor()
        self.warning: QMessageBox | None = None
        operation(self, None, self._verify).on_success(self._checked).run()

    def _saved_anchor(self) -> tuple[int, str] | None:
        try:
            return parse_anchor(self.preference.get()) if self.preference.get() else None
        except ValueError:
            return None

    def _verify(self, progress: Progress) -> ChainReport:
        with self.database.sessions() as session:
            return verify_chain(session, self.anchor, progress)

    def _checked(self, report: ChainReport) -> None:
        chain_whole = all(b.kind.startswith("anchor") for b in report.breaks)
        if chain_whole and report.head is not None:
            # Whole, or only the anchor is gone (a restored backup, another database): the
            # anchor moves on, so that what was told once is not told at every start.
            self.preference.set(report.head.anchor())
        if not report.intact:
            self._warn(report)
        self.checked.emit(report)

    def _warn(self, report: ChainReport) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("审计记录被改动"),
            self.tr("审计记录的哈希链校验未通过，记录可能被删除或改写。"),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setInformativeText(
            report.summary()
            + "\n\n"
            + self.tr(
                "请管理员核查：运行 main.py audit verify 查看详情，必要时从备份恢复数据库，"
                "并保留本数据库以便调查。"
            )
        )
        self.warning = box
        box.open()


def check_audit_chain(window: QWidget, database: Database) -> AuditChainCheck | None:
    """Start the check when the person at the seat audits (auditors, administrators; everyone
    where nobody logs in); None when they do not."""
    if not permitted(Permission.AUDIT):
        return None
    return AuditChainCheck(window, database)
