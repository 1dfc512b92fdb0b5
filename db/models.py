"""The records of RevisitDesk as SQLAlchemy 2 typed models.

Every record that may travel between outlets carries a global id (`uid`, a UUID) beside its local
integer key, and the times it was created and last changed. Coded values (ratings, channels,
outcomes, statuses) are stored as short strings; their meanings live in `app/` (e.g.
`app.ratings.Rating`), so new values need no migration. Money is stored in integer fen.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    false,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from db.audit_hash import pending_token
from db.types import UTCDateTime, new_uid, utcnow

# Deterministic constraint names, so that migrations can refer to them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def backwards(e164: str | None) -> str | None:
    """case_phones.e164_reversed of a number: its e164 backwards (see CasePhone)."""
    return e164[::-1] if e164 else None


def reversed_e164(context) -> str | None:
    """The default of case_phones.e164_reversed: the row's e164 backwards."""
    return backwards(context.get_current_parameters().get("e164"))


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON()}


class Tracked:
    """Columns of a record that travels between outlets: global id, origin and times."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[uuid.UUID] = mapped_column(Uuid, default=new_uid, unique=True)
    # Which installation created the record (an outlet's or the centre's site id).
    origin: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Unit(Tracked, Base):
    """An accepting unit (受理单位): a registration centre or one of its halls."""

    __tablename__ = "units"

    name: Mapped[str] = mapped_column(String(100), unique=True)
    district: Mapped[str | None] = mapped_column(String(50))
    # Area code used for local phone numbers written without one (e.g. "0531").
    area_code: Mapped[str | None] = mapped_column(String(8))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class UnitAlias(Base):
    """Another spelling of a unit's name in import files, mapped to the unit once by an
    administrator so that the next file naming it goes to that unit (app.units)."""

    __tablename__ = "unit_aliases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # As app.importing.cases.unit_name spells it; never the name of a unit itself.
    name: Mapped[str] = mapped_column(String(100), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Staff(Tracked, Base):
    """A person: a handler of cases (经办人), a revisit operator (回访员), a team lead."""

    __tablename__ = "staff"

    name: Mapped[str] = mapped_column(String(50))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    is_operator: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # What this person may see and do (app.roles.Role): operator, team_lead, administrator, auditor.
    role: Mapped[str] = mapped_column(String(20), default="operator", server_default="operator")
    # Log-in (app.users); both None for people who never log in, e.g. 经办人 from the case files.
    username: Mapped[str | None] = mapped_column(String(50))  # kept in lower case
    password_hash: Mapped[str | None] = mapped_column(String(255))  # Argon2id, never the password
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column()
    # When the password was last set (app.users: a password older than the setting must change).
    password_changed_at: Mapped[datetime | None] = mapped_column()

    unit: Mapped[Unit | None] = relationship()

    __table_args__ = (
        Index("ix_staff_name_unit", "name", "unit_id"),
        # A unique index rather than a constraint: SQLite adds it without copying the table,
        # which its foreign keys from every other table would forbid (migration 0009).
        Index("uq_staff_username", "username", unique=True),
    )


class AccessToken(Base):
    """A token a logged-in administrator made for one user's scheduled command-line jobs (a
    daily backup, a nightly import): only its SHA-256 is kept; it expires, and may be revoked
    (app.tokens). Stays in its database, like passwords: never in a sync file."""

    __tablename__ = "access_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The commands it may run, each as its words ("backup", "import cases"); None: any.
    commands: Mapped[list[str] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    expires_at: Mapped[datetime] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column()
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    last_used_at: Mapped[datetime | None] = mapped_column()


class Case(Tracked, Base):
    """A completed registration case (业务件), as exported by the registration system."""

    __tablename__ = "cases"

    case_no: Mapped[str] = mapped_column(String(64), unique=True)  # 业务编号
    business_type: Mapped[str | None] = mapped_column(String(100))  # 办理事项类型 / 登记类型
    # 受理单位; its index is ix_cases_unit_completed, which starts with it
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    district: Mapped[str | None] = mapped_column(String(50))  # 所属区县
    accepted_on: Mapped[date | None] = mapped_column(Date)  # 受理日期
    completed_on: Mapped[date] = mapped_column(Date)  # 办结日期; indexed with id below
    applicant: Mapped[str | None] = mapped_column(String(200))  # 申请人
    is_enterprise: Mapped[bool] = mapped_column(Boolean, default=False)  # 是否企业
    enterprise_name: Mapped[str | None] = mapped_column(String(200))  # 企业名称
    location: Mapped[str | None] = mapped_column(String(300))  # 座落
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # 经办人
    channel: Mapped[str | None] = mapped_column(String(20))  # 办理渠道: window / online
    steps: Mapped[int | None] = mapped_column(Integer)  # 办理环节数
    days: Mapped[int | None] = mapped_column(Integer)  # 办理天数
    registration_fee_fen: Mapped[int | None] = mapped_column(Integer)  # 登记费
    deed_tax_fen: Mapped[int | None] = mapped_column(Integer)  # 契税
    stamp_duty_fen: Mapped[int | None] = mapped_column(Integer)  # 印花税
    # False when none of the case's numbers is a valid phone number: the case stays, flagged.
    has_valid_phone: Mapped[bool] = mapped_column(Boolean, default=False)
    # The case's first evaluation (earliest round-1 by time, any channel): the one that scores.
    # Kept by database triggers on `evaluations` (migration 0004), whoever writes evaluations;
    # never set it from Python.
    first_evaluation_id: Mapped[int | None] = mapped_column(Integer)

    unit: Mapped[Unit] = relationship()
    handler: Mapped[Staff | None] = relationship()
    phones: Mapped[list[CasePhone]] = relationship(
        back_populates="case", order_by="CasePhone.position", cascade="all, delete-orphan"
    )
    evaluations: Mapped[list[Evaluation]] = relationship(
        back_populates="case", order_by="Evaluation.evaluated_at"
    )

    __table_args__ = (
        # The case list's order (办结日期, id) descending: PostgreSQL reads a page off this index
        # and stops, where an index on the date alone made it read and sort a whole day's cases.
        Index("ix_cases_completed_id", "completed_on", "id"),
        Index("ix_cases_unit_completed", "unit_id", "completed_on"),
        # Covers the quarterly report: cases of a unit and period with their first evaluation.
        Index(
            "ix_cases_unit_period_first",
            "unit_id",
            "completed_on",
            "is_enterprise",
            "first_evaluation_id",
        ),
        # Covers the coverage plan's pass over a quarter (app.desk.coverage): also whether a
        # number is valid, and the id its queue entry is found by, so that PostgreSQL reads the
        # index alone. Not one index for both: PostgreSQL then read the report's cases from
        # the table, the wider index costing more to scan whole (migration 0022).
        Index(
            "ix_cases_unit_period_plan",
            "unit_id",
            "completed_on",
            "is_enterprise",
            "first_evaluation_id",
            "has_valid_phone",
            "id",
        ),
        # 案件查询 by the applicant's name (a prefix: PostgreSQL needs the pattern operators).
        Index(
            "ix_cases_applicant", "applicant", postgresql_ops={"applicant": "varchar_pattern_ops"}
        ),
    )


class CasePhone(Base):
    """One of a case's phone numbers, as written in the export and as parsed."""

    __tablename__ = "case_phones"
    # 案件查询 by the number someone calls from, and by its last digits (a prefix of the number
    # reversed: no index can hold a suffix, and a trigram index needs an extension).
    __table_args__ = (
        Index("ix_case_phones_e164", "e164"),
        Index(
            "ix_case_phones_e164_reversed",
            "e164_reversed",
            postgresql_ops={"e164_reversed": "varchar_pattern_ops"},
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    original: Mapped[str] = mapped_column(String(100))  # as written in the source
    e164: Mapped[str | None] = mapped_column(String(20))  # +8613812345678; None when invalid
    # e164 backwards (8765432183168+), for 尾号 searches: its default fills it from e164 in every
    # insert that leaves it out (the ORM, Core's executemany as sync writes; `reversed_e164`),
    # the validator below when the ORM sets e164; a writer going around SQLAlchemy's defaults
    # (the bulk import's executemany) writes it itself. Imports and sync replace a case's phones,
    # never update a number in place.
    e164_reversed: Mapped[str | None] = mapped_column(String(20), default=reversed_e164)
    extension: Mapped[str | None] = mapped_column(String(10))
    kind: Mapped[str | None] = mapped_column(String(20))  # mobile / fixed_line / …

    case: Mapped[Case] = relationship(back_populates="phones")

    @validates("e164")
    def _keep_reversed(self, _key: str, value: str | None) -> str | None:
        self.e164_reversed = backwards(value)
        return value


class Evaluation(Tracked, Base):
    """One respondent's answers to Form A (or Form B's satisfaction), by any channel.

    Only a case's first evaluation by time scores (J 5.4.1); later ones never replace it.
    """

    __tablename__ = "evaluations"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20))  # app.ratings.Channel
    source_channel: Mapped[str | None] = mapped_column(String(50))  # 评价渠道 as exported
    round: Mapped[int] = mapped_column(Integer, default=1)  # 1 first, 2 second-round callback
    evaluated_at: Mapped[datetime] = mapped_column(index=True)
    overall: Mapped[str | None] = mapped_column(String(20))  # 总体情况 (app.ratings.Rating)
    efficiency: Mapped[str | None] = mapped_column(String(20))  # 办事效率
    attitude: Mapped[str | None] = mapped_column(String(20))  # 服务态度
    materials: Mapped[str | None] = mapped_column(String(20))  # 提交材料
    integrity_breach: Mapped[bool | None] = mapped_column(Boolean)  # 有无违反廉洁纪律: True = 有
    suggestion: Mapped[str | None] = mapped_column(Text)  # 有无建议 / 评价内容
    # The answers as the source gave them (e.g. the five-level 好差评 scale), never rewritten.
    original: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    # Identifies an imported evaluation, so that importing it again adds nothing.
    fingerprint: Mapped[str | None] = mapped_column(String(64))
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"))
    # What the platform said about it (migration 0013). A default rating (系统默认评价) is one
    # the platform recorded for a citizen who gave none in time; it was never the citizen's.
    is_default: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Valid for J 5.1.2: only a valid online evaluation within the window takes a case out of
    # the phone queue. invalid_reason says why not (app.importing.validity).
    valid: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    invalid_reason: Mapped[str | None] = mapped_column(String(20))
    attempt: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # 评价次数; 2 追评
    evaluator: Mapped[str | None] = mapped_column(String(200))  # 评价人
    anonymous: Mapped[bool | None] = mapped_column(Boolean)  # 是否匿名
    review_status: Mapped[str | None] = mapped_column(String(20))  # 审核状态
    labels: Mapped[list[str] | None] = mapped_column(JSON)  # 差评标签, as exported
    region_code: Mapped[str | None] = mapped_column(String(20))  # 行政区划

    case: Mapped[Case] = relationship(back_populates="evaluations")
    operator: Mapped[Staff | None] = relationship()

    __table_args__ = (
        UniqueConstraint("case_id", "fingerprint", name="uq_evaluations_case_fingerprint"),
        Index("ix_evaluations_case_round_time", "case_id", "round", "evaluated_at"),
    )


