"""What the command line's arguments may be, checked as they are parsed (argparse's `type=`): a
whole number, in its range where the command has one; a year the app keeps, a quarter, a month;
a day; a file to read; a file to write. A wrong one is a message in the language of --lang and
exit status 2 before any database is opened or a password asked. The rules stay in app/ where
they belong (the years: app.calendar; a setting's range: app.settings), and are only imported
when an argument is checked: building the parser stays cheap (tests/test_cli_parser.py).
"""

from __future__ import annotations

import argparse
import os
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path

from app.i18n import pick

# app.desk.sampling.SEED_LIMIT and app.reports.samples.SEED_LIMIT (a 32-bit INTEGER column on
# every backend); written here so that building the parser imports neither.
SEED_LIMIT = 2**31
# A record's id: a 64-bit INTEGER.
ID_LIMIT = 2**63
# The largest evaluation sample: a review reads it (its size is stored as an INTEGER).
SAMPLE_LIMIT = 100_000


def refused(zh: str, en: str) -> argparse.ArgumentTypeError:
    """What argparse prints after "argument --year:", then exits with status 2."""
    return argparse.ArgumentTypeError(pick(zh, en))


def shown(text: str) -> str:
    """An argument in a message: quoted, and cut short when long."""
    text = text if len(text) <= 40 else text[:40] + "…"
    return pick(f"“{text}”", f'"{text}"')


def _cut(number: int) -> str:
    text = str(number)
    return text if len(text) <= 40 else text[:40] + "…"


def integer(zh: str, en: str) -> Callable[[str], int]:
    """A whole number (its range checked by the service it goes to); `zh`/`en` name it."""

    def parse(text: str) -> int:
        try:
            return int(text.strip())
        except ValueError:  # also more digits than int() takes
            raise refused(
                f"{zh}应为整数，不能是{shown(text)}",
                f"{en} must be a whole number, not {shown(text)}",
            ) from None

    parse.__name__ = en  # argparse names the type by it in its own messages
    return parse


def whole_number(low: int, high: int, zh: str, en: str) -> Callable[[str], int]:
    """A whole number from `low` to `high`."""
    as_integer = integer(zh, en)

    def parse(text: str) -> int:
        number = as_integer(text)
        if not low <= number <= high:
            raise refused(
                f"{zh}应在 {low} 到 {high} 之间，不能是 {_cut(number)}",
                f"{en} must be {low} to {high}, not {_cut(number)}",
            )
        return number

    parse.__name__ = en
    return parse


seed = whole_number(0, SEED_LIMIT - 1, "随机种子", "the seed")
record_id = whole_number(1, ID_LIMIT - 1, "编号", "the id")
quarter = whole_number(1, 4, "季度", "the quarter")
month = whole_number(1, 12, "月份", "the month")
sample_size = whole_number(1, SAMPLE_LIMIT, "样本量", "the sample size")


def year(text: str) -> int:
    """A year the app keeps (app.calendar: its working-day calendar's years)."""
    from app.calendar import FIRST_YEAR, LAST_YEAR

    return whole_number(FIRST_YEAR, LAST_YEAR, "年份", "the year")(text)


def iso_day(text: str) -> date:
    """A day written YYYY-MM-DD (its year checked by the service it goes to)."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise refused(
            f"{shown(text)}不是日期：日期应写作 YYYY-MM-DD，如 2026-07-05",
            f"{shown(text)} is not a day: write it YYYY-MM-DD, e.g. 2026-07-05",
        ) from None


def day(text: str) -> date:
    """A day written YYYY-MM-DD in a year the app keeps."""
    from app.calendar import FIRST_YEAR, LAST_YEAR

    value = iso_day(text)
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise refused(
            f"日期应在 {FIRST_YEAR} 到 {LAST_YEAR} 年之间，不能是 {value}",
            f"the day must fall in {FIRST_YEAR} to {LAST_YEAR}, not {value}",
        )
    return value


def input_file(text: str) -> Path:
    """A file to read: not a folder, nor a device or pipe that never ends (/dev/zero) or never
    answers. One that does not exist is the command's to say, in its own words."""
    path = _named(text, "请给出要读取的文件", "a file to read is needed, not an empty name")
    try:
        info = path.stat()
    except FileNotFoundError:
        return path
    except OSError as error:
        raise _file_refused(error) from None
    if stat.S_ISDIR(info.st_mode):
        raise refused(
            f"{shown(text)}是一个文件夹，不是文件", f"{shown(text)} is a folder, not a file"
        )
    if not stat.S_ISREG(info.st_mode):
        raise refused(
            f"{shown(text)}不是普通文件（设备、管道等不能读取）",
            f"{shown(text)} is not a regular file (a device or a pipe cannot be read)",
        )
    return path


