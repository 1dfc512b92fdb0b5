"""Password rules of 等保 2.0 as settings (length, kinds of characters, age), refused with the
reason in the app and on the command line; a password past its age changed at log-in; the
failed-log-in lock; the locked window unlocked by the same person's password."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.roles import Role
from app.settings import SettingRefused, set_setting
from app.users import (
    LOCK_MINUTES,
    LoggedIn,
    LoginRefused,
    PasswordExpired,
    PasswordPolicy,
    UserError,
    authenticate,
    character_classes,
    check_password,
    log_in_with_new_password,
    password_policy,
    set_password,
    unlock,
)
from app.zone import LOCAL_ZONE
from cli import main
from db.database import open_database
from db.models import AuditEntry, Staff

from .helpers import PASSWORD, accounts, audit_actions

SET_AT = datetime(2026, 3, 2, 9, tzinfo=LOCAL_ZONE)


@pytest.mark.parametrize(
    ("password", "kinds"),
    [
        ("correcthorse", 1),
        ("correct horse", 2),  # a space is another sign
        ("Correcthorse", 2),
        ("Correcthorse7", 3),
        ("Correct horse 7", 4),
        ("密码密码ab12", 3),  # Chinese characters are other signs
        ("ＡＢＣｄｅｆ１２", 3),  # full-width letters and digits count as what they are
        ("12345678", 1),
    ],
)
def test_the_kinds_of_characters_are_counted(password, kinds):
    assert character_classes(password) == kinds


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("Ab1!", "至少需要 8 个字符"),
        ("correcthorse", "至少 3 类"),
        ("correct horse", "至少 3 类"),
        ("CORRECTHORSE1", "至少 3 类"),
        ("CORRECT HORSE1", None),
        ("Correct horse 7", None),
        ("王芳的密码ab12", None),
    ],
)
def test_the_default_policy_is_eight_characters_of_three_kinds(password, reason):
    if reason is None:
        check_password(password, username="operator")
    else:
        with pytest.raises(UserError, match=reason):
            check_password(password, username="operator")


def test_the_policy_is_the_centres_settings(any_db):
    people = accounts(any_db)
    with any_db.sessions.begin() as session:
        assert password_policy(session) == PasswordPolicy(8, 3, 90)
        set_setting(session, "security.password_min_length", 12, by_id=people.admin)
        set_setting(session, "security.password_classes", 4, by_id=people.admin)
        assert "至少 12 个字符" in password_policy(session).describe()
    with any_db.sessions.begin() as session:
        with pytest.raises(UserError, match="至少需要 12 个字符"):
            set_password(session, people.operator, "Short pw 1", by_id=people.admin)
        with pytest.raises(UserError, match="至少 4 类"):
            set_password(session, people.operator, "Correcthorse77", by_id=people.admin)
        set_password(session, people.operator, "Correct horse 77", by_id=people.admin)
    with any_db.sessions.begin() as session:
        for key, value in (
            ("security.password_min_length", 6),  # below 等保's 8
            ("security.password_classes", 1),
            ("security.password_max_age_days", -1),
            ("security.idle_lock_minutes", 0),
        ):
            with pytest.raises(SettingRefused, match=key):
                set_setting(session, key, value, by_id=people.admin)


def test_the_command_line_refuses_a_weak_password_saying_why(
    sqlite_url, tmp_path, monkeypatch, capsys
):
    url = sqlite_url  # a new database, made as `db create` makes one
    assert main(["--db", url, "staff", "add", "李强", "--username", "liq"]) == 0
    for weak, reason in (("alllowercase", "至少 3 类"), ("Ab1", "至少需要 8 个字符")):
        monkeypatch.setattr("sys.stdin", io.StringIO(weak + "\n"))
        assert main(["--db", url, "staff", "password", "liq", "--password-stdin"]) == 2
        assert reason in capsys.readouterr().err
    assert main(["--db", url, "settings", "security.password_classes", "4"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("Threekinds99\n"))
    assert main(["--db", url, "staff", "password", "liq", "--password-stdin"]) == 2
    assert "至少 4 类" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("Four kinds 99\n"))
    assert main(["--db", url, "staff", "password", "liq", "--password-stdin"]) == 0
    database = open_database(url)
    try:
        with database.sessions() as session:
            assert session.scalar(select(Staff.password_changed_at)) is not None
    finally:
        database.close()


def _log_in(database, username, password, now=None):
    with database.sessions.begin() as session:
        return authenticate(session, username, password, now=now)


def test_a_password_past_its_age_must_be_changed_to_log_in(any_db, stop_clock):
    stop_clock(SET_AT)
    people = accounts(any_db)
    assert isinstance(_log_in(any_db, "lead", PASSWORD, SET_AT + timedelta(days=89)), LoggedIn)
    expired = _log_in(any_db, "lead", PASSWORD, SET_AT + timedelta(days=90))
    assert isinstance(expired, PasswordExpired) and expired.staff_id == people.lead
    assert expired.message == "您的密码已过期，请设置新密码后登录。"
    stop_clock(SET_AT + timedelta(days=90))
    with any_db.sessions() as session:
        failed = session.scalar(
            select(AuditEntry.after).where(AuditEntry.action == "user.login_failed")
        )
        entries = session.scalar(select(func.count(AuditEntry.id)))
    assert failed == {"username": "lead", "reason": "password_expired"}

    # A new password that breaks the rules, or the present one again: nothing happens.
    for new, reason in (("weakweak", "至少 3 类"), (PASSWORD, "新密码与当前密码相同")):
        with pytest.raises(UserError, match=reason), any_db.sessions.begin() as session:
            log_in_with_new_password(session, "lead", PASSWORD, new)
    with any_db.sessions.begin() as session:
        wrong = log_in_with_new_password(session, "lead", "Not it at all 1", "Brand new pw 1")
    assert wrong == LoginRefused("用户名或密码不正确。")
    with any_db.sessions() as session:
        assert session.scalar(select(func.count(AuditEntry.id))) == entries + 1  # the failure

    with any_db.sessions.begin() as session:
        result = log_in_with_new_password(session, "lead", PASSWORD, "Brand new pw 1")
    assert isinstance(result, LoggedIn) and result.staff_id == people.lead
    with any_db.sessions() as session:
        assert audit_actions(session)[-2:] == ["user.password", "user.login"]
        assert session.get(Staff, people.lead).password_changed_at == SET_AT + timedelta(days=90)
    assert isinstance(_log_in(any_db, "lead", "Brand new pw 1"), LoggedIn)
    assert isinstance(_log_in(any_db, "lead", PASSWORD), LoginRefused)


def test_no_age_when_the_setting_is_zero(sqlite_db, stop_clock):
    stop_clock(SET_AT)
    people = accounts(sqlite_db)
    with sqlite_db.sessions.begin() as session:
        set_setting(session, "security.password_max_age_days", 0, by_id=people.admin)
    assert isinstance(_log_in(sqlite_db, "lead", PASSWORD, SET_AT + timedelta(days=3000)), LoggedIn)


def test_a_password_of_unknown_age_counts_as_too_old(sqlite_db):
    people = accounts(sqlite_db)
    with sqlite_db.sessions.begin() as session:
        session.get(Staff, people.operator).password_changed_at = None
    assert isinstance(_log_in(sqlite_db, "operator", PASSWORD), PasswordExpired)


def test_the_same_person_unlocks_the_window_counted_and_audited(any_db):
    people = accounts(any_db)
    now = SET_AT + timedelta(days=1)
    with any_db.sessions.begin() as session:
        assert unlock(session, people.operator, PASSWORD, now=now) == LoggedIn(
            people.operator, "王芳", Role.OPERATOR, "operator"
        )
    for attempt in range(5):
        with any_db.sessions.begin() as session:
            refused = unlock(session, people.operator, f"Wrong one {attempt}", now=now)
    assert refused.locked_until == now + timedelta(minutes=LOCK_MINUTES)
    with any_db.sessions.begin() as session:  # locked: even the right password waits
        assert isinstance(unlock(session, people.operator, PASSWORD, now=now), LoginRefused)
    with any_db.sessions() as session:
        actions = audit_actions(session)
        failures = session.scalars(
            select(AuditEntry.after).where(AuditEntry.action == "user.login_failed")
        ).all()
    assert "user.unlock" in actions
    assert {f["during"] for f in failures} == {"unlock"}
    assert [f["reason"] for f in failures][-1] == "locked"
