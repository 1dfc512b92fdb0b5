"""Saving a report as .xlsx from a tab: where (a file dialog), how (in the background, the
library's wrapping of file errors undone) and what the tab then says."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session
from xlsxwriter.exceptions import FileCreateError

from app.file_errors import file_error_text
from ui import file_dialogs
from ui.operations import Progress, Work


def choose_xlsx(parent: QWidget, name: str) -> Path | None:
    """The file the user chose for `name` (in the last report folder or Documents), with .xlsx; None: cancelled."""
    path = file_dialogs.save_path(
        parent,
        QCoreApplication.translate("FeedbackExport", "导出"),
        "report",
        f"{name}.xlsx",
        QCoreApplication.translate("FeedbackExport", "Excel 工作簿 (*.xlsx)"),
    )
    if path is None:
        return None
    return path if path.suffix.lower() == ".xlsx" else path.with_name(f"{path.name}.xlsx")


def xlsx_work(path: Path, write: Callable[[Session, Path], None]) -> Work:
    """The background work writing `path`; a file that cannot be written fails as OSError."""

    def work(session: Session, _progress: Progress) -> Path:
        try:
            write(session, path)
        except FileCreateError as error:  # XlsxWriter's wrapping of the OSError
            cause = error.args[0] if error.args else None
            raise cause if isinstance(cause, OSError) else OSError(str(error)) from error
        return path

    return work


def exported_text(path: Path) -> str:
    return QCoreApplication.translate("FeedbackExport", "已导出到 {path}").format(path=path)


def failure_text(path: Path, error: Exception) -> str:
    if isinstance(error, PermissionError):
        reason = QCoreApplication.translate(
            "FeedbackExport", "没有写入权限，或文件正被其他程序（如 Excel）打开。"
        )
    elif isinstance(error, FileNotFoundError) and error.filename:
        reason = QCoreApplication.translate("FeedbackExport", "文件夹不存在。")
    else:
        reason = file_error_text(error) if isinstance(error, OSError) else str(error)
    return QCoreApplication.translate("FeedbackExport", "没有导出 {path}：{reason}").format(
        path=path, reason=reason
    )
