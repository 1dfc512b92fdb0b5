"""A sync file sealed as it should be — signed by the outlet, encrypted to the centre, every hash,
size and count right — whose content is still wrong: a rating of "super" or 123, a round of
10³⁰, a time in the year 9999 at −14:00, JSON nested thousands deep, a line of gigabytes, a
reference to nothing. Each is refused whole, naming the table, line and field, and the database
is exactly as it was.

The files are made by the real export, then altered before they are sealed again with the
outlet's own keys: what a bug at the outlet, or someone holding its keys, could send.
"""

from __future__ import annotations

import hashlib
import io
import json
import tracemalloc
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app import i18n
from app.keys import sync_keyring
from app.sealed_archive import Sealing, open_archive
from app.sync import SyncRefused, export_changes, fileformat, import_sync_file, importer
from app.sync.checks import JSON_DEPTH, Fields, Invalid, _record_checks, field_checks, run
from app.sync.fileformat import (
    FORMAT_1_PREFIX,
    MANIFEST,
    SEAL_PREFIX,
    Part,
    SyncFile,
    SyncFileWriter,
    records_part,
)
from app.sync.records import CHUNK
from app.sync.tables import TABLES
from db.types import UTCDateTime
from tests.sealing_helpers import identity_of, rewrite

from .helpers import counts, exchange_keys, name_site, snapshot, sync_file

Records = list[dict[str, Any]]
OTHER_UID = "0b0b0b0b-0000-4000-8000-000000000000"  # a record's copy under another uid


def altered(
    source: Path,
    outlet,
    centre,
    *,
    records: dict[str, Callable[[Records], None]] | None = None,
    raw: dict[str, Callable[[bytes], bytes]] | None = None,
    manifest: Callable[[dict[str, Any]], None] | None = None,
    name: str = "altered",
) -> Path:
    """The export with its content changed — `records[table]` edits a table's records in place,
    `raw[part]` a part's bytes, `manifest` the manifest — and sealed again as the outlet seals:
    the manifest's sizes, hashes and counts made to match, signed with the outlet's keys and
    encrypted to the centre."""
    records, raw = records or {}, raw or {}
    written: dict[str, bytes] = {}

    def edit(part: str, data: bytes) -> bytes:
        if part == MANIFEST:
            return _manifest(data, written, manifest)
        table = part.removeprefix("records/").removesuffix(".jsonl")
        if table in records:
            lines = [json.loads(line) for line in data.splitlines()]
            records[table](lines)
            data = b"".join(json.dumps(r).encode("ascii") + b"\n" for r in lines)
        if part in raw:
            data = raw[part](data)
        written[part] = data
        return data

    with centre.sessions() as session:
        keys = sync_keyring(session)
    return rewrite(
        source,
        source.with_name(f"{name}.rdsync"),
        prefix=SEAL_PREFIX,
        format_1_prefix=FORMAT_1_PREFIX,
        opened_with=keys,
        edit=edit,
        signer=identity_of(outlet),
        recipients=(keys.own.public.recipient,),
    )


def _manifest(data: bytes, written: dict[str, bytes], change) -> bytes:
    manifest = json.loads(data)
    for part in manifest["parts"]:
        content = written[part["name"]]
        part["bytes"], part["sha256"] = len(content), hashlib.sha256(content).hexdigest()
        if "count" in part:
            part["count"] = content.count(b"\n")
            table = part.get("table") or "audit_entries"
            manifest["counts"][table] = part["count"]
    text = change(manifest) if change else None  # an edit in place, or the text to write
    return (text or json.dumps(manifest)).encode("ascii")


def data_of(table: str, index: int = 0, **values) -> dict[str, Callable[[Records], None]]:
    """An edit setting data values of a table's record (the first by default)."""
    return {table: lambda records: records[index]["data"].update(values)}


def refused(centre, path: Path) -> str:
    """The file is refused, with no traceback and nothing of it kept: not a row, not a file."""
    folder = Path(centre.engine.url.database or "").with_suffix(".attachments")
    before, records, files = counts(centre), snapshot(centre), _files(folder)
    with pytest.raises(SyncRefused) as caught:
        import_sync_file(centre, path)
    assert counts(centre) == before and snapshot(centre) == records
    assert _files(folder) == files
    message = str(caught.value)
    assert "没有导入" in message, message
    return message


