"""Log-in: Argon2id hashes, one answer for a wrong name or password, a short lock, rehashing,
the password policy, demo accounts, and the command line."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher, Type
from sqlalchemy import inspect, select

import app.users
from app import i18n
from app.roles import Role
from app.staff import StaffError, add_staff, change_role
from app.users import (
    DEMO_PASSWORD,
    LOCK_MINUTES,
    LoggedIn,
    LoginRefused,
    UserError,
    accounts_exist,
    add_demo_accounts,
    authenticate,
    change_own_password,
    character_classes,
    check_password,
    demo_accounts,
    set_active,
    set_password,
    set_username,
)
from app.zone import LOCAL_ZONE
from cli import main
from db.database import open_database
from db.models import AuditEntry, Setting, Staff
from db.types import utcnow
from tests.cli_login import typed_on_terminal

from .helpers import PASSWORD, PRODUCTION_HASHER, accounts, audit_actions

DEMO_NOW = datetime(2026, 11, 20, 10, tzinfo=LOCAL_ZONE)  # a Friday the demo is dated from


def _hash_of(database, staff_id: int) -> str:
    with database.sessions() as session:
        return session.scalar(select(Staff.password_hash).where(Staff.id == staff_id))


def _log_in(database, username: str, password: str, now=None) -> LoggedIn | LoginRefused:
    with database.sessions.begin() as session:
        return authenticate(session, username, password, now=now)


def test_passwords_are_stored_as_argon2id_hashes_never_as_text(any_db):
    people = accounts(any_db)
    stored = _hash_of(any_db, people.operator)
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    assert PasswordHasher().verify(stored, PASSWORD)
    with any_db.sessions() as session:
        trail = json.dumps([(e.before, e.after) for e in session.scalars(select(AuditEntry))])
    assert PASSWORD not in trail and "$argon2" not in trail


def test_the_app_hashes_with_argon2id_at_rfc_9106_cost():
    hasher = PRODUCTION_HASHER
    assert (hasher.type, hasher.memory_cost, hasher.time_cost) == (Type.ID, 65536, 3)


def test_the_right_password_logs_in_with_the_role(any_db):
    people = accounts(any_db)
    result = _log_in(any_db, "  Operator ", PASSWORD)  # user names ignore case and spaces
    assert result == LoggedIn(people.operator, "王芳", Role.OPERATOR, "operator")
    assert _log_in(any_db, "auditor", PASSWORD).role is Role.AUDITOR


def test_a_wrong_password_and_an_unknown_user_get_the_same_answer(any_db):
    accounts(any_db)
    wrong = _log_in(any_db, "operator", "not the password")
    unknown = _log_in(any_db, "nobody", PASSWORD)
    assert isinstance(wrong, LoginRefused) and isinstance(unknown, LoginRefused)
    assert wrong.message == unknown.message == "用户名或密码不正确。"
    with any_db.sessions() as session:
        failures = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "user.login_failed")
        ).all()
    assert [f.after["reason"] for f in failures] == ["wrong_password", "unknown"]
    assert failures[0].entity_uid is not None and failures[1].entity_uid is None


def test_a_disabled_person_or_one_without_password_cannot_log_in(any_db):
    people = accounts(any_db)
    with any_db.sessions.begin() as session:
        set_active(session, people.lead, False, by_id=people.admin)
        staff = Staff(name="孙新", role="operator", username="sun")
        session.add(staff)
    assert _log_in(any_db, "lead", PASSWORD).message == "用户名或密码不正确。"
    assert _log_in(any_db, "sun", "").message == "用户名或密码不正确。"


def test_five_failures_lock_the_user_for_a_few_minutes(any_db):
    people = accounts(any_db)
    now = utcnow()
    for attempt in range(4):
        refused = _log_in(any_db, "operator", f"wrong {attempt}", now)
        assert refused.locked_until is None
    locked = _log_in(any_db, "operator", "wrong again", now)
    assert locked.locked_until == now + timedelta(minutes=LOCK_MINUTES)
    assert "锁定" in locked.message
    # Locked: even the right password is refused until the time is up.
    assert isinstance(
        _log_in(any_db, "operator", PASSWORD, now + timedelta(minutes=1)), LoginRefused
    )
    later = now + timedelta(minutes=LOCK_MINUTES, seconds=1)
    assert isinstance(_log_in(any_db, "operator", PASSWORD, later), LoggedIn)
    with any_db.sessions() as session:
        staff = session.get(Staff, people.operator)
        assert (staff.failed_logins, staff.locked_until) == (0, None)


def test_a_failed_log_in_does_not_mark_the_person_changed(any_db):
    people = accounts(any_db)
    with any_db.sessions() as session:
        before = session.get(Staff, people.operator).updated_at
    _log_in(any_db, "operator", "wrong")
    with any_db.sessions() as session:
        staff = session.get(Staff, people.operator)
        assert staff.failed_logins == 1
        assert staff.updated_at == before  # the next sync file does not carry it


def test_a_new_password_clears_the_lock(any_db):
    people = accounts(any_db)
    for attempt in range(5):
        _log_in(any_db, "operator", f"wrong {attempt}")
    with any_db.sessions.begin() as session:
        set_password(session, people.operator, "A new password 2", by_id=people.admin)
    assert isinstance(_log_in(any_db, "operator", "A new password 2"), LoggedIn)


def test_a_hash_made_with_older_parameters_is_renewed_at_log_in(any_db, monkeypatch):
    people = accounts(any_db)
    monkeypatch.setattr(app.users, "_hasher", PasswordHasher(time_cost=1, memory_cost=8192))
    with any_db.sessions.begin() as session:
        set_password(session, people.operator, "Weaker hash pw 3", by_id=people.admin)
    assert "m=8192,t=1" in _hash_of(any_db, people.operator)
    monkeypatch.setattr(app.users, "_hasher", PasswordHasher())
    assert isinstance(_log_in(any_db, "operator", "Weaker hash pw 3"), LoggedIn)
    renewed = _hash_of(any_db, people.operator)
    assert renewed.startswith("$argon2id$") and "m=65536,t=3" in renewed
    with any_db.sessions() as session:
        entry = session.scalar(
            select(AuditEntry).where(AuditEntry.action == "user.password_rehash")
        )
    assert entry.before == {"parameters": "argon2id m=8192,t=1,p=4"}
    assert entry.after == {"parameters": "argon2id m=65536,t=3,p=4"}


def test_log_ins_and_password_changes_are_audited_without_the_password(any_db):
    people = accounts(any_db)
    _log_in(any_db, "lead", "nope nope")
    _log_in(any_db, "lead", PASSWORD)
    with any_db.sessions.begin() as session:
        change_own_password(session, people.lead, PASSWORD, "Another password 4")
    with any_db.sessions() as session:
        actions = audit_actions(session)
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert actions[-3:] == ["user.login_failed", "user.login", "user.password"]
    login, change = entries[-2], entries[-1]
    assert login.actor == f"张组长 (#{people.lead})"
    assert change.after == {"username": "lead", "password_set": True}
    text = json.dumps([(e.before, e.after) for e in entries], ensure_ascii=False)
    for secret in (PASSWORD, "nope nope", "Another password 4"):
        assert secret not in text


@pytest.mark.parametrize(
    ("password", "zh", "en"),
    [
        ("short", "密码至少需要 8 个字符", "A password needs at least 8 characters"),
        (" " * 9, "密码不能全是空格", "A password cannot be only spaces"),
        ("x" * 129, "密码不能超过 128 个字符", "A password has at most 128 characters"),
        ("operator", "密码不能与用户名相同", "The password cannot be the user name"),
    ],
)
def test_the_password_policy_says_what_is_wrong(password, zh, en):
    with pytest.raises(UserError, match=zh):
        check_password(password, username="operator")
    i18n.set_language("en")
    try:
        with pytest.raises(UserError, match=en):
            check_password(password, username="operator")
    finally:
        i18n.set_language("zh")


def test_own_password_change_needs_the_present_one(sqlite_db):
    people = accounts(sqlite_db)
    with sqlite_db.sessions.begin() as session:
        with pytest.raises(UserError, match="当前密码不正确"):
            change_own_password(session, people.lead, "guess guess", "Another password 4")


def test_user_names_are_unique_and_checked(sqlite_db):
    people = accounts(sqlite_db)
    with sqlite_db.sessions.begin() as session:
        with pytest.raises(UserError, match="已被他人使用"):
            set_username(session, people.lead, "OPERATOR", by_id=people.admin)
        with pytest.raises(UserError, match="2–50 个字符"):
            set_username(session, people.lead, "a b", by_id=people.admin)


def test_the_last_administrator_who_can_log_in_stays(sqlite_db):
    people = accounts(sqlite_db)
    with sqlite_db.sessions.begin() as session:
        with pytest.raises(StaffError, match="至少要保留一位"):
            change_role(session, people.admin, "operator", by_id=people.admin)
        # Another administrator, who cannot log in (no password), may not disable the last one.
        other = add_staff(session, "孙管理", "administrator", by_id=people.admin).id
        with pytest.raises(StaffError, match="至少要保留一位"):
            set_active(session, people.admin, False, by_id=other)
        with pytest.raises(StaffError, match="至少要保留一位"):
            set_username(session, people.admin, None, by_id=people.admin)
        change_role(session, people.lead, "administrator", by_id=people.admin)
        change_role(session, people.admin, "operator", by_id=people.lead)


def test_demo_accounts_join_only_a_database_without_accounts(sqlite_db):
    with sqlite_db.sessions.begin() as session:
        assert not accounts_exist(session)
        added = add_demo_accounts(session)
    assert [(a.username, a.role) for a in added] == [
        ("admin", Role.ADMINISTRATOR),
        ("lead", Role.TEAM_LEAD),
        ("operator", Role.OPERATOR),
        ("auditor", Role.AUDITOR),
    ]
    for account in added:
        assert _log_in(sqlite_db, account.username, DEMO_PASSWORD).role is account.role
    with sqlite_db.sessions.begin() as session:
        assert add_demo_accounts(session) == []
        operator = session.scalar(select(Staff.id).where(Staff.username == "operator"))
        admin = session.scalar(select(Staff.id).where(Staff.username == "admin"))
        set_password(session, operator, "Not the demo one 6", by_id=admin)
    with sqlite_db.sessions() as session:
        # A demo account with another password is no longer shown as one.
        assert [a.username for a in demo_accounts(session)] == ["admin", "lead", "auditor"]


def test_real_accounts_never_get_demo_ones(sqlite_db):
    accounts(sqlite_db)
    with sqlite_db.sessions.begin() as session:
        assert add_demo_accounts(session) == []
        assert demo_accounts(session) == []


def test_the_command_line_adds_users_and_sets_passwords(sqlite_url, tmp_path, monkeypatch, capsys):
    url = sqlite_url  # a new database, made as `db create` makes one
    assert (
        main(["--db", url, "staff", "add", "李强", "--role", "team_lead", "--username", "LiQ"]) == 0
    )
    assert "liq（无密码）" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["--db", url, "staff", "password", "liq", "--password-stdin"]) == 2
    assert "至少需要 8 个字符" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("A long enough one 1\n"))
    assert main(["--db", url, "staff", "password", "liq", "--password-stdin"]) == 0
    # Now somebody can log in: a password is changed knowing the present one, typed on a
    # terminal — never read from a pipe.
    assert main(["--db", url, "staff", "password", "nobody", "--password-stdin"]) == 2
    assert "标准输入不是终端" in capsys.readouterr().err
    typed_on_terminal(monkeypatch, ["A long enough one 1", "Typed password 5", "Typed password 5"])
    assert main(["--db", url, "staff", "password", "liq"]) == 0
    database = open_database(url)
    try:
        assert _log_in(database, "liq", "Typed password 5").name == "李强"
        with database.sessions() as session:
            assert audit_actions(session) == [
                "staff.add",
                "user.username",
                "user.password",
                "access.refused",
                "user.password",
                "user.login",
                "user.login",
            ]
    finally:
        database.close()


def test_the_demo_command_prints_its_accounts(tmp_path, capsys, stop_clock):
    stop_clock(DEMO_NOW)  # the demo's deadlines: not in a year the calendar does not know yet
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert main(["--db", url, "demo", "--cases", "50"]) == 0
    out = capsys.readouterr().out
    assert f"演示账号（密码均为 {DEMO_PASSWORD}）" in out and "operator" in out


def test_a_demo_database_keeps_no_password_in_plain_text(tmp_path, capsys, stop_clock):
    stop_clock(DEMO_NOW)
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert main(["--db", url, "demo", "--cases", "30"]) == 0
    assert DEMO_PASSWORD in capsys.readouterr().out  # told to whoever made it
    database = open_database(url)
    try:
        with database.engine.connect() as connection:
            everything = [
                repr(connection.exec_driver_sql(f'SELECT * FROM "{table}"').all())
                for table in inspect(connection).get_table_names()
            ]
        with database.sessions() as session:
            listed = session.get(Setting, "demo.accounts").value
            assert [a.username for a in demo_accounts(session)] == [
                "admin",
                "lead",
                "operator",
                "auditor",
            ]
    finally:
        database.close()
    assert not any(DEMO_PASSWORD in text for text in everything)
    assert all(set(account) == {"username", "name", "role"} for account in listed)
    assert character_classes(DEMO_PASSWORD) == 4  # it meets the rules it asks of others
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"the password `{DEMO_PASSWORD}`" in readme  # where the log-in window points