class CallAttempt(Tracked, Base):
    """One dial of a case's number and how it ended (app.outcomes)."""

    __tablename__ = "call_attempts"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    attempted_at: Mapped[datetime] = mapped_column(index=True)
    outcome: Mapped[str] = mapped_column(String(30))
    outcome_original: Mapped[str | None] = mapped_column(String(50))  # e.g. the ledger's 回访情况
    phone_original: Mapped[str | None] = mapped_column(String(100))
    phone_e164: Mapped[str | None] = mapped_column(String(20))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    duration_seconds: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    evaluation_id: Mapped[int | None] = mapped_column(ForeignKey("evaluations.id"))
    callback_task_id: Mapped[int | None] = mapped_column(ForeignKey("callback_tasks.id"))
    fingerprint: Mapped[str | None] = mapped_column(String(64))
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"))
    # What the telephone reported (app.telephony), when the call went through one that reports:
    # its kind, its own id for the call, when it was answered and ended, and why it failed.
    telephony: Mapped[str | None] = mapped_column(String(20))  # tel / command / baresip / …
    call_ref: Mapped[str | None] = mapped_column(String(200), index=True)
    answered_at: Mapped[datetime | None] = mapped_column()
    ended_at: Mapped[datetime | None] = mapped_column()
    talk_seconds: Mapped[int | None] = mapped_column(Integer)  # answered → ended
    end_reason: Mapped[str | None] = mapped_column(String(200))  # e.g. "486 Busy Here"

    operator: Mapped[Staff | None] = relationship()

    __table_args__ = (
        UniqueConstraint("case_id", "fingerprint", name="uq_call_attempts_case_fingerprint"),
    )


