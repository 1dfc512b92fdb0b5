"""`units list|rename|set|merge`: the accepting units (受理单位), and a mistaken one merged away."""

from __future__ import annotations

from app.i18n import pick
from cli.exit_codes import EXIT_OK


def add_commands(commands) -> None:
    units = commands.add_parser("units", help="the accepting units / 受理单位")
    actions = units.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser(
        "list", help="the units with their cases, district and area code / 列出受理单位"
    )
    listing.set_defaults(func=_list)
    rename = actions.add_parser("rename", help="rename a unit / 重命名受理单位")
    rename.add_argument("old", metavar="OLD", help="its name now / 现名称")
    rename.add_argument("new", metavar="NEW", help="its new name / 新名称")
    rename.set_defaults(func=_rename)
    details = actions.add_parser(
        "set", help="set a unit's district, area code or state / 设置所属区县、区号、启用或停用"
    )
    details.add_argument("name", metavar="NAME", help="the unit / 受理单位名称")
    details.add_argument("--district", help="its district; '' clears it / 所属区县，空值清除")
    details.add_argument(
        "--area-code",
        help="area code for local numbers written without one, e.g. 0531; '' clears it / "
        "默认长途区号（号码未写区号时使用）",
    )
    state = details.add_mutually_exclusive_group()
    state.add_argument(
        "--active", dest="active", action="store_true", default=None, help="activate / 启用"
    )
    state.add_argument("--inactive", dest="active", action="store_false", help="deactivate / 停用")
    details.set_defaults(func=_set)
    merge = actions.add_parser(
        "merge",
        help="move everything of a mistaken unit to the right one, then remove it / "
        "把误建的单位合并到正确的单位",
    )
    merge.add_argument("source", metavar="FROM", help="the mistaken unit / 误建的单位")
    merge.add_argument("target", metavar="INTO", help="the right unit / 正确的单位")
    merge.set_defaults(func=_merge)


def _list(database, args) -> int:
    from app.units import list_units

    with database.sessions() as session:
        rows = list_units(session)
    for row in rows:
        state = "" if row.active else pick("（停用）", " (inactive)")
        print(
            f"{row.name}{state}  "
            + pick(
                "业务件 {cases}  区县 {district}  区号 {area}",
                "cases {cases}  district {district}  area code {area}",
            ).format(cases=row.cases, district=row.district or "—", area=row.area_code or "—")
        )
    return EXIT_OK


def _rename(database, args) -> int:
    from app.units import unit_id_named, update_unit

    with database.sessions.begin() as session:
        row = update_unit(
            session, unit_id_named(session, args.old), name=args.new, by_id=args.actor_id
        )
    print(pick("已重命名为“{name}”。", "Renamed to {name}.").format(name=row.name))
    return EXIT_OK


def _set(database, args) -> int:
    from app.units import unit_id_named, update_unit

    changes = {
        name: getattr(args, name)
        for name in ("district", "area_code", "active")
        if getattr(args, name) is not None
    }
    with database.sessions.begin() as session:
        update_unit(session, unit_id_named(session, args.name), by_id=args.actor_id, **changes)
    return _list(database, args)


def _merge(database, args) -> int:
    from app.units import merge_units, reference_title, unit_id_named

    with database.sessions.begin() as session:
        merged = merge_units(
            session,
            unit_id_named(session, args.source),
            unit_id_named(session, args.target),
            by_id=args.actor_id,
        )
    moved = pick("，", ", ").join(
        f"{reference_title(table)} {count}" for table, count in merged.moved.items()
    )
    print(
        pick(
            "已把“{source}”合并到“{target}”：{moved}。", "Merged {source} into {target}: {moved}."
        ).format(source=merged.source, target=merged.target, moved=moved or pick("无", "nothing"))
    )
    if not merged.removed:
        print(
            pick(
                "“{source}”已在同步文件中发往其他站点，因此保留为停用的空单位。",
                "{source} has travelled in sync files, so it is kept as an empty, inactive unit.",
            ).format(source=merged.source)
        )
    return EXIT_OK
