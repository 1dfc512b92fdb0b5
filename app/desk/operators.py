"""The revisit operators (回访员): staff with is_operator set."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Staff


def operators(session: Session) -> list[tuple[int, str]]:
    """(id, name) of the active operators, by name."""
    rows = session.execute(
        select(Staff.id, Staff.name)
        .where(Staff.is_operator.is_(True), Staff.active.is_(True))
        .order_by(Staff.name, Staff.id)
    ).all()
    return [(staff_id, name) for staff_id, name in rows]


def ensure_operator(session: Session, name: str) -> int:
    """The id of the operator called `name`, created when there is none yet."""
    name = name.strip()
    if not name:
        raise ValueError("an operator needs a name")
    found = session.scalar(
        select(Staff.id)
        .where(Staff.name == name, Staff.is_operator.is_(True))
        .order_by(Staff.active.desc(), Staff.id)
        .limit(1)
    )
    if found is not None:
        return found
    staff = Staff(name=name, is_operator=True, active=True)
    session.add(staff)
    session.flush()
    return staff.id