class CallbackTask(Tracked, Base):
    """A second-round callback (二次回访) opened by a dissatisfied answer (J 5.3.2, 5.3.3).

    open → assigned → contacted → resolved / closed (unresolved, approved by a team lead); a
    resolved or closed task can be reopened. The evaluation that opened it is never changed: the
    respondent's second-round answers are an evaluation of their own (round 2).
    """

    __tablename__ = "callback_tasks"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    evaluation_id: Mapped[int | None] = mapped_column(ForeignKey("evaluations.id"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    reason_category: Mapped[str | None] = mapped_column(String(50))
    respondent_words: Mapped[str | None] = mapped_column(Text)
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    assigned_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    assigned_at: Mapped[datetime | None] = mapped_column()
    due_on: Mapped[date | None] = mapped_column(Date)  # deadline, in working days from opening
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column()
    # The explanation given (resolved) or the reason it could not be resolved (closed).
    resolution: Mapped[str | None] = mapped_column(Text)
    second_evaluation_id: Mapped[int | None] = mapped_column(ForeignKey("evaluations.id"))
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    reopened_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class CallbackContact(Tracked, Base):
    """One contact with the respondent about a callback task: when, who, how, said, promised."""

    __tablename__ = "callback_contacts"

    task_id: Mapped[int] = mapped_column(ForeignKey("callback_tasks.id"), index=True)
    contacted_at: Mapped[datetime] = mapped_column()
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    means: Mapped[str] = mapped_column(String(20))  # phone / visit / sms / letter / other
    said: Mapped[str] = mapped_column(Text)  # what the respondent said, and what was explained
    promised: Mapped[str | None] = mapped_column(Text)  # what was promised to them
    call_attempt_id: Mapped[int | None] = mapped_column(ForeignKey("call_attempts.id"))


class BadReview(Tracked, Base):
    """A 差评 (总体 不满意, on the platform also 非常不满意) and how it is handled, beside the
    callback it opened (app.bad_reviews.process):

        verify (核实) → [appealable → appealing (申诉复核)] → rectify (整改) → feedback → to_close
        → closed; an appeal upheld skips 整改.

    Kept, never deleted: a review set aside on appeal stays with `stands` False.
    """

    __tablename__ = "bad_reviews"

    callback_task_id: Mapped[int] = mapped_column(ForeignKey("callback_tasks.id"), unique=True)
    stage: Mapped[str] = mapped_column(String(20), default="verify", index=True)
    # 差评成立: True once found true (or not contested, or its appeal failed), False once set
    # aside on appeal, None until then.
    stands: Mapped[bool | None] = mapped_column(Boolean)
    # 核实: 是否属实, 是否合理, 是否恶意 with the reason, and who decided.
    verified_at: Mapped[datetime | None] = mapped_column()
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    found_true: Mapped[bool | None] = mapped_column(Boolean)
    found_reasonable: Mapped[bool | None] = mapped_column(Boolean)
    malicious: Mapped[bool | None] = mapped_column(Boolean)
    verification: Mapped[str | None] = mapped_column(Text)  # 核实情况
    malicious_reason: Mapped[str | None] = mapped_column(Text)
    # 申诉复核: filed by the unit with reasons and evidence, decided within working days.
    appeal_filed_at: Mapped[datetime | None] = mapped_column()
    appeal_filed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    appeal_reasons: Mapped[str | None] = mapped_column(Text)
    appeal_due: Mapped[date | None] = mapped_column(Date)
    appeal_decided_at: Mapped[datetime | None] = mapped_column()
    appeal_decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    appeal_decider: Mapped[str | None] = mapped_column(String(20))  # team_lead / city_bureau
    appeal_decider_name: Mapped[str | None] = mapped_column(String(100))  # e.g. 市局考核办
    appeal_upheld: Mapped[bool | None] = mapped_column(Boolean)  # 申诉成立
    appeal_opinion: Mapped[str | None] = mapped_column(Text)  # 复核意见
    # 整改: the rule's deadline (working days from the day the review stood), then what will be
    # done, by whom and by when (never later than the rule's), and the result.
    rectify_due: Mapped[date | None] = mapped_column(Date)
    rectify_measures: Mapped[str | None] = mapped_column(Text)
    rectify_owner: Mapped[str | None] = mapped_column(String(100))
    rectify_by: Mapped[date | None] = mapped_column(Date)
    rectify_planned_at: Mapped[datetime | None] = mapped_column()
    rectify_planned_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    rectified_at: Mapped[datetime | None] = mapped_column()
    rectified_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    rectify_result: Mapped[str | None] = mapped_column(Text)
    # The result fed back to the citizen.
    feedback_at: Mapped[datetime | None] = mapped_column()
    feedback_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    feedback_means: Mapped[str | None] = mapped_column(String(20))  # as callback contacts
    feedback_text: Mapped[str | None] = mapped_column(Text)
    feedback_satisfied: Mapped[bool | None] = mapped_column(Boolean)  # None: not said
    closed_at: Mapped[datetime | None] = mapped_column()
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class BadReviewEvidence(Tracked, Base):
    """A file (an attachment) given as evidence for the appeal against a 差评."""

    __tablename__ = "bad_review_evidence"

    bad_review_id: Mapped[int] = mapped_column(ForeignKey("bad_reviews.id"), index=True)
    attachment_id: Mapped[int] = mapped_column(ForeignKey("attachments.id"))

    __table_args__ = (
        UniqueConstraint(
            "bad_review_id", "attachment_id", name="uq_bad_review_evidence_review_attachment"
        ),
    )


class Complaint(Tracked, Base):
    """A complaint or suggestion (投诉/建议), W 7.3 and the registration form of 附录 H.1.

    The two deadlines are working days on the official calendar, fixed when it is registered:
    first contact with the complainant and the reply (W 7.3.4).
    """

    __tablename__ = "complaints"

    number: Mapped[str | None] = mapped_column(String(30), unique=True)  # 投诉编号
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)  # 被投诉网点
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # 被投诉人员
    kind: Mapped[str] = mapped_column(String(20), default="complaint", server_default="complaint")
    # on_site / phone / online / letter / suggestion_box / suggestion_book (app.complaints)
    channel: Mapped[str] = mapped_column(String(20))
    category: Mapped[str | None] = mapped_column(String(20))  # opinion / coordination / filed
    received_at: Mapped[datetime] = mapped_column()
    received_by: Mapped[str | None] = mapped_column(String(100))  # 受理人
    complainant: Mapped[str | None] = mapped_column(String(100))
    contact: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    first_contact_due: Mapped[date | None] = mapped_column(Date)
    reply_due: Mapped[date | None] = mapped_column(Date)
    first_contact_at: Mapped[datetime | None] = mapped_column()
    first_contact_note: Mapped[str | None] = mapped_column(Text)
    replied_at: Mapped[datetime | None] = mapped_column()
    reply: Mapped[str | None] = mapped_column(Text)  # 处理意见 as answered to the complainant
    complainant_satisfied: Mapped[bool | None] = mapped_column(Boolean)
    complainant_opinion: Mapped[str | None] = mapped_column(Text)  # 投诉人意见
    closed_at: Mapped[datetime | None] = mapped_column()
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # who handles it


class SupervisionOrder(Tracked, Base):
    """A supervision order (投诉督办表, 附录 H.2) for a 立案处理类 complaint (W 7.3.3 c).

    Re-issued, with the next sequence number, while the complainant is still unhappy; every
    issue is kept.
    """

    __tablename__ = "supervision_orders"
    __table_args__ = (UniqueConstraint("complaint_id", "sequence"),)

    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), index=True)
    sequence: Mapped[int] = mapped_column(Integer)  # 1 for the first issue, 2 re-issued, …
    issued_at: Mapped[datetime] = mapped_column()
    issued_by: Mapped[str | None] = mapped_column(String(100))  # 签发单位/人
    handling_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))  # 被投诉网点
    opinion: Mapped[str] = mapped_column(Text)  # 督办意见
    reply_due: Mapped[date] = mapped_column(Date)  # 回复期限
    replied_at: Mapped[datetime | None] = mapped_column()
    reply: Mapped[str | None] = mapped_column(Text)  # 处理结果和整改情况


