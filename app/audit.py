"""The audit trail: who changed what, when, and what it was before and after.

Written in the same transaction as the change it describes, so the two stand or fall together.
Read back by `audit_entries` for the auditors' viewer and `main.py audit export`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Insert, bindparam, func, insert, select
from sqlalchemy.orm import Session

from app.audit_chain import returning_entry, write_entry  # sealed as the transaction commits
from app.i18n import pick
from db.models import AuditEntry, Case, Staff
from db.transactions import write_transaction

# What the actions recorded so far mean, for people reading the trail; others show their code.
ACTION_TITLES: dict[str, tuple[str, str]] = {
    "staff.add": ("添加人员", "Person added"),
    "staff.role": ("更改角色", "Role changed"),
    "user.username": ("设置用户名", "User name set"),
    "user.password": ("设置密码", "Password set"),
    "user.recovered": (
        "用恢复密钥重设管理员密码",
        "Administrator's password reset by recovery key",
    ),
    "database.encrypted": ("加密数据库文件", "Database file encrypted"),
    "user.password_rehash": ("密码哈希升级", "Password hash upgraded"),
    "user.active": ("启用/停用人员", "Person enabled/disabled"),
    "user.login": ("登录成功", "Logged in"),
    "user.login_failed": ("登录失败", "Log-in failed"),
    "access.refused": ("拒绝越权操作", "Action refused for the role"),
    "token.create": ("创建访问令牌", "Access token created"),
    "token.revoke": ("吊销访问令牌", "Access token revoked"),
    "token.used": ("使用访问令牌", "Access token used"),
    "token.refused": ("拒绝访问令牌", "Access token refused"),
    "evaluation.add": ("录入回访单", "Form A recorded"),
    "sync.import": ("导入同步文件", "Sync file imported"),
    "sync.conflict.local": ("同步冲突：保留本地", "Sync conflict: kept the local record"),
    "sync.conflict.incoming": ("同步冲突：采用传入", "Sync conflict: took the incoming record"),
    "setting.change": ("更改设置", "Setting changed"),
    "retention.purge": ("清除到期个人信息", "Expired personal data purged"),
    "callback.assign": ("分派二次回访", "Callback assigned"),
    "callback.contact": ("二次回访联系", "Callback contact"),
    "callback.resolve": ("二次回访办结", "Callback resolved"),
    "callback.close": ("二次回访关闭", "Callback closed"),
    "callback.reopen": ("二次回访重开", "Callback reopened"),
    "integrity.handle": ("处理廉洁纪律反映", "Integrity report handled"),
    "bad_review.verify": ("核实差评", "Bad review verified"),
    "bad_review.appeal": ("提出差评申诉", "Appeal against a bad review filed"),
    "bad_review.decide": ("差评申诉复核", "Appeal decided"),
    "bad_review.plan": ("制定差评整改", "Rectification planned"),
    "bad_review.rectified": ("差评整改完成", "Rectification done"),
    "bad_review.feedback": ("差评结果反馈", "Result fed back to the citizen"),
    "bad_review.close": ("差评结案", "Bad review closed"),
    "form_b_corrected": ("更正企业回访反馈单", "Form B corrected"),
    "scan.add": ("添加扫描件", "Scan added"),
    "calendar.days": ("修改工作日历", "Working-day calendar changed"),
    "calendar.year": ("录入日历年份", "Calendar year entered"),
    "calendar.notice": ("录入节假日安排通知", "Holiday notice entered"),
    "setup.complete": ("首次设置", "First-run set-up"),
    "unit.change": ("更改受理单位", "Unit changed"),
    "unit.merge": ("合并受理单位", "Units merged"),
    "outcome.change": ("更改回访结果", "Call outcome changed"),
    "import_profile.save": ("保存导入方案", "Import profile saved"),
    "import_profile.delete": ("删除导入方案", "Import profile removed"),
    "user.unlock": ("解锁窗口", "Window unlocked"),
    "data.export": ("导出个人信息", "Personal data exported"),
    "case.numbers_shown": ("查看完整电话号码", "Full phone numbers shown"),
    "keys.trust": ("信任站点的密钥", "Site's keys trusted"),
    "keys.forget": ("不再信任站点的密钥", "Site's keys forgotten"),
    "keys.recovery": ("制作恢复密钥", "Recovery key made"),
    "backup.restore_unsigned": ("允许恢复未签名的备份", "Unsigned backup restore allowed"),
    "backup.create": ("制作备份", "Backup made"),
    "complaint.contact_shown": ("查看投诉人完整联系方式", "Complainant's contact shown in full"),
    "commendation.recorded": ("记录表扬", "Commendation recorded"),
    "survey.recorded": ("录入满意度调查表", "Survey recorded"),
    "survey.deleted": ("删除满意度调查表", "Survey deleted"),
    "survey.imported": ("导入满意度调查结果", "Survey results imported"),
    "suggestion_box.checked": ("记录意见箱检查", "Suggestion box checked"),
    "suggestion_box.check_changed": ("更正意见箱检查", "Suggestion box check corrected"),
    "suggestion_box.slip": ("记录意见", "Slip recorded"),
    "suggestion_box.talked": ("记录批评谈话", "Criticism talked over"),
    "commendation.exemplary": ("标为典型", "Commendation marked exemplary"),
    "commendation.not_exemplary": ("取消典型", "Commendation no longer exemplary"),
    # Issue 22: recordings, quality inspection, do not call.
    "recording.add": ("添加通话录音", "Call recording added"),
    "recording.match": ("录音自动归档", "Call recording matched to its call"),
    "recording.file": ("录音人工归档", "Call recording filed by hand"),
    "recording.discard": ("丢弃通话录音", "Call recording discarded"),
    "recording.listen": ("收听通话录音", "Call recording listened to"),
    "qc_criterion.change": ("修改质检标准", "Quality criterion changed"),
    "qc_criterion.add": ("新增质检标准", "Quality criterion added"),
    "qc_sample.draw": ("质检抽样", "Quality sample drawn"),
    "qc_review.score": ("质检评分", "Call scored"),
    "qc_review.rescore": ("更正质检评分", "Call score corrected"),
    "do_not_call.mark": ("标记免打扰号码", "Number marked do-not-call"),
    "do_not_call.clear": ("解除免打扰标记", "Do-not-call mark cleared"),
    "do_not_call.import": ("导入免打扰名单", "Do-not-call list imported"),
    "queue.do_not_call": (
        "号码均为免打扰，业务件结束排队",
        "Queued case ended: every number do-not-call",
    ),
    "assessment_item.seeded": ("写入默认考核计分表", "Default score sheet written"),
    "assessment_item.added": ("新增考核项目", "Score sheet item added"),
    "assessment_item.changed": ("修改考核项目", "Score sheet item changed"),
    "assessment_item.deactivated": ("停用考核项目", "Score sheet item deactivated"),
    "assessment_item.activated": ("启用考核项目", "Score sheet item activated"),
    "outlet_assessment.created": ("新建网点考核", "Outlet assessment created"),
    "outlet_assessment.scored": ("录入考核得分", "Assessment item scored"),
    "outlet_assessment.recomputed": ("重新计算考核项目", "Assessment item recomputed"),
    "outlet_assessment.changed": ("修改考核人与日期", "Assessment details changed"),
    "outlet_assessment.finalized": ("签定网点考核", "Outlet assessment signed off"),
}


def snapshot(record: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    """The named attributes of a record as JSON-ready values."""
    return {name: _plain(getattr(record, name)) for name in fields}


def record_change(
    session: Session,
    *,
    actor_id: int | None,
    action: str,
    entity: str,
    entity_uid: uuid.UUID | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    at: datetime | None = None,
) -> None:
    """Write an entry now, in the session's transaction. The actor is named in the trail as
    "name (#id)" (None for the system); the name is looked up by the INSERT itself."""
    values = {
        "action": action,
        "entity": entity,
        "entity_uid": entity_uid,
        "before": _plain(before),
        "after": _plain(after),
    }
    if at is not None:
        values["at"] = at
    if actor_id is None:
        statement, values["actor"] = _insert_entry(), None
    else:
        statement = _insert_entry_by_staff()
        values |= {"actor_id": actor_id, "actor_suffix": f" (#{actor_id})"}
    session.flush()  # the actor's name as the session has it, as a query through it would see
    write_entry(session.connection(), statement, values)


def record_export(
    session: Session,
    *,
    actor_id: int | None,
    what: str,
    path: Any,
    rows: int,
    details: dict[str, Any] | None = None,
) -> None:
    """Audit a file written with personal data in it (phone numbers, names, what citizens
    said): `what` says which export ("audit_trail", "monthly_ledger", …), `path` where to (None:
    the terminal), `rows` how many lines of it; `details` e.g. the period, never the personal
    values themselves."""
    after = {"what": what, "file": _file_name(path), "rows": rows}
    record_change(
        session,
        actor_id=actor_id,
        action="data.export",
        entity="export",
        entity_uid=None,
        before=None,
        after=after | (details or {}),
    )


def _file_name(path: Any) -> str | None:
    """Where a file went, as the trail names it: its absolute path (None: the terminal)."""
    return None if path is None else str(Path(path).absolute())


# The tables a backup's audit entry counts one by one (its total counts them all).
BACKUP_COUNTED = ("cases", "evaluations", "call_attempts", "callback_tasks", "complaints", "staff")


def record_backup(
    database: Any, path: Any, *, actor_id: int | None, kind: str, counts: dict[str, int]
) -> None:
    """Audit a backup just written to `path` (app.backup.create_backup), in a transaction of its
    own: who (None: the daily schedule, or nobody logged in), which file, what kind, how many
    records (`counts`, its manifest's rows per table). A backup whose entry cannot be kept is
    removed: none is left unaudited."""
    after = {
        "file": _file_name(path),
        "kind": kind,
        "records": sum(counts.values()),
        "counts": {table: counts[table] for table in BACKUP_COUNTED if table in counts},
    }
    try:
        with write_transaction(database) as session:
            record_change(
                session,
                actor_id=actor_id,
                action="backup.create",
                entity="backup",
                entity_uid=None,
                before=None,
                after=after,
            )
    except BaseException:
        Path(path).unlink(missing_ok=True)
        raise


def record_numbers_shown(
    connection: Connection, *, operator_id: int, case_id: int, numbers: int
) -> None:
    """Audit that an operator was shown a case's phone numbers in full: the call desk's claimed
    case, the one place the window shows them unmasked. On the claim's own connection (Core,
    the desk's hot path): the actor's name and the case's uid are looked up by the INSERT."""
    write_entry(
        connection,
        _insert_numbers_shown(),
        {
            "actor_id": operator_id,
            "actor_suffix": f" (#{operator_id})",
            "case_id": case_id,
            "after": {"numbers": numbers},
        },
    )


@cache
def _insert_numbers_shown() -> Insert:
    name = (
        select(Staff.name)
        .where(Staff.id == bindparam("actor_id", type_=Staff.id.type))
        .scalar_subquery()
    )
    uid = (
        select(Case.uid)
        .where(Case.id == bindparam("case_id", type_=Case.id.type))
        .scalar_subquery()
    )
    return returning_entry(
        insert(AuditEntry).values(
            actor=func.coalesce(func.nullif(name, ""), "?")
            + bindparam("actor_suffix", type_=AuditEntry.actor.type),
            action="case.numbers_shown",
            entity="case",
            entity_uid=uid,
            after=bindparam("after", type_=AuditEntry.after.type),
        )
    )


@cache
def _insert_entry() -> Insert:
    return returning_entry(insert(AuditEntry))


@cache
def _insert_entry_by_staff() -> Insert:
    """Built once: an audited save runs it each time (the call desk's Form A)."""
    name = (
        select(Staff.name)
        .where(Staff.id == bindparam("actor_id", type_=Staff.id.type))
        .scalar_subquery()
    )
    return returning_entry(
        insert(AuditEntry).values(
            actor=func.coalesce(func.nullif(name, ""), "?")
            + bindparam("actor_suffix", type_=AuditEntry.actor.type)
        )
    )


ENTITY_TITLES: dict[str, tuple[str, str]] = {
    "staff": ("人员", "Person"),
    "setting": ("设置", "Setting"),
    "retention": ("数据保留", "Retention"),
    "case": ("业务件", "Case"),
    "evaluation": ("评价", "Evaluation"),
    "callback_task": ("二次回访", "Callback"),
    "bad_review": ("差评", "Bad review"),
    "complaint": ("投诉/建议", "Complaint"),
    "supervision_order": ("督办表", "Supervision order"),
    "corrective_action": ("整改措施", "Corrective action"),
    "integrity_escalation": ("廉洁纪律反映", "Integrity report"),
    "enterprise_feedback": ("企业回访反馈单", "Form B"),
    "attachment": ("附件", "Attachment"),
    "scan_page": ("扫描页", "Scanned page"),
    "sync_file": ("同步文件", "Sync file"),
    "calendar": ("工作日历", "Working-day calendar"),
    "unit": ("受理单位", "Unit"),
    "call_outcome": ("回访结果", "Call outcome"),
    "export": ("导出文件", "Exported file"),
    "sync_peer": ("同步站点", "Sync site"),
    "installation_keys": ("本机密钥", "Installation keys"),
    "backup": ("备份", "Backup"),
    "commendation": ("表扬", "Commendation"),
    "survey": ("满意度调查表", "Satisfaction survey"),
    "suggestion_slip": ("意见条", "Suggestion slip"),
    "suggestion_box_check": ("意见箱检查", "Suggestion box check"),
    "outlet_assessment": ("网点考核", "Outlet assessment"),
    "assessment_item": ("考核计分表条目", "Score sheet item"),
    "call_recording": ("通话录音", "Call recording"),
    "qc_criterion": ("质检标准", "Quality criterion"),
    "qc_sample": ("质检抽样", "Quality sample"),
    "qc_review": ("质检记录", "Quality review"),
    "do_not_call": ("免打扰号码", "Do-not-call number"),
    "queue_entry": ("回访队列条目", "Queue entry"),
}


def entity_title(entity: str) -> str:
    titles = ENTITY_TITLES.get(entity)
    return pick(*titles) if titles else entity


def action_title(action: str) -> str:
    """An action as people read it, in the current language; its code when it has no title."""
    titles = ACTION_TITLES.get(action)
    return pick(*titles) if titles else action


@dataclass(frozen=True)
class AuditQuery:
    """Which entries to read; every part is optional. Days are local (Asia/Shanghai) and
    inclusive; `actor` matches part of the name, `entity` and `action` match exactly."""

    start: date | None = None
    end: date | None = None
    actor: str | None = None
    entity: str | None = None
    action: str | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str | None
    action: str
    entity: str
    entity_uid: uuid.UUID | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    subject: str | None = None  # what the record is to a reader: a person's name, a setting


@dataclass(frozen=True)
class AuditChoices:
    """The values present in the trail, for the viewer's filters."""

    actors: list[str]
    entities: list[str]
    actions: list[str]


def _conditions(query: AuditQuery) -> list:
    # Here, not at the top: app.settings writes the trail, and app.importing needs app.settings.
    from app.zone import LOCAL_ZONE

    conditions = []
    if query.start is not None:
        conditions.append(AuditEntry.at >= datetime.combine(query.start, time(), LOCAL_ZONE))
    if query.end is not None:
        after_end = datetime.combine(query.end + timedelta(days=1), time(), LOCAL_ZONE)
        conditions.append(AuditEntry.at < after_end)
    if query.actor:
        conditions.append(AuditEntry.actor.contains(query.actor.strip(), autoescape=True))
    if query.entity:
        conditions.append(AuditEntry.entity == query.entity)
    if query.action:
        conditions.append(AuditEntry.action == query.action)
    return conditions


def audit_entries(
    session: Session, query: AuditQuery | None = None, *, limit: int | None = None
) -> list[AuditRow]:
    """The entries that match, newest first (at most `limit`)."""
    statement = (
        select(
            AuditEntry.id,
            AuditEntry.at,
            AuditEntry.actor,
            AuditEntry.action,
            AuditEntry.entity,
            AuditEntry.entity_uid,
            AuditEntry.before,
            AuditEntry.after,
        )
        .where(*_conditions(query or AuditQuery()))
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(limit)
    )
    rows = [AuditRow(*row) for row in session.execute(statement)]
    people = {row.entity_uid for row in rows if row.entity == "staff" and row.entity_uid}
    names = dict(
        session.execute(select(Staff.uid, Staff.name).where(Staff.uid.in_(people))).all()
        if people
        else []
    )
    return [replace(row, subject=_subject(row, names)) for row in rows]


def _subject(row: AuditRow, names: dict[uuid.UUID, str]) -> str | None:
    if row.entity == "staff" and row.entity_uid in names:
        return names[row.entity_uid]
    if row.entity == "setting":
        values = row.after or row.before or {}
        return values.get("key")
    return None


def count_audit_entries(session: Session, query: AuditQuery | None = None) -> int:
    statement = select(func.count(AuditEntry.id)).where(*_conditions(query or AuditQuery()))
    return session.scalar(statement) or 0


def audit_choices(session: Session) -> AuditChoices:
    def values(column) -> list[str]:
        return list(
            session.scalars(select(column).distinct().where(column.is_not(None)).order_by(column))
        )

    return AuditChoices(
        actors=values(AuditEntry.actor),
        entities=values(AuditEntry.entity),
        actions=values(AuditEntry.action),
    )


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    return value