def _files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_the_unaltered_file_imports(exported, outlet, sqlite_db):
    """The helper itself: sealed again without a change, the file is as good as the export."""
    again = altered(exported, outlet, sqlite_db)
    assert import_sync_file(sqlite_db, again).total("inserted") > 0


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("super", "“super”不是可用的值"),
        (123, "应为文字，不能是 123"),
        ("", "不是可用的值"),
        (True, "应为文字"),
    ],
)
def test_a_rating_that_is_not_one_is_refused(exported, outlet, sqlite_db, value, says):
    path = altered(exported, outlet, sqlite_db, records=data_of("evaluations", overall=value))
    message = refused(sqlite_db, path)
    assert "records/evaluations.jsonl 第 1 行的评价有误" in message
    assert "字段 overall" in message and says in message


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("round", 10**30, "超出范围"),
        ("round", 3, "超出范围：3（应在 1 到 2 之间）"),
        ("round", 1.0, "应为整数"),
        ("round", "1", "应为整数"),
        ("round", None, "不能为空"),
        ("round", float("nan"), "无法读取"),  # NaN is not JSON
        ("attempt", -1, "超出范围"),
        ("channel", "carrier_pigeon", "不是可用的值"),
        ("integrity_breach", "有", "应为 true 或 false"),
        ("invalid_reason", "because", "不是可用的值"),
        ("labels", ["慢"] * 21, "太多"),
        ("labels", "慢", "应为列表"),
        ("labels", [1, 2], "应为文字的列表"),
        ("original", ["not", "an", "object"], "应为对象"),
        ("case_id", "not-a-uid", "不是有效的 UUID"),
        ("fingerprint", "f" * 65, "太长（65 个字，最多 64 个）"),
    ],
)
def test_evaluation_values_out_of_type_or_range_are_refused(
    exported, outlet, sqlite_db, field, value, says
):
    path = altered(exported, outlet, sqlite_db, records=data_of("evaluations", **{field: value}))
    message = refused(sqlite_db, path)
    assert "records/evaluations.jsonl 第 1 行" in message and says in message, message
    if "无法读取" not in says:
        assert f"字段 {field}" in message


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("9999-12-31T23:59:59-14:00", "不在 1900—2100 年之间"),
        ("0001-01-01T00:00:00+14:00", "不在 1900—2100 年之间"),
        ("2026-07-12T10:00:00-15:00", "时区偏移不存在"),
        ("2026-07-12T10:00:00", "没有时区"),
        ("2026-02-30T10:00:00+08:00", "不是有效时间"),
        ("yesterday", "不是有效时间"),
        (1783850400, "应为带时区的时间"),
        ("2026-07-12T10:00:00+08:00" + " " * 100, "应为带时区的时间"),
    ],
)
def test_times_that_are_no_real_moment_are_refused(exported, outlet, sqlite_db, value, says):
    path = altered(exported, outlet, sqlite_db, records=data_of("evaluations", evaluated_at=value))
    message = refused(sqlite_db, path)
    assert "字段 evaluated_at" in message and says in message, message


def test_a_time_with_a_real_zone_is_stored_as_the_same_moment(exported, outlet, sqlite_db):
    path = altered(
        exported,
        outlet,
        sqlite_db,
        records=data_of("evaluations", evaluated_at="2026-07-12T23:30:00-12:00"),
    )
    import_sync_file(sqlite_db, path)
    from sqlalchemy import select

    from db.models import Evaluation

    with sqlite_db.sessions() as session:
        moments = session.scalars(select(Evaluation.evaluated_at)).all()
    assert "2026-07-13 11:30:00+00:00" in {str(m) for m in moments}