class CorrectiveAction(Tracked, Base):
    """A corrective and preventive action (纠正和预防措施, W 7.4, 附录 I)."""

    __tablename__ = "corrective_actions"

    number: Mapped[str | None] = mapped_column(String(30), unique=True)
    source: Mapped[str] = mapped_column(
        String(20)
    )  # complaint / dissatisfaction / violation / survey
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaints.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    reason_category: Mapped[str | None] = mapped_column(String(50))  # recurring dissatisfaction
    problem: Mapped[str] = mapped_column(Text)  # 问题描述
    cause: Mapped[str | None] = mapped_column(Text)  # 原因分析
    correction: Mapped[str | None] = mapped_column(Text)  # 纠正措施
    prevention: Mapped[str | None] = mapped_column(Text)  # 预防措施
    owner: Mapped[str | None] = mapped_column(String(100))  # 责任人
    due_on: Mapped[date | None] = mapped_column(Date)  # 完成期限
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column()
    verification: Mapped[str | None] = mapped_column(Text)  # 验证情况
    effective: Mapped[bool | None] = mapped_column(Boolean)
    verified_by: Mapped[str | None] = mapped_column(String(100))
    verified_at: Mapped[datetime | None] = mapped_column()


class EnterpriseFeedback(Tracked, Base):
    """Form B (企业回访反馈单) for an enterprise case, from printing to the archive."""

    __tablename__ = "enterprise_feedback"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="to_do", index=True)
    enterprise_name: Mapped[str | None] = mapped_column(String(200))
    registration_type: Mapped[str | None] = mapped_column(String(100))  # 办理登记类型
    steps: Mapped[int | None] = mapped_column(Integer)  # 办理登记所用环节
    days: Mapped[int | None] = mapped_column(Integer)  # 所用时间（天）
    registration_fee_fen: Mapped[int | None] = mapped_column(Integer)
    deed_tax_fen: Mapped[int | None] = mapped_column(Integer)
    stamp_duty_fen: Mapped[int | None] = mapped_column(Integer)
    policy_knowledge: Mapped[str | None] = mapped_column(String(20))  # 非常熟悉 / 一般 / 不了解
    satisfaction: Mapped[str | None] = mapped_column(String(20))  # app.ratings.Rating
    suggestion: Mapped[str | None] = mapped_column(Text)
    enterprise_contact: Mapped[str | None] = mapped_column(String(100))
    revisit_contact: Mapped[str | None] = mapped_column(String(100))
    archive_location: Mapped[str | None] = mapped_column(String(100))
    evaluation_id: Mapped[int | None] = mapped_column(ForeignKey("evaluations.id"))
    # The agency responsible for the form (J 5.2.5): the accepting unit, or for a fully online
    # (全程网办) case the unit of the enterprise's own district. Set by app.enterprise.
    assigned_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    # Lifecycle times (app.enterprise.forms): printed → returned → scanned → verified → archived.
    printed_at: Mapped[datetime | None] = mapped_column()
    returned_at: Mapped[datetime | None] = mapped_column()
    scanned_at: Mapped[datetime | None] = mapped_column()
    verified_at: Mapped[datetime | None] = mapped_column()
    verified_by: Mapped[str | None] = mapped_column(String(100))
    archived_at: Mapped[datetime | None] = mapped_column()
    # When the answers were first typed in, and last corrected (the evaluation keeps the first).
    answered_at: Mapped[datetime | None] = mapped_column()
    corrected_at: Mapped[datetime | None] = mapped_column()
    # The answers as first recorded, kept when a correction replaces them on this record.
    first_answers: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Attachment(Tracked, Base):
    """A stored file (e.g. a scanned, stamped Form B), kept once by its SHA-256."""

    __tablename__ = "attachments"

    sha256: Mapped[str] = mapped_column(String(64), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    enterprise_feedback_id: Mapped[int | None] = mapped_column(ForeignKey("enterprise_feedback.id"))
    kind: Mapped[str] = mapped_column(String(30))  # form_b_scan / complaint_letter / …
    filename: Mapped[str | None] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int | None] = mapped_column(Integer)  # images and PDFs: how many pages
    source: Mapped[str | None] = mapped_column(String(20))  # drop / dialog / folder / scanner

    __table_args__ = (
        # A scan is added once: the same file again is recognised, even from two seats at once.
        Index(
            "uq_attachments_scan_sha256",
            "sha256",
            unique=True,
            sqlite_where=text("kind = 'scan'"),
            postgresql_where=text("kind = 'scan'"),
        ),
    )


