"""The first run of a new installation: a new, empty database is set up in one transaction —
the centre, its units, an administrator who logs in, the area code, the evaluation address, the
calling hours — and a wrong answer keeps nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.audit import audit_entries
from app.first_run import Setup, SetupRefused, complete_setup, needs_setup, setup_facts
from app.importing.service import unit_names_in_case_file
from app.settings import SettingRefused, get_setting
from app.units import UnitError
from app.users import UserError, authenticate
from db.models import Staff, Unit

GOOD = Setup(
    centre="济南市不动产登记中心",
    units=["历下区不动产登记中心", " 市中区不动产登记中心 ", "历下区不动产登记中心", ""],
    administrator="王管理",
    username="Wang",
    password="A long enough one 1",
    area_code="531",
    evaluation_url="https://hcp.jinan.gov.cn/pj?case={case_no}",
    morning_hours="08:30-11:30",
    afternoon_hours="13:30-17:00",
)


def test_a_new_database_is_set_up_in_one_step(any_db):
    with any_db.sessions() as session:
        assert needs_setup(session)
    with any_db.sessions.begin() as session:
        admin_id = complete_setup(session, GOOD)

    with any_db.sessions() as session:
        assert not needs_setup(session)
        units = session.execute(select(Unit.name, Unit.area_code).order_by(Unit.id)).all()
        assert [tuple(u) for u in units] == [
            ("历下区不动产登记中心", "0531"),
            ("市中区不动产登记中心", "0531"),
        ]
        admin = session.get(Staff, admin_id)
        assert (admin.name, admin.role, admin.username) == ("王管理", "administrator", "wang")
        assert get_setting(session, "centre.name") == "济南市不动产登记中心"
        assert get_setting(session, "desk.morning_hours") == "08:30-11:30"
        assert get_setting(session, "printing.evaluation_url_template").startswith("https://hcp.j")
        actions = [e.action for e in audit_entries(session)]
    assert "setup.complete" in actions and "setting.change" in actions
    with any_db.sessions.begin() as session:
        assert authenticate(session, "wang", "A long enough one 1").staff_id == admin_id


@pytest.mark.parametrize(
    ("change", "error", "words"),
    [
        ({"centre": " "}, SetupRefused, "本中心名称"),
        ({"units": ["", " "]}, SetupRefused, "至少填写一个受理单位"),
        ({"area_code": ""}, SetupRefused, "默认电话区号"),
        ({"area_code": "12345"}, UnitError, "长途区号"),
        ({"password": "short"}, UserError, "至少需要 8 个字符"),
        ({"evaluation_url": "https://hcp.jinan.gov.cn/pj"}, SettingRefused, "{case_no}"),
        ({"afternoon_hours": "10:00-11:00"}, SettingRefused, None),
    ],
)
def test_a_wrong_answer_keeps_nothing(sqlite_db, change, error, words):
    setup = Setup(**{**GOOD.__dict__, **change})
    with pytest.raises(error, match=words), sqlite_db.sessions.begin() as session:
        complete_setup(session, setup)
    with sqlite_db.sessions() as session:
        assert needs_setup(session)
        assert session.scalar(select(func.count()).select_from(Unit)) == 0


def test_a_database_in_use_is_not_set_up_again(sqlite_db):
    with sqlite_db.sessions.begin() as session:
        complete_setup(session, GOOD)
    with pytest.raises(SetupRefused, match="已经设置过"), sqlite_db.sessions.begin() as session:
        complete_setup(session, GOOD)


def test_the_facts_say_whether_next_year_is_in_the_calendar(sqlite_db):
    with sqlite_db.sessions() as session:
        facts = setup_facts(session, today=date(2026, 12, 7))
    assert facts.this_year_known and facts.next_year == 2027 and not facts.next_year_known
    assert facts.defaults["desk.morning_hours"] == "09:00-12:00"


def test_the_units_are_read_from_a_case_export_most_cases_first(samples: Path):
    names = unit_names_in_case_file(samples / "cases_2026q3.csv")
    assert len(names) == 7 and len(set(names)) == 7
    assert all(name.endswith(("中心", "大厅")) for name in names)
