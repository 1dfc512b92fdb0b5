"""Why a file could not be read or written, in the interface's language: the system's own words
(OSError.strerror) are English whatever the language, and do not name the file."""

from __future__ import annotations

import errno

from app.i18n import pick

_REASONS = {
    errno.ENOENT: ("文件或文件夹不存在", "the file or folder does not exist"),
    errno.EACCES: ("没有读写权限", "permission denied"),
    errno.EPERM: ("没有读写权限", "permission denied"),
    errno.ENOSPC: ("磁盘空间已满", "the disk is full"),
    errno.EROFS: ("磁盘或文件夹是只读的", "the disk or folder is read-only"),
    errno.EISDIR: ("这是一个文件夹，不是文件", "it is a folder, not a file"),
    errno.ENOTDIR: ("路径中有一项不是文件夹", "a part of the path is not a folder"),
    errno.EEXIST: ("文件已存在", "the file exists already"),
    errno.EBUSY: ("文件正被其他程序占用", "the file is in use by another program"),
    errno.ENAMETOOLONG: ("文件名太长", "the file name is too long"),
    errno.EINVAL: ("文件名无效", "the file name is not valid"),
}


def file_error_text(error: OSError) -> str:
    """The reason, and the file it concerns when known, e.g. "磁盘空间已满（D:/备份/a.zip）"."""
    known = _REASONS.get(error.errno) if error.errno is not None else None
    reason = pick(*known) if known else (error.strerror or str(error))
    if error.filename:
        return pick(f"{reason}（{error.filename}）", f"{reason} ({error.filename})")
    return reason
