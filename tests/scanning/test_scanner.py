"""Scanning from SANE's virtual "test" scanner, where python-sane is installed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.scanning import scanner
from app.scanning.filing import add_scan

SYSTEM_TEST_CONF = Path("/etc/sane.d/test.conf")


@pytest.fixture
def test_scanner(tmp_path, monkeypatch):
    pytest.importorskip("sane")
    if not SYSTEM_TEST_CONF.exists():
        pytest.skip("SANE's test backend is not installed (apt-get install sane-utils)")
    config = tmp_path / "sane.d"
    config.mkdir()
    (config / "dll.conf").write_text("test\n")
    shutil.copy(SYSTEM_TEST_CONF, config / "test.conf")
    monkeypatch.setenv("SANE_CONFIG_DIR", str(config))
    return "test:0"


@pytest.mark.real_scanner
def test_the_test_scanner_delivers_a_page(test_scanner, sqlite_db, sqlite_cases):
    assert scanner.sane_available()
    pages = scanner.scan_pages(test_scanner)
    assert len(pages) == 1 and pages[0].width > 0
    data = scanner.pages_to_tiff(pages)
    result = add_scan(sqlite_db, data, scanner.scan_filename(), source="scanner")
    # The test pattern carries no case code: it waits in the tray.
    assert [p.status for p in result.pages] == ["unmatched"]


def test_without_python_sane_the_message_says_what_to_do(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_sane(name, *args, **kwargs):
        if name == "sane":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_sane)
    assert not scanner.sane_available()
    with pytest.raises(scanner.ScannerUnavailable) as unavailable:
        scanner.scan_pages()
    assert "python-sane" in unavailable.value.message