class AuditEntry(Base):
    """Who changed what and when, with the values before and after."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str | None] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(50))
    entity: Mapped[str] = mapped_column(String(50))
    entity_uid: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # The hash chain (db.audit_hash, sealed by app.audit_chain as the transaction commits): the
    # entry's place in the chain, its hash, the salt or digests of its personal values, and until
    # sealed the token of the transaction that wrote it.
    seq: Mapped[int | None] = mapped_column(Integer)
    hash: Mapped[str | None] = mapped_column(String(64))
    personal: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    pending: Mapped[str | None] = mapped_column(String(32), default=pending_token)

    __table_args__ = (Index("uq_audit_entries_seq", "seq", unique=True),)


class CalendarDay(Base):
    """An entry of the editable working-day calendar: overrides the shipped official table."""

    __tablename__ = "calendar_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    is_working_day: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str | None] = mapped_column(String(100))  # e.g. 国庆节, 调休上班
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class CalendarYear(Base):
    """A year whose official arrangement an administrator has entered in `calendar_days`.

    A year is known when the shipped table covers it or it is listed here; dates in any other
    year are refused rather than guessed.
    """

    __tablename__ = "calendar_years"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    note: Mapped[str | None] = mapped_column(String(200))


class Setting(Base):
    """A named setting with a JSON value (app.settings declares names, types and defaults)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ImportBatch(Tracked, Base):
    """One import of one file: what it was and what it did."""

    __tablename__ = "import_batches"

    kind: Mapped[str] = mapped_column(String(20))  # cases / evaluations / ledger
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    summary: Mapped[dict[str, Any]] = mapped_column(JSON)


class ColumnMapping(Base):
    """A remembered header→field mapping for an export layout the importer does not know."""

    __tablename__ = "column_mappings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    # The file's header cells, normalised and joined: the layout this mapping is for.
    header_signature: Mapped[str] = mapped_column(String(64))
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON)  # field key -> header text
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    __table_args__ = (
        UniqueConstraint("kind", "header_signature", name="uq_column_mappings_kind_signature"),
    )


class ImportProfile(Base):
    """A 好差评 platform's export layout added by an administrator (app.importing.profiles):
    header aliases, rating and channel codes, how default ratings are marked, the label
    dictionary. The shipped profiles live in code; these are shared by every seat."""

    __tablename__ = "import_profiles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    definition: Mapped[dict[str, Any]] = mapped_column(JSON)  # as a profile file writes it
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class EvaluationSample(Tracked, Base):
    """A recorded draw of evaluation samples for a business-environment review (J 5.4.5).

    The seed, the period and the units are kept so that the draw can be shown to be random and
    repeated on the same data.
    """

    __tablename__ = "evaluation_samples"

    seed: Mapped[int] = mapped_column(Integer)
    period_start: Mapped[date] = mapped_column(Date)  # 办结日期 from …
    period_end: Mapped[date] = mapped_column(Date)  # … to, inclusive
    unit_ids: Mapped[list[int]] = mapped_column(JSON, default=list)  # empty: all units
    requested_size: Mapped[int] = mapped_column(Integer)
    # How many revisited cases the draw chose from: the sampling fraction an auditor asks for.
    candidate_count: Mapped[int] = mapped_column(Integer)
    drawn_by: Mapped[str | None] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)

    cases: Mapped[list[EvaluationSampleCase]] = relationship(
        back_populates="sample",
        order_by="EvaluationSampleCase.position",
        cascade="all, delete-orphan",
    )


class EvaluationSampleCase(Base):
    """One case drawn into an evaluation sample, in the order it was drawn."""

    __tablename__ = "evaluation_sample_cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sample_id: Mapped[int] = mapped_column(
        ForeignKey("evaluation_samples.id", ondelete="CASCADE"), index=True
    )
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)

    sample: Mapped[EvaluationSample] = relationship(back_populates="cases")

    __table_args__ = (
        UniqueConstraint("sample_id", "case_id", name="uq_evaluation_sample_cases_sample_case"),
    )


class CallOutcome(Base):
    """A way a call attempt can end, as the team has configured it (seeded from app.outcomes)."""

    __tablename__ = "call_outcomes"

    code: Mapped[str] = mapped_column(String(30), primary_key=True)
    label: Mapped[str] = mapped_column(String(50))
    label_en: Mapped[str] = mapped_column(String(100))
    key: Mapped[str | None] = mapped_column(String(10))  # shortcut on the call screen
    final: Mapped[bool] = mapped_column(Boolean, default=False)  # no further attempt
    contact: Mapped[bool] = mapped_column(Boolean, default=False)  # the respondent was reached
    note_required: Mapped[bool] = mapped_column(Boolean, default=False)
    # The case's next number is tried (e.g. a wrong or empty number); on its last number it ends.
    next_number: Mapped[bool] = mapped_column(Boolean, default=False)
    retry_minutes: Mapped[int | None] = mapped_column(Integer)  # None: the next half-day
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class CallSample(Tracked, Base):
    """One random draw of a unit's due cases into the phone queue (W 7.1.3.3.1).

    The drawn cases are the queue entries that point here, in `sample_position` order; with the
    seed and the candidate count the draw can be shown to be random and repeated.
    """

    __tablename__ = "call_samples"

    seed: Mapped[int] = mapped_column(Integer)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int] = mapped_column(Integer)
    drawn_on: Mapped[date] = mapped_column(Date)
    candidate_count: Mapped[int] = mapped_column(Integer)  # due cases the draw chose from
    size: Mapped[int] = mapped_column(Integer)
    sample_all: Mapped[bool] = mapped_column(Boolean, default=False)


