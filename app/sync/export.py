"""Writing sync files: an outlet's changes since its last export, or the centre's cases to call.

Every record a file carries comes with the records it refers to (its case, unit, handler …), so
that the file can be applied wherever it goes, even where an earlier file never arrived. Writing
a file also remembers, per record, the version it carried (app.sync.versions).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import record_export
from app.i18n import pick
from app.keys.installation import installation_identity
from app.keys.material import KeyRefused
from app.keys.trust import recipient_site
from app.progress import Progress
from app.scanning.store import AttachmentStore, StoreError
from app.sealed_archive import Sealing
from app.staff import acting_member
from app.sync.errors import SyncRefused
from app.sync.fileformat import (
    AUDIT_PART,
    FORMAT,
    FORMAT_VERSION,
    SUFFIX,
    SyncFileWriter,
    records_part,
)
from app.sync.records import (
    CHUNK,
    References,
    audit_record,
    fingerprint,
    local_form,
    phones_of,
    travelling_form,
)
from app.sync.site import this_site
from app.sync.tables import BY_NAME, TABLES, TableSpec
from app.sync.versions import current_version, load_states, lock_sync_records, save_state
from app.zone import LOCAL_ZONE
from db.migrate import head_revision
from db.models import (
    AuditEntry,
    CallAttempt,
    CallbackContact,
    CallbackTask,
    Case,
    Evaluation,
    QueueEntry,
    SyncPeer,
    Unit,
)
from db.transactions import write_transaction
from db.types import utcnow

# A change file reaches back this far before the moment it was written: a transaction of another
# seat that was still open then (PostgreSQL) is caught by the next file instead of falling
# between two. Records sent twice are recognised as the same version on import.
OVERLAP = timedelta(minutes=10)


@dataclass
class ExportResult:
    path: Path
    kind: str  # changes / cases_to_call
    site_id: str
    site_name: str | None
    sequence: int | None
    since: datetime | None
    until: datetime | None
    counts: dict[str, int] = field(default_factory=dict)  # records per table
    attachments: int = 0  # files (bytes) included
    audit_entries: int = 0
    units: list[str] = field(default_factory=list)  # cases to call: for these units
    recipient: str | None = None  # the site it is encrypted for: its name and fingerprint

    def total(self) -> int:
        return sum(self.counts.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "kind": self.kind,
            "site": {"id": self.site_id, "name": self.site_name},
            "sequence": self.sequence,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "counts": self.counts,
            "attachments": self.attachments,
            "audit_entries": self.audit_entries,
            "units": self.units,
            "recipient": self.recipient,
        }

    def text(self) -> str:
        if self.kind == "changes":
            head = pick(
                "已导出同步文件第 {n} 号（{site}）：{total} 条记录，{files} 个附件，{audit} 条审计记录",
                "Sync file no. {n} exported ({site}): {total} records, {files} attachments, "
                "{audit} audit entries",
            ).format(
                n=self.sequence,
                site=self.site_name,
                total=self.total(),
                files=self.attachments,
                audit=self.audit_entries,
            )
        else:
            head = pick(
                "已导出待回访业务件（{units}）：{entries} 条队列记录，共 {total} 条记录",
                "Cases to call exported ({units}): {entries} queue entries, {total} records",
            ).format(
                units="、".join(self.units),
                entries=self.counts.get("call_queue", 0),
                total=self.total(),
            )
        lines = [head]
        for table, count in self.counts.items():
            lines.append(f"  {BY_NAME[table].title()}: {count}")
        lines.append(
            pick(
                "已签名，并加密发给 {to}；只有对方能打开", "Signed, and encrypted for {to} only"
            ).format(to=self.recipient)
        )
        lines.append(pick("已写入 {path}", "Written to {path}").format(path=self.path))
        return "\n".join(lines)


def default_file_name(session: Session, kind: str = "changes") -> str:
    """A name that says where a file comes from and, for changes, which one it is."""
    site = this_site(session)
    place = re.sub(r'[\\/:*?"<>|\s]+', "_", site.name or "site").strip("_") or "site"
    if kind == "changes":
        return f"revisitdesk-{place}-{site.export_sequence + 1:04d}{SUFFIX}"
    return f"revisitdesk-{place}-cases-{utcnow().astimezone(LOCAL_ZONE):%Y%m%d-%H%M}{SUFFIX}"


def export_changes(
    database,
    path: Path,
    *,
    progress: Progress | None = None,
    since: datetime | None = None,
    full: bool = False,
    now: datetime | None = None,
    by_id: int | None = None,
    to: str | None = None,
) -> ExportResult:
    """Write this site's records created or changed since its last export (all with `full`,
    or those changed since `since`) to one sync file at `path`, in one transaction; signed
    here and encrypted for the trusted site `to` (name, site id or fingerprint; by default the
    one trusted site — app.keys.recipient_site)."""
    store = AttachmentStore.for_database(database)
    with write_transaction(database) as session:
        return write_changes(
            session,
            store,
            Path(path),
            progress=progress,
            since=since,
            full=full,
            now=now,
            by_id=by_id,
            to=to,
        )


def write_changes(
    session: Session,
    store: AttachmentStore,
    path: Path,
    *,
    progress: Progress | None = None,
    since: datetime | None = None,
    full: bool = False,
    now: datetime | None = None,
    by_id: int | None = None,
    to: str | None = None,
) -> ExportResult:
    """`export_changes` in the caller's transaction; the export is audited (by_id: who, a
    logged-in person of any role once anybody logs in: app.staff.acting_member)."""
    acting_member(session, by_id)
    now = now or utcnow()
    lock_sync_records(session)  # first: always taken before the site's (see this_site)
    site = this_site(session)
    sealing, recipient = _sealing(session, to)
    lower = None if full else (since or site.exported_until)
    roots: dict[str, set[int]] = {}
    for spec in TABLES:
        query = select(spec.table.c.id)
        if lower is not None:
            query = query.where(spec.table.c.updated_at >= lower)
        roots[spec.name] = set(session.scalars(query))
    audit = select(AuditEntry).order_by(AuditEntry.id)
    if since is not None and not full:
        audit = audit.where(AuditEntry.at >= since)
    elif not full and site.exported_audit_id is not None:
        audit = audit.where(AuditEntry.id > site.exported_audit_id)
    audit_entries = list(session.scalars(audit))

    sequence = site.export_sequence + 1
    until = now - OVERLAP
    result = ExportResult(path, "changes", site.site_id, site.name, sequence, lower, until)
    result.recipient = recipient
    manifest = {"sequence": sequence, "since": _iso(lower), "until": _iso(until)}
    _write(session, store, site, result, roots, manifest, audit_entries, progress, now, sealing)
    site.export_sequence = sequence
    site.exported_until = until
    if audit_entries:
        site.exported_audit_id = audit_entries[-1].id
    # Names, phone numbers and what citizens said leave in it: audited (and sent next time).
    record_export(session, actor_id=by_id, what="sync_file", path=path, rows=result.total())
    return result


@dataclass
class UnitToCall:
    unit_id: int
    name: str
    open_entries: int


def units_to_call(session: Session) -> list[UnitToCall]:
    """Every unit with the number of its open queue entries (cases it could send), by name."""
    open_entries = (
        select(Case.unit_id, func.count(QueueEntry.id).label("entries"))
        .join(Case, Case.id == QueueEntry.case_id)
        .where(QueueEntry.status == "open")
        .group_by(Case.unit_id)
        .subquery()
    )
    rows = session.execute(
        select(Unit.id, Unit.name, func.coalesce(open_entries.c.entries, 0))
        .outerjoin(open_entries, open_entries.c.unit_id == Unit.id)
        .order_by(Unit.name)
    ).all()
    return [UnitToCall(*row) for row in rows]


def unit_ids_named(session: Session, names: Iterable[str]) -> list[int]:
    """The ids of the accepting units with these names; refused when one of them is unknown."""
    names = list(names)
    found = dict(session.execute(select(Unit.name, Unit.id).where(Unit.name.in_(names))).all())
    for name in names:
        if name not in found:
            raise SyncRefused(pick(f"没有名为“{name}”的受理单位", f"No unit named {name!r}"))
    return list(found.values())


def export_cases_to_call(
    database,
    path: Path,
    unit_ids: Iterable[int],
    *,
    progress: Progress | None = None,
    now: datetime | None = None,
    by_id: int | None = None,
    to: str | None = None,
) -> ExportResult:
    """Write the open queue entries of these units, with their cases, phones and the cases'
    evaluations, calls and callbacks, for an outlet to import into its queue; for the trusted
    site `to` (as `export_changes`)."""
    store = AttachmentStore.for_database(database)
    with write_transaction(database) as session:
        return write_cases_to_call(
            session, store, Path(path), unit_ids, progress=progress, now=now, by_id=by_id, to=to
        )


def write_cases_to_call(
    session: Session,
    store: AttachmentStore,
    path: Path,
    unit_ids: Iterable[int],
    *,
    progress: Progress | None = None,
    now: datetime | None = None,
    by_id: int | None = None,
    to: str | None = None,
) -> ExportResult:
    """`export_cases_to_call` in the caller's transaction; audited (by_id: who, a logged-in
    person once anybody logs in)."""
    acting_member(session, by_id)
    lock_sync_records(session)
    sealing, recipient = _sealing(session, to)
    unit_ids = sorted(set(unit_ids))
    units = session.execute(
        select(Unit.id, Unit.name).where(Unit.id.in_(unit_ids)).order_by(Unit.name)
    ).all()
    if not unit_ids or len(units) != len(unit_ids):
        raise SyncRefused(pick("请选择要发送的受理单位", "Choose the units to send cases for"))
    entries = set(
        session.scalars(
            select(QueueEntry.id)
            .join(Case, Case.id == QueueEntry.case_id)
            .where(QueueEntry.status == "open", Case.unit_id.in_(unit_ids))
        )
    )
    case_ids = (
        set(session.scalars(select(QueueEntry.case_id).where(QueueEntry.id.in_(entries))))
        if entries
        else set()
    )
    roots = {spec.name: set() for spec in TABLES}
    roots["call_queue"] = entries
    roots["cases"] = case_ids
    # What the operator sees of a case's history on the call desk travels with it.
    for model, key in (
        (Evaluation, "evaluations"),
        (CallAttempt, "call_attempts"),
        (CallbackTask, "callback_tasks"),
    ):
        roots[key] = _ids_of_cases(session, model, case_ids)
    roots["callback_contacts"] = _ids_in(
        session, CallbackContact, CallbackContact.task_id, roots["callback_tasks"]
    )
    site = this_site(session)
    result = ExportResult(
        path,
        "cases_to_call",
        site.site_id,
        site.name,
        None,
        None,
        None,
        units=[name for _id, name in units],
        recipient=recipient,
    )
    manifest = {"units": result.units}
    _write(session, store, site, result, roots, manifest, [], progress, now or utcnow(), sealing)
    record_export(
        session, actor_id=by_id, what="sync_cases_to_call", path=path, rows=result.total()
    )
    return result


def _sealing(session: Session, to: str | None) -> tuple[Sealing, str]:
    """This site signs; the one site the file is for (trusted here) can open it. Refused
    before anything is written when keys were not exchanged (app.keys.recipient_site)."""
    try:
        recipient = recipient_site(session, to)
    except KeyRefused as refused:
        raise SyncRefused(str(refused)) from None
    sealing = Sealing(installation_identity(session), (recipient.keys.recipient,))
    return sealing, f"{recipient.name} ({recipient.fingerprint})"


def _ids_of_cases(session: Session, model: type, case_ids: set[int]) -> set[int]:
    return _ids_in(session, model, model.case_id, case_ids)


def _ids_in(session: Session, model: type, column: Any, values: set[int]) -> set[int]:
    found: set[int] = set()
    ordered = sorted(values)
    for start in range(0, len(ordered), CHUNK):
        found.update(
            session.scalars(select(model.id).where(column.in_(ordered[start : start + CHUNK])))
        )
    return found


def _with_references(session: Session, roots: dict[str, set[int]]) -> dict[str, list[int]]:
    """The chosen records and every record they refer to, directly or not.

    Tables refer only to tables before them, so one pass from the last table back suffices.
    """
    chosen = {name: set(ids) for name, ids in roots.items()}
    for spec in reversed(TABLES):
        ids = sorted(chosen[spec.name])
        for column, target in spec.refs.items():
            col = spec.table.c[column]
            for start in range(0, len(ids), CHUNK):
                chosen[target].update(
                    session.scalars(
                        select(col)
                        .where(spec.table.c.id.in_(ids[start : start + CHUNK]), col.isnot(None))
                        .distinct()
                    )
                )
    return {name: sorted(ids) for name, ids in chosen.items()}


def _write(
    session: Session,
    store: AttachmentStore,
    site: SyncPeer,
    result: ExportResult,
    roots: dict[str, set[int]],
    manifest: dict[str, Any],
    audit_entries: list[AuditEntry],
    progress: Progress | None,
    now: datetime,
    sealing: Sealing,
) -> None:
    chosen = _with_references(session, roots)
    total = sum(len(ids) for ids in chosen.values()) + len(audit_entries)
    done = 0
    report = progress or (lambda _done, _total: None)
    report(0, total)
    references = References(session)
    blobs: set[str] = set()
    writer = SyncFileWriter(result.path, sealing)
    try:
        for spec in TABLES:
            ids = chosen[spec.name]
            if not ids:
                continue
            writer.begin_records(records_part(spec.name), spec.name)
            for start in range(0, len(ids), CHUNK):
                rows = _write_chunk(
                    session, writer, spec, ids[start : start + CHUNK], references, site.site_id
                )
                if spec.name == "attachments":
                    blobs.update(row.sha256 for row in rows)
                done += len(rows)
                report(done, total)
            result.counts[spec.name] = writer.end_records().count or 0
        if audit_entries:
            writer.begin_records(AUDIT_PART, None)
            for entry in audit_entries:
                writer.write_record(audit_record(entry))
            writer.end_records()
            result.audit_entries = len(audit_entries)
            done += len(audit_entries)
            report(done, total)
        for sha256 in sorted(blobs):
            try:
                writer.write_blob(sha256, store.get(session, sha256))
            except StoreError as error:
                raise SyncRefused(
                    pick(
                        f"无法导出：{error}。没有写出同步文件",
                        f"Cannot export: {error}. No sync file was written",
                    )
                ) from None
        result.attachments = len(blobs)
        counts = dict(result.counts)
        if audit_entries:
            counts["audit_entries"] = len(audit_entries)
        writer.finish(
            {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "kind": result.kind,
                "site": {"id": site.site_id, "name": site.name},
                "created_at": now.isoformat(),
                "schema": head_revision(),
                **manifest,
                "columns": {
                    spec.name: list(spec.columns) + (["phones"] if spec.name == "cases" else [])
                    for spec in TABLES
                    if chosen[spec.name]
                },
                "counts": counts,
                "attachments": len(blobs),
            }
        )
    except BaseException:
        writer.abort()
        raise
    report(total, total)


def _write_chunk(
    session: Session,
    writer: SyncFileWriter,
    spec: TableSpec,
    ids: list[int],
    references: References,
    site_id: str,
) -> list[Any]:
    rows = session.execute(
        select(spec.table).where(spec.table.c.id.in_(ids)).order_by(spec.table.c.id)
    ).all()
    phones = phones_of(session, ids) if spec.name == "cases" else {}
    for column, target in spec.refs.items():
        references.uids(target, (getattr(row, column) for row in rows))
    states = load_states(session, spec.name, [row.uid for row in rows])
    for row in rows:
        local = local_form(spec, row, phones.get(row.id))
        digest = fingerprint(local)
        version = current_version(states.get(row.uid), digest, site_id)
        writer.write_record(
            travelling_form(
                spec,
                row,
                local,
                references,
                site_id=site_id,
                versions=version.versions,
                history=version.history,
            )
        )
        save_state(session, states, spec.name, row.uid, digest, version)
    return rows


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None