@pytest.mark.parametrize(
    ("table", "values", "says"),
    [
        ("cases", {"completed_on": "2026-02-30"}, "不是有效日期"),
        ("cases", {"completed_on": "9999-01-01"}, "不在 1900—2100 年之间"),
        ("cases", {"completed_on": None}, "字段 completed_on 不能为空"),
        ("cases", {"case_no": "J" * 65}, "字段 case_no 太长（65 个字，最多 64 个）"),
        ("cases", {"applicant": "张" * 201}, "字段 applicant 太长"),
        ("cases", {"steps": -1}, "字段 steps 超出范围"),
        ("cases", {"registration_fee_fen": -800}, "字段 registration_fee_fen 超出范围"),
        ("cases", {"registration_fee_fen": 2**31}, "字段 registration_fee_fen 超出范围"),
        ("cases", {"is_enterprise": "yes"}, "字段 is_enterprise 应为 true 或 false"),
        ("cases", {"applicant": "张\x00三"}, "无法保存的字符"),
        ("cases", {"applicant": "张\ud800三"}, "无法保存的字符"),
        ("cases", {"phones": [[0, "13812345678", None, None]]}, "字段 phones 每个号码应为 5 项"),
        ("cases", {"phones": [[0, "1" * 101, None, None, None]]}, "phones.original 太长"),
        ("cases", {"phones": [[0, "138", None, None, "mobile"]] * 51}, "号码太多"),
        ("cases", {"phones": "13812345678"}, "字段 phones 应为列表"),
        ("units", {"name": None}, "字段 name 不能为空"),
        ("staff", {"role": "administrator"}, "字段 role 不是本程序认识的字段"),
        ("complaints", {"status": "lost"}, "字段 status “lost”不是可用的值"),
        ("complaints", {"content": "投" * 70_000}, "字段 content 太长"),
        ("callback_contacts", {"means": "telepathy"}, "字段 means"),
        ("callback_tasks", {"reopened_count": -3}, "字段 reopened_count 超出范围"),
        ("enterprise_feedback", {"satisfaction": "super"}, "字段 satisfaction"),
        ("attachments", {"sha256": "../../../../etc/passwd"}, "不是 SHA-256"),
        ("scan_pages", {"page_index": -1}, "字段 page_index 超出范围"),
        ("call_queue", {"kind": "vip"}, "字段 kind"),
        ("supervision_orders", {"reply_due": "2026-07-08T00:00:00"}, "字段 reply_due 应为日期"),
    ],
)
def test_values_every_table_cannot_hold_are_refused(
    exported, outlet, sqlite_db, table, values, says
):
    path = altered(exported, outlet, sqlite_db, records=data_of(table, **values))
    message = refused(sqlite_db, path)
    assert f"records/{table}.jsonl 第 1 行" in message and says in message, message


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda r: r.update(uid="x"), "字段 uid 不是有效的 UUID"),
        (lambda r: r.update(versions=[]), "字段 versions 不能为空"),
        (lambda r: r.update(history=[f"site:{i}" for i in range(201)]), "字段 history 太多"),
        (lambda r: r.update(versions=["v" * 101]), "字段 versions 太长"),
        (lambda r: r.update(origin="o" * 65), "字段 origin 太长"),
        (lambda r: r.update(created_at="9999-12-31T23:59:59-14:00"), "字段 created_at"),
        (lambda r: r.update(sneaky=1), "字段 'sneaky' 不是本程序认识的字段"),
        (lambda r: r.pop("updated_at"), "字段 updated_at 缺失"),
        (lambda r: r.update(data=[1, 2]), "字段 data 应为对象"),
    ],
)
def test_a_records_uid_times_and_versions_are_checked_too(
    exported, outlet, sqlite_db, change, says
):
    path = altered(exported, outlet, sqlite_db, records={"units": lambda rs: change(rs[0])})
    message = refused(sqlite_db, path)
    assert "records/units.jsonl 第 1 行的受理单位有误" in message and says in message, message


def test_a_line_that_is_not_an_object_is_refused(exported, outlet, sqlite_db):
    path = altered(exported, outlet, sqlite_db, records={"staff": lambda rs: rs.append([1, 2])})
    message = refused(sqlite_db, path)
    assert "records/staff.jsonl 第 4 行" in message and "应为 JSON 对象" in message


def test_json_nested_thousands_deep_is_refused(exported, outlet, sqlite_db):
    deep = b"[" * 100_000 + b"]" * 100_000

    def nest(data: bytes) -> bytes:
        first, rest = data.split(b"\n", 1)
        assert b'"original":null' in first
        return first.replace(b'"original":null', b'"original":' + deep, 1) + b"\n" + rest

    path = altered(exported, outlet, sqlite_db, raw={"records/evaluations.jsonl": nest})
    message = refused(sqlite_db, path)
    assert "records/evaluations.jsonl 第 1 行无法读取（嵌套太深）" in message


def test_json_nested_deeper_than_a_column_holds_is_refused(exported, outlet, sqlite_db):
    nested: Any = "底"
    for _ in range(JSON_DEPTH + 1):
        nested = {"层": nested}
    path = altered(exported, outlet, sqlite_db, records=data_of("evaluations", original=nested))
    message = refused(sqlite_db, path)
    assert "字段 original 嵌套太深" in message


def test_a_line_longer_than_the_limit_is_refused_before_it_is_read_whole(
    exported, outlet, sqlite_db, monkeypatch
):
    """As a line of gigabytes would be, at a limit lowered to a few kilobytes."""
    path = altered(
        exported, outlet, sqlite_db, records=data_of("evaluations", 1, suggestion="长" * 3000)
    )
    monkeypatch.setattr(fileformat, "MAX_LINE_BYTES", 4096)
    message = refused(sqlite_db, path)
    assert "records/evaluations.jsonl 第 2 行太长（超过 4096 字节）" in message


class _EndlessLine(io.RawIOBase):
    """A part that is one line never ending (a 3 GiB line, or more); reading far more of it
    than the limit fails the test instead of filling the memory."""

    def __init__(self, budget: int) -> None:
        super().__init__()
        self.budget, self.given = budget, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        assert self.given <= self.budget, f"read {self.given} bytes of one line"
        count = len(buffer)
        buffer[:count] = b"x" * count
        self.given += count
        return count


class _Archive:
    def __init__(self, budget: int) -> None:
        self.budget = budget

    def open(self, _name: str) -> io.BufferedReader:
        return io.BufferedReader(_EndlessLine(self.budget), 1 << 16)


