"""Saving a printed form: the person picks where (QFileDialog), the PDF is written off the GUI
thread, then opened in the system's PDF viewer (QDesktopServices) to print from there."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget
from sqlalchemy.orm import Session

from db.database import Database
from ui import preferences
from ui.complaints.running import run_step, show_refusal
from ui.operations import Progress

_FOLDER_KEY = "complaints/pdf_folder"


def save_pdf(
    parent: QWidget,
    database: Database,
    write: Callable[[Session, Path], None],
    file_name: str,
    on_saved: Callable[[Path], None] | None = None,
) -> bool:
    """Ask where to save `file_name`.pdf, write it with `write(session, path)` and open it.

    Returns False when the person cancelled the file dialog.
    """
    translate = QCoreApplication.translate
    settings = QSettings(preferences.ORGANIZATION, preferences.APPLICATION)
    folder = str(settings.value(_FOLDER_KEY, "") or "") or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        translate("ComplaintPdf", "保存 PDF"),
        str(Path(folder) / f"{file_name}.pdf"),
        translate("ComplaintPdf", "PDF 文件 (*.pdf)"),
    )
    if not chosen:
        return False
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    settings.setValue(_FOLDER_KEY, str(path.parent))

    def generate(session: Session, _progress: Progress) -> Path:
        # Written beside the target and moved over it: a failure never leaves half a file.
        partial = path.with_name(path.name + ".part")
        try:
            write(session, partial)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
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

    run_step(parent, database, generate, written)
    return True
