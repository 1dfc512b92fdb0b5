"""Retention of personal data (issue 7; W 7.1.3.2.5 keeps such records 3 years): once a case was
completed more than `retention.years` ago, the people in it are forgotten and its figures stay.

Forgotten: the applicant's name and the property's location, the case's phone numbers, the numbers
dialled and the operators' notes, the evaluation's free text, the respondent's words and what was
said and promised in callback contacts, Form B's enterprise contact and suggestion, and — for
complaints closed before the same day — the complainant, contact, address and opinion, and for
slips of the suggestion box and book (W 7.1.3.2.5: kept 3 years, the least `retention.years`
allows) found before it — the writer and contact, once the slip is dealt with (its suggestion
record closed, a criticism talked over); the recordings of the case's calls, and those filed to
no call made before the cut-off — their files themselves (app.recordings.purging); the same
values are blanked in the audit entries of those records once the entries are six months old
(`AUDIT_KEPT_MONTHS`; the hash chain keeps their digests, app.audit_chain). Kept: cases, units,
dates, types, channels, enterprise names, ratings, outcomes, statuses and every count the reports
make. A case whose second-round callback or complaint is still open is left alone until it
closes. Nothing is deleted: checks, slips and what they point to (or what points to them — a
suggestion record's slip, a commendation's slip) all stay, only the people leave them.

A purge runs only for the cut-off its caller showed and had confirmed (`purge`'s `cutoff`, from a
`preview`): a retention changed or a day passed in between refuses it rather than forget more.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import delete, exists, func, or_, select, update
from sqlalchemy.orm import Session

from app.audit import record_change
from app.audit_chain import PERSONAL_KEYS, purge_entry_values
from app.bad_reviews.process import CLOSED
from app.callbacks.contacts import ACTIVE_STATUSES
from app.clock import local_now
from app.errors import Refused
from app.i18n import pick
from app.ratings import Channel
from app.recordings.purging import purge_recordings
from app.settings import OPTIONS, get_setting
from app.staff import require_administrator
from app.zone import LOCAL_ZONE
from db.models import (
    AuditEntry,
    BadReview,
    CallAttempt,
    CallbackContact,
    CallbackTask,
    Case,
    CasePhone,
    Complaint,
    EnterpriseFeedback,
    Evaluation,
    SuggestionBoxCheck,
    SuggestionSlip,
)

# Left in columns that may not be empty, so that a reader sees why the text is gone.
PURGED = "（已按保留期限清除）"
# Audit entries are kept whole for at least this many months whatever the retention (the
# Cybersecurity Law art. 21 keeps logs six months): younger ones are blanked by a later purge.
AUDIT_KEPT_MONTHS = 6
_CHUNK = 500


class RetentionError(Refused, ValueError):
    """The purge cannot run as set up (e.g. a retention shorter than the rules allow, or a
    cut-off other than the one confirmed)."""


@dataclass(frozen=True)
class RetentionCounts:
    """What a purge forgets (preview) or forgot: records whose personal data goes, by kind."""

    years: int
    cutoff: date  # cases completed before this day, complaints closed before it
    cases: int = 0
    phones: int = 0
    evaluations: int = 0
    call_attempts: int = 0
    callback_tasks: int = 0
    bad_reviews: int = 0
    callback_contacts: int = 0
    enterprise_forms: int = 0
    complaints: int = 0
    suggestion_slips: int = 0
    recordings: int = 0  # call recordings (app.recordings.purging): the file itself goes
    audit_entries: int = 0

    @property
    def total(self) -> int:
        return sum(v for k, v in asdict(self).items() if k not in ("years", "cutoff"))

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "cutoff": self.cutoff.isoformat()}


def retention_years(session: Session) -> int:
    """retention.years; app.settings never reads a stored value below its minimum (W 7.1.3.2.5's
    3 years), and this refuses one all the same: a purge is not undone."""
    years = get_setting(session, "retention.years")
    least = OPTIONS["retention.years"].minimum
    if least is None or years < least:
        raise RetentionError(
            pick(
                f"保存年限 retention.years 至少为 {least} 年，现为 {years}",
                f"retention.years must be at least {least}, not {years}",
            )
        )
    return years


def retention_cutoff(today: date, years: int) -> date:
    """The day `years` before `today` (28 February for a 29th): cases completed earlier go."""
    if not 1 <= today.year - years:
        raise RetentionError(
            pick(f"没有 {today} 之前 {years} 年的日期", f"No date {years} years before {today}")
        )
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def preview(
    session: Session, today: date | None = None, *, by_id: int | None = None
) -> RetentionCounts:
    """What `purge` would forget today, changing nothing; administrators only (`by_id`: who)."""
    require_administrator(session, by_id)
    return _run(session, today, apply=False)


def purge(
    session: Session, today: date | None = None, *, cutoff: date, by_id: int | None = None
) -> RetentionCounts:
    """Forget the personal data past retention; administrators only (`by_id`: who), audited.

    `cutoff` is the one the person confirmed (a `preview`'s, shown with its counts): refused
    when the retention or the day has changed it since. The caller owns the transaction."""
    require_administrator(session, by_id)
    today = today or local_now().date()  # one day for the check and the purge
    now = retention_cutoff(today, retention_years(session))
    if now != cutoff:
        raise RetentionError(
            pick(
                f"清除范围已变为 {now} 之前（确认的是 {cutoff} 之前），没有清除任何数据；"
                "请重新预览后再确认",
                f"The cut-off is now {now}, not the {cutoff} confirmed; nothing was purged. "
                "Preview again and confirm that",
            )
        )
    counts = _run(session, today, apply=True)
    if counts.total:
        record_change(
            session,
            actor_id=by_id,
            action="retention.purge",
            entity="retention",
            entity_uid=None,
            before=None,
            after=counts.to_dict(),
        )
    return counts


def _run(session: Session, today: date | None, *, apply: bool) -> RetentionCounts:
    years = retention_years(session)
    cutoff = retention_cutoff(today or local_now().date(), years)
    closed_before = datetime.combine(cutoff, time(), LOCAL_ZONE)
    open_callback = exists().where(
        CallbackTask.case_id == Case.id, CallbackTask.status.in_(ACTIVE_STATUSES)
    )
    open_complaint = exists().where(Complaint.case_id == Case.id, Complaint.closed_at.is_(None))
    open_review = (
        exists()
        .where(BadReview.callback_task_id == CallbackTask.id, BadReview.stage != CLOSED)
        .where(CallbackTask.case_id == Case.id)
    )
    cases = select(Case.id).where(
        Case.completed_on < cutoff, ~open_callback, ~open_complaint, ~open_review
    )
    tasks = select(CallbackTask.id).where(CallbackTask.case_id.in_(cases))
    counts: dict[str, int] = {}

    def blank(key: str, model, where: Sequence, values: dict[str, Any]) -> None:
        """Count the rows that still hold data, and clear it."""
        counts[key] = session.scalar(select(func.count()).select_from(model).where(*where)) or 0
        if apply and counts[key]:
            session.execute(
                update(model).where(*where).values(values),
                execution_options={"synchronize_session": False},
            )

    blank(
        "cases",
        Case,
        [Case.id.in_(cases), or_(Case.applicant.is_not(None), Case.location.is_not(None))],
        {"applicant": None, "location": None},
    )
    counts["phones"] = (
        session.scalar(select(func.count(CasePhone.id)).where(CasePhone.case_id.in_(cases))) or 0
    )
    if apply and counts["phones"]:
        session.execute(
            delete(CasePhone).where(CasePhone.case_id.in_(cases)),
            execution_options={"synchronize_session": False},
        )
    # Form B's answers are also kept whole on its evaluation (`original`): forget them there too
    # (before the columns, so that a row counts once).
    scrubbed = _scrub_json(
        session,
        Evaluation,
        Evaluation.original,
        [
            Evaluation.case_id.in_(cases),
            # Form B's answers; a second-round Form A's reason and words (app.desk.calls).
            Evaluation.channel.in_([Channel.ENTERPRISE.value, Channel.PHONE.value]),
        ],
        apply,
        counted_by=Evaluation.suggestion.is_not(None),
    )
    blank(
        "evaluations",
        Evaluation,
        [
            Evaluation.case_id.in_(cases),
            or_(Evaluation.suggestion.is_not(None), Evaluation.evaluator.is_not(None)),
        ],
        {"suggestion": None, "evaluator": None},
    )
    counts["evaluations"] += scrubbed
    blank(
        "call_attempts",
        CallAttempt,
        [
            CallAttempt.case_id.in_(cases),
            or_(
                CallAttempt.note.is_not(None),
                CallAttempt.phone_original.is_not(None),
                CallAttempt.phone_e164.is_not(None),
            ),
        ],
        {"note": None, "phone_original": None, "phone_e164": None},
    )
    blank(
        "callback_tasks",
        CallbackTask,
        [CallbackTask.id.in_(tasks), CallbackTask.respondent_words.is_not(None)],
        {"respondent_words": None},
    )
    blank(
        "bad_reviews",
        BadReview,
        [
            BadReview.callback_task_id.in_(tasks),
            or_(BadReview.verification.is_not(None), BadReview.feedback_text.is_not(None)),
        ],
        {"verification": None, "feedback_text": None},
    )
    blank(
        "callback_contacts",
        CallbackContact,
        [
            CallbackContact.task_id.in_(tasks),
            or_(CallbackContact.said != PURGED, CallbackContact.promised.is_not(None)),
        ],
        {"said": PURGED, "promised": None},
    )
    forms = [EnterpriseFeedback.case_id.in_(cases)]
    scrubbed = _scrub_json(
        session,
        EnterpriseFeedback,
        EnterpriseFeedback.first_answers,
        forms,
        apply,
        counted_by=or_(
            EnterpriseFeedback.enterprise_contact.is_not(None),
            EnterpriseFeedback.suggestion.is_not(None),
        ),
    )
    blank(
        "enterprise_forms",
        EnterpriseFeedback,
        [
            *forms,
            or_(
                EnterpriseFeedback.enterprise_contact.is_not(None),
                EnterpriseFeedback.suggestion.is_not(None),
            ),
        ],
        {"enterprise_contact": None, "suggestion": None},
    )
    counts["enterprise_forms"] += scrubbed
    complaints = [Complaint.closed_at.is_not(None), Complaint.closed_at < closed_before]
    blank(
        "complaints",
        Complaint,
        [
            *complaints,
            or_(
                Complaint.complainant.is_not(None),
                Complaint.contact.is_not(None),
                Complaint.address.is_not(None),
                Complaint.complainant_opinion.is_not(None),
            ),
        ],
        {"complainant": None, "contact": None, "address": None, "complainant_opinion": None},
    )
    # Slips found before the cut-off, once dealt with: a problem's suggestion record closed (then
    # blanked above as well), a criticism talked over with the person.
    open_problem = exists().where(
        Complaint.id == SuggestionSlip.complaint_id, Complaint.closed_at.is_(None)
    )
    slips = [
        SuggestionSlip.check_id.in_(
            select(SuggestionBoxCheck.id).where(SuggestionBoxCheck.checked_on < cutoff)
        ),
        ~open_problem,
        or_(SuggestionSlip.kind != "criticism", SuggestionSlip.acknowledged_at.is_not(None)),
    ]
    blank(
        "suggestion_slips",
        SuggestionSlip,
        [*slips, or_(SuggestionSlip.writer.is_not(None), SuggestionSlip.contact.is_not(None))],
        {"writer": None, "contact": None},
    )
    counts["recordings"] = purge_recordings(session, cases, closed_before, apply=apply)
    uids = [
        *session.scalars(select(CallbackTask.uid).where(CallbackTask.id.in_(tasks))),
        *session.scalars(select(SuggestionSlip.uid).where(*slips)),
        *session.scalars(select(EnterpriseFeedback.uid).where(*forms)),
        *session.scalars(select(Complaint.uid).where(*complaints)),
    ]
    kept_from = datetime.combine(
        months_before(today or local_now().date(), AUDIT_KEPT_MONTHS), time(), LOCAL_ZONE
    )
    counts["audit_entries"] = _scrub_audit(session, uids, kept_from, apply)
    if apply:
        session.flush()
        session.expire_all()  # the bulk statements changed rows the session may hold
    return RetentionCounts(years=years, cutoff=cutoff, **counts)


def _scrub_json(
    session: Session, model, column, where: Sequence, apply: bool, *, counted_by
) -> int:
    """Blank the personal keys of a JSON column. Returns how many rows held any and are not
    counted already (`counted_by`: the rows the caller counts for their columns)."""
    changed = 0
    rows = session.execute(
        select(model.id, column, counted_by).where(*where, column.is_not(None))
    ).all()
    for row_id, value, counted in rows:
        scrubbed = scrub(value)
        if scrubbed == value:
            continue
        changed += not counted
        if apply:
            session.execute(
                update(model).where(model.id == row_id).values({column.key: scrubbed}),
                execution_options={"synchronize_session": False},
            )
    return changed


def _scrub_audit(session: Session, uids: Iterable, kept_from: datetime, apply: bool) -> int:
    """Blank the personal values of the entries about these records written before
    `kept_from`; each keeps its place in the chain through the digests of what was blanked."""
    changed = 0
    uids = list(uids)
    for start in range(0, len(uids), _CHUNK):
        chunk = uids[start : start + _CHUNK]
        entries = session.execute(
            select(
                AuditEntry.id,
                AuditEntry.before,
                AuditEntry.after,
                AuditEntry.personal,
                AuditEntry.seq.is_not(None),
            ).where(AuditEntry.entity_uid.in_(chunk), AuditEntry.at < kept_from)
        ).all()
        for entry_id, before, after, personal, sealed in entries:
            new_before, new_after, new_personal = purge_entry_values(
                before, after, personal, sealed, scrub
            )
            if (new_before, new_after) != (before, after):
                changed += 1
                if apply:
                    session.execute(
                        update(AuditEntry)
                        .where(AuditEntry.id == entry_id)
                        .values(before=new_before, after=new_after, personal=new_personal),
                        execution_options={"synchronize_session": False},
                    )
    return changed


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier (the month's last day when it has fewer)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def scrub(value: Any, keys: frozenset[str] = PERSONAL_KEYS) -> Any:
    """`value` with the value of every key in `keys` (the personal ones) blanked (None), at
    any depth."""
    if isinstance(value, dict):
        return {key: (None if key in keys else scrub(item, keys)) for key, item in value.items()}
    if isinstance(value, list):
        return [scrub(item, keys) for item in value]
    return value