@pytest.mark.parametrize("limit", [4096, 1 << 20, fileformat.MAX_LINE_BYTES])
def test_an_endless_line_is_never_read_whole(monkeypatch, tmp_path, limit):
    monkeypatch.setattr(fileformat, "MAX_LINE_BYTES", limit)
    three_gib = 3 << 30
    part = Part(records_part("cases"), three_gib, "0" * 64, 1, "cases")
    archive: Any = _Archive(budget=2 * limit + (1 << 20))

    with pytest.raises(SyncRefused, match=f"第 1 行太长（超过 {limit} 字节）"):
        fileformat._check_part(archive, part)
    opened = SyncFile(tmp_path / "x.rdsync", "0" * 64, {}, {part.name: part}, archive)
    with pytest.raises(SyncRefused, match=f"第 1 行太长（超过 {limit} 字节）"):
        list(opened.records("cases"))


def test_a_part_longer_than_the_manifest_says_stops_being_read(monkeypatch):
    archive: Any = _Archive(budget=4 << 20)
    part = Part("blobs/" + "0" * 64, 1 << 20, "0" * 64)
    with pytest.raises(SyncRefused, match="校验值不符"):
        fileformat._check_part(archive, part)


def test_an_attachment_larger_than_any_site_accepts_is_refused(
    exported, outlet, sqlite_db, monkeypatch
):
    monkeypatch.setattr(fileformat, "_largest_blob", lambda: 10)
    message = refused(sqlite_db, exported)
    assert "附件 blobs/" in message and "太大" in message


def test_a_reference_to_a_record_neither_here_nor_in_the_file_is_refused(
    exported, outlet, sqlite_db
):
    nobody = "00000000-0000-4000-8000-000000000000"
    path = altered(exported, outlet, sqlite_db, records=data_of("evaluations", 1, case_id=nobody))
    message = refused(sqlite_db, path)
    assert "records/evaluations.jsonl 第 2 行的评价有误：字段 case_id 引用的业务件" in message
    assert nobody in message


def test_a_reference_to_a_record_already_here_is_found_here(exported, outlet, sqlite_db):
    """A file whose staff name a unit it does not carry, which the centre has from before."""
    import_sync_file(sqlite_db, exported)
    path = altered(exported, outlet, sqlite_db, records={"units": lambda units: units.clear()})
    summary = import_sync_file(sqlite_db, path)
    assert summary.total("unchanged") > 0 and "units" not in summary.tables


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda e: e.update(actor={"name": "管理员"}), "字段 actor 应为文字"),
        (lambda e: e.update(at="2026-07-01T10:00:00"), "字段 at 没有时区"),
        (lambda e: e.update(after=["a", "list"]), "字段 after 应为对象"),
        (lambda e: e.update(action="a" * 51), "字段 action 太长"),
        (lambda e: e.update(entity_uid=7), "字段 entity_uid 应为 UUID"),
    ],
)
def test_a_malformed_audit_entry_is_refused_and_no_attachment_kept(
    exported, outlet, sqlite_db, change, says
):
    """The audit trail comes last in a file, after the attachments' records: still nothing."""
    path = altered(
        exported, outlet, sqlite_db, records={"audit_entries": lambda es: change(es[-1])}
    )
    message = refused(sqlite_db, path)
    assert "records/audit_entries.jsonl 第 3 行的审计记录有误" in message and says in message


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda m: m.update(sequence="abc"), "sequence: 应为整数"),
        (lambda m: m.update(sequence=10**30), "sequence: 超出范围"),
        (lambda m: m.update(until="9999-12-31T23:59:59-14:00"), "until: 不在 1900—2100"),
        (lambda m: m.update(since=17), "since: 应为带时区的时间"),
        (lambda m: m["site"].update(name="网" * 201), "site.name: 太长"),
        (lambda m: m.update(counts=[1]), "counts: 应为对象"),
        (lambda m: m["parts"][0].update(bytes="382"), "parts[1].bytes: 应为整数"),
        (lambda m: m["parts"][1].update(sha256="../x"), "parts[2].sha256: 不是 SHA-256"),
    ],
)
def test_a_malformed_manifest_is_refused(exported, outlet, sqlite_db, change, says):
    path = altered(exported, outlet, sqlite_db, manifest=change)
    message = refused(sqlite_db, path)
    assert "同步文件的清单有误" in message and says in message, message


def test_nothing_is_kept_of_a_file_refused_at_its_last_record_on_any_database(
    exported_to_any, outlet, any_db
):
    """Everything before the bad queue entry was written in the transaction, then undone."""
    path = altered(exported_to_any, outlet, any_db, records=data_of("call_queue", status="lost"))
    message = refused(any_db, path)
    assert "records/call_queue.jsonl 第 1 行的回访队列有误：字段 status" in message


