"""An outlet's sync file imported at the centre (SQLite and PostgreSQL), and imported again."""

from __future__ import annotations

import hashlib
import uuid

from sqlalchemy import select

from app.keys import sync_keyring
from app.scanning.store import AttachmentStore
from app.sync import export_changes, import_sync_file, read_sync_file, this_site
from app.sync.tables import TABLES
from db.models import (
    Attachment,
    AuditEntry,
    Case,
    CasePhone,
    Evaluation,
    QueueEntry,
    Staff,
    SyncPeer,
)

from .helpers import counts, exchange_keys, name_site, outlet_day, snapshot, sync_file


def test_outlet_file_arrives_whole_and_again_changes_nothing(outlet, any_db, tmp_path):
    centre = any_db
    name_site(outlet, "历下网点")
    exchange_keys(outlet, centre)
    day = outlet_day(outlet)
    path = sync_file(tmp_path, "outlet-1")

    exported = export_changes(outlet, path)

    assert path.exists() and not list(tmp_path.glob(".*partial"))
    assert exported.sequence == 1 and exported.attachments == 1
    assert exported.counts["cases"] == 2 and exported.counts["call_queue"] == 1
    summary = import_sync_file(centre, path)
    assert summary.total("inserted") == exported.total() > 0
    assert summary.conflicts == summary.total("updated") == 0
    assert summary.attachments_stored == 1 and summary.audit_entries == exported.audit_entries >= 1
    # Every record with its uid, creation and change times, and data, as at the outlet.
    assert snapshot(centre) == snapshot(outlet)

    before = counts(centre)
    again = import_sync_file(centre, path)
    assert again.total("inserted") == again.total("updated") == again.conflicts == 0
    assert again.total("unchanged") == exported.total()
    assert not again.changed()
    assert counts(centre) == before

    with outlet.sessions.begin() as session:
        outlet_site = this_site(session).site_id
    with centre.sessions() as session:
        # Origin: the outlet's site id, on every record it made.
        for spec in TABLES:
            origins = set(session.scalars(select(spec.table.c.origin)))
            assert origins <= {outlet_site}
        case = session.scalar(select(Case).where(Case.case_no == day.case_no))
        # The scored evaluation is the earliest round-1 one, found by the centre's own trigger.
        first = session.get(Evaluation, case.first_evaluation_id)
        assert str(first.uid) == day.evaluation_uid and first.overall == "dissatisfied"
        assert first.original == {"总体评价": "非常不满意"}
        assert [p.original for p in case.phones] == ["13812345678", "0531-86123456"]
        assert case.handler.name == "李经办" and case.unit.name == "历下区不动产登记中心"
        # Roles never travel: the outlet's team lead is a plain operator here.
        assert session.scalar(select(Staff.role).where(Staff.name == "赵组长")) == "operator"
        attachment = session.scalar(select(Attachment))
        data = AttachmentStore.for_database(centre).get(session, attachment.sha256)
        assert hashlib.sha256(data).hexdigest() == day.scan_sha256 == attachment.sha256
        assert session.scalar(select(AuditEntry).where(AuditEntry.action == "case.edit"))
        assert session.scalar(select(AuditEntry).where(AuditEntry.action == "sync.import"))
        peer = session.scalar(select(SyncPeer).where(SyncPeer.site_id == outlet_site))
        assert peer.name == "历下网点" and peer.imported_sequence == 1
        # Claims and queue order stay with the seats of the outlet.
        entry = session.scalar(select(QueueEntry))
        assert entry.claimed_by_id is None and entry.priority == 0


def test_next_file_carries_the_changes_since_the_last(outlet, any_db, tmp_path):
    centre = any_db
    exchange_keys(outlet, centre)
    outlet_day(outlet)
    first = sync_file(tmp_path, "1")
    export_changes(outlet, first)
    import_sync_file(centre, first)
    with outlet.sessions.begin() as session:
        case = session.scalar(select(Case).where(Case.case_no == "JN20260701000001"))
        case.location = "历下区经十路 2 号"
        case.phones.append(CasePhone(position=2, original="13700000000", e164="+8613700000000"))

    second = sync_file(tmp_path, "2")
    exported = export_changes(outlet, second)
    assert exported.sequence == 2 and exported.since is not None
    summary = import_sync_file(centre, second)

    assert summary.tables["cases"].updated == 1 and summary.conflicts == 0
    with centre.sessions() as session:
        case = session.scalar(select(Case).where(Case.case_no == "JN20260701000001"))
        assert case.location == "历下区经十路 2 号"
        assert [p.original for p in case.phones][-1] == "13700000000"
    assert snapshot(centre) == snapshot(outlet)


def test_manifest_lists_counts_and_hashes_of_every_part(outlet, sqlite_db, tmp_path):
    exchange_keys(outlet, sqlite_db)
    outlet_day(outlet)
    path = sync_file(tmp_path, "x")
    exported = export_changes(outlet, path)

    with sqlite_db.sessions() as session:
        checked = read_sync_file(path, sync_keyring(session))
    manifest = checked.manifest
    assert manifest["format"] == "revisitdesk-sync" and manifest["version"] == 1
    assert manifest["kind"] == "changes" and manifest["sequence"] == 1
    assert manifest["counts"]["cases"] == exported.counts["cases"]
    names = {part["name"] for part in manifest["parts"]}
    assert "records/cases.jsonl" in names and any(n.startswith("blobs/") for n in names)
    assert all(len(part["sha256"]) == 64 for part in manifest["parts"])
    # References travel as uids, never as this database's ids.
    _line, case = next(checked.records("cases"))
    uuid.UUID(case["data"]["unit_id"])
    uuid.UUID(case["uid"])
