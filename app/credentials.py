"""The limits and words of a log-in, shared by the log-in against the database (app.users) and the
unlocking of an encrypted database file before it can be read (app.keys.database_key)."""

from __future__ import annotations

from datetime import datetime

from app.i18n import pick

MAX_FAILED_LOGINS = 5  # failures in a row that lock a user …
LOCK_MINUTES = 5  # … for this long


def normalize_username(text: str | None) -> str:
    return (text or "").strip().lower()


def wrong_credentials() -> str:
    """The same words for an unknown user and a wrong password."""
    return pick("用户名或密码不正确。", "Wrong user name or password.")


def locked_message(until: datetime) -> str:
    from app.zone import LOCAL_ZONE

    at = until.astimezone(LOCAL_ZONE).strftime("%H:%M")
    return pick(
        f"登录失败次数过多，此用户已暂时锁定，请于 {at} 后再试，或请管理员重设密码。",
        f"Too many failed log-ins: this user is locked until {at}; try again then, "
        "or ask an administrator to set a new password.",
    )
