"""The accepting units (受理单位), as the screens offer them to choose from."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Unit


def unit_choices(session: Session, *, active_only: bool = True) -> list[tuple[int, str]]:
    """(id, name) of the units, by name; with `active_only`, those still receiving work."""
    query = select(Unit.id, Unit.name).order_by(Unit.name, Unit.id)
    if active_only:
        query = query.where(Unit.active.is_(True))
    return [(unit_id, name) for unit_id, name in session.execute(query)]
