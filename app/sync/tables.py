"""Which records travel in sync files, with which columns, and how each is recognised.

Every travelling table is a `Tracked` one: its records keep their uid, origin and times wherever
they go. References between records travel as the referenced record's uid, so each table comes
after the tables it refers to. Columns that only make sense in one database (a seat's claim on a
queue entry, the id of the import batch that brought a row, a value kept by a trigger) stay home;
staff travel with an allow-list, so that roles and log-in secrets never leave their database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Table

from app.i18n import pick
from db import models

META_COLUMNS = ("id", "uid", "origin", "created_at", "updated_at")

# Columns that never travel: values of this database only.
LOCAL_ONLY: dict[str, frozenset[str]] = {
    # Kept by triggers on evaluations (migration 0004), from this database's evaluation ids.
    "cases": frozenset({"first_evaluation_id"}),
    # The import batch that brought the row is this database's bookkeeping.
    "evaluations": frozenset({"import_batch_id"}),
    "call_attempts": frozenset({"import_batch_id"}),
    # A seat's claim, a reservation for one operator and the order of the queue belong to the
    # seats of one database; each site orders its own queue when it refreshes it.
    "call_queue": frozenset({"priority", "claimed_by_id", "claim_expires_at", "reserved_for_id"}),
}
# Staff travel as names, units and flags only: a role or a password never comes from a file.
STAFF_COLUMNS = ("name", "unit_id", "is_operator", "active")

# Tracked tables that stay where they are, and why (tests/sync/test_tables.py asks every
# Tracked table to be in TABLES or here).
STAY_HOME: dict[str, str] = {
    "import_batches": "which files this database imported: its own bookkeeping",
    "evaluation_samples": "drawn by the assessment office at the centre, over its unit ids",
}


@dataclass(frozen=True)
class NaturalKey:
    """Columns that identify a record without its uid (e.g. 业务编号), so that a record created
    independently in two places (both imported the same export) is recognised as one."""

    columns: tuple[str, ...]
    when: tuple[str, Any] | None = None  # only records with this column value (a partial index)


@dataclass
class TableSpec:
    name: str
    model: type
    label: tuple[str, str]  # Chinese, English
    natural_keys: tuple[NaturalKey, ...] = ()
    columns: tuple[str, ...] = ()  # travelling data columns (filled in below)
    refs: dict[str, str] = field(default_factory=dict)  # column -> referenced table

    @property
    def table(self) -> Table:
        return self.model.__table__

    def column(self, name: str) -> Column:
        return self.table.c[name]

    def title(self) -> str:
        return pick(*self.label)


def _specs() -> list[TableSpec]:
    key = NaturalKey
    return [
        TableSpec("units", models.Unit, ("受理单位", "Unit"), (key(("name",)),)),
        TableSpec("staff", models.Staff, ("人员", "Staff"), (key(("name", "unit_id")),)),
        TableSpec("cases", models.Case, ("业务件", "Case"), (key(("case_no",)),)),
        TableSpec(
            "evaluations",
            models.Evaluation,
            ("评价", "Evaluation"),
            (key(("case_id", "fingerprint")),),
        ),
        TableSpec("callback_tasks", models.CallbackTask, ("二次回访", "Callback task")),
        TableSpec(
            "call_attempts",
            models.CallAttempt,
            ("拨打记录", "Call attempt"),
            (key(("case_id", "fingerprint")),),
        ),
        TableSpec("callback_contacts", models.CallbackContact, ("回访联系", "Callback contact")),
        TableSpec("complaints", models.Complaint, ("投诉建议", "Complaint"), (key(("number",)),)),
        TableSpec(
            "supervision_orders",
            models.SupervisionOrder,
            ("督办单", "Supervision order"),
            (key(("complaint_id", "sequence")),),
        ),
        TableSpec(
            "corrective_actions",
            models.CorrectiveAction,
            ("纠正预防措施", "Corrective action"),
            (key(("number",)),),
        ),
        TableSpec(
            "enterprise_feedback",
            models.EnterpriseFeedback,
            ("企业回访反馈单", "Form B"),
            (key(("case_id",)),),
        ),
        TableSpec(
            "attachments",
            models.Attachment,
            ("附件", "Attachment"),
            (key(("sha256",), when=("kind", "scan")),),
        ),
        TableSpec(
            "scan_pages",
            models.ScanPage,
            ("扫描页", "Scanned page"),
            (key(("attachment_id", "page_index")),),
        ),
        TableSpec(
            "integrity_escalations",
            models.IntegrityEscalation,
            ("廉洁纪律反映", "Integrity report"),
            (key(("evaluation_id",)),),
        ),
        TableSpec(
            "bad_reviews",
            models.BadReview,
            ("差评处理", "Bad review"),
            (key(("callback_task_id",)),),
        ),
        TableSpec(
            "bad_review_evidence",
            models.BadReviewEvidence,
            ("差评申诉证据", "Appeal evidence"),
            (key(("bad_review_id", "attachment_id")),),
        ),
        TableSpec("call_samples", models.CallSample, ("抽样记录", "Call sample")),
        TableSpec(
            "satisfaction_surveys",
            models.SatisfactionSurvey,
            ("满意度调查表", "Satisfaction survey"),
            (key(("unit_id", "fingerprint")),),
        ),
        TableSpec(
            "suggestion_box_checks",
            models.SuggestionBoxCheck,
            ("意见箱检查", "Suggestion box check"),
            (key(("unit_id", "source", "checked_on")),),
        ),
        TableSpec("suggestion_slips", models.SuggestionSlip, ("意见条", "Suggestion slip")),
        TableSpec("outlet_assessments", models.OutletAssessment, ("网点考核", "Outlet assessment")),
        TableSpec(
            "outlet_assessment_scores",
            models.OutletAssessmentScore,
            ("考核得分", "Assessment score"),
            (key(("assessment_id", "item_number")),),
        ),
        TableSpec("commendations", models.Commendation, ("表扬", "Commendation")),
        TableSpec(
            "call_recordings",
            models.CallRecording,
            ("通话录音", "Call recording"),
            (key(("attachment_id",)),),
        ),
        TableSpec(
            "do_not_call",
            models.DoNotCall,
            ("不再来电", "Do not call"),
            (key(("phone_e164",)),),
        ),
        TableSpec(
            "qc_criteria", models.QcCriterion, ("质检标准", "QC criterion"), (key(("code",)),)
        ),
        TableSpec("qc_samples", models.QcSample, ("质检抽样", "QC sample")),
        TableSpec("qc_reviews", models.QcReview, ("质检评分", "QC review")),
        TableSpec(
            "qc_scores",
            models.QcScore,
            ("质检得分", "QC score"),
            (key(("review_id", "criterion_code")),),
        ),
        TableSpec(
            "call_queue",
            models.QueueEntry,
            ("回访队列", "Queue entry"),
            (key(("callback_task_id",)), key(("case_id",), when=("kind", "first"))),
        ),
    ]


def _complete(spec: TableSpec) -> TableSpec:
    if spec.name == "staff":
        names = STAFF_COLUMNS
    else:
        local = LOCAL_ONLY.get(spec.name, frozenset())
        names = tuple(
            c.name for c in spec.table.columns if c.name not in META_COLUMNS and c.name not in local
        )
    spec.columns = names
    for name in names:
        for foreign_key in spec.column(name).foreign_keys:
            spec.refs[name] = foreign_key.column.table.name
    return spec


TABLES: list[TableSpec] = [_complete(spec) for spec in _specs()]
TABLE_NAMES = tuple(spec.name for spec in TABLES)
BY_NAME: dict[str, TableSpec] = {spec.name: spec for spec in TABLES}


def spec_for(name: str) -> TableSpec:
    return BY_NAME[name]
