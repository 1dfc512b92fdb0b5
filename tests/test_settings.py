"""The settings as app.settings declares them: each with its area, rule, range or form, checked the
same way by set_setting, the command line and (tests/gui/test_settings_dialog.py) the dialog."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.errors import Refused
from app.i18n import set_language
from app.printing.slip import ExampleAddress, slip_address_template
from app.roles import NotPermitted
from app.settings import (
    AREAS,
    OPTIONS,
    Option,
    SettingRefused,
    change_settings,
    evaluation_address_is_example,
    get_setting,
    is_example_address,
    set_setting,
)
from app.staff import add_staff
from cli import main
from db.database import open_database
from db.models import AuditEntry

# The keys and defaults as they were before the declarations grew ranges and help: kept.
DEFAULTS = {
    "centre.name": "",
    "coverage.target": 0.3,
    "coverage.supplement_working_days": 3,
    "coverage.margin": 0.05,
    "desk.online_window_days": 7,
    "desk.online_window_working_days": False,
    "desk.enterprise_to_phone": False,
    "desk.sample_all": False,
    "desk.completion_prior": 0.6,
    "evaluations.exclude_anonymous": False,
    "evaluations.invalid_scores": False,
    "desk.max_attempts": 3,
    "desk.morning_hours": "09:00-12:00",
    "desk.afternoon_hours": "14:00-17:30",
    "desk.claim_minutes": 15,
    "desk.auto_dial": False,
    "desk.appointment_grace_minutes": 15,
    "callbacks.deadline_working_days": 5,
    "complaints.first_contact_working_days": 2,
    "complaints.reply_working_days": 15,
    "complaints.supervision_reply_working_days": 10,
    "capa.recurring_threshold": 3,
    "bad_reviews.appeal_working_days": 3,
    "bad_reviews.rectify_working_days": 15,
    "bad_reviews.malicious_scoring": "scored",
    "printing.evaluation_url_template": "https://hcp.example.gov.cn/evaluate?case={case_no}",
    "scanning.max_megabytes": 50,
    "scanning.inbox_folder": "",
    "backup.folder": "",
    "backup.daily": True,
    "backup.keep": 14,
    "sync.site_name": "",
    "retention.years": 3,
    "security.password_min_length": 8,
    "security.password_classes": 3,
    "security.password_max_age_days": 90,
    "security.idle_lock_minutes": 10,
}


def test_every_setting_is_declared_once_with_its_area_title_and_rule():
    assert {key: option.default for key, option in OPTIONS.items()} == DEFAULTS
    for option in OPTIONS.values():
        assert option.area in AREAS, option.key
        assert option.title and option.title_en, option.key
        assert option.help and option.help_en, option.key
        assert option.check(option.default) == option.default, option.key  # defaults are valid
    assert "J 5.1.2" in OPTIONS["desk.online_window_days"].help
    assert "W 7.3.4" in OPTIONS["complaints.reply_working_days"].help_en
    assert set(AREAS) == {o.area for o in OPTIONS.values()}  # no area left empty


@pytest.mark.parametrize(
    ("key", "value", "reason"),
    [
        ("coverage.target", 0, "应 > 0 且 ≤ 1"),
        ("coverage.target", 1.5, "应 > 0 且 ≤ 1"),
        ("retention.years", 0, "应 ≥ 1"),
        ("backup.keep", 0, "应 ≥ 1"),
        ("complaints.reply_working_days", 0, "应 ≥ 1"),
        ("callbacks.deadline_working_days", -3, "应 ≥ 1"),
        ("desk.max_attempts", "three", "应为整数"),
        ("desk.max_attempts", True, "应为整数"),
        ("backup.daily", "yes", "应为 true/false"),
        ("desk.morning_hours", "9点到12点", "时段格式应为 09:00-12:00"),
        ("desk.morning_hours", "12:00-09:00", "开始应早于结束"),
        ("desk.morning_hours", "25:00-26:00", "时段格式应为 09:00-12:00"),
        ("desk.afternoon_hours", "11:00-17:00", "应在上午时段（09:00-12:00）之后"),
        ("printing.evaluation_url_template", "https://pj.jinan.gov.cn/x", "{case_no}"),
        ("printing.evaluation_url_template", "ftp://pj.jinan.gov.cn/{case_no}", "http://"),
        ("printing.evaluation_url_template", "pj.jinan.gov.cn/{case_no}", "http://"),
        ("sync.site_name", "two\nlines", "一行"),
    ],
)
def test_bad_values_are_refused_saying_why_and_nothing_is_kept(sqlite_db, key, value, reason):
    with pytest.raises(SettingRefused, match=reason) as refused, sqlite_db.sessions() as session:
        set_setting(session, key, value)
    assert isinstance(refused.value, Refused) and isinstance(refused.value, ValueError)
    assert refused.value.key == key and key in str(refused.value)
    with sqlite_db.sessions() as session:
        assert get_setting(session, key) == DEFAULTS[key]


def test_the_reason_is_in_english_too():
    set_language("en")
    with pytest.raises(SettingRefused) as refused:
        OPTIONS["coverage.target"].check(0.0)
    assert (
        str(refused.value)
        == "Revisit coverage target (coverage.target): must be > 0 and ≤ 1, not 0.0"
    )


def test_values_typed_as_text_are_read_by_type():
    assert OPTIONS["coverage.target"].parse("0.35") == 0.35
    assert OPTIONS["desk.max_attempts"].parse(" 5 ") == 5
    assert OPTIONS["backup.daily"].parse("false") is False
    assert OPTIONS["desk.morning_hours"].parse("08:30-11:30") == "08:30-11:30"
    assert OPTIONS["sync.site_name"].parse("123") == "123"  # text stays text
    assert OPTIONS["sync.site_name"].parse('"历下网点"') == "历下网点"  # JSON, as before
    with pytest.raises(SettingRefused, match="应为数字"):
        OPTIONS["coverage.target"].parse("30%")


def test_choices_are_checked_and_shown_by_their_labels():
    option = Option(
        "test.size",
        "printing",
        "A4",
        "纸张",
        "Paper",
        "",
        "",
        choices=(
            ("A4", "A4 纸", "A4 paper"),
            ("A5", "A5 纸", "A5 paper"),
        ),
    )
    assert option.check("A5") == "A5"
    assert option.display("A5") == "A5 纸"
    with pytest.raises(SettingRefused, match="应为以下之一：A4 纸、A5 纸"):
        option.check("B5")


def test_changes_are_saved_together_or_not_at_all_each_audited(sqlite_db):
    with sqlite_db.sessions.begin() as session:
        admin = add_staff(session, "赵管理", "administrator").id
    with sqlite_db.sessions.begin() as session:
        changed = change_settings(
            session,
            {
                "desk.morning_hours": "08:30-11:30",
                "desk.afternoon_hours": "13:30-17:00",
                "desk.max_attempts": 3,  # unchanged: not audited
            },
            by_id=admin,
        )
    assert [(c.key, c.before, c.after) for c in changed] == [
        ("desk.morning_hours", "09:00-12:00", "08:30-11:30"),
        ("desk.afternoon_hours", "14:00-17:30", "13:30-17:00"),
    ]
    assert changed[0].describe() == "上午回访时段：09:00-12:00 → 08:30-11:30"
    # Each is fine alone; together the morning would run past the afternoon's start.
    with pytest.raises(SettingRefused, match="之后"), sqlite_db.sessions.begin() as session:
        change_settings(
            session, {"backup.keep": 7, "desk.morning_hours": "08:00-14:00"}, by_id=admin
        )
    with sqlite_db.sessions() as session:
        assert get_setting(session, "backup.keep") == 14
        entries = session.scalars(select(AuditEntry).where(AuditEntry.entity == "setting")).all()
    assert [(e.before["key"], e.actor) for e in entries] == [
        ("desk.morning_hours", f"赵管理 (#{admin})"),
        ("desk.afternoon_hours", f"赵管理 (#{admin})"),
    ]


def test_only_administrators_change_settings(sqlite_db):
    with sqlite_db.sessions.begin() as session:
        lead = add_staff(session, "张组长", "team_lead").id
        auditor = add_staff(session, "钱审计", "auditor").id
    for person in (lead, auditor):
        with pytest.raises(NotPermitted, match="仅限管理员"), sqlite_db.sessions.begin() as s:
            set_setting(s, "desk.max_attempts", 4, by_id=person)
    with sqlite_db.sessions.begin() as session:
        set_setting(session, "desk.max_attempts", 4)  # nobody logged in: the command line
        assert get_setting(session, "desk.max_attempts") == 4


def test_the_example_address_is_known_and_slips_need_an_administrator_to_print_it(sqlite_db):
    assert is_example_address(DEFAULTS["printing.evaluation_url_template"])
    assert is_example_address("https://www.example.com/e?c={case_no}")
    assert not is_example_address("https://hcp.jinan.gov.cn/evaluate?case={case_no}")
    with sqlite_db.sessions.begin() as session:
        admin = add_staff(session, "赵管理", "administrator").id
        operator = add_staff(session, "王芳", "operator").id
    with sqlite_db.sessions() as session:
        assert evaluation_address_is_example(session)
        with pytest.raises(ExampleAddress, match="示例地址"):
            slip_address_template(session, by_id=admin)
        with pytest.raises(NotPermitted):
            slip_address_template(session, example_confirmed=True, by_id=operator)
        template = slip_address_template(session, example_confirmed=True, by_id=admin)
        assert template == DEFAULTS["printing.evaluation_url_template"]
    real = "https://hcp.jinan.gov.cn/evaluate?case={case_no}"
    with sqlite_db.sessions.begin() as session:
        set_setting(session, "printing.evaluation_url_template", real, by_id=admin)
    with sqlite_db.sessions() as session:
        assert not evaluation_address_is_example(session)
        assert slip_address_template(session, by_id=operator) == real


def test_the_command_line_lists_by_area_and_checks_as_the_dialog_does(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    assert main(["--db", url, "settings"]) == 0
    out = capsys.readouterr().out
    assert out.index("[回访工作台]") < out.index("desk.max_attempts") < out.index("[数据保留]")
    line = next(line for line in out.splitlines() if "retention.years" in line)
    assert line.split()[:4] == ["retention.years", "3", "默认", "3"]
    assert "个人信息保存年限" in line
    assert main(["--db", url, "settings", "retention.years", "0"]) == 2
    assert "retention.years" in capsys.readouterr().err
    assert main(["--db", url, "settings", "desk.morning_hours", "12:00-09:00"]) == 2
    assert "开始应早于结束" in capsys.readouterr().err
    assert main(["--db", url, "settings", "sync.site_name", "历下网点"]) == 0
    assert main(["--db", url, "settings", "backup.daily", "false"]) == 0
    with open_database(url).sessions() as session:
        assert get_setting(session, "sync.site_name") == "历下网点"
        assert get_setting(session, "backup.daily") is False
        assert get_setting(session, "retention.years") == 3