class QueueEntry(Tracked, Base):
    """A case waiting to be phoned: a first revisit, or (kind "callback") a second-round task.

    An entry is claimed by one operator at a time (`claimed_by_id` until `claim_expires_at`);
    it stays "open" through failed attempts and ends "done" with a `result`.
    """

    __tablename__ = "call_queue"

    kind: Mapped[str] = mapped_column(String(10), default="first")  # first / callback
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    callback_task_id: Mapped[int | None] = mapped_column(
        ForeignKey("callback_tasks.id"), unique=True
    )
    sample_id: Mapped[int | None] = mapped_column(ForeignKey("call_samples.id"), index=True)
    sample_position: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open / done
    priority: Mapped[int] = mapped_column(Integer, default=0)  # lower first: units furthest behind
    ready_at: Mapped[datetime] = mapped_column()  # not to be called before
    phone_index: Mapped[int] = mapped_column(Integer, default=0)  # into the case's phones
    attempts: Mapped[int] = mapped_column(Integer, default=0)  # counted against the maximum
    appointment_at: Mapped[datetime | None] = mapped_column()
    appointment_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    # Only this operator may take the entry (an appointment "for the same operator", an assigned
    # callback); None: anyone.
    reserved_for_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    claim_expires_at: Mapped[datetime | None] = mapped_column()
    result: Mapped[str | None] = mapped_column(String(30))  # completed / unreachable / a code
    reasons: Mapped[list[str] | None] = mapped_column(JSON)  # the failed outcomes, when unreachable
    finished_at: Mapped[datetime | None] = mapped_column()

    case: Mapped[Case] = relationship()

    __table_args__ = (
        # The order next_case takes entries in, and the due appointments it looks at first.
        Index("ix_call_queue_pick", "status", "priority", "ready_at", "id"),
        # Only entries with an appointment: every query that uses it compares appointment_at. Whole,
        # PostgreSQL took it for the claim of the next entry in queue order on the statistics of
        # before a refresh (issue 23: 10 ms and more, against 3.6 ms).
        Index(
            "ix_call_queue_appointment",
            "status",
            "appointment_at",
            sqlite_where=text("appointment_at IS NOT NULL"),
            postgresql_where=text("appointment_at IS NOT NULL"),
        ),
        # The claim of the next entry in queue order (app.desk.queue): only the free open entries
        # without an appointment, so that PostgreSQL takes it even with the statistics of before
        # a refresh, which made it walk ix_call_queue_appointment and sort thousands (issue 23).
        Index(
            "ix_call_queue_open_pick",
            "priority",
            "ready_at",
            "id",
            sqlite_where=text("status = 'open' AND appointment_at IS NULL"),
            postgresql_where=text("status = 'open' AND appointment_at IS NULL"),
        ),
        # A case is in the first-revisit queue at most once, even if two seats refresh at once.
        Index(
            "uq_call_queue_first_case",
            "case_id",
            unique=True,
            sqlite_where=text("kind = 'first'"),
            postgresql_where=text("kind = 'first'"),
        ),
    )


class IntegrityEscalation(Tracked, Base):
    """A respondent's report of a breach of integrity discipline (廉洁纪律: 有), for the team lead.

    Kept apart from callback tasks so that a list of tasks never shows it by mistake: only the
    roles that handle integrity reports read this table.
    """

    __tablename__ = "integrity_escalations"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    evaluation_id: Mapped[int | None] = mapped_column(ForeignKey("evaluations.id"), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    details: Mapped[str] = mapped_column(Text)
    reported_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    reported_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    handled_at: Mapped[datetime | None] = mapped_column()
    resolution: Mapped[str | None] = mapped_column(Text)


class ServicePhrase(Base):
    """A phrase for the operator's screen (W 附录 D): greeting, closing, apology or forbidden."""

    __tablename__ = "service_phrases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    category: Mapped[str] = mapped_column(String(20), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)

    # Two seats seeding the defaults at once collide here instead of doubling every phrase.
    __table_args__ = (
        UniqueConstraint("category", "position", name="uq_service_phrases_category_position"),
    )


class ScanPage(Tracked, Base):
    """One page of a scanned file: filed to its case (by its QR or by hand) or waiting in the tray.

    Status "unmatched" is the tray; "filed" has a case; "discarded" (a blank or stray page) is kept
    with its file but leaves the tray.
    """

    __tablename__ = "scan_pages"

    attachment_id: Mapped[int] = mapped_column(ForeignKey("attachments.id"), index=True)
    page_index: Mapped[int] = mapped_column(Integer)  # 0-based
    status: Mapped[str] = mapped_column(String(20), default="unmatched", index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    # What a barcode on the page said, even when it was not ours or failed its check.
    qr_text: Mapped[str | None] = mapped_column(String(500))
    filed_at: Mapped[datetime | None] = mapped_column()
    filed_by: Mapped[str | None] = mapped_column(String(100))  # None: filed by its QR code
    source: Mapped[str] = mapped_column(String(20))  # drop / dialog / folder / scanner

    attachment: Mapped[Attachment] = relationship()

    __table_args__ = (
        UniqueConstraint("attachment_id", "page_index", name="uq_scan_pages_attachment_page"),
    )


class AttachmentBlob(Base):
    """The bytes of a stored file, by SHA-256, where the database keeps them (PostgreSQL).

    SQLite databases keep their files in a folder beside the database file instead.
    """

    __tablename__ = "attachment_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class SyncPeer(Base):
    """A site that sync files come from or go to (app.sync): this database itself or another.

    The row with `is_self` names this database (its site id is generated once, on first use) and
    keeps its export marks; the others keep how far each site's changes have been imported.
    """

    __tablename__ = "sync_peers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str | None] = mapped_column(String(200))
    is_self: Mapped[bool] = mapped_column(Boolean, default=False)
    # This site: the number of its last change file, and up to when (its clock) it reached.
    export_sequence: Mapped[int] = mapped_column(Integer, default=0)
    exported_until: Mapped[datetime | None] = mapped_column()
    exported_audit_id: Mapped[int | None] = mapped_column(Integer)  # the last audit entry sent
    # Another site: the last of its change files imported, and up to when (its clock) all of its
    # changes are here — a file that starts later would leave a gap and is refused.
    imported_sequence: Mapped[int | None] = mapped_column(Integer)
    imported_until: Mapped[datetime | None] = mapped_column()
    last_import_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Another site whose public keys an administrator trusted (app.keys): its Ed25519 key that
    # signs its files and its X25519 key that files for it are encrypted to; None until then.
    signing_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    agreement_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    keys_trusted_at: Mapped[datetime | None] = mapped_column()
    keys_trusted_by: Mapped[str | None] = mapped_column(String(100))


class InstallationKeys(Base):
    """This database's own key pairs (app.keys), made at first need: one row, id 1.

    The private keys are kept as they are: the database file is where the data they protect
    lives too, and it is to be encrypted as a whole (SQLCipher, issue 18). Of the recovery key
    only the public half is kept; its secret was shown once to an administrator.
    """

    __tablename__ = "installation_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    signing_private: Mapped[bytes] = mapped_column(LargeBinary)  # Ed25519, 32 bytes
    agreement_private: Mapped[bytes] = mapped_column(LargeBinary)  # X25519, 32 bytes
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    recovery_public: Mapped[bytes | None] = mapped_column(LargeBinary)  # X25519, 32 bytes
    recovery_made_at: Mapped[datetime | None] = mapped_column()
    recovery_made_by: Mapped[str | None] = mapped_column(String(100))


class SyncRecord(Base):
    """The version of a record last exchanged by a sync file, so that an import can tell a newer
    version of it from one changed in two places at once."""

    __tablename__ = "sync_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(50))  # the table
    uid: Mapped[uuid.UUID] = mapped_column(Uuid)
    # SHA-256 of the record's travelling values at the exchange (in this database's ids): a
    # different value now means the record was changed here since.
    fingerprint: Mapped[str] = mapped_column(String(64))
    # Version tokens naming that content, and the tokens of the versions it descends from.
    versions: Mapped[list[str]] = mapped_column(JSON, default=list)
    history: Mapped[list[str]] = mapped_column(JSON, default=list)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    __table_args__ = (UniqueConstraint("entity", "uid", name="uq_sync_records_entity_uid"),)


class SyncConflict(Base):
    """A record changed both here and at another site: both versions kept until a team lead
    decides which stands (app.sync.conflicts). The record here is untouched until then."""

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(50), index=True)  # the table
    uid: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)  # the record here
    record_id: Mapped[int] = mapped_column(Integer)
    # The sent record's uid: another than `uid` when it was matched by its 业务编号 or the like.
    incoming_uid: Mapped[uuid.UUID] = mapped_column(Uuid)
    incoming_site: Mapped[str] = mapped_column(String(64))
    incoming_site_name: Mapped[str | None] = mapped_column(String(200))
    file_sha256: Mapped[str] = mapped_column(String(64))
    # Both versions as sync files write them (references as uids), and the incoming one in this
    # database's ids, ready to apply if the lead chooses it.
    local_version: Mapped[dict[str, Any]] = mapped_column(JSON)
    incoming_version: Mapped[dict[str, Any]] = mapped_column(JSON)
    incoming_values: Mapped[dict[str, Any]] = mapped_column(JSON)
    detected_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    decision: Mapped[str | None] = mapped_column(String(20))  # local / incoming
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[datetime | None] = mapped_column()


