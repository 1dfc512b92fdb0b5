"""The audit trail as a hash chain: every way an entry is written is sealed as its transaction
commits; an edited, deleted or inserted entry is found at the exact entry, on SQLite and on
PostgreSQL; seats appending at once keep one chain; the database refuses casual edits; the
migration seals the entries already there; `audit verify` says all this on the command line."""

from __future__ import annotations

import threading
import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy import create_engine, event, insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from app.audit import record_change
from app.audit_chain import (
    ALTERED,
    ANCHOR_CHANGED,
    ANCHOR_LOST,
    MISSING,
    UNSEALED,
    parse_anchor,
    verify_chain,
)
from app.zone import LOCAL_ZONE
from cli import main
from db.audit_hash import GENESIS, entry_hash
from db.database import Database, open_database
from db.engine import make_session_factory
from db.migrate import run_migrations, upgrade_database
from db.models import AuditEntry

START = datetime(2026, 11, 2, 9, tzinfo=LOCAL_ZONE)


def write_entries(database: Database, count: int, *, start: int = 0) -> list[int]:
    """`count` entries, each in a transaction of its own, as settings changed one by one."""
    ids = []
    for n in range(start, start + count):
        with database.sessions.begin() as session:
            record_change(
                session,
                actor_id=None,
                action="setting.change",
                entity="setting",
                entity_uid=None,
                before={"key": "desk.max_attempts", "value": n},
                after={"key": "desk.max_attempts", "value": n + 1, "note": f"电话 1381234{n:04d}"},
                at=START + timedelta(minutes=n),
            )
            ids.append(session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc())))
    return ids


def tamper(database: Database, sql: str, **params) -> None:
    """What someone with the database file, or a PostgreSQL log-in, can do: switch off the
    triggers that refuse it, run a statement, and switch them on again."""
    with database.engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            triggers = connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'audit_entries'"
            ).all()
            for name, _sql in triggers:
                connection.exec_driver_sql(f"DROP TRIGGER {name}")
            connection.execute(text(sql), params)
            for _name, sql_text in triggers:
                connection.exec_driver_sql(sql_text)
        else:
            connection.exec_driver_sql("ALTER TABLE audit_entries DISABLE TRIGGER USER")
            connection.execute(text(sql), params)
            connection.exec_driver_sql("ALTER TABLE audit_entries ENABLE TRIGGER USER")


def report(database: Database, anchor=None):
    with database.sessions() as session:
        return verify_chain(session, anchor)


def chain(database: Database) -> list[tuple[int, int | None, str | None]]:
    with database.sessions() as session:
        return [
            tuple(row)
            for row in session.execute(
                select(AuditEntry.id, AuditEntry.seq, AuditEntry.pending).order_by(AuditEntry.id)
            )
        ]


def test_every_way_of_writing_an_entry_is_sealed_in_the_order_written(any_db):
    with any_db.sessions.begin() as session:
        record_change(
            session,
            actor_id=None,
            action="setting.change",
            entity="setting",
            entity_uid=None,
            before=None,
            after={"key": "x"},
        )
        session.add(AuditEntry(action="form_b_corrected", entity="enterprise_feedback"))
        session.flush()
        session.execute(  # as the case import writes its entries, many at once
            insert(AuditEntry),
            [
                {"action": "case.import_update", "entity": "case", "after": {"phones": 2}},
                {"action": "case.import_update", "entity": "case", "after": {"n": 3}},
            ],
        )
    with any_db.sessions.begin() as session:
        with pytest.raises(ZeroDivisionError):
            with session.begin_nested():
                session.add(AuditEntry(action="lost", entity="case"))
                session.flush()
                raise ZeroDivisionError
        session.add(AuditEntry(action="kept", entity="case"))
    with pytest.raises(ZeroDivisionError), any_db.sessions.begin() as session:
        session.add(AuditEntry(action="rolled back", entity="case"))
        session.flush()
        raise ZeroDivisionError
    rows = chain(any_db)
    assert [seq for _id, seq, _pending in rows] == [1, 2, 3, 4, 5]
    assert [pending for *_, pending in rows] == [None] * 5
    result = report(any_db)
    assert result.intact and result.entries == 5 and result.head.seq == 5
    with any_db.sessions() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.seq == 3))
    assert entry.personal["keys"] == ["phones"] and len(entry.personal["salt"]) == 32


