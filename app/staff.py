"""The people: staff records with their role (app.roles), added and changed by administrators.

Their user names and passwords are app.users' business.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import record_change
from app.errors import Refused
from app.i18n import pick
from app.roles import Permission, Role, may, require, role_label, role_of
from db.models import Staff, Unit


@dataclass(frozen=True)
class StaffRow:
    id: int
    name: str
    role: str
    unit: str | None
    is_operator: bool
    active: bool
    username: str | None = None
    has_password: bool = False
    locked_until: datetime | None = None


class StaffError(Refused, ValueError):
    """The staff change cannot be made as asked; the message says why."""


def list_staff(session: Session) -> list[StaffRow]:
    rows = session.execute(
        select(
            Staff.id,
            Staff.name,
            Staff.role,
            Unit.name,
            Staff.is_operator,
            Staff.active,
            Staff.username,
            Staff.password_hash.is_not(None),
            Staff.locked_until,
        )
        .outerjoin(Unit, Unit.id == Staff.unit_id)
        .order_by(Staff.name, Staff.id)
    ).all()
    return [StaffRow(*row) for row in rows]


def _checked_role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise StaffError(
            pick("角色应为：", "The role must be one of: ")
            + ", ".join(f"{r.value} ({role_label(r)})" for r in Role)
        ) from None


def _unit_id(session: Session, unit: str | None) -> int | None:
    if not unit:
        return None
    found = session.scalar(select(Unit.id).where(Unit.name == unit.strip()))
    if found is None:
        raise StaffError(pick(f"没有名为“{unit}”的受理单位", f"No accepting unit named {unit!r}"))
    return found


def add_staff(
    session: Session,
    name: str,
    role: str = Role.OPERATOR,
    *,
    unit: str | None = None,
    by_id: int | None = None,
) -> Staff:
    name = (name or "").strip()
    if not name:
        raise StaffError(pick("请填写姓名", "Give the person's name"))
    checked = _checked_role(role)
    if session.scalar(select(Staff.id).where(Staff.name == name, Staff.active.is_(True))):
        raise StaffError(
            pick(f"已有名为“{name}”的人员", f"There is already someone named {name!r}")
        )
    staff = Staff(
        name=name,
        role=checked.value,
        unit_id=_unit_id(session, unit),
        is_operator=checked in (Role.OPERATOR, Role.TEAM_LEAD),
        active=True,
    )
    session.add(staff)
    session.flush()
    record_change(
        session,
        actor_id=by_id,
        action="staff.add",
        entity="staff",
        entity_uid=staff.uid,
        before=None,
        after={"name": name, "role": checked.value, "unit": unit},
    )
    return staff


def set_role(session: Session, name: str, role: str, *, by_id: int | None = None) -> Staff:
    staff = session.scalar(
        select(Staff).where(Staff.name == (name or "").strip()).order_by(Staff.active.desc())
    )
    if staff is None:
        raise StaffError(pick(f"没有名为“{name}”的人员", f"Nobody is named {name!r}"))
    return change_role(session, staff.id, role, by_id=by_id)


def change_role(session: Session, staff_id: int, role: str, *, by_id: int | None = None) -> Staff:
    checked = _checked_role(role)
    staff = session.get(Staff, staff_id)
    if staff is None:
        raise StaffError(pick("找不到此人员", "No such person"))
    if staff.role == checked.value:
        return staff
    if checked is not Role.ADMINISTRATOR:
        keep_an_administrator(session, staff)
    before = {"role": staff.role}
    staff.role = checked.value
    record_change(
        session,
        actor_id=by_id,
        action="staff.role",
        entity="staff",
        entity_uid=staff.uid,
        before=before,
        after={"role": checked.value},
    )
    return staff


def keep_an_administrator(session: Session, leaving: Staff) -> None:
    """Refuse to take away the last administrator who can log in (no one could then manage the
    people); raises StaffError. Nothing to keep where nobody logs in."""
    can_log_in = (
        Staff.active.is_(True),
        Staff.password_hash.is_not(None),
        Staff.role == Role.ADMINISTRATOR.value,
    )
    if leaving.role != Role.ADMINISTRATOR.value or leaving.password_hash is None:
        return
    others = session.scalar(select(Staff.id).where(*can_log_in, Staff.id != leaving.id).limit(1))
    if others is None:
        raise StaffError(
            pick(
                "至少要保留一位可以登录的管理员",
                "At least one administrator who can log in must remain",
            )
        )


@dataclass(frozen=True)
class StaffMember:
    """An active person with their role as the database has it now: who does an action."""

    id: int
    name: str
    role: Role

    def may(self, permission: Permission) -> bool:
        return may(self.role, permission)


def _members(session: Session, *conditions) -> list[StaffMember]:
    rows = session.execute(
        select(Staff.id, Staff.name, Staff.role)
        .where(Staff.active.is_(True), *conditions)
        .order_by(Staff.name, Staff.id)
    ).all()
    return [StaffMember(r.id, r.name, role_of(r.role)) for r in rows]


def active_member(session: Session, staff_id: int) -> StaffMember | None:
    """The person with this id, unless disabled."""
    found = _members(session, Staff.id == staff_id)
    return found[0] if found else None


def active_member_named(session: Session, name: str) -> StaffMember | None:
    """The first active person of this name (by id), or None."""
    rows = session.execute(
        select(Staff.id, Staff.name, Staff.role)
        .where(Staff.name == name.strip(), Staff.active.is_(True))
        .order_by(Staff.id)
        .limit(1)
    ).first()
    return StaffMember(rows.id, rows.name, role_of(rows.role)) if rows else None


def active_members(session: Session) -> list[StaffMember]:
    """Everyone active, by name."""
    return _members(session)


def require_administrator(session: Session, by_id: int | None) -> None:
    """Refuse (NotPermitted) unless `by_id` is an active administrator.

    None is nobody logged in: the command line, or a seat on a database where nobody has a
    password yet. It is let through, as ui.current_user.permitted lets that seat do everything
    and as the other administrators' services (set_setting, add_staff) do.
    """
    if by_id is None:
        return
    member = active_member(session, by_id)
    require(member.role if member else None, Permission.ADMINISTER)
