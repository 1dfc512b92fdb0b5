"""`import cases|evaluations|ledger FILE`: a file of the registration system, 好差评 or a ledger;
`import profiles list|show|add|remove`: the 好差评 platforms' export layouts (import profiles)."""

from __future__ import annotations

import json
import sys

from cli.arguments import input_file
from cli.exit_codes import EXIT_NOT_IMPORTED, EXIT_OK, EXIT_REFUSED

KIND_HELP = {
    "cases": "the registration system's export of completed cases / 业务件导出",
    "evaluations": "online evaluations exported from the evaluation platform / 好差评评价导出",
    "ledger": "an existing phone-revisit ledger / 电话回访台账",
}


def add_commands(commands) -> None:
    imp = commands.add_parser(
        "import",
        help="import a file: cases, evaluations or ledger; import profiles / "
        "导入业务件、评价或回访台账；导入方案",
    )
    kinds = imp.add_subparsers(dest="kind", metavar="KIND", required=True)
    for kind, text in KIND_HELP.items():
        _add_file_command(kinds.add_parser(kind, help=text), kind)
    _add_profile_commands(
        kinds.add_parser(
            "profiles",
            help="the evaluation platforms' export layouts: list, show, add, remove / "
            "好差评平台的导出格式（导入方案）",
        )
    )


def _add_file_command(imp, kind: str) -> None:
    imp.add_argument("file", type=input_file, metavar="FILE")
    imp.add_argument(
        "--mapping",
        type=input_file,
        metavar="FILE",
        help='JSON column mapping for other layouts: {"业务编号": "件号", …}',
    )
    imp.add_argument(
        "--strict", action="store_true", help="refuse the whole file if any row is rejected"
    )
    imp.add_argument("--json", action="store_true", help="print the summary as JSON")
    if kind == "evaluations":
        imp.add_argument(
            "--profile",
            metavar="NAME",
            help="the platform's export layout (import profiles list); default: common, "
            "ratings in words / 导入方案（默认 common：常用表头、等级为文字）",
        )
    if kind == "cases":
        _add_unit_options(imp)
    imp.set_defaults(func=_import)


def _add_unit_options(imp) -> None:
    units = imp.add_argument_group(
        "unknown units / 未知受理单位",
        "rows naming a 受理单位 that no unit has are rejected unless chosen here "
        "(a database without units takes the first file's units) / "
        "受理单位不是已有单位的行默认拒绝，除非在此选择（没有任何单位时，首个文件的单位直接新建）",
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


def _add_profile_commands(profiles) -> None:
    actions = profiles.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the import profiles / 列出导入方案")
    listing.add_argument("--json", action="store_true", help="print them as JSON")
    listing.set_defaults(func=_profiles_list)
    show = actions.add_parser(
        "show", help="a profile as a profile file (JSON) / 以方案文件（JSON）显示一个导入方案"
    )
    show.add_argument("name", metavar="NAME")
    show.set_defaults(func=_profiles_show)
    add = actions.add_parser(
        "add", help="add a profile from a file (JSON), checked first / 从方案文件（JSON）添加"
    )
    add.add_argument("file", type=input_file, metavar="FILE")
    add.add_argument(
        "--replace",
        action="store_true",
        help="replace the profile of the same name / 替换同名的导入方案",
    )
    add.set_defaults(func=_profiles_add)
    remove = actions.add_parser("remove", help="remove a profile / 删除导入方案")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(func=_profiles_remove)


def _import(database, args) -> int:
    from app.importing import FileRefused, import_file
    from app.importing.columns import load_mapping_file

    try:
        mapping = load_mapping_file(args.mapping) if args.mapping else None
        units = _unit_choices(args) if args.kind == "cases" else None
        with database.sessions.begin() as session:
            summary = import_file(
                session,
                args.kind,
                args.file,
                mapping=mapping,
                strict=args.strict,
                units=units,
                profile=getattr(args, "profile", None),
                by_id=args.actor_id,
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
    if units is not None:
        _unit_notes(summary, units)
    return EXIT_OK if summary.imported else EXIT_NOT_IMPORTED


def _profiles_list(database, args) -> int:
    from app.i18n import pick
    from app.importing.profiles import list_profiles, profile_to_data

    with database.sessions() as session:
        profiles = list_profiles(session)
    if args.json:
        found = [{**profile_to_data(p), "builtin": p.builtin} for p in profiles]
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return EXIT_OK
    for profile in profiles:
        shipped = pick("（随软件提供）", " (shipped)") if profile.builtin else ""
        print(f"{profile.name}{shipped}  {profile.title}")
        print(f"    {profile.description()}")
    return EXIT_OK


def _profiles_show(database, args) -> int:
    from app.importing.profiles import get_profile, profile_json

    with database.sessions() as session:
        print(profile_json(get_profile(session, args.name)))
    return EXIT_OK


def _profiles_add(database, args) -> int:
    from app.i18n import pick
    from app.importing.profiles import read_profile_file, save_profile

    profile = read_profile_file(args.file)
    with database.sessions.begin() as session:
        save_profile(
            session,
            profile,
            replacing=profile.name if args.replace else None,
            by_id=args.actor_id,
        )
    print(pick("已保存导入方案“{name}”", "Import profile '{name}' saved").format(name=profile.name))
    return EXIT_OK


def _profiles_remove(database, args) -> int:
    from app.i18n import pick
    from app.importing.profiles import delete_profile

    with database.sessions.begin() as session:
        delete_profile(session, args.name, by_id=args.actor_id)
    print(pick("已删除导入方案“{name}”", "Import profile '{name}' removed").format(name=args.name))
    return EXIT_OK


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