def test_text_postgresql_would_refuse_is_refused_on_any_database(exported_to_any, outlet, any_db):
    path = altered(
        exported_to_any, outlet, any_db, records=data_of("complaints", content="窗口\x00排队")
    )
    assert "字段 content 含有无法保存的字符" in refused(any_db, path)


def test_refusals_say_it_in_english_too(exported, outlet, sqlite_db):
    path = altered(exported, outlet, sqlite_db, records=data_of("evaluations", overall="super"))
    i18n.set_language("en")
    try:
        before = counts(sqlite_db)
        with pytest.raises(SyncRefused) as caught:
            import_sync_file(sqlite_db, path)
        assert counts(sqlite_db) == before
    finally:
        i18n.set_language("zh")
    assert str(caught.value) == (
        "The evaluation on line 1 of records/evaluations.jsonl in the sync file is invalid: "
        "overall: 'super' is not one of average, dissatisfied, satisfied, very_satisfied. "
        "Nothing of the file was imported"
    )


@pytest.mark.parametrize(
    ("edit", "says"),
    [
        (
            data_of("evaluations", 1, case_id="0a0a0a0a-0000-4000-8000-000000000000"),
            "The evaluation on line 2 of records/evaluations.jsonl in the sync file is invalid: "
            "case_id: refers to case 0a0a0a0a-0000-4000-8000-000000000000, which is neither in "
            "the file nor in this database. Nothing of the file was imported",
        ),
        (
            {"cases": lambda rs: rs[0]["data"].pop("case_no")},
            "The case on line 1 of records/cases.jsonl in the sync file is invalid: case_no: is "
            "missing. Nothing of the file was imported",
        ),
        (
            {"complaints": lambda rs: rs.append({**rs[0], "uid": "complaint-2"})},
            "The complaint on line 2 of records/complaints.jsonl in the sync file is invalid: "
            "uid: is not a UUID: 'complaint-2'. Nothing of the file was imported",
        ),
        (
            {"complaints": lambda rs: rs.append({**rs[0], "uid": OTHER_UID})},
            "The complaint on line 2 of records/complaints.jsonl in the sync file is invalid: "
            "number: is the same as another record's in the file. Nothing of the file was "
            "imported",
        ),
        (
            data_of("enterprise_feedback", status="lost"),
            "The form B on line 1 of records/enterprise_feedback.jsonl in the sync file is "
            "invalid: status: 'lost' is not one of",
        ),
        (
            data_of("cases", applicant="张\x00三"),
            "applicant: holds characters that cannot be stored.",
        ),
    ],
)
def test_each_kind_of_refusal_says_it_in_english_too(exported, outlet, sqlite_db, edit, says):
    path = altered(exported, outlet, sqlite_db, records=edit)
    before, rows = counts(sqlite_db), snapshot(sqlite_db)
    i18n.set_language("en")
    try:
        with pytest.raises(SyncRefused) as caught:
            import_sync_file(sqlite_db, path)
    finally:
        i18n.set_language("zh")
    assert says in str(caught.value), str(caught.value)
    assert counts(sqlite_db) == before and snapshot(sqlite_db) == rows


def test_personal_numbers_in_a_refused_value_are_not_shown(exported, outlet, sqlite_db):
    path = altered(
        exported, outlet, sqlite_db, records=data_of("evaluations", overall="13812345678")
    )
    message = refused(sqlite_db, path)
    assert "13812345678" not in message and "字段 overall" in message


# The checks come from the models: a column is checked by its type without a rule of its own.


def test_every_travelling_column_is_checked_by_its_type_and_width():
    for spec in TABLES:
        _meta, data = _record_checks(spec.name)
        assert set(data) == set(spec.columns) | ({"phones"} if spec.name == "cases" else set())
        for name in spec.columns:
            column = spec.column(name)

            def check(value: Any, name: str = name, data: Fields = data) -> None:
                run(data, {name: value})

            with pytest.raises(Invalid):
                check({"x": float("nan")})  # no column takes it: not an object, not JSON
            if column.nullable:
                check(None)
            else:
                with pytest.raises(Invalid, match="不能为空"):
                    check(None)
            if column.foreign_keys:
                continue
            length = getattr(column.type, "length", None)
            if length:
                with pytest.raises(Invalid):
                    check("x" * (length + 1))
            if isinstance(column.type, Integer):
                with pytest.raises(Invalid, match="超出范围"):
                    check(2**31)
            if isinstance(column.type, UTCDateTime):
                with pytest.raises(Invalid, match="不在"):
                    check("9999-12-31T23:59:59-14:00")
                check("2026-07-01T10:00:00+08:00")


class _Base(DeclarativeBase):
    pass


