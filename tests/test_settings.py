"""The settings as app.settings declares them: each with its area, rule, range or form, checked the
same way by set_setting, the command line and (tests/gui/test_settings_dialog.py) the dialog."""

from __future__ import annotations

import logging
import math
import re
from pathlib import Path

import pytest
from sqlalchemy import select

import app.settings
from app.errors import Refused
from app.i18n import set_language
from app.printing.slip import ExampleAddress, slip_address_template
from app.retention import preview
from app.roles import NotPermitted
from app.settings import (
    AREAS,
    OPTIONS,
    Option,
    SettingRefused,
    all_settings,
    change_settings,
    check_settings,
    evaluation_address_is_example,
    get_setting,
    get_settings,
    is_example_address,
    set_setting,
)
from app.staff import add_staff
from cli import main
from db.database import open_database
from db.models import AuditEntry, Setting

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
    "recordings.match_seconds": 120,
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
        ("coverage.target", 0, "应 ≥ 0.3 且 ≤ 1"),
        ("coverage.target", 0.29, "应 ≥ 0.3 且 ≤ 1"),  # J 5.1.2: not below 30 %
        ("coverage.target", 1.5, "应 ≥ 0.3 且 ≤ 1"),
        ("coverage.target", 5, "应 ≥ 0.3 且 ≤ 1"),
        ("coverage.target", float("nan"), "应为有限的数字"),
        ("coverage.target", float("inf"), "应为有限的数字"),
        ("coverage.target", float("-inf"), "应为有限的数字"),
        ("retention.years", 0, "应 ≥ 3"),  # a purge with 0 would forget every case
        ("retention.years", -1, "应 ≥ 3"),
        ("retention.years", 2, "应 ≥ 3"),  # W 7.1.3.2.5: kept 3 years
        ("backup.keep", 0, "应 ≥ 2"),
        ("complaints.reply_working_days", 0, "应 ≥ 1"),
        ("complaints.reply_working_days", 16, "≤ 15"),  # W 7.3.4: fifteen working days
        ("complaints.first_contact_working_days", 3, "≤ 2"),  # W 7.3.4: two working days
        ("coverage.supplement_working_days", 4, "≤ 3"),  # J 5.4.2: three working days
        ("desk.online_window_days", 8, "≤ 7"),  # J 5.1.2: a week
        ("callbacks.deadline_working_days", -3, "应 ≥ 1"),
        ("desk.max_attempts", 10**30, "≤ 20"),
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
        ("backup.folder", "backups", "完整的文件夹路径"),  # relative to wherever one stands
        ("backup.folder", "~nobody_known_here/backups", "不是本机已知用户的主目录"),
        ("backup.folder", "/srv/bad\0name", "无效的字符"),
        ("scanning.inbox_folder", "scans", "完整的文件夹路径"),
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
        == "Revisit coverage target (coverage.target): must be ≥ 0.3 and ≤ 1, not 0.0"
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


def test_the_command_line_lists_by_area_and_checks_as_the_dialog_does(sqlite_url, capsys):
    url = sqlite_url  # a database made on purpose: --db never makes one (issue 19)
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


def test_every_number_has_a_range_that_holds_its_default_and_nothing_else():
    for option in OPTIONS.values():
        if option.kind not in (int, float):
            continue
        low, high = option.minimum, option.maximum
        assert low is not None and high is not None, option.key
        assert low < high and low <= option.default <= high, option.key
        assert option.check(high) == high, option.key
        if not option.above_minimum:
            assert option.check(low) == low, option.key
        step = 1 if option.kind is int else 0.001
        for wrong in (low - step, high + step, -(10**30), 10**30):
            with pytest.raises(SettingRefused, match=option.key):
                option.check(wrong)
        for text in ("nan", "NaN", "inf", "-inf", "1e999", "", "十", "1" * 5000):
            with pytest.raises(SettingRefused, match=option.key):
                option.parse(text)
    # The ranges the rules set (SPEC.md, the seeds).
    assert OPTIONS["coverage.target"].minimum == 0.3  # J 5.1.2
    assert OPTIONS["retention.years"].minimum == 3  # W 7.1.3.2.5
    assert OPTIONS["complaints.first_contact_working_days"].maximum == 2  # W 7.3.4
    assert OPTIONS["complaints.reply_working_days"].maximum == 15  # W 7.3.4
    assert OPTIONS["coverage.supplement_working_days"].maximum == 3  # J 5.4.2
    assert OPTIONS["desk.online_window_days"].maximum == 7  # J 5.1.2
    assert OPTIONS["security.password_min_length"].minimum == 8  # 等保 2.0


