"""Importing a sync file: every record upserted by its uid in one transaction, or nothing at all.

A record keeps the uid, origin and times it was sent with; its references are mapped from uids to
this database's ids. A record not known by its uid is looked up by its natural key (业务编号 and
the like: both sites may have imported the same export) and then treated as the same record.
Whether an incoming version is new, old, the same, or in conflict with a change made here is
decided by version tokens (app.sync.versions); a conflict leaves the record here untouched and is
kept, with both versions, for a team lead to decide. Importing the same file again changes
nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import UniqueConstraint, delete, insert, select, update
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from app.audit import record_change
from app.desk.do_not_call import end_uncallable
from app.i18n import pick
from app.keys.trust import sync_keyring
from app.progress import Progress
from app.scanning.store import AttachmentStore
from app.staff import acting_member
from app.sync.checks import (
    Invalid,
    check_audit_entry,
    check_record,
    in_sentence,
    record_refused,
)
from app.sync.errors import SyncRefused
from app.sync.fileformat import AUDIT_PART, SyncFile, read_sync_file, records_part
from app.sync.records import (
    CHUNK,
    PHONE_FIELDS,
    References,
    database_values,
    decode,
    fingerprint,
    incoming_local_form,
    local_form,
    phones_of,
    travelling_form,
)
from app.sync.site import peer, this_site
from app.sync.tables import BY_NAME, TABLES, NaturalKey, TableSpec
from app.sync.versions import (
    Relation,
    Version,
    current_version,
    load_states,
    lock_sync_records,
    merged,
    relation,
    save_state,
)
from app.zone import LOCAL_ZONE
from db.models import AuditEntry, CasePhone, SyncConflict, SyncPeer
from db.transactions import write_transaction
from db.types import utcnow

Line = tuple[int, dict[str, Any], uuid.UUID]  # a record's line in its part, the record, its uid


@dataclass
class TableCounts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0

    def to_dict(self) -> dict[str, int]:
        return {
            "inserted": self.inserted,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
        }


@dataclass
class SyncSummary:
    path: Path
    file_sha256: str
    kind: str
    site_id: str
    site_name: str | None
    sequence: int | None
    tables: dict[str, TableCounts] = field(default_factory=dict)
    attachments_stored: int = 0  # files whose bytes were new here
    audit_entries: int = 0  # entries of the site's audit trail added here
    superseded: int = 0  # open conflicts replaced by a newer version from the same site
    signed_by: str | None = None  # the fingerprint of the sending site's keys

    def total(self, name: str) -> int:
        return sum(getattr(counts, name) for counts in self.tables.values())

    @property
    def conflicts(self) -> int:
        return self.total("conflicts")

    def changed(self) -> bool:
        return bool(
            self.total("inserted")
            or self.total("updated")
            or self.conflicts
            or self.attachments_stored
            or self.audit_entries
            or self.superseded
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "imported": True,
            "path": str(self.path),
            "sha256": self.file_sha256,
            "kind": self.kind,
            "site": {"id": self.site_id, "name": self.site_name},
            "signed_by": self.signed_by,
            "sequence": self.sequence,
            "tables": {name: counts.to_dict() for name, counts in self.tables.items()},
            "inserted": self.total("inserted"),
            "updated": self.total("updated"),
            "unchanged": self.total("unchanged"),
            "conflicts": self.conflicts,
            "attachments_stored": self.attachments_stored,
            "audit_entries": self.audit_entries,
            "superseded_conflicts": self.superseded,
        }

    def text(self) -> str:
        lines = [
            pick(
                "已导入 {site} 的同步文件：新增 {i}，更新 {u}，未变 {n}，冲突 {c}；新附件 {a} 个",
                "Sync file from {site} imported: {i} inserted, {u} updated, {n} unchanged, "
                "{c} conflicts; {a} new attachments",
            ).format(
                site=self.site_name or self.site_id,
                i=self.total("inserted"),
                u=self.total("updated"),
                n=self.total("unchanged"),
                c=self.conflicts,
                a=self.attachments_stored,
            )
        ]
        if self.signed_by:
            lines.append(
                pick(
                    f"签名有效：由已信任的站点签名（指纹 {self.signed_by}）",
                    f"Signature valid: signed by a trusted site (fingerprint {self.signed_by})",
                )
            )
        for name, counts in self.tables.items():
            lines.append(
                pick(
                    "  {t}：新增 {i}，更新 {u}，未变 {n}，冲突 {c}",
                    "  {t}: {i} inserted, {u} updated, {n} unchanged, {c} conflicts",
                ).format(
                    t=BY_NAME[name].title(),
                    i=counts.inserted,
                    u=counts.updated,
                    n=counts.unchanged,
                    c=counts.conflicts,
                )
            )
        if self.conflicts:
            lines.append(
                pick(
                    "有 {c} 条记录在两处都被修改过：两个版本都已保留，请组长在“同步冲突”中决定",
                    "{c} records were changed in both places: both versions are kept for a team "
                    "lead to decide under Sync conflicts",
                ).format(c=self.conflicts)
            )
        if not self.changed():
            lines.append(
                pick("此文件以前已导入过，本次没有任何改变", "Imported before: nothing changed")
            )
        return "\n".join(lines)


def import_sync_file(
    database,
    path: Path,
    *,
    progress: Progress | None = None,
    now: datetime | None = None,
    by_id: int | None = None,
) -> SyncSummary:
    """Check a sync file whole, then apply it in one transaction. Raises SyncRefused."""
    with database.sessions() as session:
        acting_member(session, by_id)  # before the file is read
        keys = sync_keyring(session)
    store = AttachmentStore.for_database(database)
    with read_sync_file(Path(path), keys) as sync_file, write_transaction(database) as session:
        return apply_sync_file(session, store, sync_file, progress=progress, now=now, by_id=by_id)


def apply_sync_file(
    session: Session,
    store: AttachmentStore,
    sync_file: SyncFile,
    *,
    progress: Progress | None = None,
    now: datetime | None = None,
    by_id: int | None = None,
) -> SyncSummary:
    """Apply a checked sync file in the caller's transaction (roll back on any exception); by a
    logged-in person of any role once anybody logs in (`by_id`: who, app.staff.acting_member)."""
    acting_member(session, by_id)
    now = now or utcnow()
    lock_sync_records(session)
    site = this_site(session)
    if sync_file.site_id == site.site_id:
        raise SyncRefused(
            pick(
                f"这个同步文件是本库自己导出的（{site.name}），不能再导入本库",
                f"This sync file was exported by this database ({site.name}); it cannot be "
                "imported into it",
            )
        )
    sender = peer(session, sync_file.site_id, sync_file.site_name)
    until = _check_order(sync_file, sender)
    summary = SyncSummary(
        sync_file.path,
        sync_file.sha256,
        sync_file.kind,
        sync_file.site_id,
        sync_file.site_name,
        sync_file.manifest.get("sequence"),
        signed_by=sync_file.signer_fingerprint,
    )
    run = _Run(session, store, sync_file, summary, site.site_id, now, progress)
    try:
        run.apply()
    except (IntegrityError, DataError) as error:
        raise SyncRefused(
            pick(
                "同步文件中的记录无法存入本库（与已有记录重复或数据不合要求），整个文件没有导入："
                f"{error.orig}",
                "A record of the sync file cannot be stored here (it clashes with a record here "
                f"or its data is invalid); nothing of the file was imported: {error.orig}",
            )
        ) from None
    if sync_file.count("do_not_call"):
        # Numbers marked elsewhere: queued cases with nothing left to call end here too.
        end_uncallable(session, None, by_id=by_id, now=now)
    advanced = until is not None and (
        sender.imported_until is None or until > sender.imported_until
    )
    if advanced:
        sender.imported_until = until
        sender.imported_sequence = max(sender.imported_sequence or 0, summary.sequence or 0)
    if advanced or summary.changed():
        sender.last_import_at = now
    if summary.changed():
        record_change(
            session,
            actor_id=by_id,
            action="sync.import",
            entity="sync_file",
            entity_uid=None,
            before=None,
            after={
                "file": sync_file.path.name,
                "sha256": sync_file.sha256,
                "site": sync_file.site_name or sync_file.site_id,
                "kind": sync_file.kind,
                "inserted": summary.total("inserted"),
                "updated": summary.total("updated"),
                "conflicts": summary.conflicts,
            },
            at=now,
        )
    return summary


def _check_order(sync_file: SyncFile, sender: SyncPeer) -> datetime | None:
    """A change file must start where this database's changes from that site end: a file that
    starts later would leave the changes of a file never imported out for good."""
    if sync_file.kind != "changes":
        return None
    try:
        since = _time(sync_file.manifest["since"])
        until = _time(sync_file.manifest["until"])
    except (KeyError, TypeError, ValueError):
        raise SyncRefused(
            pick("同步文件的清单有误，整个文件没有导入", "The sync file's manifest is malformed")
        ) from None
    if since is not None and (sender.imported_until is None or since > sender.imported_until):
        name = sync_file.site_name or sync_file.site_id
        number = sync_file.manifest.get("sequence")
        if sender.imported_until is None:
            have = pick("本库还没有导入过该处的同步文件", "this database has none of its files yet")
        else:
            have = pick(
                f"本库从该处导入的更改只到 {local_text(sender.imported_until)}",
                f"this database has its changes up to {local_text(sender.imported_until)} only",
            )
        raise SyncRefused(
            pick(
                f"这个同步文件（{name} 第 {number} 号）只含 {local_text(since)} 以后的更改，"
                f"而{have}，中间的更改会丢失。请先导入该处之前的同步文件，"
                "或在该处用“导出全部记录（补缺）”（命令 sync export --all）重新导出；整个文件没有导入",
                f"This sync file ({name} no. {number}) holds the changes since "
                f"{local_text(since)}, but {have}: the changes between would be lost. Import "
                "that site's earlier sync files first, or export all records there again (Export "
                "all records, or sync export --all); nothing of the file was imported",
            )
        )
    return until


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def local_text(moment: datetime) -> str:
    return moment.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M")


class _Run:
    """One import's state: the references resolved so far, counts, files to store."""

    def __init__(
        self,
        session: Session,
        store: AttachmentStore,
        sync_file: SyncFile,
        summary: SyncSummary,
        site_id: str,
        now: datetime,
        progress: Progress | None,
    ) -> None:
        self.session = session
        self.store = store
        self.file = sync_file
        self.summary = summary
        self.site_id = site_id
        self.now = now
        self.references = References(session)
        self.seen: set[uuid.UUID] = set()  # uids of the table's records read so far
        self.matched: set[int] = set()  # rows here a record was matched to by a unique key
        self.blobs: set[str] = set()
        self.progress = progress or (lambda _done, _total: None)
        self.done = 0
        self.total = (
            sum(sync_file.count(spec.name) for spec in TABLES)
            + sync_file.count("audit_entries")
            + len(sync_file.blob_names())
        )

    def apply(self) -> None:
        self.progress(0, self.total)
        for spec in TABLES:
            if not self.file.count(spec.name):
                continue
            counts = self.summary.tables.setdefault(spec.name, TableCounts())
            part = records_part(spec.name)
            batch: list[Line] = []
            # A record twice in one file (a bug of the sender), by its uid or its natural key.
            self.seen, self.matched = set(), set()
            seen = self.seen
            for line, record in self.file.records(spec.name):
                try:
                    check_record(spec.name, record)
                    uid = uuid.UUID(record["uid"])
                    if uid in seen:
                        raise Invalid(
                            "与前面一条记录相同", "is the same as an earlier record's", "uid"
                        )
                except Invalid as problem:
                    raise record_refused(spec.title(), part, line, problem) from None
                seen.add(uid)
                batch.append((line, record, uid))
                if len(batch) == CHUNK:
                    self._chunk(spec, batch, counts)
                    batch = []
            if batch:
                self._chunk(spec, batch, counts)
        # The audit trail is checked before any file is stored: a refusal leaves none behind.
        self._add_audit_entries()
        self._store_blobs()
        self.progress(self.total, self.total)

    def _tick(self, count: int) -> None:
        self.done += count
        self.progress(self.done, self.total)

    # Records

    def _chunk(self, spec: TableSpec, lines: list[Line], counts: TableCounts) -> None:
        self._resolve_references(spec, lines)
        uids = [uid for _line, _record, uid in lines]
        rows = {row.uid: row for row in self._rows(spec, spec.table.c.uid.in_(uids))}
        phones = self._phones(spec, rows.values())
        new: list[tuple[dict[str, Any], dict[str, Any]]] = []
        matched: list[tuple[dict[str, Any], Any, dict[str, Any]]] = []
        new_keys: set[tuple[Any, ...]] = set()  # the unique keys of this chunk's new records
        for line, record, uid in lines:
            row = rows.get(uid)
            if row is None:
                incoming = incoming_local_form(spec, record, self.references, None)
                match = self._natural_match(spec, incoming)
                if match is None:
                    for key, values in _unique_values(spec, incoming):
                        if values in new_keys:
                            _refuse_twice(spec, line, key)
                        new_keys.add(values)
                    new.append((record, incoming))
                    continue
                row, key = match
                if key in _unique_keys(spec.name):
                    if row.uid in self.seen or row.id in self.matched:
                        _refuse_twice(spec, line, key)
                    self.matched.add(row.id)
                phones.update(self._phones(spec, [row]))
            local = local_form(spec, row, phones.get(row.id))
            matched.append((record, row, local))
            self.references.remember(spec.name, uid, row.id)
        states = load_states(self.session, spec.name, [row.uid for _r, row, _l in matched])
        for record, row, local in matched:
            self._merge(spec, record, row, local, states, counts)
        self._insert(spec, new, counts)
        self._tick(len(lines))

    def _resolve_references(self, spec: TableSpec, lines: list[Line]) -> None:
        """Every record referred to is in the file (applied before) or in this database."""
        wanted: dict[str, set[uuid.UUID]] = {}
        for _line, record, _uid in lines:
            data = record["data"]
            for column, target in spec.refs.items():
                if data.get(column) is not None:
                    wanted.setdefault(target, set()).add(uuid.UUID(data[column]))
        missing: dict[str, set[uuid.UUID]] = {}
        for target, uids in wanted.items():
            known = self.references.ids(target, uids)
            if uids - known.keys():
                missing[target] = uids - known.keys()
        if not missing:
            return
        for line, record, _uid in lines:
            for column, target in spec.refs.items():
                value = record["data"].get(column)
                if value is not None and uuid.UUID(value) in missing.get(target, ()):
                    zh, en = BY_NAME[target].label
                    problem = Invalid(
                        f"引用的{zh}（{value}）在文件和本库中都没有",
                        f"refers to {in_sentence(en)} {value}, which is neither in the file nor "
                        "in this database",
                        column,
                    )
                    raise record_refused(spec.title(), records_part(spec.name), line, problem)

    def _rows(self, spec: TableSpec, condition: Any) -> list[Any]:
        return self.session.execute(select(spec.table).where(condition)).all()

    def _phones(self, spec: TableSpec, rows: Any) -> dict[int, list[list[Any]]]:
        if spec.name != "cases":
            return {}
        return phones_of(self.session, [row.id for row in rows])

    def _natural_match(
        self, spec: TableSpec, incoming: dict[str, Any]
    ) -> tuple[Any, NaturalKey] | None:
        """The one record here with the incoming record's natural key, if exactly one, and that
        key."""
        for key in spec.natural_keys:
            if key.when is not None and incoming.get(key.when[0]) != key.when[1]:
                continue
            values = [incoming[name] for name in key.columns]
            if any(value is None for value in values):
                continue
            condition = [
                spec.table.c[name] == decode(spec.column(name), value)
                for name, value in zip(key.columns, values, strict=True)
            ]
            if key.when is not None:
                condition.append(spec.table.c[key.when[0]] == key.when[1])
            found = self.session.execute(select(spec.table).where(*condition).limit(2)).all()
            if len(found) == 1:
                return found[0], key
        return None

    def _merge(
        self,
        spec: TableSpec,
        record: dict[str, Any],
        row: Any,
        local: dict[str, Any],
        states: dict,
        counts: TableCounts,
    ) -> None:
        incoming = incoming_local_form(spec, record, self.references, local)
        local_print = fingerprint(local)
        here = current_version(states.get(row.uid), local_print, self.site_id)
        sent = Version(list(record["versions"]), list(record["history"]))
        found = relation(here, sent)
        if found is Relation.DIVERGED and incoming == local:
            found = Relation.SAME
        if found is Relation.SAME:
            version = Version(
                merged(here.versions, sent.versions), merged(here.history, sent.history)
            )
            save_state(self.session, states, spec.name, row.uid, local_print, version)
            counts.unchanged += 1
        elif found is Relation.OLDER:
            version = Version(here.versions, merged(here.history, sent.history))
            save_state(self.session, states, spec.name, row.uid, local_print, version)
            counts.unchanged += 1
        elif found is Relation.NEWER:
            version = Version(sent.versions, merged(here.history, here.versions, sent.history))
            if incoming == local:
                counts.unchanged += 1
            else:
                apply_version(
                    self.session,
                    spec,
                    row.id,
                    incoming,
                    decode(spec.column("updated_at"), record["updated_at"]),
                    local,
                )
                counts.updated += 1
                if spec.name == "attachments":
                    self.blobs.add(incoming["sha256"])
            save_state(self.session, states, spec.name, row.uid, fingerprint(incoming), version)
        elif self._conflict(spec, record, row, local, incoming):
            counts.conflicts += 1
        else:
            counts.unchanged += 1  # the same conflict is already waiting for a decision

    def _conflict(
        self,
        spec: TableSpec,
        record: dict[str, Any],
        row: Any,
        local: dict[str, Any],
        incoming: dict[str, Any],
    ) -> bool:
        """Keep both versions for the team lead; False if this very version waits already."""
        waiting = self.session.scalars(
            select(SyncConflict).where(
                SyncConflict.entity == spec.name,
                SyncConflict.record_id == row.id,
                SyncConflict.status == "open",
            )
        ).all()
        if any(c.incoming_version.get("versions") == record["versions"] for c in waiting):
            return False
        for older in waiting:
            if older.incoming_site == self.file.site_id and set(
                older.incoming_version.get("versions", ())
            ) & set(record["history"]):
                older.status = "superseded"
                self.summary.superseded += 1
        for column, target in spec.refs.items():
            self.references.uids(target, [local[column]])
        local_version = travelling_form(
            spec, row, local, self.references, site_id=self.site_id, versions=[], history=[]
        )
        self.session.add(
            SyncConflict(
                entity=spec.name,
                uid=row.uid,
                record_id=row.id,
                incoming_uid=uuid.UUID(record["uid"]),
                incoming_site=self.file.site_id,
                incoming_site_name=self.file.site_name,
                file_sha256=self.file.sha256,
                local_version=local_version,
                incoming_version=record,
                incoming_values=incoming,
                detected_at=self.now,
                status="open",
            )
        )
        if spec.name == "attachments":
            self.blobs.add(incoming["sha256"])  # so that the lead may choose it
        return True

    def _insert(
        self, spec: TableSpec, new: list[tuple[dict[str, Any], dict[str, Any]]], counts: TableCounts
    ) -> None:
        if not new:
            return
        rows = []
        for record, incoming in new:
            values = database_values(spec, incoming)
            for name in ("origin", "created_at", "updated_at"):
                values[name] = decode(spec.column(name), record[name])
            values["uid"] = uuid.UUID(record["uid"])
            rows.append(values)
        self.session.execute(insert(spec.table), rows)
        uids = [values["uid"] for values in rows]
        ids = self.references.ids(spec.name, uids)
        states: dict = {}
        for (record, incoming), uid in zip(new, uids, strict=True):
            version = Version(list(record["versions"]), list(record["history"]))
            save_state(self.session, states, spec.name, uid, fingerprint(incoming), version)
            if spec.name == "attachments":
                self.blobs.add(incoming["sha256"])
        if spec.name == "cases":
            _insert_phones(
                self.session,
                {ids[uid]: inc["phones"] for (_r, inc), uid in zip(new, uids, strict=True)},
            )
        counts.inserted += len(new)

    # Files and the audit trail

    def _store_blobs(self) -> None:
        in_file = set(self.file.blob_names())
        for sha256 in sorted(self.blobs):
            if self.store.exists(self.session, sha256):
                continue
            if sha256 not in in_file:
                raise SyncRefused(
                    pick(
                        f"同步文件缺少附件 {sha256[:12]}… 的内容，本库中也没有；整个文件没有导入",
                        f"The sync file lacks the bytes of attachment {sha256[:12]}…, and this "
                        "database does not have them; nothing of the file was imported",
                    )
                )
            self.store.put(self.session, self.file.blob(sha256))
            self.summary.attachments_stored += 1
        self._tick(len(in_file))

    def _add_audit_entries(self) -> None:
        count = self.file.count("audit_entries")
        if not count:
            return
        for line, entry in self.file.records_of_part(AUDIT_PART):
            try:
                check_audit_entry(entry)
            except Invalid as problem:
                title = pick("审计记录", "Audit entry")
                raise record_refused(title, AUDIT_PART, line, problem) from None
            values = {
                "at": datetime.fromisoformat(entry["at"]),
                "actor": entry["actor"],
                "action": entry["action"],
                "entity": entry["entity"],
                "entity_uid": uuid.UUID(entry["entity_uid"]) if entry["entity_uid"] else None,
            }
            before, after = entry["before"], entry["after"]
            same = [
                getattr(AuditEntry, name) == value
                if value is not None
                else getattr(AuditEntry, name).is_(None)
                for name, value in values.items()
            ]
            if self.session.scalar(select(AuditEntry.id).where(*same).limit(1)) is None:
                self.session.add(AuditEntry(**values, before=before, after=after))
                self.summary.audit_entries += 1
        self._tick(count)


