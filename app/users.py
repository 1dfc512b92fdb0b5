"""Log-in: user names and Argon2id password hashes on staff records, with a short lock after
repeated failures, a password policy and a password age (settings of area "security", 等保 2.0
GB/T 22239-2019 8.1.4.1), and the unlocking of a window locked after a time without use.

Passwords are never stored, logged or audited — only the fact that one was set. A wrong user
name and a wrong password get the same answer and take the same time, so that trying names
tells nothing. The caller commits even a refused log-in: the failure count and its audit entry
must stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.audit import record_change
from app.clock import current_time
from app.credentials import (
    LOCK_MINUTES,
    MAX_FAILED_LOGINS,
    locked_message,
    normalize_username,
    wrong_credentials,
)
from app.i18n import pick
from app.roles import Role, role_of
from app.settings import OPTIONS, get_settings
from app.staff import (
    StaffError,
    add_staff,
    anyone_logs_in,
    keep_an_administrator,
    require_administrator,
)
from db.engine import database_key as database_key_of
from db.models import Setting, Staff

PASSWORD_MIN_LENGTH = OPTIONS["security.password_min_length"].default  # the floor of the setting
PASSWORD_MAX_LENGTH = 128  # Argon2 takes more; a limit keeps a pasted page out
_USERNAME = re.compile(r"\S{2,50}")

# The accounts `main.py demo` creates, and the Setting that says a database holds them (the
# log-in dialog shows them only then). Their password is printed by the demo command and told
# in the README; the database keeps only its hash, like any other.
DEMO_PASSWORD = "Demo@2026"
DEMO_ACCOUNTS_KEY = "demo.accounts"
_DEMO_PEOPLE = (
    ("admin", "演示管理员", Role.ADMINISTRATOR),
    ("lead", "演示组长", Role.TEAM_LEAD),
    ("operator", "演示回访员", Role.OPERATOR),
    ("auditor", "演示审计员", Role.AUDITOR),
)

# argon2-cffi's defaults: Argon2id with RFC 9106's low-memory profile (64 MiB, 3 passes).
_hasher = PasswordHasher()


class UserError(StaffError):
    """A user name or password that cannot be used; the message says why."""


@dataclass(frozen=True)
class LoggedIn:
    staff_id: int
    name: str
    role: Role
    username: str


@dataclass(frozen=True)
class LoginRefused:
    message: str
    locked_until: datetime | None = None


@dataclass(frozen=True)
class PasswordExpired:
    """The right password, too old (`security.password_max_age_days`): the person logs in only
    by choosing a new one (`log_in_with_new_password`)."""

    staff_id: int
    username: str
    message: str


@dataclass(frozen=True)
class DemoAccount:
    username: str
    name: str
    role: Role


@dataclass(frozen=True)
class PasswordPolicy:
    """What a new password must be (the settings of area "security")."""

    min_length: int = OPTIONS["security.password_min_length"].default
    classes: int = OPTIONS["security.password_classes"].default
    max_age_days: int = OPTIONS["security.password_max_age_days"].default

    def describe(self) -> str:
        return pick(
            f"至少 {self.min_length} 个字符，包含大写字母、小写字母、数字、其他符号中的至少 "
            f"{self.classes} 类",
            f"at least {self.min_length} characters, with at least {self.classes} of: upper "
            "case, lower case, digits, other signs",
        )


def password_policy(session: Session) -> PasswordPolicy:
    return PasswordPolicy(
        *get_settings(
            session,
            "security.password_min_length",
            "security.password_classes",
            "security.password_max_age_days",
        )
    )


def character_classes(password: str) -> int:
    """How many of upper case, lower case, digits and other signs `password` has."""
    upper = any(c.isupper() for c in password)
    lower = any(c.islower() for c in password)
    digit = any(c.isdigit() for c in password)
    other = any(not (c.isupper() or c.islower() or c.isdigit()) for c in password)
    return upper + lower + digit + other


def check_username(text: str | None) -> str:
    """The user name as stored (lower case); raises UserError when it cannot be one."""
    username = normalize_username(text)
    if not _USERNAME.fullmatch(username):
        raise UserError(
            pick(
                "用户名应为 2–50 个字符，不含空格",
                "A user name has 2–50 characters and no spaces",
            )
        )
    return username


def check_password(
    password: str, *, username: str | None = None, policy: PasswordPolicy | None = None
) -> None:
    """Raises UserError when `password` does not meet the policy (the settings' defaults when
    none is given: `password_policy` reads the centre's)."""
    policy = policy or PasswordPolicy()
    if len(password) < policy.min_length:
        raise UserError(
            pick(
                f"密码至少需要 {policy.min_length} 个字符",
                f"A password needs at least {policy.min_length} characters",
            )
        )
    if len(password) > PASSWORD_MAX_LENGTH:
        raise UserError(
            pick(
                f"密码不能超过 {PASSWORD_MAX_LENGTH} 个字符",
                f"A password has at most {PASSWORD_MAX_LENGTH} characters",
            )
        )
    if not password.strip():
        raise UserError(pick("密码不能全是空格", "A password cannot be only spaces"))
    if username and password.strip().lower() == normalize_username(username):
        raise UserError(pick("密码不能与用户名相同", "The password cannot be the user name"))
    if character_classes(password) < policy.classes:
        raise UserError(
            pick(
                f"密码应包含大写字母、小写字母、数字、其他符号中的至少 {policy.classes} 类",
                f"A password needs at least {policy.classes} of: upper case, lower case, "
                "digits, other signs",
            )
        )


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def _dummy_hash() -> str:
    return _hasher.hash("not anybody's password")


def accounts_exist(session: Session) -> bool:
    """Whether anybody can log in: then everybody must, at every door (the window asks before
    its main window, the command line before a command; app.staff.acting_member)."""
    return anyone_logs_in(session)


def staff_by_username(session: Session, username: str) -> Staff | None:
    name = normalize_username(username)
    return session.scalar(select(Staff).where(Staff.username == name)) if name else None


def user_named(session: Session, username: str) -> Staff:
    """The person with this user name; refused when there is none."""
    user = staff_by_username(session, username)
    if user is None:
        raise UserError(pick(f"没有用户名为“{username}”的人员", f"No user {username!r}"))
    return user


def _staff(session: Session, staff_id: int) -> Staff:
    staff = session.get(Staff, staff_id)
    if staff is None:
        raise UserError(pick("找不到此人员", "No such person"))
    return staff


def set_username(
    session: Session, staff_id: int, username: str | None, *, by_id: int | None = None
) -> None:
    """Give a person a user name (None or blank: none; they can no longer log in);
    administrators only (`by_id`: who)."""
    require_administrator(session, by_id)
    staff = _staff(session, staff_id)
    new = check_username(username) if normalize_username(username) else None
    if new == staff.username:
        return
    if new is None:
        keep_an_administrator(session, staff)
    else:
        taken = session.scalar(select(Staff.id).where(Staff.username == new, Staff.id != staff.id))
        if taken is not None:
            raise UserError(pick(f"用户名“{new}”已被他人使用", f"The user name {new!r} is taken"))
    before = {"username": staff.username}
    staff.username = new
    _forget_demo_account(session, before["username"])
    from app.keys import database_key  # cryptography: only when it is needed

    if new is None:
        database_key.forget_user(session, before["username"])
    else:
        database_key.rename_user(session, before["username"], new)
    record_change(
        session,
        actor_id=by_id,
        action="user.username",
        entity="staff",
        entity_uid=staff.uid,
        before=before,
        after={"username": new},
    )


def set_password(
    session: Session, staff_id: int, password: str, *, by_id: int | None = None
) -> None:
    """An administrator sets a person's password (`by_id`: who; None only while nobody can log
    in yet: the first passwords), checked against the centre's policy; clears a lock, and its
    age starts now. People change their own knowing the present one (`change_own_password`,
    `log_in_with_new_password`), never through this."""
    require_administrator(session, by_id)
    _store_password(session, _staff(session, staff_id), password, by_id=by_id)


def _store_password(session: Session, staff: Staff, password: str, *, by_id: int | None) -> None:
    if staff.username is None:
        raise UserError(pick("请先为此人员设置用户名", "Give this person a user name first"))
    check_password(password, username=staff.username, policy=password_policy(session))
    had_password = staff.password_hash is not None
    staff.password_hash = hash_password(password)
    staff.password_changed_at = current_time()
    staff.failed_logins = 0
    staff.locked_until = None
    _forget_demo_account(session, staff.username)
    from app.keys import database_key  # cryptography: only when it is needed

    database_key.wrap_for_user(session, staff.username, password)
    record_change(
        session,
        actor_id=by_id,
        action="user.password",
        entity="staff",
        entity_uid=staff.uid,
        before={"username": staff.username, "password_set": had_password},
        after={"username": staff.username, "password_set": True},
    )


def recover_administrator(session: Session, username: str, password: str) -> None:
    """An administrator's new password, set by whoever opened the encrypted database with the
    installation's recovery key (app.keys.database_key): the key is the proof, as nobody can
    log in. Clears a lock; audited."""
    staff = user_named(session, username)
    if not staff.active or role_of(staff.role) is not Role.ADMINISTRATOR:
        raise UserError(
            pick(
                f"“{username}”不是在用的管理员：恢复密钥只用于重设管理员的密码",
                f"{username!r} is not an active administrator: the recovery key resets an "
                "administrator's password only",
            )
        )
    _store_password(session, staff, password, by_id=None)
    record_change(
        session,
        actor_id=None,
        action="user.recovered",
        entity="staff",
        entity_uid=staff.uid,
        before=None,
        after={"username": staff.username, "by": "recovery key"},
    )


def confirm_password(session: Session, staff_id: int, password: str) -> str:
    """The person's user name, when `password` is their present one (a step that needs it
    typed again, e.g. encrypting the database); UserError otherwise."""
    staff = _staff(session, staff_id)
    if staff.password_hash is None or not _verify(staff.password_hash, password):
        raise UserError(pick("当前密码不正确", "The present password is wrong"))
    return staff.username or ""


def change_own_password(session: Session, staff_id: int, old: str, new: str) -> None:
    """A person changes their own password, knowing the present one."""
    staff = _staff(session, staff_id)
    if staff.password_hash is None or not _verify(staff.password_hash, old):
        raise UserError(pick("当前密码不正确", "The present password is wrong"))
    if old == new:
        raise UserError(pick("新密码与当前密码相同", "The new password is the present one"))
    _store_password(session, staff, new, by_id=staff_id)


def set_active(session: Session, staff_id: int, active: bool, *, by_id: int | None = None) -> None:
    """Enable or disable a person; a disabled person cannot log in and leaves the lists.
    Administrators only (`by_id`: who)."""
    require_administrator(session, by_id)
    staff = _staff(session, staff_id)
    if staff.active == active:
        return
    if not active and staff_id == by_id:
        raise UserError(pick("不能停用自己", "You cannot disable yourself"))
    if not active:
        keep_an_administrator(session, staff)
        from app.keys import database_key  # cryptography: only when it is needed

        database_key.forget_user(session, staff.username)  # a new password gives it back
    staff.active = active
    record_change(
        session,
        actor_id=by_id,
        action="user.active",
        entity="staff",
        entity_uid=staff.uid,
        before={"active": not active},
        after={"active": active},
    )


def authenticate(
    session: Session, username: str, password: str, *, now: datetime | None = None
) -> LoggedIn | LoginRefused | PasswordExpired:
    """Check a log-in; every attempt is audited, and five failures in a row lock the user for
    a few minutes. A password past its age logs nobody in: the person chooses a new one
    (`log_in_with_new_password`). Commit the session whatever the result."""
    now = current_time(now)
    checked = _check_credentials(session, username, password, now)
    if isinstance(checked, LoginRefused):
        return checked
    if password_expired(session, checked, now):
        _audit_failure(session, checked, checked.username or "", "password_expired", now)
        return PasswordExpired(
            checked.id,
            checked.username or "",
            pick(
                "您的密码已过期，请设置新密码后登录。",
                "Your password has expired: choose a new one to log in.",
            ),
        )
    _give_key(session, checked, password)
    return _logged_in(session, checked, "user.login", now)


def _give_key(session: Session, staff: Staff, password: str) -> None:
    """A person who logs in at a window already unlocked (切换用户) and cannot yet unlock the
    encrypted database themselves (it was encrypted after their password was set) gets their
    own way in now that their password is known."""
    if database_key_of(session.get_bind().engine) is None:  # in the clear: nothing to give
        return
    from app.keys import database_key  # cryptography: not before the window is up

    if not database_key.user_has_key(session, staff.username):
        database_key.wrap_for_user(session, staff.username or "", password)


def log_in_with_new_password(
    session: Session,
    username: str,
    password: str,
    new_password: str,
    *,
    now: datetime | None = None,
) -> LoggedIn | LoginRefused:
    """Log in with the present password and change it at once (it had expired): the new one is
    checked against the policy first (UserError, nothing written); then the log-in is checked
    and audited as `authenticate` does it. Commit the session whatever the result."""
    now = current_time(now)
    check_password(new_password, username=username, policy=password_policy(session))
    if new_password == password:
        raise UserError(pick("新密码与当前密码相同", "The new password is the present one"))
    checked = _check_credentials(session, username, password, now)
    if isinstance(checked, LoginRefused):
        return checked
    _store_password(session, checked, new_password, by_id=checked.id)
    return _logged_in(session, checked, "user.login", now)


def unlock(
    session: Session, staff_id: int, password: str, *, now: datetime | None = None
) -> LoggedIn | LoginRefused:
    """The person logged in at a locked window gives their password again; counted, locked
    and audited as a log-in is. Commit the session whatever the result."""
    now = current_time(now)
    staff = session.get(Staff, staff_id)
    if staff is None or staff.username is None:
        return LoginRefused(wrong_credentials())
    checked = _check_credentials(session, staff.username, password, now, during="unlock")
    if isinstance(checked, LoginRefused):
        return checked
    return _logged_in(session, checked, "user.unlock", now)


def password_expired(session: Session, staff: Staff, now: datetime | None = None) -> bool:
    """Whether the person's password is older than `security.password_max_age_days` (0: never
    too old); a password whose age is unknown counts as too old."""
    days = password_policy(session).max_age_days
    if days == 0:
        return False
    changed = staff.password_changed_at
    return changed is None or current_time(now) - changed >= timedelta(days=days)


def _check_credentials(
    session: Session, username: str, password: str, now: datetime, *, during: str | None = None
) -> Staff | LoginRefused:
    """The person whose user name and password these are, or why not (audited, counted)."""
    name = normalize_username(username)[:50]
    staff = staff_by_username(session, name)
    if staff is None or not staff.active or staff.password_hash is None:
        _verify(_dummy_hash(), password)  # the same time as a real check
        reason = "unknown" if staff is None else "inactive" if not staff.active else "no_password"
        _audit_failure(session, staff, name, reason, now, during=during)
        return LoginRefused(wrong_credentials())
    if staff.locked_until is not None and staff.locked_until > now:
        _audit_failure(session, staff, name, "locked", now, during=during)
        return LoginRefused(locked_message(staff.locked_until), staff.locked_until)
    if not _verify(staff.password_hash, password):
        failures = staff.failed_logins + 1
        locked_until = None
        if failures >= MAX_FAILED_LOGINS:
            failures, locked_until = 0, now + timedelta(minutes=LOCK_MINUTES)
        _set_counters(session, staff, failures, locked_until)
        _audit_failure(
            session, staff, name, "wrong_password", now, locked_until=locked_until, during=during
        )
        if locked_until is not None:
            return LoginRefused(locked_message(locked_until), locked_until)
        return LoginRefused(wrong_credentials())
    if staff.failed_logins or staff.locked_until is not None:
        _set_counters(session, staff, 0, None)
    if _hasher.check_needs_rehash(staff.password_hash):
        old_parameters = _parameters(staff.password_hash)
        staff.password_hash = hash_password(password)
        record_change(
            session,
            actor_id=staff.id,
            action="user.password_rehash",
            entity="staff",
            entity_uid=staff.uid,
            before={"parameters": old_parameters},
            after={"parameters": _parameters(staff.password_hash)},
            at=now,
        )
    return staff


def _logged_in(session: Session, staff: Staff, action: str, now: datetime) -> LoggedIn:
    record_change(
        session,
        actor_id=staff.id,
        action=action,
        entity="staff",
        entity_uid=staff.uid,
        before=None,
        after={"username": staff.username},
        at=now,
    )
    return LoggedIn(staff.id, staff.name, role_of(staff.role), staff.username or "")


def _set_counters(
    session: Session, staff: Staff, failures: int, locked_until: datetime | None
) -> None:
    # Written with updated_at kept: a log-in is not a change to the person, and must not make
    # the record travel in the next sync file.
    session.execute(
        update(Staff)
        .where(Staff.id == staff.id)
        .values(failed_logins=failures, locked_until=locked_until, updated_at=Staff.updated_at)
        .execution_options(synchronize_session=False)
    )
    session.expire(staff, ["failed_logins", "locked_until", "updated_at"])


def _audit_failure(
    session: Session,
    staff: Staff | None,
    username: str,
    reason: str,
    now: datetime,
    *,
    locked_until: datetime | None = None,
    during: str | None = None,
) -> None:
    after: dict[str, Any] = {"username": username, "reason": reason}
    if locked_until is not None:
        after["locked_until"] = locked_until
    if during is not None:
        after["during"] = during
    record_change(
        session,
        actor_id=None,
        action="user.login_failed",
        entity="staff",
        entity_uid=staff.uid if staff is not None else None,
        before=None,
        after=after,
        at=now,
    )


def _parameters(password_hash: str) -> str:
    """The hash's algorithm and cost ("argon2id m=65536,t=3,p=4"), without the hash itself."""
    parts = password_hash.split("$")
    return f"{parts[1]} {parts[3]}" if len(parts) > 3 else "?"


# Demo accounts


def add_demo_accounts(session: Session) -> list[DemoAccount]:
    """One person of each role with the demo password, for a demo database; none when anybody
    can log in already (known passwords never join real accounts)."""
    if accounts_exist(session):
        return []
    added = []
    for username, name, role in _DEMO_PEOPLE:
        if staff_by_username(session, username) is not None:
            continue
        staff = add_staff(session, name, role)
        set_username(session, staff.id, username)
        set_password(session, staff.id, DEMO_PASSWORD)
        added.append(DemoAccount(username, name, role))
    session.flush()
    if added:
        _store_demo_accounts(session, [*demo_accounts(session), *added])
    return added


def check_demo_may_fill(session: Session) -> None:
    """Demo data goes only into a database nobody logs in to yet (a new one, or a copy for
    trying things out): invented cases would change a real centre's figures, and the demo's
    accounts have a published password. Raises UserError."""
    if accounts_exist(session):
        raise UserError(
            pick(
                "此数据库已有可以登录的账号，不能填入演示数据。演示数据只能填入尚未设置密码的数据库"
                "（例如用 --db 指定一个新文件）。",
                "People log in to this database: demo data cannot be added to it. Demo data goes "
                "only into a database where nobody has a password yet (e.g. a new file, --db).",
            )
        )


def demo_accounts(session: Session) -> list[DemoAccount]:
    """The demo accounts that still have the demo password (for the log-in dialog's hint)."""
    row = session.get(Setting, DEMO_ACCOUNTS_KEY)
    listed = row.value if row is not None and isinstance(row.value, list) else []
    names = [a.get("username") for a in listed if isinstance(a, dict)]
    active = set(
        session.scalars(
            select(Staff.username).where(
                Staff.username.in_(names), Staff.active.is_(True), Staff.password_hash.is_not(None)
            )
        )
    )
    return [
        DemoAccount(a["username"], a["name"], role_of(a["role"]))
        for a in listed
        if isinstance(a, dict) and a.get("username") in active
    ]


def _store_demo_accounts(session: Session, accounts: list[DemoAccount]) -> None:
    # Who they are, never their password (migration 0015 took it out of older demo databases).
    value = [{"username": a.username, "name": a.name, "role": a.role.value} for a in accounts]
    row = session.get(Setting, DEMO_ACCOUNTS_KEY)
    if row is None:
        session.add(Setting(key=DEMO_ACCOUNTS_KEY, value=value))
    else:
        row.value = value


def _forget_demo_account(session: Session, username: str | None) -> None:
    """A demo account whose password or name changes is no longer shown in the hint."""
    row = session.get(Setting, DEMO_ACCOUNTS_KEY)
    if username is None or row is None or not isinstance(row.value, list):
        return
    kept = [a for a in row.value if not (isinstance(a, dict) and a.get("username") == username)]
    if len(kept) != len(row.value):
        row.value = kept