# Social supervision of the outlets beside the phone revisits (W 7.1.3, 7.2; J 5.5), issue 21.


class SatisfactionSurvey(Tracked, Base):
    """One filled-in 群众满意度调查表 (W 7.1.3.1.1, 附录 E), typed from the paper or imported.

    Ratings are app.surveys' codes (satisfied / average / dissatisfied), None where the person
    ticked nothing; `channels` the policy channels ticked (several may be).
    """

    __tablename__ = "satisfaction_surveys"
    __table_args__ = (
        # A row imported twice is one survey (app.surveys: a digest of the row's answers).
        Index("uq_satisfaction_surveys_unit_fingerprint", "unit_id", "fingerprint", unique=True),
    )

    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)  # the outlet
    surveyed_on: Mapped[date] = mapped_column(Date, index=True)
    sheet_no: Mapped[str | None] = mapped_column(String(30))  # the paper's own number, if any
    age_band: Mapped[str | None] = mapped_column(String(12))  # under_25 / 25_35 / 36_50 / 51_up
    environment: Mapped[str | None] = mapped_column(String(12))  # 服务环境
    attitude: Mapped[str | None] = mapped_column(String(12))  # 服务态度
    efficiency: Mapped[str | None] = mapped_column(String(12))  # 办事效率
    consultation: Mapped[str | None] = mapped_column(String(12))  # 咨询答复
    discipline: Mapped[str | None] = mapped_column(String(12))  # 上班纪律
    facilities: Mapped[str | None] = mapped_column(String(12))  # 便民服务设施设备
    overall: Mapped[str | None] = mapped_column(String(12))  # 总体印象
    # community / government / media / internet / other
    channels: Mapped[list[str]] = mapped_column(JSON, default=list)
    improvement: Mapped[str | None] = mapped_column(Text)  # 需要改善的方面
    fingerprint: Mapped[str | None] = mapped_column(String(64))
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class SuggestionBoxCheck(Tracked, Base):
    """One day's check of an outlet's suggestion box or book (意见箱、意见簿, W 7.1.3.2.2):
    who looked, when, and how many slips or entries were found (0: none)."""

    __tablename__ = "suggestion_box_checks"
    __table_args__ = (UniqueConstraint("unit_id", "source", "checked_on"),)

    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    source: Mapped[str] = mapped_column(String(10))  # box / book
    checked_on: Mapped[date] = mapped_column(Date, index=True)
    checked_at: Mapped[datetime] = mapped_column()
    checked_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    slip_count: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str | None] = mapped_column(Text)


class SuggestionSlip(Tracked, Base):
    """A slip from the box or an entry in the book (W 7.1.3.2.3–4): a problem, investigated and
    resolved as a suggestion record (`complaint_id`) and listed on the Wednesday notice; praise
    or criticism of the staff member named, acknowledged or discussed with them."""

    __tablename__ = "suggestion_slips"

    check_id: Mapped[int] = mapped_column(ForeignKey("suggestion_box_checks.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # problem / praise / criticism
    content: Mapped[str] = mapped_column(Text)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    writer: Mapped[str | None] = mapped_column(String(100))  # who wrote it, if signed
    contact: Mapped[str | None] = mapped_column(String(100))
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaints.id"), index=True)
    # Praise acknowledged, or criticism talked over with the person (W 7.1.3.2.4).
    acknowledged_at: Mapped[datetime | None] = mapped_column()
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    acknowledgement: Mapped[str | None] = mapped_column(Text)


class AssessmentItem(Base):
    """One line of the outlet assessment score sheet (考核计分表, W 附录 G), as data an
    administrator may edit: the standard we hold breaks off after item 13.

    Points are in tenths (a 3-point item is 30). `rule` names what app.assessment computes the
    item from (e.g. the survey satisfaction rate for 服务礼仪); None: entered by hand.
    """

    __tablename__ = "assessment_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)  # 序号
    group_name: Mapped[str] = mapped_column(String(50))  # 评估项目, e.g. 服务举措
    name: Mapped[str] = mapped_column(String(50))  # e.g. 同城通办
    content: Mapped[str] = mapped_column(Text)  # 考评内容
    standard: Mapped[str] = mapped_column(Text)  # 考评标准
    points_tenths: Mapped[int] = mapped_column(Integer)  # 标准分数
    rule: Mapped[str | None] = mapped_column(String(30))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class OutletAssessment(Tracked, Base):
    """An assessment of one outlet (W 7.2): internal at least half-yearly, or the supervising
    authority's yearly. Its scores copy each item as it stood, so later edits of the sheet
    leave it unchanged; final once the assessor signs it off."""

    __tablename__ = "outlet_assessments"

    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # internal / authority
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date, index=True)
    assessed_on: Mapped[date] = mapped_column(Date)
    assessors: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(12), default="draft")  # draft / final
    total_tenths: Mapped[int | None] = mapped_column(Integer)  # kept when final
    grade: Mapped[str | None] = mapped_column(String(12))  # excellent / good / pass / fail
    note: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    finalized_at: Mapped[datetime | None] = mapped_column()


