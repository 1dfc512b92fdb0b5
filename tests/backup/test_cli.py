"""`main.py backup create | verify | restore | list`, in text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

from cli import main
from db.database import Database, open_database

from .conftest import quarterly


def test_create_list_verify_restore(filled_sqlite: Database, tmp_path: Path, capsys):
    url = filled_sqlite.url
    assert main(["--db", url, "backup", "create"]) == 0
    out = capsys.readouterr().out
    assert "已备份到" in out and "业务件 400" in out
    (made,) = (tmp_path / "backups").glob("test-*-manual.zip")

    assert main(["--db", url, "backup", "create", "-o", str(tmp_path / "mine.zip"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["made"] and data["file"] == str(tmp_path / "mine.zip")
    assert data["manifest"]["counts"]["cases"] == 400

    assert main(["--db", url, "backup", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [Path(b["file"]) for b in listed["backups"]] == [made]

    # Verified and restored with this installation's keys, read from the database in use.
    assert main(["--db", url, "backup", "verify", str(made)]) == 0
    out = capsys.readouterr().out
    assert "备份完好" in out and "由本机签名并加密" in out
    assert main(["--db", url, "backup", "verify", str(made), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["valid"] is True

    target = tmp_path / "restored.sqlite3"
    assert main(["--db", url, "backup", "restore", str(made), "--to", str(target)]) == 0
    assert f"--db sqlite:///{target}" in capsys.readouterr().out
    restored = open_database(f"sqlite:///{target}")
    try:
        assert quarterly(restored) == quarterly(filled_sqlite)
    finally:
        restored.close()

    assert main(["--db", url, "--lang", "en", "backup", "list"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Backup folder:") and made.name in out and "manual" in out


def test_daily_backup_for_cron(filled_sqlite: Database, capsys):
    url = filled_sqlite.url
    assert main(["--db", url, "backup", "create", "--daily", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["made"] and first["manifest"]["kind"] == "daily" and first["removed"] == []
    assert main(["--db", url, "backup", "create", "--daily"]) == 0
    assert "本次未备份" in capsys.readouterr().out


def test_refusals_exit_with_2_and_say_why(filled_sqlite: Database, tmp_path: Path, capsys):
    backup = tmp_path / "b.zip"
    assert main(["--db", filled_sqlite.url, "backup", "create", "-o", str(backup)]) == 0
    capsys.readouterr()

    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(backup.read_bytes()[:-100])
    url = filled_sqlite.url
    assert main(["--db", url, "backup", "verify", str(damaged)]) == 2
    assert "不是完整的回访台备份" in capsys.readouterr().err
    assert main(["--db", url, "backup", "verify", str(damaged), "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["ok"] is False

    running = filled_sqlite.engine.url.database
    assert main(["--db", url, "backup", "restore", str(backup), "--to", running]) == 2
    assert "不会覆盖" in capsys.readouterr().err
    assert main(["--db", filled_sqlite.url, "backup", "create", "-o", str(backup)]) == 2
    assert "已存在" in capsys.readouterr().err


def test_verify_and_restore_do_not_open_the_database_in_use(
    filled_sqlite: Database, tmp_path: Path, capsys
):
    """The database in use may be the one that was lost: these work without it, with the
    recovery key printed when it was made."""
    url = filled_sqlite.url
    assert main(["--db", url, "keys", "recovery"]) == 0
    key_file = tmp_path / "recovery.txt"
    key_file.write_text(capsys.readouterr().out.splitlines()[0], encoding="utf-8")
    backup = tmp_path / "b.zip"
    main(["--db", url, "backup", "create", "-o", str(backup)])
    capsys.readouterr()
    unreachable = "postgresql+psycopg://nobody:none@127.0.0.1:1/gone"
    assert main(["--db", unreachable, "backup", "verify", str(backup)]) == 2
    err = capsys.readouterr().err
    assert "本机还没有密钥" in err and "--recovery-key" in err
    with_key = ["--recovery-key", str(key_file)]
    assert main(["--db", unreachable, "backup", "verify", str(backup), *with_key]) == 0
    assert "已用恢复密钥打开" in capsys.readouterr().out
    target = tmp_path / "new.sqlite3"
    restore = ["backup", "restore", str(backup), "--to", str(target), *with_key]
    assert main(["--db", unreachable, *restore]) == 0
    assert target.exists()
