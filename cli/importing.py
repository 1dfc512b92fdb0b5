"""`import cases|evaluations|ledger FILE`: a file of the registration system, 好差评 or a ledger."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cli.exit_codes import EXIT_NOT_IMPORTED, EXIT_OK, EXIT_REFUSED


def add_commands(commands) -> None:
    imp = commands.add_parser(
        "import", help="import a file: cases, evaluations or ledger / 导入业务件、评价或回访台账"
    )
    imp.add_argument("kind", choices=("cases", "evaluations", "ledger"))
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--mapping",
        type=Path,
        metavar="FILE",
        help='JSON column mapping for other layouts: {"业务编号": "件号", …}',
    )
    imp.add_argument(
        "--strict", action="store_true", help="refuse the whole file if any row is rejected"
    )
    imp.add_argument("--json", action="store_true", help="print the summary as JSON")
    units = imp.add_argument_group(
        "unknown units / 未知受理单位",
        "cases only: rows naming a 受理单位 that no unit has are rejected unless chosen here "
        "(a database without units takes the first file's units) / "
        "仅用于业务件：受理单位不是已有单位的行默认拒绝，除非在此选择（没有任何单位时，首个文件的单位直接新建）",
    )
    units.add_argument(
        "--unit-map",
        action="append",
        default=[],
        metavar="NAME=UNIT",
        help="import the rows of NAME into the existing UNIT and remember it for later files "
        "(repeatable) / 把“NAME”的行导入已有单位 UNIT，并记住以后也这样对应（可重复）",
    )
    units.add_argument(
        "--new-units",
        action="append",
        default=[],
        metavar="NAME",
        help="add NAME as a new unit (repeatable) / 把 NAME 新建为单位（可重复）",
    )
    units.add_argument(
        "--new-units-all",
        action="store_true",
        help="add every unknown name not mapped as a new unit / 未映射的未知单位全部新建",
    )
    imp.set_defaults(func=_import)


def _import(database, args) -> int:
    from app.importing import FileRefused, import_file
    from app.importing.columns import load_mapping_file

    try:
        mapping = load_mapping_file(args.mapping) if args.mapping else None
        units = _unit_choices(args)
        with database.sessions.begin() as session:
            summary = import_file(
                session, args.kind, args.file, mapping=mapping, strict=args.strict, units=units
            )
    except FileRefused as problem:
        if args.json:
            print(json.dumps({"imported": False, "refusal": problem.message()}, ensure_ascii=False))
        else:
            print(problem.message(), file=sys.stderr)
        return EXIT_REFUSED
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(summary.text())
    _unit_notes(summary, units)
    return EXIT_OK if summary.imported else EXIT_NOT_IMPORTED


def _unit_choices(args):
    """--unit-map, --new-units and --new-units-all as the importer takes them."""
    from app.importing import FileRefused
    from app.importing.unknown_units import UnitAction, UnitChoice, UnitChoices, unit_name

    by_name: dict[str, UnitChoice] = {}
    given = [(text, "--unit-map") for text in args.unit_map]
    given += [(text, "--new-units") for text in args.new_units]
    for text, option in given:
        if option == "--unit-map":
            name, equals, unit = text.replace("＝", "=").partition("=")
            if not (equals and name.strip() and unit.strip()):
                raise FileRefused("unit_map_format", {"value": text})
            choice = UnitChoice(UnitAction.MAP, unit.strip())
        else:
            name, choice = text, UnitChoice(UnitAction.NEW)
        if unit_name(name) in {unit_name(n) for n in by_name}:
            raise FileRefused("unit_chosen_twice", {"name": name.strip()})
        by_name[name.strip()] = choice
    otherwise = UnitAction.NEW if args.new_units_all else UnitAction.REJECT
    return UnitChoices(by_name, otherwise)


def _unit_notes(summary, units) -> None:
    """On stderr: choices that named no unknown unit of the file, and how to import rows
    rejected for their unit."""
    from app.i18n import pick
    from app.importing.unknown_units import unit_name

    unknown = {u.name for u in summary.unknown_units}
    for name in units.by_name:
        if unit_name(name) not in unknown:
            print(
                pick(
                    "注意：“{name}”不是这个文件中的未知受理单位，这一选择没有用到",
                    "Note: '{name}' is not an unknown unit of this file; the choice was not used",
                ).format(name=name),
                file=sys.stderr,
            )
    if any(u.action == "rejected" for u in summary.unknown_units):
        print(
            pick(
                "未知受理单位的行没有导入。要导入它们，请再次导入并加上 "
                '--unit-map "名称=已有单位"（映射并记住）或 --new-units 名称（新建单位）',
                "The rows of unknown units were not imported. To import them, import again with "
                '--unit-map "NAME=EXISTING UNIT" (mapped and remembered) or --new-units NAME '
                "(a new unit)",
            ),
            file=sys.stderr,
        )
