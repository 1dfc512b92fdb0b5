"""`report quarterly|monthly|sample|feedback|staff`: the statistics, as JSON or files."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path

from app.i18n import pick
from cli.arguments import day, month, output_file, quarter, sample_size, seed, year
from cli.exit_codes import EXIT_REFUSED
from cli.output import file_errors_reported, write_json, written

FORMATS = ("json", "xlsx", "pdf")


def add_commands(commands) -> None:
    report = commands.add_parser("report", help="reports / 统计报表")
    report_kinds = report.add_subparsers(dest="report", metavar="REPORT", required=True)
    quarterly = report_kinds.add_parser(
        "quarterly", help="quarterly unit report: coverage, scores, ranking / 季度回访评价统计"
    )
    quarterly.add_argument("--year", type=year, required=True, help="2000 to 2100")
    quarterly.add_argument("--quarter", type=quarter, required=True, help="1 to 4")
    quarterly.add_argument(
        "--format", choices=FORMATS, help="default: from -o's ending (.xlsx, .pdf), else json"
    )
    quarterly.add_argument(
        "-o",
        "--output",
        type=output_file,
        metavar="FILE",
        help="write to FILE (required for xlsx, pdf)",
    )
    quarterly.set_defaults(func=_quarterly, formats=FORMATS)

    monthly = report_kinds.add_parser(
        "monthly", help="monthly phone-revisit analysis (W 7.1.3.3.2) / 月度电话回访分析"
    )
    monthly.add_argument("--year", type=year, required=True, help="2000 to 2100")
    monthly.add_argument("--month", type=month, metavar="M", required=True, help="1 to 12")
    monthly.add_argument(
        "--format", choices=FORMATS[:2], help="default: from -o's ending (.xlsx), else json"
    )
    monthly.add_argument(
        "-o", "--output", type=output_file, metavar="FILE", help="write to FILE (required for xlsx)"
    )
    monthly.set_defaults(func=_monthly, formats=FORMATS[:2])
    sample = report_kinds.add_parser(
        "sample", help="draw and record a sample of revisited cases (J 5.4.5) / 抽取评价样本"
    )
    sample.add_argument("--from", dest="start", type=day, required=True)
    sample.add_argument("--to", dest="end", type=day, required=True)
    sample.add_argument("--size", type=sample_size, required=True)
    sample.add_argument("--unit", action="append", help="accepting unit (repeatable; default all)")
    sample.add_argument("--seed", type=seed, help="random seed (recorded; chosen when omitted)")
    sample.add_argument("-o", "--output", type=output_file, metavar="FILE.xlsx", required=True)
    sample.set_defaults(func=_sample)
    feedback_report = report_kinds.add_parser(
        "feedback",
        help="suggestions, complaints and dissatisfaction per unit (J 5.4.4) / 单位反馈清单",
    )
    feedback_report.add_argument("--year", type=year, required=True, help="2000 to 2100")
    feedback_report.add_argument("--quarter", type=quarter, required=True, help="1 to 4")
    feedback_report.add_argument("--unit", help="one accepting unit (default: all)")
    feedback_report.add_argument(
        "-o", "--output", type=output_file, metavar="FILE.xlsx", required=True
    )
    feedback_report.set_defaults(func=_feedback)
    staff_report = report_kinds.add_parser(
        "staff", help="dissatisfied and complaint work orders per handler (J 5.4.4) / 人员考核"
    )
    staff_report.add_argument("--year", type=year, required=True, help="2000 to 2100")
    staff_report.add_argument("--quarter", type=quarter, required=True, help="1 to 4")
    staff_report.add_argument(
        "--format", choices=FORMATS[:2], help="default: from -o's ending (.xlsx), else json"
    )
    staff_report.add_argument(
        "-o", "--output", type=output_file, metavar="FILE", help="write to FILE (required for xlsx)"
    )
    staff_report.set_defaults(func=_staff, formats=FORMATS[:2])


def _file_needs_output(report: Callable[..., int]) -> Callable[..., int]:
    """Without --format, the format -o's ending names (q3.xlsx, q3.pdf), else JSON; refuse xlsx
    or pdf without -o before any work: JSON alone goes to the terminal."""

    @functools.wraps(report)
    def checked(database, args) -> int:
        if args.format is None:
            ending = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
            args.format = ending if ending in FORMATS else "json"
        if args.format not in args.formats:  # a .pdf asked of a report without one
            print(
                pick(
                    "这份报表没有 PDF 格式：请用 .xlsx 或 .json 文件",
                    "This report has no PDF form: use a .xlsx or .json file",
                ),
                file=sys.stderr,
            )
            return EXIT_REFUSED
        if args.format != "json" and args.output is None:
            print(
                pick("xlsx 和 pdf 格式需要用 -o 指定输出文件", "xlsx and pdf need -o FILE"),
                file=sys.stderr,
            )
            return EXIT_REFUSED
        return report(database, args)

    return checked


@file_errors_reported
@_file_needs_output
def _quarterly(database, args) -> int:
    from app.printing.fonts import ChineseFontMissingError
    from app.printing.quarterly_pdf import write_quarterly_pdf
    from app.reports.quarterly import quarterly_report
    from app.reports.quarterly_xlsx import write_quarterly_xlsx

    with database.sessions() as session:
        report = quarterly_report(session, args.year, args.quarter)
    if args.format == "json":
        return write_json(report.to_json(), args.output)
    if args.format == "xlsx":
        write_quarterly_xlsx(report, args.output)
    else:
        try:
            write_quarterly_pdf(report, args.output)
        except ChineseFontMissingError as error:
            print(error, file=sys.stderr)
            return EXIT_REFUSED
    return written(args.output)


@file_errors_reported
@_file_needs_output
def _monthly(database, args) -> int:
    from app.reports.exports import export_monthly_xlsx, read_monthly

    # Its ledger has the numbers dialled in full: read, written out and audited in one
    # transaction (app.reports.exports), the JSON too, to a file or the terminal.
    with database.sessions.begin() as session:
        if args.format == "json":
            analysis = read_monthly(
                session, args.year, args.month, args.output, by_id=args.actor_id
            )
            return write_json(analysis.to_json(), args.output)
        export_monthly_xlsx(session, args.year, args.month, args.output, by_id=args.actor_id)
    return written(args.output)


@file_errors_reported
def _sample(database, args) -> int:
    from app.reports.exports import SampleRequest, export_sample_xlsx

    request = SampleRequest(
        start=args.start, end=args.end, size=args.size, unit_names=args.unit or None, seed=args.seed
    )
    try:
        with database.sessions.begin() as session:
            # Drawn in the name of who is logged in, written and audited in the transaction: a
            # sample that could not be exported is not recorded.
            drawn = export_sample_xlsx(session, request, args.output, by_id=args.actor_id)
    except ValueError as error:
        print(error, file=sys.stderr)
        return EXIT_REFUSED
    print(
        pick(
            "已抽取样本 {id}：{n} 件，随机种子 {seed}",
            "Sample {id} drawn: {n} cases, seed {seed}",
        ).format(id=drawn.id, n=len(drawn.rows), seed=drawn.seed)
    )
    return written(args.output)


@file_errors_reported
def _feedback(database, args) -> int:
    from app.reports.exports import export_feedback_xlsx
    from app.reports.unit_feedback import UnknownUnit

    try:
        with database.sessions.begin() as session:  # read, written and audited
            report = export_feedback_xlsx(
                session, args.year, args.quarter, args.output, by_id=args.actor_id, unit=args.unit
            )
    except UnknownUnit as error:
        print(error, file=sys.stderr)
        return EXIT_REFUSED
    print(
        pick(
            "{units} 个受理单位，共 {entries} 条建议、投诉和不满意回访，其中 {pending} 条尚在办理",
            "{units} units, {entries} suggestions, complaints and dissatisfied callbacks, "
            "{pending} still being handled",
        ).format(
            units=len(report.units),
            entries=sum(u.total for u in report.units),
            pending=sum(u.pending for u in report.units),
        )
    )
    return written(args.output)


@file_errors_reported
@_file_needs_output
def _staff(database, args) -> int:
    from app.reports.exports import export_assessment
    from app.reports.staff_assessment import staff_assessment

    if args.output is None:  # the figures on the terminal, as the window shows them
        with database.sessions() as session:
            assessment = staff_assessment(session, args.year, args.quarter, viewer_id=args.actor_id)
        return write_json(assessment.to_json(), None)
    # A file of people's work orders: read, written and audited in one transaction.
    with database.sessions.begin() as session:
        assessment = export_assessment(
            session, args.year, args.quarter, args.output, by_id=args.actor_id, form=args.format
        )
        if args.format == "json":
            return write_json(assessment.to_json(), args.output)
    return written(args.output)
