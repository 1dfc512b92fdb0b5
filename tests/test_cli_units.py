"""`units list|rename|set|merge` on the command line: what it prints, refusals on stderr (exit 2)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from cli import main
from db.database import open_database
from db.models import Case, Unit

RIGHT, MISTAKEN = "历下区不动产登记中心", "历下区不动产登记中信"


def _fill(url: str) -> None:
    with open_database(url).sessions.begin() as session:
        right, mistaken = Unit(name=RIGHT), Unit(name=MISTAKEN)
        session.add_all([right, mistaken])
        session.flush()
        for n, unit in enumerate([right, right, mistaken]):
            session.add(Case(case_no=f"C{n}", unit_id=unit.id, completed_on=date(2026, 8, 3)))


def test_units_are_listed_renamed_set_and_merged(sqlite_url, capsys):
    _fill(sqlite_url)
    assert main(["--db", sqlite_url, "units", "list"]) == 0
    out = capsys.readouterr().out
    assert f"{RIGHT}  业务件 2  区县 —  区号 —" in out and f"{MISTAKEN}  业务件 1" in out

    assert main(["--db", sqlite_url, "units", "set", RIGHT, "--district", "历下区"]) == 0
    assert main(["--db", sqlite_url, "units", "set", RIGHT, "--area-code", "531"]) == 0
    assert f"{RIGHT}  业务件 2  区县 历下区  区号 0531" in capsys.readouterr().out
    assert main(["--db", sqlite_url, "units", "set", RIGHT, "--area-code", "0300"]) == 2
    assert "不是有效的长途区号" in capsys.readouterr().err

    assert main(["--db", sqlite_url, "units", "rename", MISTAKEN, RIGHT]) == 2
    assert "合并" in capsys.readouterr().err
    assert main(["--db", sqlite_url, "units", "rename", "没有的单位", "x"]) == 2
    assert "没有名为“没有的单位”的受理单位" in capsys.readouterr().err

    assert main(["--db", sqlite_url, "units", "merge", MISTAKEN, RIGHT]) == 0
    assert f"已把“{MISTAKEN}”合并到“{RIGHT}”：业务件 1" in capsys.readouterr().out
    with open_database(sqlite_url).sessions() as session:
        assert session.scalars(select(Unit.name)).all() == [RIGHT]
        assert session.scalar(select(func.count(Case.id))) == 3
    assert main(["--db", sqlite_url, "--lang", "en", "units", "merge", RIGHT, RIGHT]) == 2
    assert "cannot be merged into itself" in capsys.readouterr().err


def test_the_outcome_command_uses_the_tables_rules(sqlite_url, capsys):
    assert main(["--db", sqlite_url, "desk", "outcomes", "completed", "--no-final"]) == 2
    assert "回访单以它保存" in capsys.readouterr().err
    assert main(["--db", sqlite_url, "desk", "outcomes", "busy", "--label", "无人接听"]) == 2
    assert "重复" in capsys.readouterr().err
