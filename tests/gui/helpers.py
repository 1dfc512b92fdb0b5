"""Helpers for the GUI tests: files to import, and what the database holds."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import func, select

from db.database import Database

Rows = list[list[str]]


def write_csv(path: Path, rows: Rows) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream).writerows(rows)
    return path


def read_csv(path: Path) -> Rows:
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


def count(database: Database, model: type) -> int:
    with database.sessions() as session:
        return session.scalar(select(func.count()).select_from(model))


def type_text(qtbot, widget, text: str) -> None:
    """Type into `widget` as a person would: ASCII key by key; Chinese as an input method
    commits it, all at once at the cursor (QTest's key clicks are for ASCII only)."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    elif hasattr(widget, "insertPlainText"):
        widget.insertPlainText(text)
    else:
        widget.insert(text)
