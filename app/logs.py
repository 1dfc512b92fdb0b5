"""Logging set-up, with no phone numbers or ID numbers (身份证号) in what is written.

Every handler configured here masks them (app.masking) — in the message, its arguments and any
traceback — because an error's text can carry the row or statement that caused it.
"""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_path

from app.masking import mask_personal_data

__all__ = [
    "PrivacyFilter",
    "configure_logging",
    "default_log_file",
    "log_unexpected_error",
    "mask_personal_data",
]

APP_NAME = "RevisitDesk"
LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"
FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_MARK = "_revisitdesk"  # set on the handlers made here, so that a second call adds none


class PrivacyFilter(logging.Filter):
    """Masks phone and ID numbers in a record before any handler writes it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_personal_data(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        if record.exc_text:
            record.exc_text = mask_personal_data(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_personal_data(record.stack_info)
        return True


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time (a test may swap and close it)."""

    @property
    def stream(self):  # type: ignore[override]
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def default_log_file() -> Path:
    """~/.local/state/RevisitDesk/log/revisitdesk.log on Linux, the usual place elsewhere."""
    return user_log_path(APP_NAME, appauthor=False) / "revisitdesk.log"


def configure_logging(log_file: Path | None = None, level: int = logging.WARNING) -> None:
    """Log to stderr and, when given, to `log_file` (rotated at 1 MB, 5 kept), both masked.

    Called again it adds only what is missing (e.g. the file, when the GUI starts).
    """
    root = logging.getLogger()
    root.setLevel(level)
    if not any(_ours(handler) and not _is_file(handler) for handler in root.handlers):
        _add(root, _StderrHandler(), LOG_FORMAT)
    if log_file is not None and not any(
        _is_file(handler) and Path(handler.baseFilename) == log_file.resolve()
        for handler in root.handlers
        if _ours(handler)
    ):
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8", delay=True
        )
        _add(root, handler, FILE_FORMAT)


def log_unexpected_error(logger: logging.Logger, message: str) -> None:
    """Log the exception being handled, masked, through the handlers configured here; where
    none is (a command run without main.py), write it masked to stderr, never in clear."""
    if _ours(logging.getLogger()):
        logger.error(message, exc_info=True)
        return
    text = f"{message}\n{traceback.format_exc()}"
    print(mask_personal_data(text).rstrip("\n"), file=sys.stderr)


def _add(root: logging.Logger, handler: logging.Handler, fmt: str) -> None:
    handler.setFormatter(logging.Formatter(fmt))
    handler.addFilter(PrivacyFilter())
    setattr(handler, _MARK, True)
    root.addHandler(handler)


def _ours(item: object) -> bool:
    if isinstance(item, logging.Logger):
        return any(_ours(handler) for handler in item.handlers)
    return bool(getattr(item, _MARK, False))


def _is_file(handler: logging.Handler) -> bool:
    return isinstance(handler, logging.FileHandler)