def test_every_door_refuses_the_same_values_saying_the_range(sqlite_db, capsys):
    """set_setting, check_settings (the 设置 dialog and the first run) and the command line."""
    url = sqlite_db.url
    for key, typed, zh, en in (
        ("coverage.target", "5", "应 ≥ 0.3 且 ≤ 1，不能是 5.0", "must be ≥ 0.3 and ≤ 1, not 5.0"),
        ("coverage.target", "NaN", "应为有限的数字", "must be a finite number"),
        ("retention.years", "0", "应 ≥ 3 且 ≤ 30，不能是 0", "must be ≥ 3 and ≤ 30, not 0"),
        ("retention.years", "-1", "应 ≥ 3 且 ≤ 30，不能是 -1", "must be ≥ 3 and ≤ 30, not -1"),
        ("backup.keep", "0", "应 ≥ 2 且 ≤ 365", "must be ≥ 2 and ≤ 365"),
        ("callbacks.deadline_working_days", "-5", "应 ≥ 1 且 ≤ 60", "must be ≥ 1 and ≤ 60"),
    ):
        set_language("zh")
        value = OPTIONS[key].kind(float(typed)) if typed != "NaN" else math.nan
        with pytest.raises(SettingRefused, match=zh), sqlite_db.sessions() as session:
            set_setting(session, key, value)
        with pytest.raises(SettingRefused, match=zh), sqlite_db.sessions() as session:
            check_settings(all_settings(session), {key: value})
        for lang, words in (("zh", zh), ("en", en)):
            assert main(["--db", url, "--lang", lang, "settings", key, typed]) == 2
            captured = capsys.readouterr()
            assert words in captured.err and key in captured.err, captured.err
            assert "Traceback" not in captured.err + captured.out
    set_language("zh")
    with sqlite_db.sessions() as session:
        assert session.scalars(select(Setting)).all() == []


@pytest.fixture
def nothing_said_yet(monkeypatch):
    """app.settings says each unusable stored value once per run: said afresh in each test."""
    monkeypatch.setattr(app.settings, "_reported", set())


def _store(database, **values) -> None:
    """Values written as an older version (or a hand) would: past the checks."""
    with database.sessions.begin() as session:
        for key, value in values.items():
            session.merge(Setting(key=key.replace("__", "."), value=value))


def test_values_stored_out_of_range_are_read_as_the_nearest_or_the_default_and_logged(
    sqlite_db, caplog, nothing_said_yet
):
    _store(
        sqlite_db,
        retention__years=0,  # written before the range: the nearest allowed, 3
        coverage__target=5,  # above 1: 1
        backup__keep=-4,  # below 2: 2
        desk__max_attempts=2.5,  # not a whole number: the default
        desk__claim_minutes="fifteen",
        security__idle_lock_minutes=True,
        desk__completion_prior=0,  # > 0 only: the default
        bad_reviews__malicious_scoring="bogus",
        printing__evaluation_url_template="not an address",
        centre__name="x" * 600,
        backup__folder="~nobody_known_here/b",  # backups go to the default folder instead
    )
    with caplog.at_level(logging.WARNING, logger="app.settings"):
        with sqlite_db.sessions() as session:
            values = all_settings(session)
            assert get_settings(session, "retention.years", "coverage.target") == [3, 1.0]
    assert values["retention.years"] == 3
    assert values["coverage.target"] == 1.0
    assert values["backup.keep"] == 2
    assert values["desk.max_attempts"] == 3
    assert values["desk.claim_minutes"] == 15
    assert values["security.idle_lock_minutes"] == 10
    assert values["desk.completion_prior"] == 0.6
    assert values["bad_reviews.malicious_scoring"] == "scored"
    assert (
        values["printing.evaluation_url_template"] == DEFAULTS["printing.evaluation_url_template"]
    )
    assert values["centre.name"] == ""
    assert values["backup.folder"] == ""
    said = [r.getMessage() for r in caplog.records if r.name == "app.settings"]
    assert len(said) == 11, said  # each once, however often read
    assert any("retention.years" in m and "; 3 used instead" in m for m in said)
    # The app works with them: a purge previewed with the 3 years the rules ask for at least.
    with sqlite_db.sessions() as session:
        assert preview(session).years == 3


def test_a_value_stored_as_nan_or_infinity_reads_as_the_default(sqlite_db, nothing_said_yet):
    _store(sqlite_db, coverage__target=math.nan, coverage__margin=math.inf)
    with sqlite_db.sessions() as session:
        assert get_settings(session, "coverage.target", "coverage.margin") == [0.3, 0.05]


def test_calling_hours_stored_that_do_not_agree_read_as_both_defaults(sqlite_db, nothing_said_yet):
    from app.desk.retries import CallingHours

    _store(sqlite_db, desk__morning_hours="08:00-15:00", desk__afternoon_hours="14:00-17:00")
    with sqlite_db.sessions() as session:
        assert get_setting(session, "desk.afternoon_hours") == "14:00-17:30"
        assert get_settings(session, "desk.morning_hours", "centre.name") == ["09:00-12:00", ""]
        CallingHours.from_settings(session)  # no ValueError: the call desk retries as usual
    _store(sqlite_db, desk__morning_hours="25:00-26:00", desk__afternoon_hours="13:00-16:00")
    with sqlite_db.sessions() as session:
        assert all_settings(session)["desk.morning_hours"] == "09:00-12:00"
        assert all_settings(session)["desk.afternoon_hours"] == "13:00-16:00"