class _NewTable(_Base):
    """A table of a later version: its columns are checked with no rule written for them."""

    __tablename__ = "new_table"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(8))
    note: Mapped[str | None] = mapped_column(String(20))
    amount: Mapped[int | None] = mapped_column(Integer)
    answers: Mapped[dict[str, Any] | None] = mapped_column(JSON)


def test_a_new_column_is_checked_without_a_new_rule():
    checks = field_checks(_NewTable, "new_table", ("code", "note", "amount", "answers"))
    run(checks, {"code": "ABCDEFGH", "note": None, "amount": 7, "answers": {"a": [1]}})
    for name, value in [
        ("code", None),
        ("code", "ABCDEFGHI"),
        ("note", 5),
        ("amount", 10**30),
        ("amount", "7"),
        ("answers", ["a"]),
    ]:
        with pytest.raises(Invalid) as caught:
            run(checks, {name: value})
        assert caught.value.field == name


@pytest.mark.parametrize("chunk", [CHUNK, 1])
def test_a_record_twice_in_a_file_is_refused(exported, outlet, sqlite_db, monkeypatch, chunk):
    """Also when the two are applied in different chunks (the first is stored by then)."""
    monkeypatch.setattr(importer, "CHUNK", chunk)
    path = altered(exported, outlet, sqlite_db, records={"staff": lambda rs: rs.append(rs[0])})
    message = refused(sqlite_db, path)
    assert "records/staff.jsonl 第 4 行的人员有误：字段 uid 与前面一条记录相同" in message


def test_a_uid_twice_in_other_letters_is_the_same_record(exported, outlet, sqlite_db):
    def again(staff: Records) -> None:
        staff.append({**staff[0], "uid": staff[0]["uid"].upper()})

    path = altered(exported, outlet, sqlite_db, records={"staff": again})
    assert "第 4 行的人员有误：字段 uid 与前面一条记录相同" in refused(sqlite_db, path)


def _copy_of_first(records_of_table: Records) -> None:
    """The table's first record again under another uid: the same 业务编号, 投诉编号 …"""
    records_of_table.append({**records_of_table[0], "uid": OTHER_UID})


@pytest.mark.parametrize("chunk", [CHUNK, 1])
@pytest.mark.parametrize(
    ("table", "line", "field"),
    [
        ("cases", 3, "case_no"),
        ("units", 2, "name"),
        ("supervision_orders", 2, "complaint_id, sequence"),
        ("complaints", 2, "number"),
        ("enterprise_feedback", 2, "case_id"),
    ],
)
def test_two_records_with_one_unique_key_are_refused(
    exported, outlet, sqlite_db, monkeypatch, chunk, table, line, field
):
    """Two records the sender could not hold at once (a unique 业务编号 …): whether both are new
    in one chunk, or the second would be taken for the first one stored a chunk before."""
    monkeypatch.setattr(importer, "CHUNK", chunk)
    path = altered(exported, outlet, sqlite_db, records={table: _copy_of_first})
    message = refused(sqlite_db, path)
    assert f"records/{table}.jsonl 第 {line} 行" in message
    assert f"字段 {field} 与文件中另一条记录相同" in message


def test_a_second_record_for_a_case_already_here_is_refused(exported, outlet, sqlite_db):
    import_sync_file(sqlite_db, exported)
    path = altered(exported, outlet, sqlite_db, records={"cases": _copy_of_first})
    message = refused(sqlite_db, path)
    assert "records/cases.jsonl 第 3 行的业务件有误：字段 case_no 与文件中另一条记录相同" in message


@pytest.mark.parametrize("chunk", [CHUNK, 1])
def test_two_people_of_one_name_in_one_unit_still_travel(
    exported, outlet, sqlite_db, monkeypatch, chunk
):
    """A name and unit is how staff are recognised, not a unique key: two may share it."""
    monkeypatch.setattr(importer, "CHUNK", chunk)
    path = altered(exported, outlet, sqlite_db, records={"staff": _copy_of_first})
    assert import_sync_file(sqlite_db, path).tables["staff"].inserted >= 3


@pytest.mark.parametrize(
    ("table", "field"),
    [
        ("cases", "case_no"),
        ("cases", "completed_on"),
        ("evaluations", "case_id"),
        ("evaluations", "evaluated_at"),
        ("units", "name"),
        ("callback_contacts", "means"),
    ],
)
def test_a_record_without_a_value_it_cannot_do_without_is_refused(
    exported, outlet, sqlite_db, table, field
):
    path = altered(
        exported, outlet, sqlite_db, records={table: lambda rs: rs[0]["data"].pop(field)}
    )
    message = refused(sqlite_db, path)
    assert f"records/{table}.jsonl 第 1 行" in message and f"字段 {field} 缺失" in message


