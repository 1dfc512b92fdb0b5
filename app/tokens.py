"""Tokens for scheduled command-line jobs: a daily backup or a nightly import runs with no one at
a terminal to type a password, so a logged-in administrator makes a token for it.

A token belongs to one user (the job runs as them, with their role as it is when the job runs),
may be limited to some commands ("backup", "import cases"), and expires after the hours it was
made for, at most `MAX_HOURS`. It is shown once when made; the database keeps only its SHA-256
(the token is 256 random bits: a fast hash is enough, unlike a password). Every use and every
refused use is audited; an administrator lists and revokes them. Which commands never take a
token (making tokens, passwords) is the command line's to say (cli.login).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.audit import record_change
from app.clock import current_time
from app.errors import Refused
from app.i18n import pick
from app.roles import LoginRequired, Permission, role_of
from app.staff import require_permission
from app.users import LoggedIn, LoginRefused, staff_by_username
from db.models import AccessToken, Staff

PREFIX = "rdt_"  # so that a token pasted somewhere can be recognised as one
MAX_HOURS = 24 * 90  # no longer than a password lives by default (security.password_max_age_days)
_WORD = re.compile(r"[a-z][a-z0-9-]{0,30}")
_MAX_COMMANDS = 20


class TokenRefused(Refused, ValueError):
    """A token that cannot be made or revoked as asked; the message says why."""


@dataclass(frozen=True)
class NewToken:
    """A token just made: `secret` is shown once and never again."""

    id: int
    secret: str
    username: str
    commands: tuple[str, ...] | None
    expires_at: datetime


@dataclass(frozen=True)
class TokenRow:
    id: int
    username: str
    name: str
    commands: tuple[str, ...] | None
    created_at: datetime
    created_by: str | None
    expires_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None

    def state(self, now: datetime) -> str:
        """valid, expired or revoked."""
        if self.revoked_at is not None:
            return "revoked"
        return "expired" if self.expires_at <= now else "valid"


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.strip().encode("utf-8")).hexdigest()


def checked_commands(commands: Iterable[str] | None) -> tuple[str, ...] | None:
    """The commands a token may run, each as its words in lower case ("import cases"); None
    (any command) when none are given. Refused when one is not written as command words."""
    if commands is None:
        return None
    found: list[str] = []
    for command in commands:
        if not command.strip():
            continue  # "backup," : a comma too many
        words = command.strip().lower().split()
        if not words or not all(_WORD.fullmatch(word) for word in words) or len(words) > 3:
            raise TokenRefused(
                pick(
                    f"“{command.strip()}”不是命令的写法（如 backup 或 import cases）",
                    f"{command.strip()!r} is not a command (e.g. backup, import cases)",
                )
            )
        text = " ".join(words)
        if text not in found:
            found.append(text)
    if not found:
        raise TokenRefused(pick("请给出令牌可以运行的命令", "Name the commands the token may run"))
    if len(found) > _MAX_COMMANDS:
        raise TokenRefused(pick("命令太多", "Too many commands"))
    return tuple(found)


def allows(commands: Iterable[str] | None, command: str) -> bool:
    """Whether a token limited to `commands` may run `command` (its words): "backup" allows
    "backup create"; "import cases" does not allow "import evaluations"."""
    if commands is None:
        return True
    words = command.split()
    return any(words[: len(allowed.split())] == allowed.split() for allowed in commands)


def create_token(
    session: Session,
    *,
    username: str,
    hours: int,
    commands: Iterable[str] | None = None,
    by_id: int | None,
    now: datetime | None = None,
) -> NewToken:
    """Make a token for `username`'s scheduled jobs, valid `hours` (1 to MAX_HOURS); a logged-in
    administrator only (`by_id`). Audited; the secret is in the result only."""
    now = current_time(now)
    if by_id is None:
        # Tokens stand in for a log-in: where nobody logs in there is nothing to stand in for.
        raise LoginRequired(
            pick(
                "令牌由登录的管理员创建；此数据库还没有人设置密码，命令无需登录即可运行",
                "Tokens are made by a logged-in administrator; nobody has a password in this "
                "database yet, so commands run without logging in",
            )
        )
    require_permission(session, by_id, Permission.ADMINISTER)
    wanted = checked_commands(commands)
    if isinstance(hours, bool) or not isinstance(hours, int) or not 1 <= hours <= MAX_HOURS:
        raise TokenRefused(
            pick(
                f"有效时间应为 1 到 {MAX_HOURS} 小时（90 天）",
                f"A token is valid for 1 to {MAX_HOURS} hours (90 days)",
            )
        )
    user = staff_by_username(session, username)
    if user is None or not user.active:
        raise TokenRefused(
            pick(
                f"没有用户名为“{username}”的在用人员",
                f"No active person has the user name {username!r}",
            )
        )
    secret = PREFIX + secrets.token_urlsafe(32)
    token = AccessToken(
        staff_id=user.id,
        token_hash=_digest(secret),
        commands=list(wanted) if wanted is not None else None,
        created_at=now,
        created_by_id=by_id,
        expires_at=now + timedelta(hours=hours),
    )
    session.add(token)
    session.flush()
    from app.keys import database_key  # cryptography: only when it is needed

    database_key.wrap_for_token(session, token.id, secret, token.expires_at)
    record_change(
        session,
        actor_id=by_id,
        action="token.create",
        entity="staff",
        entity_uid=user.uid,
        before=None,
        after={
            "token": token.id,
            "username": user.username,
            "commands": token.commands,
            "expires_at": token.expires_at,
        },
        at=now,
    )
    return NewToken(token.id, secret, user.username or "", wanted, token.expires_at)


def list_tokens(session: Session, *, by_id: int | None) -> list[TokenRow]:
    """Every token ever made, newest first; administrators only (`by_id`)."""
    require_permission(session, by_id, Permission.ADMINISTER)
    maker = aliased(Staff)
    rows = session.execute(
        select(AccessToken, Staff.username, Staff.name, maker.name)
        .join(Staff, Staff.id == AccessToken.staff_id)
        .outerjoin(maker, maker.id == AccessToken.created_by_id)
        .order_by(AccessToken.id.desc())
    ).all()
    return [
        TokenRow(
            token.id,
            username or "",
            name,
            tuple(token.commands) if token.commands is not None else None,
            token.created_at,
            made_by,
            token.expires_at,
            token.revoked_at,
            token.last_used_at,
        )
        for token, username, name, made_by in rows
    ]


def revoke_token(
    session: Session, token_id: int, *, by_id: int | None, now: datetime | None = None
) -> None:
    """Revoke a token at once; administrators only (`by_id`). Audited."""
    now = current_time(now)
    require_permission(session, by_id, Permission.ADMINISTER)
    token = session.get(AccessToken, token_id)
    if token is None:
        raise TokenRefused(pick(f"没有编号为 {token_id} 的令牌", f"No token {token_id}"))
    if token.revoked_at is not None:
        raise TokenRefused(
            pick(f"令牌 {token_id} 已经撤销", f"Token {token_id} is revoked already")
        )
    token.revoked_at = now
    token.revoked_by_id = by_id
    from app.keys import database_key  # cryptography: only when it is needed

    database_key.forget_token(session, token.id)
    user = session.get(Staff, token.staff_id)
    record_change(
        session,
        actor_id=by_id,
        action="token.revoke",
        entity="staff",
        entity_uid=user.uid if user is not None else None,
        before=None,
        after={"token": token.id, "username": user.username if user else None},
        at=now,
    )


def log_in_with_token(
    session: Session, secret: str, command: str, *, now: datetime | None = None
) -> LoggedIn | LoginRefused:
    """The user a token stands for, to run `command` (its words); or why not. Every use and
    every refusal is audited: commit the session whatever the result."""
    now = current_time(now)
    token = session.scalar(select(AccessToken).where(AccessToken.token_hash == _digest(secret)))
    user = session.get(Staff, token.staff_id) if token is not None else None
    refusal = _refusal(token, user, command, now)
    if refusal is not None:
        reason, message = refusal
        after = {"reason": reason, "command": command}
        if token is not None:
            after["token"] = token.id
        record_change(
            session,
            actor_id=None,
            action="token.refused",
            entity="staff",
            entity_uid=user.uid if user is not None else None,
            before=None,
            after=after,
            at=now,
        )
        return LoginRefused(message)
    assert token is not None and user is not None
    token.last_used_at = now
    record_change(
        session,
        actor_id=user.id,
        action="token.used",
        entity="staff",
        entity_uid=user.uid,
        before=None,
        after={"token": token.id, "command": command},
        at=now,
    )
    return LoggedIn(user.id, user.name, role_of(user.role), user.username or "")


def _refusal(
    token: AccessToken | None, user: Staff | None, command: str, now: datetime
) -> tuple[str, str] | None:
    """(reason, message) when the token may not run `command` now, else None."""
    if token is None or user is None:
        return "unknown", pick("令牌无效。", "The token is not valid.")
    if token.revoked_at is not None:
        return "revoked", pick(
            f"令牌 {token.id} 已被撤销，请管理员另建一个。",
            f"Token {token.id} was revoked: ask an administrator for a new one.",
        )
    if token.expires_at <= now:
        return "expired", pick(
            f"令牌 {token.id} 已过期，请管理员另建一个。",
            f"Token {token.id} has expired: ask an administrator for a new one.",
        )
    if not user.active or user.username is None:
        return "inactive", pick(
            "令牌所属的用户已停用。", "The token's user is disabled or has no user name."
        )
    if not allows(token.commands, command):
        allowed = ", ".join(token.commands or ())
        return "command", pick(
            f"令牌 {token.id} 只能用于：{allowed}，不能用于 {command}。",
            f"Token {token.id} is only for: {allowed}; not for {command}.",
        )
    return None
