"""Builders for the sync tests: an outlet's day of work, and what a database holds."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PIL import Image
from sqlalchemy import func, select

from app.keys import own_public_keys, trust_site
from app.phones import parse_phone
from app.scanning.store import AttachmentStore
from app.settings import set_setting
from app.sync import list_conflicts
from app.sync.tables import TABLES
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import (
    Attachment,
    AuditEntry,
    CallAttempt,
    CallbackContact,
    CallbackTask,
    Case,
    CasePhone,
    Complaint,
    CorrectiveAction,
    EnterpriseFeedback,
    Evaluation,
    IntegrityEscalation,
    QueueEntry,
    ScanPage,
    Staff,
    SupervisionOrder,
    SyncConflict,
    SyncPeer,
    Unit,
)

TEAM_LEAD = "赵组长"
OPERATOR = "王芳"
CASE_NO = "JN20260701000001"


def at(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=LOCAL_ZONE)


def exchange_keys(*databases: Database) -> None:
    """Every two of the sites trust each other's keys, as their administrators do once (keys
    show, keys trust); each is called by its own name (the site id after it when two match)."""
    shown = []
    for database in databases:
        with database.sessions.begin() as session:
            shown.append(own_public_keys(session))
    names = [keys.name for keys in shown]
    for database, own in zip(databases, shown, strict=True):
        with database.sessions.begin() as session:
            for other in shown:
                if other is not own:
                    name = other.name if names.count(other.name) == 1 else other.site_id
                    trust_site(session, other, name or other.site_id, by_id=None)


def name_site(database: Database, name: str) -> None:
    with database.sessions.begin() as session:
        set_setting(session, "sync.site_name", name)


def png_bytes(seed: int = 1) -> bytes:
    image = Image.new("RGB", (40, 30), (seed * 40 % 256, 120, 200))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@dataclass
class OutletDay:
    case_no: str
    enterprise_case_no: str
    scan_sha256: str
    evaluation_uid: str


def outlet_day(database: Database) -> OutletDay:
    """An outlet's records of every travelling kind: cases with phones, a first and a second
    evaluation, calls, a callback with a contact, a complaint with its supervision order and
    corrective action, Form B with a scanned page, an integrity report, a queue entry."""
    store = AttachmentStore.for_database(database)
    scan = png_bytes()
    with database.sessions.begin() as session:
        unit = Unit(name="历下区不动产登记中心", district="历下区", area_code="0531")
        session.add(unit)
        session.flush()
        handler = Staff(name="李经办", unit_id=unit.id)
        operator = Staff(name=OPERATOR, unit_id=unit.id, is_operator=True, role="operator")
        lead = Staff(name=TEAM_LEAD, unit_id=unit.id, role="team_lead")
        session.add_all([handler, operator, lead])
        session.flush()
        case = _case(
            session, unit, "JN20260701000001", handler.id, ("13812345678", "0531-86123456")
        )
        firm = _case(session, unit, "JN20260701000002", handler.id, ("13912345678",), firm=True)
        later = Evaluation(
            case_id=case.id, channel="phone", round=1, evaluated_at=at(7, 12), overall="satisfied"
        )
        first = Evaluation(
            case_id=case.id,
            channel="qr",
            round=1,
            evaluated_at=at(7, 3),
            overall="dissatisfied",
            efficiency="average",
            attitude="dissatisfied",
            materials="satisfied",
            integrity_breach=True,
            original={"总体评价": "非常不满意"},
        )
        session.add_all([later, first])
        session.flush()
        task = CallbackTask(
            case_id=case.id, evaluation_id=first.id, unit_id=unit.id, status="contacted"
        )
        session.add(task)
        session.flush()
        call = CallAttempt(
            case_id=case.id,
            attempted_at=at(7, 13),
            outcome="completed",
            operator_id=operator.id,
            evaluation_id=later.id,
            callback_task_id=task.id,
            phone_e164="+8613812345678",
        )
        session.add(call)
        session.flush()
        session.add(
            CallbackContact(
                task_id=task.id,
                contacted_at=at(7, 13),
                staff_id=operator.id,
                means="phone",
                said="已解释办理时限",
                call_attempt_id=call.id,
            )
        )
        complaint = Complaint(
            number="TS2026070001",
            case_id=case.id,
            unit_id=unit.id,
            staff_id=handler.id,
            channel="phone",
            category="filed",
            received_at=at(7, 4),
            content="窗口排队时间过长",
        )
        session.add(complaint)
        session.flush()
        session.add_all(
            [
                SupervisionOrder(
                    complaint_id=complaint.id,
                    sequence=1,
                    issued_at=at(7, 5),
                    handling_unit_id=unit.id,
                    opinion="三个工作日内答复",
                    reply_due=date(2026, 7, 8),
                ),
                CorrectiveAction(
                    number="CA2026001",
                    source="complaint",
                    complaint_id=complaint.id,
                    problem="排队",
                    recorded_at=at(7, 5),
                ),
                IntegrityEscalation(
                    case_id=case.id, evaluation_id=first.id, unit_id=unit.id, details="索要好处"
                ),
                QueueEntry(kind="first", case_id=firm.id, ready_at=at(7, 10), status="open"),
            ]
        )
        form_b = EnterpriseFeedback(
            case_id=firm.id,
            status="scanned",
            enterprise_name="济南明泉置业有限公司",
            deed_tax_fen=1234500,
        )
        session.add(form_b)
        session.flush()
        digest = store.put(session, scan)
        attachment = Attachment(
            sha256=digest,
            case_id=firm.id,
            enterprise_feedback_id=form_b.id,
            kind="scan",
            filename="formb.png",
            media_type="image/png",
            size=len(scan),
            pages=1,
            source="dialog",
        )
        session.add(attachment)
        session.flush()
        session.add(
            ScanPage(
                attachment_id=attachment.id,
                page_index=0,
                status="filed",
                case_id=firm.id,
                source="dialog",
            )
        )
        session.add(
            AuditEntry(actor="王芳 (#2)", action="case.edit", entity="case", entity_uid=case.uid)
        )
        return OutletDay(case.case_no, firm.case_no, digest, str(first.uid))


def _case(session, unit, case_no, handler_id, phones, firm=False) -> Case:
    parsed = [parse_phone(text, "0531") for text in phones]
    case = Case(
        case_no=case_no,
        business_type="转移登记",
        unit_id=unit.id,
        district="历下区",
        completed_on=date(2026, 7, 1),
        applicant="济南明泉置业有限公司" if firm else "张三",
        is_enterprise=firm,
        location="历下区经十路 1 号",
        handler_id=handler_id,
        has_valid_phone=True,
        registration_fee_fen=8000,
        phones=[
            CasePhone(
                position=i, original=p.original, e164=p.e164, extension=p.extension, kind=p.kind
            )
            for i, p in enumerate(parsed)
        ],
    )
    session.add(case)
    session.flush()
    return case


def counts(database: Database) -> dict[str, int]:
    """Rows per table, for "nothing changed" checks (sync bookkeeping and audit included)."""
    models = [spec.model for spec in TABLES] + [CasePhone, AuditEntry, SyncConflict, SyncPeer]
    with database.sessions() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model))
            for model in models
        }


def snapshot(database: Database) -> dict[str, list[tuple]]:
    """Every travelling record by uid with its times and data, to compare two databases or two
    moments of one."""
    with database.sessions() as session:
        return {
            spec.name: sorted(
                tuple(str(v) for v in row)
                for row in session.execute(
                    select(
                        spec.table.c.uid,
                        spec.table.c.created_at,
                        spec.table.c.updated_at,
                        *(spec.table.c[n] for n in spec.columns if n not in spec.refs),
                    )
                )
            )
            for spec in TABLES
        }


def staff_id(database: Database, name: str) -> int:
    with database.sessions() as session:
        return session.scalar(select(Staff.id).where(Staff.name == name))


def sync_file(tmp_path: Path, name: str) -> Path:
    return tmp_path / f"{name}.rdsync"


def change_case(database, **values) -> None:
    with database.sessions.begin() as session:
        case = session.scalar(select(Case).where(Case.case_no == CASE_NO))
        for name, value in values.items():
            setattr(case, name, value)


def case_value(database, name: str, case_no: str = CASE_NO):
    with database.sessions() as session:
        return session.scalar(select(getattr(Case, name)).where(Case.case_no == case_no))


def conflicts(database, status: str | None = "open"):
    with database.sessions() as session:
        return list_conflicts(session, status=status)


def add_staff(database, name: str, role: str) -> int:
    with database.sessions.begin() as session:
        staff = Staff(name=name, role=role)
        session.add(staff)
        session.flush()
        return staff.id


def conflict_on_a_case(outlet: Database, centre: Database, folder: Path) -> None:
    """The outlet's day at the centre, then the same case changed at both and sent again."""
    from app.sync import export_changes, import_sync_file

    name_site(outlet, "历下网点")
    exchange_keys(outlet, centre)
    outlet_day(outlet)
    export_changes(outlet, first := folder / "first.rdsync")
    import_sync_file(centre, first)
    change_case(centre, location="历下区经十路 1 号 3 单元", applicant="张三（中心核实）")
    change_case(outlet, location="历下区经十路 1 号 2 单元", business_type="抵押登记")
    export_changes(outlet, second := folder / "second.rdsync")
    import_sync_file(centre, second)
