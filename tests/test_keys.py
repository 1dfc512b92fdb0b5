"""Keys exchanged once between an outlet and the centre (app.keys, `main.py keys …`): the key
file and its fingerprint, trusting and forgetting a site, the recovery key; and what is refused
— a malformed, huge or altered key file, a fingerprint that differs, one's own key file, a
name taken, keys replaced unasked, anyone but an administrator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app.keys import (
    KEY_FILE_LIMIT,
    Identity,
    KeyRefused,
    PublicKeys,
    forget_site,
    key_id_of_text,
    make_recovery_key,
    own_public_keys,
    parse_key_file,
    read_key_file,
    readable,
    trust_site,
    trusted_sites,
)
from app.roles import NotPermitted
from cli import main
from db.database import Database
from db.models import AuditEntry, Staff
from tests.conftest import copy_of


@pytest.fixture
def outlet(migrated_sqlite: Path, tmp_path: Path):
    database = copy_of(migrated_sqlite, tmp_path / "outlet" / "outlet.sqlite3")
    yield database
    database.close()


def keys_of(database: Database) -> PublicKeys:
    with database.sessions.begin() as session:
        return own_public_keys(session)


def run(capsys, database: Database, *args: str) -> tuple[int, str, str]:
    code = main(["--db", database.url, "keys", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_key_file_carries_the_keys_and_their_fingerprint(sqlite_db: Database, tmp_path):
    keys = keys_of(sqlite_db)
    assert keys == keys_of(sqlite_db)  # made once
    path = tmp_path / "centre.rdkeys"
    path.write_text(keys.to_text(), encoding="utf-8")
    assert read_key_file(path) == keys
    assert len(keys.fingerprint.split()) == 10 and readable(keys.key_id) == keys.fingerprint
    assert key_id_of_text(keys.fingerprint.lower().replace(" ", "-")) == keys.key_id


def edited(keys: PublicKeys, **changes) -> bytes:
    data = json.loads(keys.to_text())
    data.update(changes)
    return json.dumps(data).encode()


def test_malformed_altered_and_huge_key_files_are_refused(sqlite_db: Database, tmp_path):
    keys = keys_of(sqlite_db)
    other = Identity.generate("x", "x").public
    broken = {
        "not JSON": b"{ not json",
        "binary": bytes(range(256)),
        "another format": json.dumps({"format": "something-else"}).encode(),
        "a newer version": edited(keys, version=2),
        "a key too short": edited(keys, signing_key="AAAA"),
        "no site": edited(keys, site_id=""),
        "not a fingerprint": edited(keys, fingerprint="hello"),
    }
    for what, data in broken.items():
        with pytest.raises(KeyRefused, match="不是回访台的密钥文件"):
            parse_key_file(data, f"{what}.rdkeys")
    # A key swapped for another, the fingerprint left: the file was altered.
    swapped = edited(keys, agreement_key=json.loads(other.to_text())["agreement_key"])
    with pytest.raises(KeyRefused, match="指纹与其中的密钥不符"):
        parse_key_file(swapped, "swapped.rdkeys")
    huge = tmp_path / "huge.rdkeys"
    huge.write_bytes(keys.to_text().encode() + b" " * KEY_FILE_LIMIT)
    with pytest.raises(KeyRefused, match="太大"):
        read_key_file(huge)
    with pytest.raises(KeyRefused, match="找不到密钥文件"):
        read_key_file(tmp_path / "none.rdkeys")


def test_keys_are_exchanged_once_from_the_command_line(
    capsys, outlet: Database, sqlite_db: Database, tmp_path
):
    centre = sqlite_db
    code, out, _ = run(capsys, outlet, "show", "-o", str(tmp_path / "outlet.rdkeys"))
    fingerprint = keys_of(outlet).fingerprint
    assert code == 0 and fingerprint in out and "keys trust" in out
    code, out, _ = run(capsys, centre, "show", "--json")
    assert json.loads(out)["fingerprint"] == keys_of(centre).fingerprint
    code, out, _ = run(capsys, centre, "show")
    assert "revisitdesk-public-keys" in out  # the key file itself, to copy

    trust = ["trust", str(tmp_path / "outlet.rdkeys"), "--peer", "历下网点"]
    code, out, err = run(capsys, centre, *trust, "--fingerprint", "0000 " * 10)
    assert code == 2 and "指纹不符" in err and fingerprint in err
    code, _, err = run(capsys, centre, *trust)  # no terminal to ask on
    assert code == 2 and "--fingerprint" in err
    with centre.sessions() as session:
        assert trusted_sites(session) == []

    code, out, _ = run(capsys, centre, *trust, "--fingerprint", fingerprint.lower())
    assert code == 0 and "已信任“历下网点”" in out
    code, out, _ = run(capsys, centre, "list")
    assert "历下网点" in out and fingerprint in out and "恢复密钥：还没有制作" in out
    listed = json.loads(run(capsys, centre, "list", "--json")[1])
    assert [site["name"] for site in listed["trusted"]] == ["历下网点"]

    code, _, err = run(capsys, centre, "forget", "无此网点")
    assert code == 2 and "没有信任名为“无此网点”的站点" in err
    code, out, _ = run(capsys, centre, "forget", fingerprint)
    assert code == 0 and "不再信任" in out
    with centre.sessions() as session:
        assert trusted_sites(session) == []
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.action.like("keys.%"))
        ).all()
    assert actions == ["keys.trust", "keys.forget"]


def test_the_fingerprint_is_confirmed_on_a_terminal(
    capsys, outlet: Database, sqlite_db: Database, tmp_path, monkeypatch
):
    path = tmp_path / "outlet.rdkeys"
    path.write_text(keys_of(outlet).to_text(), encoding="utf-8")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _prompt: "no")
    assert run(capsys, sqlite_db, "trust", str(path), "--peer", "历下网点")[0] == 2
    monkeypatch.setattr("builtins.input", lambda _prompt: "yes")
    assert run(capsys, sqlite_db, "trust", str(path), "--peer", "历下网点")[0] == 0


def test_what_trusting_refuses(outlet: Database, sqlite_db: Database, migrated_sqlite, tmp_path):
    outlet_keys = keys_of(outlet)
    with sqlite_db.sessions.begin() as session:
        with pytest.raises(KeyRefused, match="本机自己的密钥文件"):
            trust_site(session, own_public_keys(session), "自己", by_id=None)
        with pytest.raises(KeyRefused, match="起一个名称"):
            trust_site(session, outlet_keys, "   ", by_id=None)
        trust_site(session, outlet_keys, "历下网点", by_id=None)
        trust_site(session, outlet_keys, "历下网点", by_id=None)  # again: nothing new
    second = copy_of(migrated_sqlite, tmp_path / "second" / "second.sqlite3")
    try:
        with sqlite_db.sessions.begin() as session:
            with pytest.raises(KeyRefused, match="已用于另一个站点"):
                trust_site(session, keys_of(second), "历下网点", by_id=None)
    finally:
        second.close()
    # The same site with other keys (a forger's, or a reinstalled outlet): only on request.
    forged = PublicKeys(outlet_keys.site_id, "历下网点", *_other_keys())
    with sqlite_db.sessions.begin() as session:
        with pytest.raises(KeyRefused, match="--replace"):
            trust_site(session, forged, "历下网点", by_id=None)
    with sqlite_db.sessions.begin() as session:
        assert trusted_sites(session)[0].keys.key_id == outlet_keys.key_id
        trust_site(session, forged, "历下网点", by_id=None, replace=True)
        assert trusted_sites(session)[0].keys.key_id == forged.key_id


def _other_keys() -> tuple[bytes, bytes]:
    other = Identity.generate("x", None).public
    return other.signing, other.agreement


def test_only_administrators_trust_forget_and_make_recovery_keys(
    outlet: Database, sqlite_db: Database
):
    from app.users import set_password, set_username

    outlet_keys = keys_of(outlet)
    with sqlite_db.sessions.begin() as session:
        operator = Staff(name="王芳", role="operator")
        admin = Staff(name="管理员", role="administrator")
        session.add_all([operator, admin])
        session.flush()
        set_username(session, admin.id, "admin")
        set_password(session, admin.id, "Admin-2026!xyz")
        operator_id, admin_id = operator.id, admin.id
    for attempt in (
        lambda s: trust_site(s, outlet_keys, "历下网点", by_id=operator_id),
        lambda s: make_recovery_key(s, by_id=operator_id),
    ):
        with sqlite_db.sessions.begin() as session, pytest.raises(NotPermitted):
            attempt(session)
    with sqlite_db.sessions.begin() as session:
        trust_site(session, outlet_keys, "历下网点", by_id=admin_id)
    with sqlite_db.sessions.begin() as session, pytest.raises(NotPermitted):
        forget_site(session, "历下网点", by_id=operator_id)
    with sqlite_db.sessions() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "keys.trust"))
    assert entry.actor == f"管理员 (#{admin_id})"
    assert entry.after["fingerprint"] == outlet_keys.fingerprint


def test_the_recovery_key_is_printed_once(capsys, sqlite_db: Database, tmp_path):
    code, out, _ = run(capsys, sqlite_db, "recovery")
    key_line, explanation = out.splitlines()[0], out.splitlines()[1]
    assert code == 0 and key_line.startswith("RK-") and "只显示这一次" in explanation
    assert keys_of(sqlite_db).fingerprint in explanation
    code, _, err = run(capsys, sqlite_db, "recovery")
    assert code == 2 and "--replace" in err
    code, out, _ = run(capsys, sqlite_db, "recovery", "--replace")
    assert code == 0 and out.splitlines()[0] != key_line
    code, out, _ = run(capsys, sqlite_db, "list")
    assert "恢复密钥：已于" in out
