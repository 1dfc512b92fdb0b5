"""Seeded mutations of the sample exports through the real import (issue 19): whatever a byte,
a line or a cell becomes, the import refuses the file with a message or accounts for every row,
and stores nothing garbled. The seed is printed; REVISITDESK_TEST_SEED repeats a run."""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from app.zone import LOCAL_ZONE

from .helpers import run_import
from .hostile_checks import import_hostile

NOW = datetime(2026, 10, 8, 10, 0, tzinfo=LOCAL_ZONE)
BYTES = [b'"', b",", b"\r\n", b"\n", b"\r", b"\x00", b"\xff", b"\xef\xbb\xbf", b"\t", b";", b"\x1b"]
VALUES = [
    "9999-12-31",
    "0001-01-01",
    "9999-99-99",
    "1900-01-01 00:00:00",
    "1e999999999",
    "9" * 200,
    "-1",
    "",
    '"',
    '"unclosed',
    "张\x00三",
    "\u202e反",
    '=HYPERLINK("http://x")',
    "x" * 5000,
    "２０２６年７月５日",
    "NaN",
]


def _insert(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.choice(BYTES) + data[at:]


def _delete(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + data[at + rng.randint(1, 40) :]


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    if rng.random() < 0.5:
        lines.insert(b, lines[a])  # a line repeated
    else:
        lines[a], lines[b] = lines[b], lines[a]
    return b"\n".join(lines)


def _cell(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\r\n")
    index = rng.randrange(len(lines))
    cells = lines[index].split(b",")
    cells[rng.randrange(len(cells))] = rng.choice(VALUES).encode("utf-8")
    lines[index] = b",".join(cells)
    return b"\r\n".join(lines)


TEXT_MUTATIONS: list[Callable[[bytes, random.Random], bytes]] = [
    _insert,
    _delete,
    _truncate,
    _lines,
    _cell,
    _cell,
]


def mutate_text(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 3)):
        data = rng.choice(TEXT_MUTATIONS)(data, rng)
    return data


def mutate_workbook(data: bytes, rng: random.Random) -> bytes:
    """The workbook with its first sheet's XML changed: a value, a cell's place, bytes."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    parts = {info.filename: archive.read(info) for info in archive.infolist()}
    name = next(n for n in parts if n.startswith("xl/worksheets/"))
    xml = parts[name]
    for _ in range(rng.randint(1, 2)):
        choice = rng.random()
        if choice < 0.4:
            values = list(re.finditer(rb"<v>([^<]*)</v>|<t[^>]*>([^<]*)</t>", xml))
            if values:
                found = rng.choice(values)
                group = 1 if found.group(1) is not None else 2
                value = rng.choice(VALUES).replace("\x00", "")  # XML has no NUL
                escaped = value.replace("&", "&amp;").replace("<", "&lt;").encode("utf-8")
                xml = xml[: found.start(group)] + escaped + xml[found.end(group) :]
        elif choice < 0.6:
            refs = list(re.finditer(rb' r="([A-Z]+)([0-9]+)"', xml))
            if refs:
                found = rng.choice(refs)
                # Beyond the limits or well within: never a legal rectangle of millions of
                # cells, which is read as it should be, only slowly.
                far = (
                    rng.choice([b"XFD", b"IW", b"AA", b"A"])
                    + str(rng.choice([1, 9, 500, 2_000_000])).encode()
                )
                xml = xml[: found.start(1)] + far + xml[found.end(2) :]
        elif choice < 0.8:
            xml = _delete(xml, rng)
        else:
            xml = _lines(xml.replace(b"</row>", b"</row>\n"), rng)
    parts[name] = xml
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as written:
        for part, body in parts.items():
            written.writestr(part, body)
    return out.getvalue()


@pytest.fixture
def sample_cases(samples, tmp_path) -> Path:
    """The first 60 rows of the sample case export: quick to import again and again."""
    lines = (samples / "cases_2026q3.csv").read_bytes().split(b"\n")[:61]
    path = tmp_path / "cases.csv"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_mutated_case_exports(sqlite_db, sample_cases, tmp_path, rng, stop_clock):
    stop_clock(NOW)
    data = sample_cases.read_bytes()
    for attempt in range(40):
        path = tmp_path / f"mutated{attempt}.csv"
        path.write_bytes(mutate_text(data, rng))
        import_hostile(sqlite_db, "cases", path)


@pytest.mark.parametrize(
    ("kind", "name", "mutations"),
    [("evaluations", "evaluations_2026q3.xlsx", 8), ("ledger", "ledger_2026q3.xlsx", 6)],
)
def test_mutated_workbooks(sqlite_db, samples, tmp_path, rng, stop_clock, kind, name, mutations):
    stop_clock(NOW)
    run_import(sqlite_db, "cases", samples / "cases_2026q3.csv")
    data = (samples / name).read_bytes()
    for attempt in range(mutations):
        path = tmp_path / f"mutated{attempt}.xlsx"
        path.write_bytes(mutate_workbook(data, rng))
        import_hostile(sqlite_db, kind, path)
