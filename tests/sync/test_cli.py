"""`main.py sync …` from the command line."""

from __future__ import annotations

import json

from cli import main

from .helpers import add_staff, case_value, change_case, exchange_keys, name_site, outlet_day


def run(capsys, database, *args: str) -> tuple[int, str, str]:
    code = main(["--db", database.url, "sync", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_import_conflicts_and_decide(capsys, outlet, any_db, tmp_path, monkeypatch):
    centre = any_db
    name_site(outlet, "历下网点")
    exchange_keys(outlet, centre)
    outlet_day(outlet)
    monkeypatch.chdir(tmp_path)

    code, out, _ = run(capsys, outlet, "export")
    assert code == 0 and "已导出同步文件第 1 号（历下网点）" in out
    (first,) = tmp_path.glob("revisitdesk-历下网点-0001.rdsync")

    code, out, _ = run(capsys, centre, "import", str(first), "--json")
    summary = json.loads(out)
    assert code == 0 and summary["inserted"] > 0 and summary["conflicts"] == 0
    code, out, _ = run(capsys, centre, "import", str(first))
    assert code == 0 and "没有任何改变" in out

    change_case(centre, location="中心")
    change_case(outlet, location="网点")
    code, out, _ = run(capsys, outlet, "export", "-o", str(tmp_path / "second.rdsync"))
    assert code == 0
    code, out, _ = run(capsys, centre, "import", str(tmp_path / "second.rdsync"))
    assert code == 0 and "冲突 1" in out

    code, out, _ = run(capsys, centre, "conflicts")
    assert "业务件 JN20260701000001" in out and "座落: 本地 中心 | 传入 网点" in out
    code, out, _ = run(capsys, centre, "conflicts", "--json")
    (listed,) = json.loads(out)
    assert listed["differences"]["location"] == {"local": "中心", "incoming": "网点"}

    # Who decides is who logged in (cli.login; here nobody has a password yet), never a name.
    add_staff(centre, "中心组长", "team_lead")
    code, _, err = run(capsys, centre, "decide", str(listed["id"]), "incoming", "--by", "中心组长")
    assert code == 2 and "--by" in err
    code, out, _ = run(capsys, centre, "decide", str(listed["id"]), "incoming")
    assert code == 0 and "采用传入版本" in out
    assert case_value(centre, "location") == "网点"
    code, out, _ = run(capsys, centre, "conflicts")
    assert "没有待处理的同步冲突" in out

    code, out, _ = run(capsys, centre, "status")
    assert "历下网点" in out and "已导入到第 2 号" in out


def test_refusals_exit_with_2(capsys, outlet, sqlite_db, tmp_path):
    outlet_day(outlet)
    path = tmp_path / "x.rdsync"
    code, _, err = run(capsys, outlet, "export", "-o", str(path))
    assert code == 2 and "keys show" in err and not path.exists()
    exchange_keys(outlet, sqlite_db)
    assert run(capsys, outlet, "export", "-o", str(path))[0] == 0
    cut = tmp_path / "cut.rdsync"
    cut.write_bytes(path.read_bytes()[:-10])

    code, _, err = run(capsys, sqlite_db, "import", str(cut))
    assert code == 2 and "不完整" in err
    code, out, _ = run(capsys, sqlite_db, "import", str(cut), "--json")
    assert code == 2 and json.loads(out)["done"] is False
    code, _, err = run(capsys, outlet, "import", str(path))
    assert code == 2 and "本库自己导出" in err
    code, _, err = run(capsys, sqlite_db, "export", "--since", "not a time")
    assert code == 2


def test_send_cases_for_a_unit(capsys, outlet, sqlite_db, tmp_path):
    name_site(outlet, "历下网点")
    exchange_keys(outlet, sqlite_db)
    outlet_day(sqlite_db)
    path = tmp_path / "cases.rdsync"

    code, out, _ = run(
        capsys, sqlite_db, "send-cases", "--unit", "历下区不动产登记中心", "-o", str(path)
    )
    assert code == 0 and "1 条队列记录" in out and "加密发给 历下网点" in out and path.exists()
    code, _, err = run(capsys, sqlite_db, "send-cases", "--unit", "无此单位", "-o", str(path))
    assert code == 2 and "无此单位" in err