def test_a_record_without_a_column_that_has_a_default_or_takes_null_still_imports(
    exported, outlet, sqlite_db
):
    """As an older version of the app sends it: what it leaves out takes its default here."""

    def older(evaluations: Records) -> None:
        for evaluation in evaluations:
            for name in ("source_channel", "attempt", "valid", "labels"):
                evaluation["data"].pop(name, None)

    path = altered(exported, outlet, sqlite_db, records={"evaluations": older})
    summary = import_sync_file(sqlite_db, path)
    assert summary.tables["evaluations"].inserted == 2


@pytest.mark.parametrize(
    ("table", "index", "field", "target"),
    [
        ("staff", 0, "unit_id", "受理单位"),
        ("cases", 0, "handler_id", "人员"),
        ("cases", 0, "unit_id", "受理单位"),
        ("evaluations", 0, "case_id", "业务件"),
        ("complaints", 0, "staff_id", "人员"),
        ("scan_pages", 0, "attachment_id", "附件"),
    ],
)
def test_a_reference_to_a_unit_staff_or_case_nowhere_is_refused(
    exported, outlet, sqlite_db, table, index, field, target
):
    nobody = "0a0a0a0a-0000-4000-8000-000000000000"
    path = altered(exported, outlet, sqlite_db, records=data_of(table, index, **{field: nobody}))
    message = refused(sqlite_db, path)
    assert f"records/{table}.jsonl 第 {index + 1} 行" in message
    assert f"字段 {field} 引用的{target}（{nobody}）在文件和本库中都没有" in message


def test_a_part_whose_last_line_does_not_end_is_refused(exported, outlet, sqlite_db):
    """What follows the last newline is no record the manifest counts: refused, not skipped."""
    path = altered(
        exported, outlet, sqlite_db, raw={"records/units.jsonl": lambda data: data + b'{"uid"'}
    )
    message = refused(sqlite_db, path)
    assert "records/units.jsonl 第 2 行无法读取（没有以换行结束）" in message


def test_a_manifest_nested_thousands_deep_is_refused(exported, outlet, sqlite_db):
    def deep(manifest: dict[str, Any]) -> str:
        return json.dumps(manifest)[:-1] + ', "deep": ' + "[" * 100_000 + "]" * 100_000 + "}"

    path = altered(exported, outlet, sqlite_db, manifest=deep)
    assert "这不是回访台的同步文件" in refused(sqlite_db, path)


def test_an_envelope_nested_thousands_deep_is_refused(exported, outlet, sqlite_db, monkeypatch):
    """The archive's own envelope, signed by the outlet: refused as damaged, no RecursionError."""
    from app import sealed_archive

    dumps = json.dumps

    def deep_envelope(value: Any, **options: Any) -> str:
        text = dumps(value, **options)
        if isinstance(value, dict) and "recipients" in value:
            text = text[:-1] + ', "deep": ' + "[" * 100_000 + "]" * 100_000 + "}"
        return text

    with monkeypatch.context() as patch:
        patch.setattr(sealed_archive.json, "dumps", deep_envelope)
        path = altered(exported, outlet, sqlite_db)
    assert "已被改动或损坏" in refused(sqlite_db, path)


def _streamed(source: Path, outlet, centre, table: str, pieces: Iterable[bytes]) -> Path:
    """The export with the part of `table` replaced by one record line written a piece at a
    time, as the outlet's own writer writes a part (so never whole in memory), signed with its
    keys and encrypted to the centre."""
    with centre.sessions() as session:
        keys = sync_keyring(session)
    target = source.with_name("streamed.rdsync")
    sealing = Sealing(identity_of(outlet), (keys.own.public.recipient,))
    with open_archive(source, SEAL_PREFIX, keys, format_1_prefix=FORMAT_1_PREFIX) as archive:
        manifest = json.loads(archive.read(MANIFEST))
        writer = SyncFileWriter(target, sealing)
        for listed in manifest.pop("parts"):
            name = listed["name"]
            if "count" not in listed:
                writer.write_blob(name.removeprefix("blobs/"), archive.read(name))
                continue
            writer.begin_records(name, listed.get("table"))
            assert writer._open is not None
            stream, part = writer._open
            if name == records_part(table):
                for piece in pieces:
                    stream.write(piece)
                part.count = manifest["counts"][table] = 1
            else:
                stream.write(archive.read(name))
                part.count = listed["count"]
            writer.end_records()
        writer.finish(manifest)
    return target


def test_a_sealed_line_of_many_megabytes_is_refused_in_little_memory(exported, outlet, sqlite_db):
    """A line far longer than any record, compressed and encrypted as the app writes it (64
    MiB of it inflate from under a megabyte, as 3 GiB would from a few): read a chunk at a time,
    never inflated whole, and refused at the limit."""
    megabyte = b"x" * (1 << 20)
    pieces = [b'{"uid":"', *([megabyte] * 64), b'"}\n']
    path = _streamed(exported, outlet, sqlite_db, "evaluations", pieces)
    assert path.stat().st_size < 2 << 20
    tracemalloc.start()
    try:
        message = refused(sqlite_db, path)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    limit = fileformat.MAX_LINE_BYTES
    assert f"records/evaluations.jsonl 第 1 行太长（超过 {limit} 字节）" in message
    assert peak < 24 << 20, f"{peak / 2**20:.0f} MiB"


