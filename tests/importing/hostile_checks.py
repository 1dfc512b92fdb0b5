"""What must hold after any import of any file (issue 19), for the hostile-file and fuzz tests:
no exception but FileRefused, every data row accounted for, nothing garbled stored, and the
database exactly as it was when the file is refused."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app.importing import FileRefused, ImportSummary
from app.importing.rows import accepted_dates
from app.importing.values import MAX_STORED_INT
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import Base

from .helpers import run_import

# The dates an import writes (others, such as created_at, are the clock's).
_IMPORTED_DATES = {"accepted_on", "completed_on", "evaluated_at", "attempted_at"}
CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)


def snapshot(db: Database) -> dict[str, list[str]]:
    """Every row of every table, to tell that a refused import changed nothing."""
    with db.sessions() as session:
        return {
            table.name: sorted(repr(tuple(row)) for row in session.execute(select(table)))
            for table in Base.metadata.sorted_tables
        }


def garbled(db: Database) -> list[str]:
    """What must never be stored: a control character in any text, a number beyond what the
    columns hold, a date outside what an import accepts."""
    earliest, latest = accepted_dates()
    found = []
    with db.sessions() as session:
        for table in Base.metadata.sorted_tables:
            for row in session.execute(select(table)).mappings():
                for column in table.columns:
                    value = row[column.key]
                    if isinstance(value, str) and CONTROL.search(value):
                        found.append(f"{table.name}.{column.key}: {value!r}")
                    if isinstance(value, int) and abs(value) > MAX_STORED_INT:
                        found.append(f"{table.name}.{column.key}: {value}")
                    if column.key in _IMPORTED_DATES and value is not None:
                        day = (
                            value.astimezone(LOCAL_ZONE).date()
                            if isinstance(value, datetime)
                            else value
                        )
                        if not earliest <= day <= latest:
                            found.append(f"{table.name}.{column.key}: {value}")
    return found


def accounted(summary: ImportSummary) -> bool:
    outcomes = summary.inserted + summary.updated + summary.unchanged
    return outcomes + summary.duplicates_in_file + len(summary.rejected) == summary.rows


def import_hostile(db: Database, kind: str, path: Path) -> ImportSummary | FileRefused:
    """Import `path` as `kind` and check what must hold whatever the file: the outcome."""
    before = snapshot(db)
    try:
        summary = run_import(db, kind, path)
    except FileRefused as refused:
        assert refused.message("zh") and refused.message("en")
        assert snapshot(db) == before, f"{path.name} as {kind}: refused but changed"
        return refused
    # The summary says what happened to every row, in both languages, and can be stored.
    for language in ("zh", "en"):
        assert summary.text(language)
        json.dumps(summary.to_dict(language), ensure_ascii=False)
    if summary.refusal:
        assert snapshot(db) == before, f"{path.name} as {kind}: refused but changed"
    else:
        assert accounted(summary), f"{path.name} as {kind}: a row without an outcome"
    for row in summary.rejected:
        assert row.reason("zh") and row.reason("en")
        assert not any(CONTROL.search(cell) for cell in row.cells)
    assert garbled(db) == []
    return summary