def _setting_changed(session, n: int) -> None:
    record_change(
        session,
        actor_id=None,
        action="setting.change",
        entity="setting",
        entity_uid=uuid.uuid4(),
        before=None,
        after={"n": n, "note": f"电话 1381234{n:04d}"},
    )


def test_entries_written_by_the_app_are_sealed_without_reading_them_back(any_db):
    """record_change keeps what its INSERT returned, so the seal at the commit reads only the
    chain's last entry (issue 23: each statement is a round trip on PostgreSQL)."""
    write_entries(any_db, 2)
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_rest) -> None:
        statements.append(statement)

    event.listen(any_db.engine, "before_cursor_execute", seen)
    try:
        with any_db.sessions.begin() as session:
            _setting_changed(session, 1)
            _setting_changed(session, 2)
            session.flush()
            statements.clear()
    finally:
        event.remove(any_db.engine, "before_cursor_execute", seen)
    assert not [s for s in statements if "pending" in s.lower() and "select" in s.lower()]
    rows = chain(any_db)
    assert [seq for _id, seq, _pending in rows] == [1, 2, 3, 4]
    result = report(any_db)
    assert result.intact and result.entries == 4


def test_entries_written_in_a_savepoint_rolled_back_are_not_sealed(any_db):
    with any_db.sessions.begin() as session:
        _setting_changed(session, 1)
        with pytest.raises(ZeroDivisionError):
            with session.begin_nested():
                _setting_changed(session, 2)
                session.add(AuditEntry(action="lost", entity="case"))
                raise ZeroDivisionError
        _setting_changed(session, 3)
    with any_db.sessions.begin() as session:  # written by the app alone, after a lost savepoint
        _setting_changed(session, 4)
        with pytest.raises(ZeroDivisionError):
            with session.begin_nested():
                _setting_changed(session, 5)
                raise ZeroDivisionError
    rows = chain(any_db)
    assert [(seq, pending) for _id, seq, pending in rows] == [(1, None), (2, None), (3, None)]
    with any_db.sessions() as session:
        kept = session.scalars(select(AuditEntry.after).order_by(AuditEntry.seq)).all()
    assert [after["n"] for after in kept] == [1, 3, 4]
    assert report(any_db).intact


def test_an_entry_of_the_app_gone_before_the_commit_fails_the_commit(sqlite_db):
    """The seal trusts what the INSERT returned (the database refuses deleting an entry, and
    a savepoint rolled back makes it read them back); should a row it was told of be missing
    at the commit all the same, nothing is sealed out of place and nothing is kept."""
    from types import SimpleNamespace

    with pytest.raises(RuntimeError, match="audit seal"):
        with sqlite_db.sessions.begin() as session:
            _setting_changed(session, 1)
            _token, rows = session.connection().info["revisitdesk.audit_written"]
            rows[0] = SimpleNamespace(**{**rows[0]._asdict(), "id": 10**9})
    assert chain(sqlite_db) == []


def test_an_edited_entry_is_found_at_that_entry(any_db):
    ids = write_entries(any_db, 6)
    tamper(
        any_db,
        "UPDATE audit_entries SET actor = '赵管理 (#1)' WHERE id = :id",
        id=ids[3],
    )
    result = report(any_db)
    (found,) = result.breaks
    assert (found.kind, found.entry_id, found.seq) == (ALTERED, ids[3], 4)
    assert result.entries == 3 and result.head.seq == 3
    assert f"第 {ids[3]} 条审计记录（链中第 4 位" in found.describe()