def test_an_envelope_or_manifest_larger_than_any_is_not_read(
    exported, outlet, sqlite_db, monkeypatch
):
    from app import sealed_archive

    monkeypatch.setattr(fileformat, "MAX_MANIFEST_BYTES", 100)
    assert "清单太大" in refused(sqlite_db, exported)
    monkeypatch.setattr(sealed_archive, "ENVELOPE_LIMIT", 100)
    assert "已被改动或损坏" in refused(sqlite_db, exported)


def test_the_command_line_says_why_and_exits_2(capsys, exported, outlet, sqlite_db):
    from cli import main

    path = altered(exported, outlet, sqlite_db, records=data_of("evaluations", round=10**30))
    before = counts(sqlite_db)
    code = main(["--db", sqlite_db.url, "sync", "import", str(path)])
    _out, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in err
    assert "records/evaluations.jsonl 第 1 行的评价有误：字段 round 超出范围" in err
    assert counts(sqlite_db) == before


def test_what_the_importers_make_passes_the_checks(outlet, sqlite_db, tmp_path):
    """Demo data goes through the real importers (cases, evaluations, ledger, callbacks): all of
    it travels, none of it refused."""
    from datetime import date

    from app.demo import fill_demo_data

    name_site(outlet, "历下网点")
    exchange_keys(outlet, sqlite_db)
    with outlet.sessions.begin() as session:
        fill_demo_data(session, cases=300, seed=3, today=date(2026, 7, 1))
    path = sync_file(tmp_path, "demo")
    sent = export_changes(outlet, path)
    summary = import_sync_file(sqlite_db, path)
    assert summary.total("inserted") == sum(sent.counts.values())
    assert sent.counts["cases"] == 300 and sent.counts["evaluations"] > 0


def test_every_domain_rule_names_a_travelling_column():
    """A rule for a column renamed or gone would check nothing: it must be noticed."""
    from app.sync.checks import domain_rules
    from app.sync.tables import BY_NAME

    for table, column in domain_rules():
        assert column in BY_NAME[table].columns, f"{table}.{column}"


_HOSTILE: list[Any] = [
    None,
    "",
    "super",
    123,
    -1,
    0,
    10**30,
    -(10**30),
    2**63,
    1.5,
    float("inf"),  # written as Infinity: not JSON
    True,
    [],
    {},
    json.loads("[" * 20 + '"深"' + "]" * 20),
    "长" * 70_000,
    "张\x00三",
    "\ud800",
    "9999-12-31T23:59:59-14:00",
    "2026-07-01T10:00:00+15:00",
    "0001-01-01",
    "2026-02-30",
    "9999-99-99",
    "0a0a0a0a-0000-4000-8000-000000000000",
    "not-a-uid",
    {"键": "\x00"},
    ["a", 1, None],
]


def test_hostile_values_anywhere_are_refused_or_stored_never_a_crash(
    exported, outlet, sqlite_db, rng
):
    """Any value in any field of any record, or a field taken away or added: the file imports
    (the value was one the field may hold) or is refused with nothing kept — no other end."""
    with open_archive(
        exported, SEAL_PREFIX, _keys(sqlite_db), format_1_prefix=FORMAT_1_PREFIX
    ) as archive:
        tables = [
            (name.removeprefix("records/").removesuffix(".jsonl"), archive.read(name).count(b"\n"))
            for name in archive.names
            if name.startswith("records/")
        ]
    for attempt in range(25):
        table, count = rng.choice(tables)
        index, value = rng.randrange(count), rng.choice(_HOSTILE)

        def mutate(records: Records, index: int = index, value: Any = value) -> None:
            record = records[index]
            target = record if rng.random() < 0.25 else record.get("data", record)
            if not isinstance(target, dict):
                return
            field = rng.choice(sorted(target) + ["unknown"])
            if rng.random() < 0.1:
                target.pop(field, None)
            else:
                target[field] = value

        path = altered(
            exported, outlet, sqlite_db, records={table: mutate}, name=f"hostile-{attempt}"
        )
        before, rows = counts(sqlite_db), snapshot(sqlite_db)
        try:
            import_sync_file(sqlite_db, path)
        except SyncRefused as refusal:
            assert "没有导入" in str(refusal), str(refusal)
            assert counts(sqlite_db) == before and snapshot(sqlite_db) == rows


def _keys(centre):
    with centre.sessions() as session:
        return sync_keyring(session)
