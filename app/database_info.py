"""What a database holds, in the figures `db info` shows and `demo --if-empty` asks about."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Case, Evaluation, Staff, Unit


@dataclass(frozen=True)
class DatabaseCounts:
    cases: int
    evaluations: int


def database_counts(session: Session) -> DatabaseCounts:
    return DatabaseCounts(
        cases=session.scalar(select(func.count(Case.id))) or 0,
        evaluations=session.scalar(select(func.count(Evaluation.id))) or 0,
    )


def holds_cases(session: Session) -> bool:
    return session.scalar(select(Case.id).limit(1)) is not None


def is_new_installation(session: Session) -> bool:
    """No unit, no case, nobody: a database the first run's set-up has to set up (the demo
    fills all three)."""
    return not any(
        session.scalar(select(model.id).limit(1)) is not None for model in (Unit, Case, Staff)
    )
