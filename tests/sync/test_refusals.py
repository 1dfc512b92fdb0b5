"""A sync file that is cut short, changed, forged, from a site whose keys are not trusted here,
for another site, from another version, from this site or out of order is refused whole, with a
message that says why, and nothing of it is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import i18n
from app.errors import Cancelled
from app.keys import Identity, sync_keyring
from app.sync import SyncRefused, export_changes, import_sync_file
from app.sync.fileformat import FORMAT_1_PREFIX, SEAL_PREFIX
from tests.sealing_helpers import identity_of, rewrite

from .helpers import counts, exchange_keys, name_site, outlet_day, sync_file


def attachments_folder(centre) -> list[Path]:
    folder = Path(centre.engine.url.database).with_suffix(".attachments")
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def refused(centre, path: Path) -> str:
    before = counts(centre)
    with pytest.raises(SyncRefused) as caught:
        import_sync_file(centre, path)
    assert counts(centre) == before
    return str(caught.value)


def resigned(source: Path, target: Path, centre, edit, signer: Identity | None, **kwargs) -> Path:
    """The file opened with the centre's keys, edited, and signed by `signer` for the centre
    (or, without a signer, sealed with a recomputed SHA-256 as older versions did)."""
    with centre.sessions() as session:
        keys = sync_keyring(session)
    return rewrite(
        source,
        target,
        prefix=SEAL_PREFIX,
        format_1_prefix=FORMAT_1_PREFIX,
        opened_with=keys,
        edit=edit,
        signer=signer,
        recipients=(keys.own.public.recipient,),
        **kwargs,
    )


def test_a_changed_byte_anywhere_is_refused_and_nothing_written(exported, sqlite_db, tmp_path):
    data = exported.read_bytes()
    central = data.rfind(b"PK\x01\x02")  # the archive's own directory
    positions = [0, 40, len(data) // 3, len(data) // 2, central + 20, len(data) - 30, len(data) - 1]
    for position in positions:
        changed = bytearray(data)
        changed[position] ^= 0x01
        path = tmp_path / f"flipped-{position}.rdsync"
        path.write_bytes(bytes(changed))
        message = refused(sqlite_db, path)
        assert "没有导入" in message, (position, message)
    assert attachments_folder(sqlite_db) == []
    assert counts(sqlite_db)["cases"] == 0


def test_a_cut_file_is_refused_as_incomplete(exported_to_any, any_db, tmp_path):
    data = exported_to_any.read_bytes()
    for size in (len(data) // 2, len(data) - 1, 10):
        path = tmp_path / f"cut-{size}.rdsync"
        path.write_bytes(data[:size])
        assert "不完整" in refused(any_db, path)


def test_messages_come_in_english_too(exported, sqlite_db, tmp_path):
    path = tmp_path / "cut.rdsync"
    path.write_bytes(exported.read_bytes()[:-100])
    i18n.set_language("en")
    try:
        assert "incomplete or damaged" in refused(sqlite_db, path)
    finally:
        i18n.set_language("zh")


def test_records_edited_and_resealed_with_recomputed_hashes_are_refused(
    exported, sqlite_db, tmp_path
):
    """What was done to a sync file before signatures: 86 answers turned into 非常满意, an
    evaluation invented, an audit entry in the administrator's name, every hash and the seal
    recomputed. Even by someone who could read it, it is refused: nobody but the outlet signs."""

    def edit(name, data):
        if name == "records/evaluations.jsonl":
            data = data.replace(b'"dissatisfied"', b'"very_satisfied"')
            data += data.splitlines(keepends=True)[0].replace(b'"uid":"', b'"uid":"f')
        if name == "records/audit_entries.jsonl":
            data = data.replace("王芳".encode(), "管理员".encode())
        return data

    forged = resigned(exported, tmp_path / "forged.rdsync", sqlite_db, edit, signer=None)
    message = refused(sqlite_db, forged)
    assert "没有签名" in message and "没有导入" in message
    assert attachments_folder(sqlite_db) == []


def test_a_file_signed_by_keys_not_trusted_here_is_refused(exported, sqlite_db, tmp_path):
    attacker = Identity.generate("forger-site", "历下网点")
    forged = resigned(exported, tmp_path / "forged.rdsync", sqlite_db, _unchanged, attacker)
    message = refused(sqlite_db, forged)
    assert "不信任的站点" in message and attacker.public.fingerprint in message


def test_a_trusted_site_cannot_sign_for_another(
    exported, outlet, second_outlet, sqlite_db, tmp_path
):
    """Another outlet the centre trusts writes a file that says it comes from 历下网点."""
    name_site(second_outlet, "槐荫网点")
    exchange_keys(second_outlet, sqlite_db)
    forged = resigned(
        exported, tmp_path / "forged.rdsync", sqlite_db, _unchanged, identity_of(second_outlet)
    )
    message = refused(sqlite_db, forged)
    assert "伪造" in message and "槐荫网点" in message


def test_a_file_for_another_site_is_refused(outlet, second_outlet, sqlite_db, tmp_path):
    name_site(sqlite_db, "市中心")
    name_site(second_outlet, "槐荫网点")
    exchange_keys(outlet, sqlite_db, second_outlet)
    outlet_day(outlet)
    path = sync_file(tmp_path, "for-second")
    export_changes(outlet, path, to="槐荫网点")

    message = refused(sqlite_db, path)
    assert "加密发给另一个站点" in message
    assert import_sync_file(second_outlet, path).total("inserted") > 0


def test_files_of_older_versions_are_refused(exported, sqlite_db, tmp_path):
    old = resigned(exported, tmp_path / "old.rdsync", sqlite_db, _unchanged, signer=None)
    i18n.set_language("en")
    try:
        message = refused(sqlite_db, old)
    finally:
        i18n.set_language("zh")
    assert "older RevisitDesk" in message and "keys show / keys trust" in message


def test_keys_forgotten_refuse_the_sites_files(exported, sqlite_db):
    from app.keys import forget_site

    with sqlite_db.sessions.begin() as session:
        forget_site(session, "历下网点", by_id=None)
    assert "不信任的站点" in refused(sqlite_db, exported)


def test_an_unknown_format_version_is_refused(exported, outlet, sqlite_db, tmp_path):
    """A file from a newer version of the outlet's software: properly signed, but not read."""

    def edit(name, data):
        if name != "manifest.json":
            return data
        return json.dumps({**json.loads(data), "version": 2}).encode()

    newer = resigned(exported, tmp_path / "v2.rdsync", sqlite_db, edit, identity_of(outlet))
    message = refused(sqlite_db, newer)
    assert "格式版本为 2" in message and "升级" in message