def test_the_command_line_lists_what_is_used_and_a_change_replaces_the_stored_value(
    sqlite_url, capsys, caplog, nothing_said_yet
):
    database = open_database(sqlite_url)
    try:
        _store(database, retention__years=-1)
    finally:
        database.close()
    assert main(["--db", sqlite_url, "settings"]) == 0
    captured = capsys.readouterr()
    line = next(line for line in captured.out.splitlines() if "retention.years" in line)
    assert line.split()[:2] == ["retention.years", "3"]
    assert "Traceback" not in captured.err
    assert "retention.years" in caplog.text  # on stderr, where the command line logs
    assert main(["--db", sqlite_url, "settings", "retention.years", "5"]) == 0
    with open_database(sqlite_url).sessions() as session:
        assert get_setting(session, "retention.years") == 5
        (entry,) = session.scalars(select(AuditEntry).where(AuditEntry.entity == "setting"))
    assert (entry.before, entry.after) == (
        {"key": "retention.years", "value": 3},
        {"key": "retention.years", "value": 5},
    )


# --- Folders: their form checked always, the disk only when a person sets one ------------------

FOLDERS = ("backup.folder", "scanning.inbox_folder")


@pytest.mark.parametrize("key", FOLDERS)
def test_a_folder_set_is_checked_on_this_computer(sqlite_db, tmp_path, monkeypatch, key):
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = app.settings.os.access
    monkeypatch.setattr(  # as root, every folder may be written: this one may not
        app.settings.os,
        "access",
        lambda path, mode: Path(path) != locked and real_access(path, mode),
    )
    for value, zh, en in (
        (a_file, f"：{a_file} 是一个文件，不是文件夹", f"{a_file} is a file, not a folder"),
        (a_file / "backups", f"：路径中的 {a_file} 是一个文件", "a part of the path, is a file"),
        (locked, f"：没有在文件夹 {locked} 中写入的权限", "no permission to write in the folder"),
        (locked / "new", f"没有在文件夹 {locked} 中写入的权限", "no permission to write"),
        (tmp_path / ("x" * 300), "文件名太长", "the file name is too long"),
    ):
        for lang, words in (("zh", zh), ("en", en)):
            set_language(lang)
            with pytest.raises(SettingRefused, match=re.escape(words)) as refused:
                with sqlite_db.sessions.begin() as session:
                    set_setting(session, key, str(value))
            assert refused.value.key == key and key in str(refused.value)
    set_language("zh")
    # Nothing of it on this computer (a drive or a share not connected): refused, not waited for.
    with monkeypatch.context() as offline:
        offline.setattr(Path, "exists", lambda _path: False)
        with pytest.raises(SettingRefused, match="本机找不到"), sqlite_db.sessions() as session:
            set_setting(session, key, "/mnt/offline/backups")
    with sqlite_db.sessions() as session:
        assert get_setting(session, key) == ""
        assert session.scalar(select(AuditEntry.id).where(AuditEntry.entity == "setting")) is None


@pytest.mark.parametrize("key", FOLDERS)
def test_a_folder_not_there_yet_is_taken_when_it_can_be_made(sqlite_db, tmp_path, key):
    folder = tmp_path / "not yet" / "backups"
    with sqlite_db.sessions.begin() as session:
        set_setting(session, key, str(folder))
        set_setting(session, key, "~/revisitdesk-backups")  # the home's, as written
    with sqlite_db.sessions.begin() as session:
        assert get_setting(session, key) == "~/revisitdesk-backups"
        set_setting(session, key, str(folder))
        set_setting(session, key, "")  # back to none (the default folder)
        set_setting(session, key, str(folder))
    assert not folder.exists()  # setting it makes nothing


def test_the_first_backup_makes_the_folder_set(sqlite_db, tmp_path):
    from app.backup import backup_settings, make_daily_backup

    folder = tmp_path / "not yet" / "backups"
    with sqlite_db.sessions.begin() as session:
        set_setting(session, "backup.folder", str(folder))
    made = make_daily_backup(sqlite_db, backup_settings(sqlite_db))
    assert made is not None and made.path.parent == folder and made.path.is_file()


def test_reading_a_folder_setting_never_touches_the_disk(sqlite_db, tmp_path, monkeypatch):
    """Read at every backup and scan (a network drive may answer slowly, or not): its form only.
    A folder gone or turned into a file since it was set is the backup's or the scanning page's
    to say; other settings are still changed meanwhile."""
    gone = tmp_path / "gone"
    with sqlite_db.sessions.begin() as session:
        set_setting(session, "backup.folder", str(gone))
    gone.write_text("a file now")

    def untouchable(*_args, **_kwargs):
        raise AssertionError("the disk was asked")

    monkeypatch.setattr(Path, "exists", untouchable)
    monkeypatch.setattr(Path, "is_dir", untouchable)
    monkeypatch.setattr(app.settings.os, "access", untouchable)
    with sqlite_db.sessions.begin() as session:
        assert get_setting(session, "backup.folder") == str(gone)
        change_settings(session, {"backup.keep": 5, "backup.folder": str(gone)})  # as it was
        assert all_settings(session)["backup.keep"] == 5
