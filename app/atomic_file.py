"""Files written whole or not at all: written under a temporary name beside the target, flushed
to disk and renamed over it. A write cut short — an error, a kill, a power cut — leaves the
previous file (or none), never half of each, and no temporary file behind it after an error.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

PARTIAL_SUFFIX = ".partial"  # the temporary file's: cleaners of folders may look for it


class AtomicFile:
    """`with AtomicFile(target) as temporary:` — write to `temporary` (a path beside `target`);
    leaving the block without an error puts it in place of `target`, leaving it by an error
    removes it. Writers that hold the file open longer call `commit()` or `discard()`."""

    def __init__(self, target: Path) -> None:
        self.target = Path(target)
        self.target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(
            dir=self.target.parent, prefix=f".{self.target.name}.", suffix=PARTIAL_SUFFIX
        )
        os.close(handle)
        self.path = Path(name)

    def __enter__(self) -> Path:
        return self.path

    def __exit__(self, kind, error, trace) -> None:
        if error is None:
            self.commit()
        else:
            self.discard()

    def commit(self) -> Path:
        """Flush the temporary file to disk and rename it over the target; when that fails, the
        temporary file is removed and the target left as it was."""
        try:
            descriptor = os.open(self.path, os.O_RDWR)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
            os.replace(self.path, self.target)
        except BaseException:
            self.discard()
            raise
        _fsync_directory(self.target.parent)
        return self.target

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def write_atomically(target: Path, data: bytes | str) -> Path:
    """Write `data` (text as UTF-8) to `target` whole or not at all."""
    with AtomicFile(target) as temporary:
        temporary.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return Path(target)


def _fsync_directory(folder: Path) -> None:
    # The rename itself survives a power cut only once the directory entry is on disk.
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
