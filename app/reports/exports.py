"""The reports that hand out personal data, each as one call: read, write the file, audit (issue
18: "exports of personal data are audited"). The window and the command line both call these,
in the transaction of the one user action, so the entry (app.audit.record_export: who, which
export, the period, how many lines, the file — never the names or numbers themselves) stands
or falls with the read it describes; a file that cannot be written leaves no entry.

    analysis = export_monthly_xlsx(session, 2026, 8, path, by_id=me)   # 附录 F ledger in full
    report = export_feedback_xlsx(session, 2026, 3, path, by_id=me, units={"历下区…"})
    assessment = export_assessment(session, 2026, 3, path, by_id=me)
    sample = export_sample_xlsx(session, SampleRequest(...), path, by_id=me)

The board's export (Ctrl+E) is app.callbacks.board.export_board, beside the board it reads.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session
from xlsxwriter.exceptions import FileCreateError

from app.audit import record_export
from app.reports.feedback_xlsx import write_assessment_xlsx, write_feedback_xlsx
from app.reports.monthly import MonthlyAnalysis, monthly_analysis
from app.reports.monthly_xlsx import write_monthly_xlsx
from app.reports.samples import DrawnSample, draw_sample, write_sample_xlsx
from app.reports.staff_assessment import StaffAssessment, staff_assessment, work_orders
from app.reports.unit_feedback import FeedbackReport, quarter_feedback
from app.staff import acting_member

# What each export is called in the trail ("what" of a data.export entry).
MONTHLY = "monthly_analysis"  # the month's analysis with its 附录 F ledger (names, numbers)
FEEDBACK = "unit_feedback"  # suggestions, complaints and dissatisfied callbacks per unit
ASSESSMENT = "staff_assessment"  # work orders per handling staff member
SAMPLE = "evaluation_sample"  # a drawn sample of revisited cases with the applicants' answers


@contextmanager
def file_errors() -> Iterator[None]:
    """A file that cannot be written fails as the OSError it is (PermissionError, a missing
    folder, a full disk), not as XlsxWriter's wrapping of it: the interfaces explain those."""
    try:
        yield
    except FileCreateError as error:
        cause = error.args[0] if error.args else None
        raise cause if isinstance(cause, OSError) else OSError(str(error)) from error


def monthly_period(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def quarter_period(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def read_monthly(
    session: Session,
    year: int,
    month: int,
    path: Path | None,
    *,
    by_id: int | None,
    form: str = "json",
) -> MonthlyAnalysis:
    """The month's analysis handed out whole — as JSON to `path` or (None) to the terminal:
    its ledger has the numbers dialled in full. Audited; the caller writes it out in the same
    transaction (a logged-in person of any role, once anybody logs in)."""
    acting_member(session, by_id)
    analysis = monthly_analysis(session, year, month)
    _audit_monthly(session, analysis, path, by_id=by_id, form=form)
    return analysis


def export_monthly_xlsx(
    session: Session, year: int, month: int, path: Path, *, by_id: int | None
) -> MonthlyAnalysis:
    """The month's analysis as an Excel workbook, its 附录 F ledger (服务对象电话回访记录单) with
    the people's names and the numbers dialled in full; audited (as `read_monthly`)."""
    acting_member(session, by_id)
    analysis = monthly_analysis(session, year, month)
    with file_errors():
        write_monthly_xlsx(analysis, path)
    _audit_monthly(session, analysis, path, by_id=by_id, form="xlsx")
    return analysis


def _audit_monthly(
    session: Session, analysis: MonthlyAnalysis, path: Path | None, *, by_id: int | None, form: str
) -> None:
    record_export(
        session,
        actor_id=by_id,
        what=MONTHLY,
        path=path,
        rows=len(analysis.ledger_rows),
        details={
            "period": monthly_period(analysis.year, analysis.month),
            "format": form,
            "dissatisfied": len(analysis.dissatisfaction.entries),
        },
    )


def export_feedback_xlsx(
    session: Session,
    year: int,
    quarter: int,
    path: Path,
    *,
    by_id: int | None,
    unit: str | None = None,
    units: Collection[str] | None = None,
) -> FeedbackReport:
    """Each unit's suggestions, complaints and dissatisfied callbacks of the quarter (what the
    citizens said, who handled them), as a workbook: one `unit` (UnknownUnit when there is none
    of that name), or those of the city named in `units` (None: all — the screen's filter);
    audited (a logged-in person of any role, once anybody logs in)."""
    acting_member(session, by_id)
    report = quarter_feedback(session, year, quarter, unit=unit)
    if units is not None:
        report = report.only(set(units))
    with file_errors():
        write_feedback_xlsx(report, path)
    details: dict = {"period": quarter_period(year, quarter), "units": len(report.units)}
    if report.unit is not None:
        details["unit"] = report.unit  # a unit's name, not a person's
    record_export(
        session,
        actor_id=by_id,
        what=FEEDBACK,
        path=path,
        rows=sum(u.total for u in report.units),
        details=details,
    )
    return report


def export_assessment(
    session: Session,
    year: int,
    quarter: int,
    path: Path | None,
    *,
    by_id: int | None,
    units: Collection[str] | None = None,
    form: str = "xlsx",
) -> StaffAssessment:
    """The quarter's staff assessment with every work order behind it, as a workbook; the people
    of the units named in `units` only (None: everybody; "" is the people of no unit). For team
    leads, auditors and administrators (app.reports.staff_assessment checks); audited.

    `form` "json": nothing is written here, the caller writes the figures to `path` in the same
    transaction (the command line's --format json -o FILE)."""
    assessment = staff_assessment(session, year, quarter, viewer_id=by_id)
    if units is not None:
        wanted = set(units)
        assessment = replace(
            assessment, staff=[p for p in assessment.staff if (p.unit or "") in wanted]
        )
    rows = len(assessment.staff)
    if form == "xlsx":
        people = {p.staff_id for p in assessment.staff}
        orders = [
            order
            for order in work_orders(session, year, quarter, viewer_id=by_id)
            if order.staff_id in people
        ]
        with file_errors():
            write_assessment_xlsx(assessment, orders, path)
        rows = len(orders)
    record_export(
        session,
        actor_id=by_id,
        what=ASSESSMENT,
        path=path,
        rows=rows,
        details={
            "period": quarter_period(year, quarter),
            "format": form,
            "people": len(assessment.staff),
        },
    )
    return assessment


@dataclass(frozen=True)
class SampleRequest:
    """What sample to draw (app.reports.samples.draw_sample)."""

    start: date
    end: date
    size: int
    unit_names: list[str] | None = None
    seed: int | None = None
    note: str | None = None


def export_sample_xlsx(
    session: Session, request: SampleRequest, path: Path, *, by_id: int | None
) -> DrawnSample:
    """Draw and record a sample (J 5.4.5) in the name of the person logged in, and write it with
    the applicants and their answers; audited. Written inside the caller's transaction: a sample
    that could not be written is neither recorded nor audited."""
    member = acting_member(session, by_id)
    drawn = draw_sample(
        session,
        start=request.start,
        end=request.end,
        size=request.size,
        unit_names=request.unit_names,
        seed=request.seed,
        drawn_by=member.name if member is not None else None,
        note=request.note,
    )
    with file_errors():
        write_sample_xlsx(drawn, path)
    record_export(
        session,
        actor_id=by_id,
        what=SAMPLE,
        path=path,
        rows=len(drawn.rows),
        details={
            "period": f"{drawn.start.isoformat()}..{drawn.end.isoformat()}",
            "sample": drawn.id,
        },
    )
    return drawn
