"""Asking for a file to save or open: every page asks here.

A dialog opens in the folder last used for that kind of file (remembered per seat in
ui.preferences.LAST_FOLDERS), else in the folder the caller proposes (e.g. the backup folder),
else in the user's documents folder — never in the program's working folder.

The dialogs are Qt's own static ones (the native dialog where the platform has one, so it speaks
the system's language there). Where Qt draws its own dialog, its labels come from Qt's catalogue
qtbase_zh_CN, which lacks two of them ("&Look in:", "Files of &type:"):
ui.translations installs `QtGapsTranslator` with those for the Chinese interface.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ui import preferences


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def start_folder(kind: str, proposed: Path | None = None) -> Path:
    """Where a dialog for `kind` opens: the last folder used, the proposed one, Documents."""
    remembered = preferences.LAST_FOLDERS[kind].get()
    for folder in (Path(remembered) if remembered else None, proposed):
        if folder is not None and folder.is_absolute() and folder.is_dir():
            return folder
    return documents_folder()


def remember(kind: str, path: Path) -> None:
    """`path` was chosen: its folder is where the next dialog for `kind` opens."""
    preferences.LAST_FOLDERS[kind].set(str(path.parent))


def save_path(
    parent: QWidget | None,
    title: str,
    kind: str,
    suggested_name: str,
    file_filter: str,
    *,
    folder: Path | None = None,
    confirm_overwrite: bool = True,
) -> Path | None:
    """The file chosen to save `suggested_name` as; None when cancelled."""
    start = str(start_folder(kind, folder) / suggested_name)
    if confirm_overwrite:
        chosen, _ = QFileDialog.getSaveFileName(parent, title, start, file_filter)
    else:
        chosen, _ = QFileDialog.getSaveFileName(
            parent, title, start, file_filter, options=QFileDialog.Option.DontConfirmOverwrite
        )
    if not chosen:
        return None
    path = Path(chosen)
    remember(kind, path)
    return path


def open_path(
    parent: QWidget | None, title: str, kind: str, file_filter: str, *, folder: Path | None = None
) -> Path | None:
    """The file chosen to open; None when cancelled."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent, title, str(start_folder(kind, folder)), file_filter
    )
    if not chosen:
        return None
    path = Path(chosen)
    remember(kind, path)
    return path


def open_paths(
    parent: QWidget | None, title: str, kind: str, file_filter: str, *, folder: Path | None = None
) -> list[Path]:
    """The files chosen to open; [] when cancelled."""
    chosen, _ = QFileDialog.getOpenFileNames(
        parent, title, str(start_folder(kind, folder)), file_filter
    )
    paths = [Path(p) for p in chosen]
    if paths:
        remember(kind, paths[0])
    return paths
