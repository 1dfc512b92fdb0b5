"""A sync file that is cut short, changed, from another version, from this site or out of order
is refused whole, with a message that says why, and nothing of it is written."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from app import i18n
from app.errors import Cancelled
from app.sealed_archive import DIGEST_LENGTH
from app.sync import SyncRefused, export_changes, import_sync_file

from .helpers import counts, name_site, outlet_day, sync_file


@pytest.fixture
def exported(outlet, tmp_path) -> Path:
    name_site(outlet, "历下网点")
    outlet_day(outlet)
    path = sync_file(tmp_path, "outlet")
    export_changes(outlet, path)
    return path


def attachments_folder(centre) -> list[Path]:
    folder = Path(centre.engine.url.database).with_suffix(".attachments")
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def refused(centre, path: Path) -> str:
    before = counts(centre)
    with pytest.raises(SyncRefused) as caught:
        import_sync_file(centre, path)
    assert counts(centre) == before
    return str(caught.value)


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


def test_a_cut_file_is_refused_as_incomplete(exported, any_db, tmp_path):
    data = exported.read_bytes()
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


def reseal(source: Path, target: Path, edit) -> Path:
    """The archive rewritten with `edit(name, bytes) -> bytes` applied to its entries and sealed
    with a new digest, as someone who knows the format could."""
    with zipfile.ZipFile(source) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, edit(name, data))
        archive.comment = b"0" * DIGEST_LENGTH
    data = target.read_bytes()
    digest = hashlib.sha256(data[:-DIGEST_LENGTH]).hexdigest().encode()
    target.write_bytes(data[:-DIGEST_LENGTH] + digest)
    return target


def test_a_record_changed_behind_the_manifest_is_refused(exported, sqlite_db, tmp_path):
    def edit(name, data):
        return (
            data.replace("张三".encode(), "李四".encode()) if name.endswith("cases.jsonl") else data
        )

    message = refused(sqlite_db, reseal(exported, tmp_path / "edited.rdsync", edit))
    assert "已被改动" in message and "records/cases.jsonl" in message


def test_an_unknown_format_version_is_refused(exported, sqlite_db, tmp_path):
    def edit(name, data):
        if name != "manifest.json":
            return data
        return json.dumps({**json.loads(data), "version": 2}).encode()

    message = refused(sqlite_db, reseal(exported, tmp_path / "v2.rdsync", edit))
    assert "格式版本为 2" in message and "升级" in message


def test_data_from_a_newer_app_is_refused(exported, sqlite_db, tmp_path):
    def edit(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["columns"]["cases"].append("satellite_photo")
        return json.dumps(manifest).encode()

    assert "cases.satellite_photo" in refused(
        sqlite_db, reseal(exported, tmp_path / "newer.rdsync", edit)
    )


def test_other_files_are_refused(sqlite_db, tmp_path):
    text = tmp_path / "cases.csv"
    text.write_text("业务编号\nJN1\n", encoding="utf-8")
    assert "不完整" in refused(sqlite_db, text)
    assert "找不到文件" in refused(sqlite_db, tmp_path / "missing.rdsync")


def test_a_file_from_this_very_site_is_refused(exported, outlet):
    assert "本库自己导出" in refused(outlet, exported)


def test_a_file_that_skips_one_is_refused_until_the_missing_one_is_in(outlet, any_db, tmp_path):
    outlet_day(outlet)
    first, second = sync_file(tmp_path, "1"), sync_file(tmp_path, "2")
    export_changes(outlet, first)
    export_changes(outlet, second)

    message = refused(any_db, second)
    assert "第 2 号" in message and "之前的同步文件" in message

    import_sync_file(any_db, first)
    assert import_sync_file(any_db, second).sequence == 2


def test_everything_again_fills_a_gap(outlet, sqlite_db, tmp_path):
    outlet_day(outlet)
    export_changes(outlet, sync_file(tmp_path, "lost"))
    everything = sync_file(tmp_path, "all")
    export_changes(outlet, everything, full=True)
    assert import_sync_file(sqlite_db, everything).total("inserted") > 0


def test_a_cancelled_import_writes_nothing(exported, any_db):
    calls = []

    def progress(done, total):
        calls.append(done)
        if len(calls) == 3:
            raise Cancelled

    before = counts(any_db)
    with pytest.raises(Cancelled):
        import_sync_file(any_db, exported, progress=progress)
    assert counts(any_db) == before


def test_a_cancelled_export_leaves_no_file_and_no_marks(outlet, tmp_path):
    outlet_day(outlet)
    path = sync_file(tmp_path, "cancelled")

    def progress(done, total):
        if done:
            raise Cancelled

    with pytest.raises(Cancelled):
        export_changes(outlet, path, progress=progress)
    assert not path.exists() and not list(tmp_path.glob(".*partial"))
    assert export_changes(outlet, path).sequence == 1