class OutletAssessmentScore(Tracked, Base):
    """One item's score in an assessment, with each deduction and its reason (考核记录)."""

    __tablename__ = "outlet_assessment_scores"
    __table_args__ = (UniqueConstraint("assessment_id", "item_number"),)

    assessment_id: Mapped[int] = mapped_column(ForeignKey("outlet_assessments.id"), index=True)
    item_number: Mapped[int] = mapped_column(Integer)
    group_name: Mapped[str] = mapped_column(String(50))
    item_name: Mapped[str] = mapped_column(String(50))
    standard: Mapped[str] = mapped_column(Text)
    points_tenths: Mapped[int] = mapped_column(Integer)
    score_tenths: Mapped[int] = mapped_column(Integer)
    # [{"points_tenths": 10, "reason": "…", "evidence": "…"}], as entered or computed
    deductions: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    record: Mapped[str | None] = mapped_column(Text)  # 考核记录
    computed: Mapped[bool] = mapped_column(Boolean, default=False)  # filled in by the system


class Commendation(Tracked, Base):
    """Praise of a staff member (or a case) from any channel (J 5.5.1–5.5.2, W 7.1.3.2.4): a
    revisit's suggestion marked as praise, a slip, a complaint file closed with thanks."""

    __tablename__ = "commendations"

    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    source: Mapped[str] = mapped_column(String(20))  # revisit / slip / complaint / other
    call_attempt_id: Mapped[int | None] = mapped_column(ForeignKey("call_attempts.id"))
    slip_id: Mapped[int | None] = mapped_column(ForeignKey("suggestion_slips.id"))
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaints.id"))
    content: Mapped[str] = mapped_column(Text)
    received_on: Mapped[date] = mapped_column(Date, index=True)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    # Picked for the year's list of exemplary staff and cases (J 5.5.2).
    exemplary: Mapped[bool] = mapped_column(Boolean, default=False)


class CallRecording(Tracked, Base):
    """A recording of a call (app.recordings), its file kept as an attachment (kind recording).

    Attached to its call attempt when matched by the call's id, or by number and time; until
    then it waits in the tray (`call_attempt_id` empty, status tray), as unmatched scans do.
    """

    __tablename__ = "call_recordings"

    attachment_id: Mapped[int] = mapped_column(ForeignKey("attachments.id"), unique=True)
    call_attempt_id: Mapped[int | None] = mapped_column(ForeignKey("call_attempts.id"), index=True)
    status: Mapped[str] = mapped_column(
        String(12), default="tray", index=True
    )  # tray/filed/discarded
    call_ref: Mapped[str | None] = mapped_column(String(200), index=True)
    phone_e164: Mapped[str | None] = mapped_column(String(20))
    # The operator of the seat whose folder it came from (a softphone's file names no number).
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    recorded_at: Mapped[datetime] = mapped_column(index=True)  # when the recording began
    duration_seconds: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str | None] = mapped_column(String(255))  # as the softphone named it
    filed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))  # by hand; else matched
    filed_at: Mapped[datetime | None] = mapped_column()


class DoNotCall(Tracked, Base):
    """A number never to be dialled again (app.desk.do_not_call), by any path.

    Marked by the do-not-call outcome, an administrator's list or by hand; only an
    administrator's audited action clears it (`cleared_at`), and marking it again re-arms it.
    """

    __tablename__ = "do_not_call"

    phone_e164: Mapped[str] = mapped_column(String(20), unique=True)
    source: Mapped[str] = mapped_column(String(12))  # outcome / import / manual
    reason: Mapped[str | None] = mapped_column(Text)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    marked_at: Mapped[datetime] = mapped_column()
    marked_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    cleared_at: Mapped[datetime | None] = mapped_column()
    cleared_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    clear_reason: Mapped[str | None] = mapped_column(Text)


class QcCriterion(Tracked, Base):
    """One line of the quality-inspection scorecard (质检, app.quality), editable in the app.

    A criterion is never deleted, only made inactive; scores keep their own copy of its label
    and weight, so changing the card never changes a call already scored.
    """

    __tablename__ = "qc_criteria"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    label: Mapped[str] = mapped_column(String(100))
    label_en: Mapped[str] = mapped_column(String(200))
    source: Mapped[str | None] = mapped_column(String(50))  # the clause, e.g. "W 附录 D"
    weight: Mapped[int] = mapped_column(Integer)  # points
    critical: Mapped[bool] = mapped_column(Boolean, default=False)  # failing it opens a CAPA
    position: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class QcSample(Tracked, Base):
    """A team lead's random draw of one operator's completed calls in a period (reproducible:
    the seed, the population and the size are kept, as the evaluation samples' are)."""

    __tablename__ = "qc_samples"

    operator_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    seed: Mapped[int] = mapped_column(Integer)
    population: Mapped[int] = mapped_column(Integer)  # completed calls the draw chose from
    size: Mapped[int] = mapped_column(Integer)
    drawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    drawn_at: Mapped[datetime] = mapped_column()


class QcReview(Tracked, Base):
    """One call under quality inspection: drawn in a sample, then scored by a team lead."""

    __tablename__ = "qc_reviews"

    sample_id: Mapped[int | None] = mapped_column(ForeignKey("qc_samples.id"), index=True)
    call_attempt_id: Mapped[int] = mapped_column(ForeignKey("call_attempts.id"), index=True)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)  # order in the sample
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending / scored
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    scored_at: Mapped[datetime | None] = mapped_column(index=True)
    points: Mapped[int | None] = mapped_column(Integer)  # awarded
    max_points: Mapped[int | None] = mapped_column(Integer)
    critical_failed: Mapped[bool] = mapped_column(Boolean, default=False)
    corrective_action_id: Mapped[int | None] = mapped_column(ForeignKey("corrective_actions.id"))
    note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("sample_id", "call_attempt_id", name="uq_qc_reviews_sample_call"),
    )


class QcScore(Tracked, Base):
    """The points one criterion got in one review, with the criterion as it was then."""

    __tablename__ = "qc_scores"

    review_id: Mapped[int] = mapped_column(ForeignKey("qc_reviews.id"), index=True)
    criterion_code: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(100))
    weight: Mapped[int] = mapped_column(Integer)
    critical: Mapped[bool] = mapped_column(Boolean, default=False)
    points: Mapped[int] = mapped_column(Integer)  # 0 … weight
    note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("review_id", "criterion_code", name="uq_qc_scores_review_criterion"),
    )
