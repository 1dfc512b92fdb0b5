"""Records changed in two places: listed side by side for a team lead, who keeps one version.

Until the decision the record here stays exactly as it was. Keeping the local version makes it
the newer one everywhere (it travels again with this site's next export); taking the incoming one
writes it over the record here. Either way the decision is audited with both versions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.audit import record_change
from app.i18n import pick
from app.ratings import RATING_LABELS
from app.roles import Permission
from app.staff import require_permission
from app.sync.errors import SyncError
from app.sync.importer import apply_version
from app.sync.records import decode, fingerprint, local_form, phones_of
from app.sync.site import this_site
from app.sync.tables import BY_NAME, TableSpec
from app.sync.versions import (
    Version,
    current_version,
    load_states,
    lock_sync_records,
    merged,
    save_state,
)
from app.zone import LOCAL_ZONE
from db.models import Case, Staff, SyncConflict, Unit
from db.types import utcnow

DECISIONS = ("local", "incoming")

# How the fields people look at are named on screen; the others show their column name.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "case_no": ("业务编号", "Case number"),
    "business_type": ("办理事项类型", "Business type"),
    "unit_id": ("受理单位", "Unit"),
    "district": ("所属区县", "District"),
    "accepted_on": ("受理日期", "Accepted on"),
    "completed_on": ("办结日期", "Completed on"),
    "applicant": ("申请人", "Applicant"),
    "phones": ("联系电话", "Phones"),
    "is_enterprise": ("是否企业", "Enterprise"),
    "enterprise_name": ("企业名称", "Enterprise name"),
    "location": ("座落", "Location"),
    "handler_id": ("经办人", "Handler"),
    "channel": ("渠道", "Channel"),
    "steps": ("办理环节数", "Steps"),
    "days": ("办理天数", "Days"),
    "registration_fee_fen": ("登记费", "Registration fee"),
    "deed_tax_fen": ("契税", "Deed tax"),
    "stamp_duty_fen": ("印花税", "Stamp duty"),
    "has_valid_phone": ("有有效电话", "Has a valid phone"),
    "case_id": ("业务件", "Case"),
    "round": ("轮次", "Round"),
    "evaluated_at": ("评价时间", "Evaluated at"),
    "overall": ("总体情况", "Overall"),
    "efficiency": ("办事效率", "Efficiency"),
    "attitude": ("服务态度", "Attitude"),
    "materials": ("提交材料", "Materials"),
    "satisfaction": ("满意度", "Satisfaction"),
    "integrity_breach": ("违反廉洁纪律", "Integrity breach"),
    "suggestion": ("建议", "Suggestion"),
    "operator_id": ("回访员", "Operator"),
    "status": ("状态", "Status"),
    "result": ("结果", "Result"),
    "attempts": ("拨打次数", "Attempts"),
    "ready_at": ("可拨打时间", "Ready at"),
    "appointment_at": ("预约时间", "Appointment"),
    "outcome": ("拨打结果", "Outcome"),
    "attempted_at": ("拨打时间", "Attempted at"),
    "note": ("备注", "Note"),
    "resolution": ("处理说明", "Resolution"),
    "content": ("内容", "Content"),
    "reply": ("答复", "Reply"),
    "name": ("名称", "Name"),
    "kind": ("类别", "Kind"),
}
_RATING_FIELDS = {"overall", "efficiency", "attitude", "materials", "satisfaction"}


@dataclass
class ConflictRow:
    id: int
    entity: str
    entity_label: str
    title: str  # e.g. the case number
    site: str  # where the incoming version comes from
    detected_at: datetime
    status: str
    decision: str | None
    decided_by: str | None
    decided_at: datetime | None


@dataclass
class FieldVersions:
    name: str
    label: str
    local: str
    incoming: str
    differs: bool  # by value: two times a second apart may read the same


@dataclass
class ConflictDetails:
    conflict: ConflictRow
    fields: list[FieldVersions]
    local_updated_at: datetime
    incoming_updated_at: datetime
    # The record here changed again after the conflict was found: what is shown is its state now.
    local_changed_since: bool

    def differing(self) -> list[FieldVersions]:
        return [f for f in self.fields if f.differs]


def list_conflicts(
    session: Session, *, status: str | None = "open", viewer_id: int | None = None
) -> list[ConflictRow]:
    """Conflicts, newest first; all of them with status None. Team leads and administrators
    only (`viewer_id`: who asks; app.staff.require_permission)."""
    require_permission(session, viewer_id, Permission.LEAD_BOARD)
    query = select(SyncConflict).order_by(SyncConflict.detected_at.desc(), SyncConflict.id.desc())
    if status is not None:
        query = query.where(SyncConflict.status == status)
    return [_row(session, conflict) for conflict in session.scalars(query)]


def conflict_details(
    session: Session, conflict_id: int, *, viewer_id: int | None = None
) -> ConflictDetails:
    """Both versions field by field, as text for the screen (the local one as it is now); for
    team leads and administrators (`viewer_id`: who asks)."""
    require_permission(session, viewer_id, Permission.LEAD_BOARD)
    conflict = _conflict(session, conflict_id)
    spec = BY_NAME[conflict.entity]
    row, local = _local(session, spec, conflict)
    incoming = conflict.incoming_values
    names = list(spec.columns) + (["phones"] if spec.name == "cases" else [])
    fields = [
        FieldVersions(
            name,
            pick(*FIELD_LABELS[name]) if name in FIELD_LABELS else name,
            _text(session, spec, name, local.get(name)),
            _text(session, spec, name, incoming.get(name)),
            local.get(name) != incoming.get(name),
        )
        for name in names
    ]
    # Differences first, so that the lead sees at once what the decision is about.
    fields.sort(key=lambda f: not f.differs)
    incoming_updated = decode(spec.column("updated_at"), conflict.incoming_version["updated_at"])
    return ConflictDetails(
        _row(session, conflict),
        fields,
        row.updated_at,
        incoming_updated,
        local_changed_since=_changed_since(spec, local, conflict.local_version["data"]),
    )


def decide_conflict(
    session: Session,
    conflict_id: int,
    decision: str,
    by_id: int | None,
    *,
    now: datetime | None = None,
) -> ConflictRow:
    """Keep the version here ("local") or take the incoming one ("incoming"); team leads only
    (`by_id`: who, the person logged in — never a name typed)."""
    now = now or utcnow()
    require_permission(session, by_id, Permission.LEAD_BOARD)
    lock_sync_records(session)
    if decision not in DECISIONS:
        raise SyncError(
            pick("决定应为 local（保留本地）或 incoming（采用传入）", "Decide local or incoming")
        )
    conflict = _conflict(session, conflict_id)
    if conflict.status != "open":
        raise SyncError(
            pick(
                f"同步冲突 {conflict_id} 已经处理过（{_status_label(conflict.status)}）",
                f"Sync conflict {conflict_id} is no longer open ({conflict.status})",
            )
        )
    spec = BY_NAME[conflict.entity]
    row, local = _local(session, spec, conflict)
    local_print = fingerprint(local)
    states = load_states(session, spec.name, [row.uid])
    here = current_version(states.get(row.uid), local_print, this_site(session).site_id)
    sent = Version(
        list(conflict.incoming_version["versions"]), list(conflict.incoming_version["history"])
    )
    if decision == "incoming":
        chosen = conflict.incoming_values
        updated_at = decode(spec.column("updated_at"), conflict.incoming_version["updated_at"])
        apply_version(session, spec, row.id, chosen, updated_at, local)
        version = Version(sent.versions, merged(here.history, here.versions, sent.history))
        save_state(session, states, spec.name, row.uid, fingerprint(chosen), version)
    else:
        chosen = local
        # The version here now descends from both: it replaces the other wherever it goes, and
        # goes with this site's next export.
        version = Version(here.versions, merged(here.history, sent.history, sent.versions))
        save_state(session, states, spec.name, row.uid, local_print, version)
        session.execute(update(spec.table).where(spec.table.c.id == row.id).values(updated_at=now))
    conflict.status = "decided"
    conflict.decision = decision
    conflict.decided_by_id = by_id
    conflict.decided_at = now
    record_change(
        session,
        actor_id=by_id,
        action=f"sync.conflict.{decision}",
        entity=spec.name,
        entity_uid=row.uid,
        before={"local": local, "incoming": conflict.incoming_values, "conflict": conflict.id},
        after=chosen,
        at=now,
    )
    session.flush()
    return _row(session, conflict)


def _conflict(session: Session, conflict_id: int) -> SyncConflict:
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None:
        raise SyncError(
            pick(f"没有编号为 {conflict_id} 的同步冲突", f"No sync conflict {conflict_id}")
        )
    return conflict


def _local(session: Session, spec: TableSpec, conflict: SyncConflict) -> tuple[Any, dict]:
    row = session.execute(select(spec.table).where(spec.table.c.id == conflict.record_id)).first()
    if row is None:
        raise SyncError(
            pick("本地记录已不存在，无法处理此冲突", "The record here no longer exists")
        )
    phones = phones_of(session, [row.id]) if spec.name == "cases" else {}
    return row, local_form(spec, row, phones.get(row.id))


def _changed_since(spec: TableSpec, local: dict, detected: dict) -> bool:
    # The version stored when the conflict was found names references by uid: compare the rest.
    return any(local[n] != detected.get(n) for n in local if n not in spec.refs)


def _row(session: Session, conflict: SyncConflict) -> ConflictRow:
    spec = BY_NAME[conflict.entity]
    decided_by = (
        session.scalar(select(Staff.name).where(Staff.id == conflict.decided_by_id))
        if conflict.decided_by_id
        else None
    )
    return ConflictRow(
        id=conflict.id,
        entity=conflict.entity,
        entity_label=spec.title(),
        title=_title(session, spec, conflict.incoming_values),
        site=conflict.incoming_site_name or conflict.incoming_site,
        detected_at=conflict.detected_at,
        status=conflict.status,
        decision=conflict.decision,
        decided_by=decided_by,
        decided_at=conflict.decided_at,
    )


def _title(session: Session, spec: TableSpec, values: dict[str, Any]) -> str:
    for name in ("case_no", "number", "name"):
        if values.get(name):
            return str(values[name])
    if values.get("case_id") is not None:
        case_no = session.scalar(select(Case.case_no).where(Case.id == values["case_id"]))
        if case_no:
            return case_no
    return spec.title()


def _text(session: Session, spec: TableSpec, name: str, value: Any) -> str:
    if value is None or value == []:
        return "—"
    if name == "phones":
        return "；".join(str(phone[1]) for phone in value)
    if name in spec.refs:
        return _reference_text(session, spec.refs[name], value)
    if isinstance(value, bool):
        return pick("是", "yes") if value else pick("否", "no")
    if name in _RATING_FIELDS and value in RATING_LABELS:
        return RATING_LABELS[value]
    if name.endswith("_fen") and isinstance(value, int):
        yuan, fen = divmod(value, 100)
        return pick(f"{yuan}.{fen:02d} 元", f"¥{yuan}.{fen:02d}")
    column = spec.column(name)
    decoded = decode(column, value)
    if isinstance(decoded, datetime):
        return decoded.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _reference_text(session: Session, table: str, record_id: int) -> str:
    column = {"units": Unit.name, "staff": Staff.name, "cases": Case.case_no}.get(table)
    if column is not None:
        found = session.scalar(select(column).where(column.table.c.id == record_id))
        if found:
            return str(found)
    return f"{BY_NAME[table].title()} #{record_id}"


def _status_label(status: str) -> str:
    return {
        "open": pick("待处理", "open"),
        "decided": pick("已决定", "decided"),
        "superseded": pick("已被更新版本取代", "superseded"),
    }.get(status, status)