def test_an_edited_personal_value_is_found_though_it_enters_the_chain_as_a_digest(any_db):
    ids = write_entries(any_db, 4)
    with any_db.sessions() as session:
        after = session.scalar(select(AuditEntry.after).where(AuditEntry.id == ids[1]))
    tamper(
        any_db,
        "UPDATE audit_entries SET after = :after WHERE id = :id",
        after=_json({**after, "note": "电话 13900000000"}),
        id=ids[1],
    )
    (found,) = report(any_db).breaks
    assert (found.kind, found.entry_id) == (ALTERED, ids[1])


def test_a_deleted_entry_is_found_at_the_entry_after_it(any_db):
    ids = write_entries(any_db, 6)
    tamper(any_db, "DELETE FROM audit_entries WHERE id = :id", id=ids[2])
    (found,) = report(any_db).breaks
    assert (found.kind, found.entry_id, found.seq, found.missing) == (MISSING, ids[3], 4, 1)
    assert "之前缺少 1 条记录（链中第 3 位起）" in found.describe()


def test_a_deleted_entry_with_the_places_after_it_renumbered_is_found_too(any_db):
    ids = write_entries(any_db, 5)
    tamper(any_db, "DELETE FROM audit_entries WHERE id = :id", id=ids[1])
    for entry_id in ids[2:]:
        tamper(any_db, "UPDATE audit_entries SET seq = seq - 1 WHERE id = :id", id=entry_id)
    (found,) = report(any_db).breaks
    assert (found.kind, found.entry_id, found.seq) == (ALTERED, ids[2], 2)


def test_an_entry_put_in_directly_is_found_at_that_entry(any_db):
    ids = write_entries(any_db, 3)
    tamper(
        any_db,
        "INSERT INTO audit_entries (at, actor, action, entity) "
        "VALUES (:at, '赵管理 (#1)', 'staff.role', 'staff')",
        at=START.replace(tzinfo=None) if any_db.engine.dialect.name == "sqlite" else START,
    )
    write_entries(any_db, 2, start=3)  # later entries by the app do not take it into the chain
    result = report(any_db)
    (found,) = result.breaks
    inserted = ids[-1] + 1
    assert (found.kind, found.entry_id) == (UNSEALED, inserted)
    assert result.unsealed_count == 1 and result.entries == 5
    assert "不在链中" in found.describe()


def test_an_entry_put_in_with_a_place_and_a_made_up_hash_is_found_at_that_entry(any_db):
    ids = write_entries(any_db, 3)
    tamper(
        any_db,
        "INSERT INTO audit_entries (at, actor, action, entity, seq, hash) "
        "VALUES (:at, '赵管理 (#1)', 'staff.role', 'staff', 4, :hash)",
        at=START.replace(tzinfo=None) if any_db.engine.dialect.name == "sqlite" else START,
        hash="ab" * 32,
    )
    (found,) = report(any_db).breaks
    assert (found.kind, found.entry_id, found.seq) == (ALTERED, ids[-1] + 1, 4)


def test_an_entry_rewritten_with_its_hash_recomputed_breaks_the_link_to_the_next(any_db):
    ids = write_entries(any_db, 5)
    with any_db.sessions() as session:
        rows = session.execute(
            select(AuditEntry).where(AuditEntry.id.in_(ids[1:3])).order_by(AuditEntry.seq)
        ).scalars()
        previous, target = rows.all()
        forged = entry_hash(
            previous.hash,
            target.seq,
            target.at,
            "赵管理 (#1)",  # the forger puts another name in and computes the hash again
            target.action,
            target.entity,
            target.entity_uid,
            target.before,
            target.after,
            target.personal,
        )
    tamper(
        any_db,
        "UPDATE audit_entries SET actor = '赵管理 (#1)', hash = :hash WHERE id = :id",
        hash=forged,
        id=ids[2],
    )
    (found,) = report(any_db).breaks
    assert (found.kind, found.entry_id) == (ALTERED, ids[3])
    assert "此记录或其前一条在写入后被修改过" in found.describe()


