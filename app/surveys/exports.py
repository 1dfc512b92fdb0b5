"""The survey analysis written out — Excel or PDF — and audited as the other exports are
(app.audit.record_export): it holds what people wrote on the forms. One call reads, writes and
audits, in the transaction of the one user action; a file that cannot be written leaves no
entry."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app.audit import record_export
from app.reports.exports import file_errors, quarter_period
from app.staff import acting_member
from app.surveys.analysis import SurveyAnalysis, survey_analysis

WHAT = "survey_analysis"  # "what" of the data.export entry
FORMATS = ("xlsx", "pdf")


def export_survey_analysis(
    session: Session,
    year: int,
    quarter: int,
    path: Path | str,
    *,
    by_id: int | None,
    form: str = "xlsx",
    unit_id: int | None = None,
) -> SurveyAnalysis:
    """The quarter's analysis (of one outlet or all) written to `path` as `form`."""
    if form not in FORMATS:
        raise ValueError(f"form must be one of {FORMATS}")
    acting_member(session, by_id)
    analysis = survey_analysis(session, year, quarter, unit_id)
    path = Path(path)
    with file_errors():
        if form == "xlsx":
            from app.reports.survey_xlsx import write_survey_xlsx

            write_survey_xlsx(analysis, path)
        else:
            from app.printing.survey_pdf import write_survey_pdf

            write_survey_pdf(analysis, path)
    record_export(
        session,
        actor_id=by_id,
        what=WHAT,
        path=path,
        rows=sum(outlet.responses for outlet in analysis.outlets),
        details={"period": quarter_period(year, quarter), "format": form, "unit_id": unit_id},
    )
    return analysis
