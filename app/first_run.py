"""The first run of a new installation: what a new, empty database needs before the first file
is imported — the centre, its units, an administrator who logs in, the default area code, the
evaluation address, the calling hours — set up in one transaction, each part changed later in
设置, 受理单位 and 人员与角色; and, in the same transaction, the installation's recovery key,
shown to the administrator that once. The demo database never needs it.

    administrator = complete_setup(session, setup)
    made = make_setup_recovery_key(session, by_id=administrator)   # made.key.text: show once
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from app import clock
from app.audit import record_change
from app.calendar import WorkingCalendar
from app.database_info import is_new_installation
from app.errors import Refused
from app.i18n import pick
from app.keys import PublicKeys, RecoveryKey, make_recovery_key, own_public_keys
from app.roles import Role
from app.settings import change_settings, get_setting
from app.staff import add_staff
from app.units import checked_area_code
from app.users import password_policy, set_password, set_username
from db.engine import sqlite_path
from db.models import Unit

UNIT_NAME_MAX = 100


class SetupRefused(Refused, ValueError):
    """An answer of the set-up that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class Setup:
    """The answers of the first-run set-up."""

    centre: str
    units: list[str]
    administrator: str  # the person's name
    username: str
    password: str
    area_code: str
    evaluation_url: str
    morning_hours: str
    afternoon_hours: str


@dataclass(frozen=True)
class SetupFacts:
    """What the set-up shows before it asks: today's calendar years."""

    this_year_known: bool
    next_year_known: bool
    next_year: int
    defaults: dict[str, str] = field(default_factory=dict)
    password_rule: str = ""  # what the administrator's password must be (security.* settings)
    # A SQLite file, which the set-up offers to encrypt (app.keys.encrypt_database; on by
    # default); PostgreSQL is protected on its server.
    can_encrypt: bool = False


@dataclass(frozen=True)
class SetupRecoveryKey:
    """The recovery key made at the set-up: its secret (`key.text`), shown this once and kept
    nowhere, and this installation's public keys, whose fingerprint is printed beside it."""

    key: RecoveryKey
    site: PublicKeys


def needs_setup(session: Session) -> bool:
    """A new, empty database: no unit, no case, nobody. (The demo fills all three.)"""
    return is_new_installation(session)


def setup_facts(session: Session, today: date | None = None) -> SetupFacts:
    today = today or clock.today()
    known = WorkingCalendar.load(session).known_years()
    keys = (
        "printing.evaluation_url_template",
        "desk.morning_hours",
        "desk.afternoon_hours",
    )
    return SetupFacts(
        this_year_known=today.year in known,
        next_year_known=today.year + 1 in known,
        next_year=today.year + 1,
        defaults={key: get_setting(session, key) for key in keys},
        password_rule=password_policy(session).describe(),
        can_encrypt=sqlite_path(str(session.get_bind().engine.url)) is not None,
    )


def complete_setup(session: Session, setup: Setup) -> int:
    """Store the set-up; returns the administrator's staff id. Refuses (SetupRefused and the
    settings' and accounts' own refusals) before anything is kept: the caller's one transaction
    rolls back. Only a database that still needs the set-up takes it."""
    if not needs_setup(session):
        raise SetupRefused(
            pick(
                "此数据库已经设置过，请在“设置”中修改",
                "This database is set up already: use Settings",
            )
        )
    centre = setup.centre.strip()
    if not centre:
        raise SetupRefused(pick("请填写本中心名称", "Give the centre's name"))
    units = _checked_units(setup.units)
    area_code = checked_area_code(setup.area_code)
    if area_code is None:
        raise SetupRefused(
            pick("请填写默认电话区号，如 0531", "Give the default area code, e.g. 0531")
        )
    for name in units:
        session.add(Unit(name=name, area_code=area_code, active=True))
    session.flush()
    administrator = add_staff(session, setup.administrator, Role.ADMINISTRATOR)
    set_username(session, administrator.id, setup.username, by_id=administrator.id)
    set_password(session, administrator.id, setup.password, by_id=administrator.id)
    change_settings(
        session,
        {
            "centre.name": centre,
            "printing.evaluation_url_template": setup.evaluation_url,
            "desk.morning_hours": setup.morning_hours,
            "desk.afternoon_hours": setup.afternoon_hours,
        },
        by_id=administrator.id,
    )
    record_change(
        session,
        actor_id=administrator.id,
        action="setup.complete",
        entity="installation",
        entity_uid=None,
        before=None,
        after={"centre": centre, "units": units, "area_code": area_code},
    )
    return administrator.id


def make_setup_recovery_key(session: Session, *, by_id: int) -> SetupRecoveryKey:
    """The set-up's recovery key, in the set-up's transaction right after `complete_setup`
    (`by_id`: the administrator it returned): app.keys.make_recovery_key keeps its public half,
    to which every backup is encrypted, and audits it. The one call the set-up makes for its
    recovery key: whatever else that key is to open belongs here."""
    key = make_recovery_key(session, by_id=by_id)
    return SetupRecoveryKey(key, own_public_keys(session))


def _checked_units(names: list[str]) -> list[str]:
    units: list[str] = []
    for name in (n.strip() for n in names):
        if not name:
            continue
        if len(name) > UNIT_NAME_MAX:
            raise SetupRefused(
                pick(f"受理单位名称过长：{name[:20]}…", f"A unit's name is too long: {name[:20]}…")
            )
        if name not in units:
            units.append(name)
    if not units:
        raise SetupRefused(
            pick(
                "请至少填写一个受理单位（或从业务件导出文件读取）",
                "Give at least one accepting unit (or read them from a case export)",
            )
        )
    return units