def test_the_database_itself_refuses_deleting_or_changing_a_sealed_entry(any_db):
    ids = write_entries(any_db, 2)
    for statement in (
        "DELETE FROM audit_entries WHERE id = :id",
        "UPDATE audit_entries SET actor = 'someone' WHERE id = :id",
        "UPDATE audit_entries SET seq = 9 WHERE id = :id",
        "UPDATE audit_entries SET hash = NULL WHERE id = :id",
    ):
        with pytest.raises(DBAPIError, match="audit entr"), any_db.engine.begin() as connection:
            connection.execute(text(statement), {"id": ids[0]})
    assert report(any_db).intact


def test_a_head_noted_earlier_shows_entries_cut_from_the_end(any_db):
    ids = write_entries(any_db, 4)
    head = report(any_db).head
    anchor = parse_anchor(head.anchor())
    assert report(any_db, anchor).intact
    write_entries(any_db, 1, start=4)
    assert report(any_db, anchor).intact  # more entries since: fine
    for entry_id in reversed(ids[2:]):  # the last ones, taken off the end
        tamper(any_db, "DELETE FROM audit_entries WHERE id = :id", id=entry_id)
    result = report(any_db, anchor)
    assert [b.kind for b in result.breaks] == [MISSING, ANCHOR_LOST]  # the one written after
    tamper(any_db, "DELETE FROM audit_entries WHERE id > :id", id=ids[1])
    result = report(any_db, anchor)
    assert report(any_db).intact  # the chain alone cannot tell
    assert [b.kind for b in result.breaks] == [ANCHOR_LOST]
    assert "链尾的记录被删除了" in result.breaks[0].describe()


def test_a_head_rewritten_with_the_chain_after_it_is_found_by_the_anchor(any_db):
    write_entries(any_db, 3)
    head = report(any_db).head
    tamper(any_db, "UPDATE audit_entries SET hash = :hash WHERE seq = 3", hash="cd" * 32)
    result = report(any_db, (head.seq, head.hash))
    assert [b.kind for b in result.breaks] == [ALTERED, ANCHOR_CHANGED]


def test_an_anchor_is_read_as_verify_printed_it():
    assert parse_anchor(f" 12:{'AB' * 32} ") == (12, "ab" * 32)
    for wrong in ("12", "x:" + "ab" * 32, "12:abc", "12:" + "zz" * 32):
        with pytest.raises(ValueError, match="序号:哈希"):
            parse_anchor(wrong)


def test_an_empty_trail_is_intact(any_db):
    result = report(any_db)
    assert result.intact and result.head is None and result.summary() == "审计记录为空。"


# Many seats at once


@pytest.mark.postgres
def test_two_sessions_appending_at_once_on_postgresql_keep_one_chain(pg_db):
    first, second = pg_db.sessions(), pg_db.sessions()
    try:
        for session, n in ((first, 1), (second, 2), (first, 3), (second, 4)):
            record_change(
                session,
                actor_id=None,
                action="setting.change",
                entity="setting",
                entity_uid=None,
                before=None,
                after={"n": n},
            )
        # The second began later but commits first: it takes the first places.
        second.commit()
        first.commit()
    finally:
        first.close()
        second.close()
    with pg_db.sessions() as session:
        rows = session.execute(
            select(AuditEntry.seq, AuditEntry.after).order_by(AuditEntry.seq)
        ).all()
    assert [(seq, after["n"]) for seq, after in rows] == [(1, 2), (2, 4), (3, 1), (4, 3)]
    assert report(pg_db).intact