def test_data_from_a_newer_app_is_refused(exported, outlet, sqlite_db, tmp_path):
    def edit(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["columns"]["cases"].append("satellite_photo")
        return json.dumps(manifest).encode()

    newer = resigned(exported, tmp_path / "newer.rdsync", sqlite_db, edit, identity_of(outlet))
    assert "cases.satellite_photo" in refused(sqlite_db, newer)


def test_a_record_changed_behind_the_manifest_is_refused(exported, outlet, sqlite_db, tmp_path):
    """Even signed by the outlet itself (a bug, a file assembled by hand), records that do not
    match the manifest's hashes are refused."""

    def edit(name, data):
        return (
            data.replace("张三".encode(), "李四".encode()) if name.endswith("cases.jsonl") else data
        )

    edited = resigned(exported, tmp_path / "edited.rdsync", sqlite_db, edit, identity_of(outlet))
    message = refused(sqlite_db, edited)
    assert "已被改动" in message and "records/cases.jsonl" in message


def _unchanged(_name: str, data: bytes) -> bytes:
    return data


def test_other_files_are_refused(sqlite_db, tmp_path):
    text = tmp_path / "cases.csv"
    text.write_text("业务编号\nJN1\n", encoding="utf-8")
    assert "不完整" in refused(sqlite_db, text)
    assert "找不到文件" in refused(sqlite_db, tmp_path / "missing.rdsync")


def test_a_file_from_this_very_site_is_refused(exported, outlet):
    assert "本库自己导出" in refused(outlet, exported)


def test_a_file_that_skips_one_is_refused_until_the_missing_one_is_in(outlet, any_db, tmp_path):
    exchange_keys(outlet, any_db)
    outlet_day(outlet)
    first, second = sync_file(tmp_path, "1"), sync_file(tmp_path, "2")
    export_changes(outlet, first)
    export_changes(outlet, second)

    message = refused(any_db, second)
    assert "第 2 号" in message and "之前的同步文件" in message

    import_sync_file(any_db, first)
    assert import_sync_file(any_db, second).sequence == 2


def test_everything_again_fills_a_gap(outlet, sqlite_db, tmp_path):
    exchange_keys(outlet, sqlite_db)
    outlet_day(outlet)
    export_changes(outlet, sync_file(tmp_path, "lost"))
    everything = sync_file(tmp_path, "all")
    export_changes(outlet, everything, full=True)
    assert import_sync_file(sqlite_db, everything).total("inserted") > 0


def test_a_cancelled_import_writes_nothing(exported_to_any, any_db):
    calls = []

    def progress(done, total):
        calls.append(done)
        if len(calls) == 3:
            raise Cancelled

    before = counts(any_db)
    with pytest.raises(Cancelled):
        import_sync_file(any_db, exported_to_any, progress=progress)
    assert counts(any_db) == before


def test_a_cancelled_export_leaves_no_file_and_no_marks(outlet, sqlite_db, tmp_path):
    exchange_keys(outlet, sqlite_db)
    outlet_day(outlet)
    path = sync_file(tmp_path, "cancelled")

    def progress(done, total):
        if done:
            raise Cancelled

    with pytest.raises(Cancelled):
        export_changes(outlet, path, progress=progress)
    assert not path.exists() and not list(tmp_path.glob(".*partial"))
    assert export_changes(outlet, path).sequence == 1


def test_no_file_is_written_before_keys_are_exchanged(outlet, tmp_path):
    outlet_day(outlet)
    path = sync_file(tmp_path, "early")
    with pytest.raises(SyncRefused) as caught:
        export_changes(outlet, path)
    assert "keys show" in str(caught.value) and "keys trust" in str(caught.value)
    assert not path.exists() and not list(tmp_path.glob(".*partial"))
    with outlet.sessions() as session:
        from app.sync import this_site

        assert this_site(session).export_sequence == 0


def test_several_trusted_sites_need_the_recipient_named(outlet, second_outlet, sqlite_db, tmp_path):
    name_site(sqlite_db, "市中心")
    name_site(outlet, "历下网点")
    name_site(second_outlet, "槐荫网点")
    exchange_keys(sqlite_db, outlet, second_outlet)
    outlet_day(sqlite_db)
    with pytest.raises(SyncRefused) as caught:
        export_changes(sqlite_db, sync_file(tmp_path, "which"))
    assert "历下网点" in str(caught.value) and "--to" in str(caught.value)
    with pytest.raises(SyncRefused, match="没有信任名为“无此网点”"):
        export_changes(sqlite_db, sync_file(tmp_path, "which"), to="无此网点")
    sent = export_changes(sqlite_db, sync_file(tmp_path, "for-lixia"), to="历下网点")
    assert sent.recipient.startswith("历下网点 (")
    assert import_sync_file(outlet, sent.path).total("inserted") > 0
