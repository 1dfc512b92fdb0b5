"""report quarterly/monthly/staff: the format follows -o's ending unless --format says."""

from __future__ import annotations

import json

from cli import main


def test_the_format_follows_the_output_files_ending(sqlite_url, tmp_path, capsys):
    base = ["--db", sqlite_url, "report", "quarterly", "--year", "2026", "--quarter", "3"]
    assert main([*base, "-o", str(tmp_path / "q3.xlsx")]) == 0
    assert (tmp_path / "q3.xlsx").read_bytes()[:2] == b"PK"
    assert main([*base, "-o", str(tmp_path / "q3.pdf")]) == 0
    assert (tmp_path / "q3.pdf").read_bytes()[:5] == b"%PDF-"
    assert main([*base, "-o", str(tmp_path / "q3.txt")]) == 0
    assert json.loads((tmp_path / "q3.txt").read_text("utf-8"))["quarter"] == 3
    assert main([*base, "--format", "json", "-o", str(tmp_path / "q3b.xlsx")]) == 0
    assert json.loads((tmp_path / "q3b.xlsx").read_text("utf-8"))["quarter"] == 3

    monthly = ["--db", sqlite_url, "--lang", "en", "report", "monthly", "--year", "2026"]
    capsys.readouterr()
    assert main([*monthly, "--month", "9", "-o", str(tmp_path / "m.pdf")]) == 2
    assert "This report has no PDF form" in capsys.readouterr().err
    assert not (tmp_path / "m.pdf").exists()
    assert main([*monthly, "--month", "9", "-o", str(tmp_path / "m.xlsx")]) == 0
    assert (tmp_path / "m.xlsx").read_bytes()[:2] == b"PK"