@pytest.mark.postgres
def test_a_seal_that_waited_for_the_lock_reads_the_entries_committed_meanwhile(pg_db):
    """The seal's lock and its read of the chain's last entry go to the server in one message:
    the read must still see what the lock's previous holder committed while this one waited
    (each statement its own snapshot), or two entries would take one place."""
    from app.audit_chain import CHAIN_LOCK_KEY

    holder = pg_db.sessions()
    waiting_done = threading.Event()
    failures = []
    try:
        holder.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK_KEY})
        _setting_changed(holder, 1)

        def other_seat() -> None:
            try:
                with pg_db.sessions.begin() as session:
                    _setting_changed(session, 2)
            except Exception as error:  # reported below
                failures.append(error)
            finally:
                waiting_done.set()

        seat = threading.Thread(target=other_seat)
        seat.start()
        waited = 0
        with pg_db.engine.connect() as watcher:  # until the other seat waits for the lock
            while not watcher.execute(
                text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
            ).scalar_one():
                waited += 1
                assert waited < 100_000 and not waiting_done.is_set(), failures
        holder.commit()
        seat.join()
    finally:
        holder.close()
    assert failures == []
    with pg_db.sessions() as session:
        rows = session.execute(
            select(AuditEntry.seq, AuditEntry.after).order_by(AuditEntry.seq)
        ).all()
    assert [(seq, after["n"]) for seq, after in rows] == [(1, 1), (2, 2)]
    assert report(pg_db).intact


