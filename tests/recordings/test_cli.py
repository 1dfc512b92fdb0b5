"""`recordings import|tray` on the command line: a scheduled job imports a PBX's or a seat's
folder (a real baresip WAV pair, a PBX file) as the recordings tab does — files moved only once
the import has committed — and a team lead lists the tray; on SQLite, through main()."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from app.recordings.matching import FILED, TRAY
from app.scanning.store import AttachmentStore
from cli import main
from db.database import open_database
from db.models import Attachment, AuditEntry, CallRecording
from tests.cli_login import log_in_as
from tests.users.helpers import PASSWORD

from .helpers import MOBILE_E164, World, wav

OLD = 3600.0  # seconds: files written an hour ago are finished
PAIR = ("dump-2026-12-07-10-15-05-enc.wav", "dump-2026-12-07-10-15-05-dec.wav")
PBX_LATE = "20261207-120000_13912345678.wav"  # two hours after the call, another number


@pytest.fixture
def place(sqlite_db, sqlite_people: World, tmp_path: Path, monkeypatch):
    """The database's URL and its people; messages in Chinese."""
    monkeypatch.setattr("app.i18n._language", "zh")
    return sqlite_db.url, sqlite_people


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "pbx"
    path.mkdir()
    return path


def _drop(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    moment = time.time() - OLD
    os.utime(path, (moment, moment))
    return path


def _pair(folder: Path) -> None:
    _drop(folder, PAIR[0], wav(1.0, tone=300))
    _drop(folder, PAIR[1], wav(1.2, tone=800))


def _cli(capsys, url: str, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def _recordings(url: str) -> list[CallRecording]:
    database = open_database(url)
    try:
        with database.sessions() as session:
            return list(session.scalars(select(CallRecording).order_by(CallRecording.id)))
    finally:
        database.close()


def _actions(url: str) -> list[str]:
    database = open_database(url)
    try:
        with database.sessions() as session:
            return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    finally:
        database.close()


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_the_seats_pair_is_filed_to_the_named_operators_call(place, folder, capsys, monkeypatch):
    url, people = place
    _pair(folder)
    log_in_as(monkeypatch, "lead", PASSWORD)  # a scheduled job at the lead's seat
    code, out, err = _cli(capsys, url, "recordings", "import", str(folder), "--operator", "王芳")
    assert code == 0, err
    assert "已归档 1 个，待匹配 0 个，重复 0 个，拒收 0 个" in out
    [recording] = _recordings(url)
    assert (recording.status, recording.call_attempt_id, recording.operator_id) == (
        FILED,
        people.attempt_id,
        people.operator,
    )
    assert recording.filename == "dump-2026-12-07-10-15-05.wav"
    assert _names(folder / "done") == sorted(PAIR)
    assert _names(folder) == ["done"]
    # Stored beside the SQLite file, as the window stores it.
    database = open_database(url)
    try:
        store = AttachmentStore.for_database(database)
        with database.sessions() as session:
            digest = session.get(Attachment, recording.attachment_id).sha256
            assert store.exists(session, digest)
    finally:
        database.close()
    assert "recording.add" in _actions(url)

    # Run again (the next tick of the job): nothing left, nothing kept twice.
    code, out, _err = _cli(capsys, url, "recordings", "import", str(folder), "--operator", "王芳")
    assert code == 0 and "已归档 0 个" in out
    assert len(_recordings(url)) == 1


def test_without_operator_the_seats_recordings_are_who_runs_the_import(
    place, folder, capsys, monkeypatch
):
    url, people = place
    _pair(folder)
    log_in_as(monkeypatch, "lead", PASSWORD)  # the lead made no call at 10:15
    code, out, err = _cli(capsys, url, "recordings", "import", str(folder))
    assert code == 0, err
    assert "已归档 0 个，待匹配 1 个" in out
    [recording] = _recordings(url)
    assert (recording.status, recording.operator_id) == (TRAY, people.lead)


def test_the_tray_lists_what_waits_with_the_number_masked(place, folder, capsys, monkeypatch):
    url, _people = place
    _drop(folder, PBX_LATE, wav(75.0, rate=8000))
    _drop(folder, "13812345678_20261207-101530.wav", wav(1.0))  # 30 s into the call: filed
    _drop(folder, "notes.wav", b"=SUM(A1)")
    log_in_as(monkeypatch, "operator", PASSWORD)
    code, out, err = _cli(capsys, url, "recordings", "import", str(folder))
    assert code == 0, err
    assert "已归档 1 个，待匹配 1 个，重复 0 个，拒收 1 个" in out
    assert "拒收的文件" in out and "notes.wav:" in out and "RIFF" in out
    assert "13812345678" not in out and "13912345678" not in out
    assert _names(folder / "refused") == ["notes.wav", "notes.wav.txt"]
    assert _names(folder / "done") == sorted(["13812345678_20261207-101530.wav", PBX_LATE])

    # The tray is a team lead's: the operator is refused, audited, told why.
    code, out, err = _cli(capsys, url, "recordings", "tray")
    assert code == 2 and "您的角色无权进行此操作" in err and out == ""
    log_in_as(monkeypatch, "lead", PASSWORD)
    code, out, err = _cli(capsys, url, "recordings", "tray")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[-1] == "待匹配 1 个录音。"
    [row] = lines[:-1]
    assert row.split("  ") == [
        "2026-12-07 12:00:00",
        "1:15",
        "139****5678",
        "—",  # a PBX's file: no seat's operator
        "20261207-120000_[mobile].wav",
    ]
    assert "13912345678" not in out

    code, out, err = _cli(capsys, url, "--lang", "en", "recordings", "tray")
    assert code == 0 and out.splitlines()[-1] == "1 recordings in the tray."


def test_an_empty_tray_says_so(place, capsys, monkeypatch):
    url, _people = place
    log_in_as(monkeypatch, "admin", PASSWORD)
    code, out, _err = _cli(capsys, url, "recordings", "tray")
    assert (code, out) == (0, "待匹配区没有录音。\n")


def test_an_operator_not_there_is_refused_and_nothing_moves(place, folder, capsys, monkeypatch):
    url, _people = place
    _pair(folder)
    log_in_as(monkeypatch, "lead", PASSWORD)
    for name in ("王 芳", "赵管理", "nobody"):  # 赵管理 is no operator; nobody is created
        code, out, err = _cli(capsys, url, "recordings", "import", str(folder), "--operator", name)
        assert code == 2 and "找不到回访员" in err and "不会新建" in err, (name, err)
        assert "Traceback" not in err
    assert _recordings(url) == []
    assert _names(folder) == sorted(PAIR)
    code, _out, err = _cli(
        capsys, url, "--lang", "en", "recordings", "import", str(folder), "--operator", "x"
    )
    assert code == 2 and "No operator is named" in err


def test_a_folder_that_cannot_be_read_is_refused(place, folder, capsys, monkeypatch):
    url, _people = place

    def unreadable(path, **_kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("app.recordings.folder.inbox_files", unreadable)
    log_in_as(monkeypatch, "lead", PASSWORD)
    code, out, err = _cli(capsys, url, "recordings", "import", str(folder))
    assert code == 2 and "无法读取录音文件夹" in err and out == ""
    code, _out, err = _cli(capsys, url, "recordings", "import", str(folder / "gone"))
    assert code == 2 and "录音文件夹不存在" in err


def test_a_file_unreadable_midway_keeps_nothing_and_moves_nothing(
    place, folder, capsys, monkeypatch
):
    url, _people = place
    _pair(folder)
    _drop(folder, PBX_LATE, wav(1.0))
    real_read = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == PBX_LATE:  # read after the pair was kept
            raise PermissionError(13, "Permission denied", str(path))
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    log_in_as(monkeypatch, "operator", PASSWORD)
    code, out, err = _cli(capsys, url, "recordings", "import", str(folder))
    assert code == 2, err
    assert "未保存任何录音" in err and "Traceback" not in err and out == ""
    assert _recordings(url) == []
    assert _names(folder) == sorted([*PAIR, PBX_LATE])  # the pair kept, rolled back: not moved
    assert "recording.add" not in _actions(url)

    monkeypatch.setattr(Path, "read_bytes", real_read)
    code, out, err = _cli(capsys, url, "recordings", "import", str(folder))
    assert code == 0 and "已归档 1 个，待匹配 1 个" in out, err
    assert _names(folder) == ["done"]


def test_nobody_logged_in_is_refused_before_the_folder_is_read(place, folder, capsys, monkeypatch):
    url, _people = place
    _pair(folder)
    monkeypatch.delenv("REVISITDESK_USER", raising=False)
    monkeypatch.delenv("REVISITDESK_TOKEN", raising=False)
    code, _out, err = _cli(capsys, url, "recordings", "import", str(folder), "--operator", "x")
    assert code == 2 and "需要登录" in err
    assert _names(folder) == sorted(PAIR)


def test_english_output(place, folder, capsys, monkeypatch):
    url, _people = place
    _drop(folder, PBX_LATE, wav(1.0))
    _drop(folder, "bad.wav", b"RIFF....WAVEjunk")
    log_in_as(monkeypatch, "lead", PASSWORD)
    code, out, err = _cli(capsys, url, "--lang", "en", "recordings", "import", str(folder))
    assert code == 0, err
    assert "0 filed, 1 in the tray, 0 duplicate, 1 refused" in out
    assert "Refused (moved to refused/" in out and "bad.wav:" in out
    assert MOBILE_E164 not in out


def test_a_scheduled_job_imports_with_a_token_for_that_command_only(
    place, sqlite_db, folder, capsys, monkeypatch
):
    from app.tokens import create_token

    url, people = place
    with sqlite_db.sessions.begin() as session:
        token = create_token(
            session,
            username="operator",
            hours=1,
            commands=["recordings import"],
            by_id=people.admin,
        )
    _pair(folder)
    monkeypatch.delenv("REVISITDESK_USER", raising=False)
    monkeypatch.setenv("REVISITDESK_TOKEN", token.secret)
    code, out, err = _cli(capsys, url, "recordings", "import", str(folder))
    assert code == 0, err
    assert "已归档 1 个" in out  # the operator's own call
    assert _recordings(url)[0].operator_id == people.operator
    code, _out, err = _cli(capsys, url, "recordings", "tray")
    assert code == 2 and "Traceback" not in err