def input_folder(text: str) -> Path:
    """A folder whose files are read and moved aside (`recordings import`): a whole path (from
    the root, a drive or ~), since a scheduled job's working folder is nobody's choice and every
    file of a wrong folder would be moved; not a file nor a device. One that does not exist (a
    share not mounted) is the command's to say, in its own words."""
    path = _named(text, "请给出要读取的文件夹", "a folder to read is needed, not an empty name")
    try:
        path = path.expanduser()
    except RuntimeError:  # ~name of nobody known here
        raise refused(
            f"{shown(text)}中的用户主目录在本机不存在",
            f"{shown(text)} names the home of nobody known here",
        ) from None
    if not path.is_absolute():
        raise refused(
            f"{shown(text)}应为完整的文件夹路径（如 /srv/录音 或 ~/录音）",
            f"{shown(text)} must be a whole folder path (e.g. /srv/recordings or ~/recordings)",
        )
    try:
        info = path.stat()
    except FileNotFoundError:
        return path
    except OSError as error:  # a name too long, a file where a folder should be
        raise _file_refused(error) from None
    if stat.S_ISREG(info.st_mode):
        raise refused(
            f"{shown(text)}是一个文件，不是文件夹", f"{shown(text)} is a file, not a folder"
        )
    if not stat.S_ISDIR(info.st_mode):
        raise refused(f"{shown(text)}不是文件夹", f"{shown(text)} is not a folder")
    return path


def output_file(text: str) -> Path:
    """A file to write (it may exist: it is replaced), in a folder that exists and may be
    written; not a folder, nor a device."""
    path = _named(text, "请给出要写入的文件名", "a file to write is needed, not an empty name")
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as error:  # e.g. a part of the path is a file
        raise _file_refused(error) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise refused(
            f"{shown(text)}是一个文件夹：请给出其中的文件名，如 {path / '文件名'}",
            f"{shown(text)} is a folder: give a file name in it, e.g. {path / 'name'}",
        )
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise refused(
            f"{shown(text)}不是普通文件（设备、管道等），不能写入",
            f"{shown(text)} is not a regular file (a device or a pipe): not written",
        )
    folder = path.parent
    if not folder.is_dir():
        raise refused(
            f"文件夹{shown(str(folder))}不存在，请先建立它或换一个文件夹",
            f"the folder {shown(str(folder))} does not exist: make it first, or choose another",
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise refused(
            f"没有在文件夹{shown(str(folder))}中写入的权限",
            f"no permission to write in the folder {shown(str(folder))}",
        )
    return path


def new_database(text: str) -> str:
    """Where a new database is made (`backup restore --to`): a SQLite file, as a path or a
    sqlite:/// URL, in a folder that exists (as `output_file`: a typo makes no folders); any
    other URL as it is. That the file is new, and which servers may be, the restore says."""
    if "://" not in text:
        output_file(text)
        return text
    from sqlalchemy.exc import ArgumentError

    from db.engine import sqlite_path

    try:
        path = sqlite_path(text)
    except (ArgumentError, ValueError):  # not a URL at all: the restore says so
        return text
    if path is not None:
        output_file(str(path))
    return text


def _named(text: str, zh: str, en: str) -> Path:
    """The path named, if it is a name at all (`zh`/`en`: what to say of an empty one)."""
    if not text.strip():
        raise refused(zh, en)
    if "\0" in text:  # only a caller of main() can pass one; stat() would be a ValueError
        name = shown(text.replace("\0", "\\0"))
        raise refused(
            f"{name}中有文件名不能含有的字符", f"{name} holds a character no file name can"
        )
    return Path(text)


def _file_refused(error: OSError) -> argparse.ArgumentTypeError:
    """Why the system refused the file, naming it (cut short when long: a name too long for
    the system is not read whole)."""
    from app.file_errors import file_error_text

    name = error.filename
    if isinstance(name, str) and len(name) > 80:
        error = OSError(error.errno, error.strerror, name[:80] + "…")
    return argparse.ArgumentTypeError(file_error_text(error))