def test_many_seats_appending_at_once_keep_one_chain(any_db):
    seats, each = 4, 12
    start = threading.Barrier(seats)
    failures = []

    def seat(number: int) -> None:
        try:
            start.wait()
            for n in range(each):
                with any_db.sessions.begin() as session:
                    record_change(
                        session,
                        actor_id=None,
                        action="setting.change",
                        entity="setting",
                        entity_uid=uuid.uuid4(),
                        before=None,
                        after={"seat": number, "n": n},
                    )
                    if n % 3 == 0:  # now and then two entries in one transaction
                        session.add(AuditEntry(action="kept", entity="case", after={"n": n}))
        except Exception as error:  # reported below, with the seat
            failures.append((number, error))

    threads = [threading.Thread(target=seat, args=(n,)) for n in range(seats)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    result = report(any_db)
    assert result.intact and result.entries == seats * (each + 4)
    with any_db.sessions() as session:
        seqs = session.scalars(select(AuditEntry.seq).order_by(AuditEntry.seq)).all()
    assert seqs == list(range(1, seats * (each + 4) + 1))


# The migration


def _json(value) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def test_the_migration_seals_the_entries_already_there_and_forgets_demo_passwords(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_engine(url)
    try:
        run_migrations(engine, "0014")
        with engine.begin() as connection:
            for n in range(5):
                connection.execute(
                    text(
                        'INSERT INTO audit_entries (at, actor, action, entity, "before", '
                        "\"after\") VALUES (:at, NULL, 'setting.change', 'setting', NULL, :after)"
                    ),
                    {
                        "at": (START + timedelta(minutes=n)).replace(tzinfo=None),
                        "after": _json({"value": n, "phone": "13812345678"}),
                    },
                )
            connection.execute(
                text(
                    "INSERT INTO settings (key, value, updated_at) VALUES ('demo.accounts', :v, :t)"
                ),
                {
                    "v": _json(
                        [
                            {
                                "username": "admin",
                                "password": "demo1234",
                                "name": "演示管理员",
                                "role": "administrator",
                            }
                        ]
                    ),
                    "t": START.replace(tzinfo=None),
                },
            )
        upgrade_database(engine)
        sessions = make_session_factory(engine)
        with sessions() as session:
            result = verify_chain(session)
            seqs = session.execute(
                select(AuditEntry.id, AuditEntry.seq).order_by(AuditEntry.id)
            ).all()
            demo = session.execute(
                text("SELECT value FROM settings WHERE key = 'demo.accounts'")
            ).scalar()
        assert result.intact and result.entries == 5
        assert [seq for _id, seq in seqs] == [1, 2, 3, 4, 5]
        assert "demo1234" not in demo and "admin" in demo
        with sessions.begin() as session:  # the app appends after them
            record_change(
                session,
                actor_id=None,
                action="x",
                entity="setting",
                entity_uid=None,
                before=None,
                after=None,
            )
        with sessions() as session:
            assert verify_chain(session).entries == 6
    finally:
        engine.dispose()


def test_the_first_hash_follows_the_genesis():
    at = datetime(2026, 1, 1, tzinfo=LOCAL_ZONE)
    one = entry_hash(GENESIS, 1, at, None, "a", "b", None, None, None, None)
    assert len(one) == 64 and one != entry_hash(
        "1" * 64, 1, at, None, "a", "b", None, None, None, None
    )
    # The time counts to the microsecond, whatever zone it is written in.
    assert one == entry_hash(GENESIS, 1, at.astimezone(), None, "a", "b", None, None, None, None)
    assert one != entry_hash(
        GENESIS, 1, at + timedelta(microseconds=1), None, "a", "b", None, None, None, None
    )


# The command line


def test_audit_verify_on_the_command_line(sqlite_url, tmp_path, capsys):
    url = sqlite_url  # a new database, made as `db create` makes one
    assert main(["--db", url, "settings", "coverage.target", "0.4"]) == 0
    assert main(["--db", url, "settings", "coverage.target", "0.5"]) == 0
    capsys.readouterr()
    assert main(["--db", url, "audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert "审计链完整：共 2 条记录" in out
    anchor = out.strip().splitlines()[-1].rpartition("：")[2]
    assert main(["--db", url, "audit", "verify", "--anchor", anchor]) == 0
    capsys.readouterr()
    assert main(["--db", url, "audit", "verify", "--anchor", "2:nothex"]) == 2
    assert "锚点应为" in capsys.readouterr().err

    database = open_database(url)
    try:
        tamper(database, "UPDATE audit_entries SET after = NULL WHERE seq = 1")
        first_id = chain(database)[0][0]
    finally:
        database.close()
    assert main(["--db", url, "audit", "verify", "--anchor", anchor]) == 3
    out = capsys.readouterr().out
    assert "审计链已被破坏" in out and f"第 {first_id} 条审计记录（链中第 1 位" in out


def test_exporting_the_trail_is_itself_audited(sqlite_url, tmp_path, capsys):
    url = sqlite_url  # a new database, made as `db create` makes one
    assert main(["--db", url, "settings", "coverage.target", "0.4"]) == 0
    assert main(["--db", url, "audit", "export", "-o", str(tmp_path / "a.xlsx")]) == 0
    database = open_database(url)
    try:
        with database.sessions() as session:
            entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "data.export"))
    finally:
        database.close()
    assert entry.after == {"what": "audit_trail", "file": str(tmp_path / "a.xlsx"), "rows": 1}


def test_a_failed_seal_fails_the_commit_and_nothing_is_kept(sqlite_db, monkeypatch):
    import app.audit_chain

    def broken(*_args, **_kwargs):
        raise IntegrityError("seal", {}, Exception("two entries at one place"))

    monkeypatch.setattr(app.audit_chain, "entry_hash", broken)
    with pytest.raises(IntegrityError), sqlite_db.sessions.begin() as session:
        record_change(
            session,
            actor_id=None,
            action="x",
            entity="setting",
            entity_uid=None,
            before=None,
            after={"kept": False},
        )
    monkeypatch.undo()
    assert chain(sqlite_db) == []


def test_every_action_the_app_records_has_a_title() -> None:
    """The audit viewer names each action in words; a code without a title showed as code."""
    import re
    from pathlib import Path

    from app.audit import ACTION_TITLES
    from app.sync.conflicts import DECISIONS

    top = Path(__file__).resolve().parents[2] / "app"
    codes = {
        match
        for path in top.rglob("*.py")
        for match in re.findall(r'action\s*=\s*"([a-z_]+\.[a-z_.]+)"', path.read_text("utf-8"))
    }
    codes |= {f"sync.conflict.{decision}" for decision in DECISIONS}
    assert sorted(code for code in codes if code not in ACTION_TITLES) == []