def _unique_values(
    spec: TableSpec, incoming: dict[str, Any]
) -> Iterator[tuple[NaturalKey, tuple[Any, ...]]]:
    """The record's values of each natural key no two records may share."""
    for key in _unique_keys(spec.name):
        if key.when is not None and incoming.get(key.when[0]) != key.when[1]:
            continue
        values = tuple(incoming[name] for name in key.columns)
        if not any(value is None for value in values):
            yield key, (key.columns, *values)


@cache
def _unique_keys(table: str) -> tuple[NaturalKey, ...]:
    """The natural keys of a table that a unique constraint or index stands behind (a member of
    staff is known by name and unit, which two people may share)."""
    spec = BY_NAME[table]
    unique = [{c.name for c in spec.table.c if c.unique}]
    unique += [
        {c.name for c in constraint.columns}
        for constraint in spec.table.constraints
        if isinstance(constraint, UniqueConstraint)
    ]
    unique += [{c.name for c in index.columns} for index in spec.table.indexes if index.unique]
    return tuple(
        key for key in spec.natural_keys if any(set(key.columns) == columns for columns in unique)
    )


def _refuse_twice(spec: TableSpec, line: int, key: NaturalKey) -> NoReturn:
    """Two records of one file for one record here: the sender's unique key repeated."""
    problem = Invalid(
        "与文件中另一条记录相同",
        "is the same as another record's in the file",
        ", ".join(key.columns),
    )
    raise record_refused(spec.title(), records_part(spec.name), line, problem)


def apply_version(
    session: Session,
    spec: TableSpec,
    record_id: int,
    incoming: dict[str, Any],
    updated_at: datetime,
    local: dict[str, Any],
) -> None:
    """Write a version (local form) over a record here, keeping its uid, origin and creation."""
    values = database_values(spec, incoming)
    session.execute(
        update(spec.table)
        .where(spec.table.c.id == record_id)
        .values(**values, updated_at=updated_at)
    )
    if spec.name == "cases" and incoming["phones"] != local["phones"]:
        session.execute(delete(CasePhone).where(CasePhone.case_id == record_id))
        _insert_phones(session, {record_id: incoming["phones"]})


def _insert_phones(session: Session, phones: dict[int, list[list[Any]]]) -> None:
    rows = [
        {"case_id": case_id, **dict(zip(PHONE_FIELDS, phone, strict=True))}
        for case_id, numbers in phones.items()
        for phone in numbers
    ]
    if rows:
        session.execute(insert(CasePhone.__table__), rows)
