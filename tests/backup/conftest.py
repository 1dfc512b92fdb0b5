"""Fixtures of the backup tests: databases holding the sample files and some attachments."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.importing import import_file
from app.reports.quarterly import quarterly_report
from app.scanning.store import AttachmentStore
from db.database import Database
from db.models import Attachment
from tests.conftest import SAMPLES, copy_of

SAMPLE_FILES = (
    ("cases", "cases_2026q3.csv"),
    ("evaluations", "evaluations_2026q3.xlsx"),
    ("ledger", "ledger_2026q3.xlsx"),
)
# Three scans, different and incompressible enough to be stored as they are.
ATTACHMENTS = [bytes([n]) * 10 + bytes(range(256)) * (40 + n) for n in range(3)]


def import_samples(database: Database, samples: Path) -> None:
    for kind, name in SAMPLE_FILES:
        with database.sessions.begin() as session:
            summary = import_file(session, kind, samples / name)
            assert summary.refusal is None, (kind, summary.refusal)


def add_attachments(database: Database, files: list[bytes] = ATTACHMENTS) -> list[str]:
    """Store files the way the app does (beside a SQLite file, inside PostgreSQL), with rows."""
    store = AttachmentStore.for_database(database)
    digests = []
    with database.sessions.begin() as session:
        for number, data in enumerate(files):
            digest = store.put(session, data)
            session.add(
                Attachment(
                    sha256=digest,
                    kind="scan",
                    filename=f"form-b-{number}.pdf",
                    media_type="application/pdf",
                    size=len(data),
                    pages=1,
                    source="drop",
                )
            )
            digests.append(digest)
    return digests


def quarterly(database: Database) -> dict:
    """The 2026 Q3 report as JSON, but for when it was made."""
    with database.sessions() as session:
        report = quarterly_report(session, 2026, 3, today=date(2026, 10, 20)).to_json()
    del report["generated_at"]
    return report


@pytest.fixture(scope="session")
def filled_template(tmp_path_factory: pytest.TempPathFactory, migrated_sqlite: Path) -> Path:
    """A SQLite file holding the samples and three attachments, made once (importing is slow)."""
    database = copy_of(migrated_sqlite, tmp_path_factory.mktemp("filled") / "test.sqlite3")
    import_samples(database, SAMPLES)
    add_attachments(database)
    database.close()
    return Path(database.engine.url.database)


@pytest.fixture
def filled_sqlite(filled_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A copy of the template in this test's folder: the samples and three attachments."""
    database = copy_of(filled_template, tmp_path / "test.sqlite3")
    yield database
    database.close()
