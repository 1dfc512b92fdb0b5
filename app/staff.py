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
from app.roles import LoginRequired, Permission, Role, may, require, role_label, role_of
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


def list_staff(session: Session, *, viewer_id: int | None = None) -> list[StaffRow]:
    """Everyone with role, unit and log-in state; administrators only (`viewer_id`: who asks)."""
    require_administrator(session, viewer_id)
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
    """Add a person; administrators only (`by_id`: who; `require_administrator`)."""
    require_administrator(session, by_id)
    name = (name or "").strip()
    if not name:
        raise StaffError(pick("请填写姓名", "Give the person's name"))
    longest = Staff.__table__.c.name.type.length  # PostgreSQL refuses more only at flush
    if len(name) > longest or "\n" in name:
        raise StaffError(
            pick(
                f"姓名应为一行，最多 {longest} 个字",
                f"A name is one line of at most {longest} characters",
            )
        )
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
    require_administrator(session, by_id)  # before saying whether the name is known
    staff = session.scalar(
        select(Staff).where(Staff.name == (name or "").strip()).order_by(Staff.active.desc())
    )
    if staff is None:
        raise StaffError(pick(f"没有名为“{name}”的人员", f"Nobody is named {name!r}"))
    return change_role(session, staff.id, role, by_id=by_id)


def change_role(session: Session, staff_id: int, role: str, *, by_id: int | None = None) -> Staff:
    """Give a person another role; administrators only (`by_id`: who)."""
    require_administrator(session, by_id)
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


def anyone_logs_in(session: Session) -> bool:
    """Whether anybody can log in (an active person with a password): then everybody must, at
    every door (app.users.accounts_exist)."""
    return (
        session.scalar(
            select(Staff.id)
            .where(Staff.password_hash.is_not(None), Staff.active.is_(True))
            .limit(1)
        )
        is not None
    )


_NOBODY_LOGS_IN = "app.staff.nobody_logs_in"  # session.info: (transaction, answer)


def acting_member(session: Session, by_id: int | None) -> StaffMember | None:
    """Who does an action, as the database knows them now; every service that changes something
    or hands out personal data asks this (through `require_permission`).

    `by_id` None is nobody logged in. That is allowed only in an action (a transaction) that
    began while nobody could log in — a new database before its set-up, a single seat without
    passwords, as the window lets that seat do everything — so that the action which gives the
    first password (set-up, the demo's accounts) completes. Then None is returned. Once anybody
    has a password, None is refused (LoginRequired): a door which forgets to log its user in is
    refused, not let through. An unknown or disabled person is refused too.
    """
    if by_id is None:
        if not _nobody_logged_in_at_start(session):
            raise LoginRequired()
        return None
    member = active_member(session, by_id)
    if member is None:
        raise LoginRequired(
            pick(
                "此用户不存在或已停用，不能进行此操作",
                "This user does not exist or is disabled",
            ),
            reason="inactive",
        )
    return member


def _nobody_logged_in_at_start(session: Session) -> bool:
    """Whether nobody could log in when this transaction first asked (asked once per
    transaction, so that its own first password does not refuse its next step)."""
    known = session.info.get(_NOBODY_LOGS_IN)
    transaction = session.get_transaction()
    if known is not None and transaction is not None and known[0] is transaction:
        return known[1]
    answer = not anyone_logs_in(session)
    session.info[_NOBODY_LOGS_IN] = (session.get_transaction(), answer)
    return answer


def require_permission(
    session: Session, by_id: int | None, permission: Permission
) -> StaffMember | None:
    """Refuse (NotPermitted) unless the person acting (`acting_member`) has a role that grants
    `permission`; returns them (None where nobody logs in)."""
    member = acting_member(session, by_id)
    if member is not None:
        require(member.role, permission)
    return member


def require_administrator(session: Session, by_id: int | None) -> None:
    """Refuse (NotPermitted) unless `by_id` is an active administrator, or nobody logs in at all
    (`acting_member`)."""
    require_permission(session, by_id, Permission.ADMINISTER)
