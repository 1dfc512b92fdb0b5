"""Yearly register numbers: TS2026-0001 for complaints, JY… for suggestions, JZ… for CAPA.

The number is the year's largest plus one. Two seats numbering at once both try the same number;
the unique constraint refuses the second, which then takes the next (see `insert_numbered`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session

_ATTEMPTS = 5


def next_number(
    session: Session, column: InstrumentedAttribute[Any], prefix: str, year: int
) -> str:
    """The next free number of the year, e.g. "TS2026-0013"; four digits, more when needed."""
    stem = f"{prefix}{year}-"
    # By length first: "TS2026-10000" must come after "TS2026-9999".
    latest = session.scalar(
        select(column)
        .where(column.like(f"{stem}%"))
        .order_by(func.length(column).desc(), column.desc())
        .limit(1)
    )
    sequence = 1
    if latest is not None:
        tail = latest[len(stem) :]
        sequence = int(tail) + 1 if tail.isdigit() else 1
    return f"{stem}{sequence:04d}"


def insert_numbered(
    session: Session,
    record: Any,
    number_for: Callable[[], str],
) -> None:
    """Add `record` with `record.number = number_for()`, retrying when another seat took it."""
    for attempt in range(_ATTEMPTS):
        record.number = number_for()
        try:
            with session.begin_nested():
                session.add(record)
                session.flush()
            return
        except IntegrityError:
            # The savepoint's rollback took the record out of the session again.
            if attempt == _ATTEMPTS - 1:
                raise
