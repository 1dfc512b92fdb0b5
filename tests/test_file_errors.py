"""A file that cannot be written is explained in the interface's language and named."""

from __future__ import annotations

import errno

from app import i18n
from app.file_errors import file_error_text


def test_the_common_reasons_in_chinese_and_english_with_the_file():
    full = OSError(errno.ENOSPC, "No space left on device", "/备份/a.zip")
    assert file_error_text(full) == "磁盘空间已满（/备份/a.zip）"
    i18n.set_language("en")
    try:
        assert file_error_text(full) == "the disk is full (/备份/a.zip)"
    finally:
        i18n.set_language("zh")
    assert file_error_text(FileNotFoundError(errno.ENOENT, "x")) == "文件或文件夹不存在"


def test_an_unusual_reason_keeps_the_systems_words():
    assert file_error_text(OSError(errno.EMLINK, "Too many links")) == "Too many links"
    assert file_error_text(OSError("something odd")) == "something odd"
