"""Saving a printed form: the person picks where (QFileDialog), the PDF is written off the GUI
thread, then opened in the system's PDF viewer (QDesktopServices) to print from there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from app.atomic_file import AtomicFile
from db.database import Database
from ui import file_dialogs
from ui.error_dialog import show_refusal
from ui.operations import Progress, operation


def save_pdf(
    parent: QWidget,
    database: Database,
    write: Callable[[Session, Path], None],
    file_name: str,
    on_saved: Callable[[Path], None] | None = None,
    *,
    audited: bool = False,
) -> bool:
    """Ask where to save `file_name`.pdf, write it with `write(session, path)` and open it.

    `audited`: a form with personal data, whose service writes the file whole itself and audits
    it (app.printing.complaint_forms.save_complaint_form) in a transaction that writes; else
    `write` gets a temporary path, put in place once written.
    Returns False when the person cancelled the file dialog.
    """
    translate = QCoreApplication.translate
    path = file_dialogs.save_path(
        parent,
        translate("ComplaintPdf", "保存 PDF"),
        "pdf",
        f"{file_name}.pdf",
        translate("ComplaintPdf", "PDF 文件 (*.pdf)"),
    )
    if path is None:
        return False
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")

    def generate(session: Session, _progress: Progress) -> Path:
        if audited:
            write(session, path)
            return path
        with AtomicFile(path) as partial:  # a failure never leaves half a file
            write(session, partial)
        return path

    def written(saved: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(saved))):
            show_refusal(
                parent,
                translate(
                    "ComplaintPdf", "已保存到 {path}，但无法自动打开，请手动打开打印。"
                ).format(path=saved),
            )
        if on_saved is not None:
            on_saved(saved)

    # LookupError: the complaint is gone (app.complaints.clocks).
    saving = operation(parent, database, generate)
    if audited:
        saving = saving.writing()
    saving.expecting(LookupError).on_success(written).run()
    return True
