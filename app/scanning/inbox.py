"""The watched folder a networked scanner drops its files into.

Each file is added with `add_scan` (its own transaction) and only then moved to `done/`; a file
that is not an acceptable scan goes to `refused/` with a `.txt` saying why. A crash at any point
leaves the file in the inbox or moved after its transaction committed: importing the folder
again finds it by hash ("already filed") and moves it on. Nothing is deleted.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from app.scanning.files import ScanRefused
from app.scanning.filing import AddResult, add_scan

log = logging.getLogger(__name__)

DONE = "done"
REFUSED = "refused"
# Names scanners and copy tools give files they are still writing.
PARTIAL_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", ".filepart")


def inbox_files(folder: Path, *, min_age_seconds: float = 2.0) -> list[Path]:
    """The files waiting in the folder, oldest first.

    Hidden files, files still being written (a partial name, or changed in the last
    `min_age_seconds`) and the done/refused folders are left alone.
    """
    now = time.time()
    waiting = []
    for path in folder.iterdir():
        if not path.is_file() or path.name.startswith((".", "~")):
            continue
        if path.name.lower().endswith(PARTIAL_SUFFIXES):
            continue
        if now - path.stat().st_mtime < min_age_seconds:
            continue
        waiting.append(path)
    return sorted(waiting, key=lambda p: (p.stat().st_mtime, p.name))


def _free_name(folder: Path, name: str) -> Path:
    # Scanners reuse names (scan0001.pdf every morning): never replace an earlier file.
    target = folder / name
    stem, suffix = os.path.splitext(name)
    counter = 1
    while target.exists():
        target = folder / f"{stem}-{counter}{suffix}"
        counter += 1
    return target


def _move(path: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    target = _free_name(folder, path.name)
    os.replace(path, target)
    return target


def import_folder(
    database,
    folder: Path,
    *,
    min_age_seconds: float = 2.0,
    refused: list[tuple[Path, str]] | None = None,
    failed: list[tuple[Path, str]] | None = None,
) -> list[AddResult]:
    """Add every waiting file in `folder`; returns what became of those added (or found again).

    Refused files (moved to refused/) and files that failed for another reason (left in the
    inbox, to be tried at the next import) are appended to `refused` and `failed` when given.
    """
    folder = Path(folder)
    results: list[AddResult] = []
    for path in inbox_files(folder, min_age_seconds=min_age_seconds):
        try:
            data = path.read_bytes()
            result = add_scan(database, data, path.name, source="folder")
        except ScanRefused as error:
            # The reason first: a crash between the two leaves the file in the inbox.
            (folder / REFUSED).mkdir(exist_ok=True)
            target = _free_name(folder / REFUSED, path.name)
            target.with_name(target.name + ".txt").write_text(error.message + "\n", "utf-8")
            os.replace(path, target)
            if refused is not None:
                refused.append((path, error.message))
            continue
        except Exception as error:  # the database is away, the disk full…: try again later
            log.exception("scan %s not imported; it stays in the inbox", path)
            if failed is not None:
                failed.append((path, str(error)))
            continue
        # Only now, with the transaction committed, does the file leave the inbox.
        _move(path, folder / DONE)
        results.append(result)
    return results
