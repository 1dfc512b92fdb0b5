"""Import profiles: the shipped ones, profile files checked strictly (hostile ones too), the
window's form, storage shared by every seat with roles and audit, and the command line."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

import main
from app import i18n
from app.importing.profile_form import ASCENDING, CUSTOM, GBT39046, WORDS, form_of, profile_of
from app.importing.profiles import (
    BUILTIN,
    CODES_ASCENDING,
    CODES_GBT39046,
    MAX_FILE_BYTES,
    ImportProfile,
    ProfileRefused,
    delete_profile,
    get_profile,
    list_profiles,
    profile_from_data,
    profile_to_data,
    read_profile_file,
    save_profile,
)
from app.roles import NotPermitted, Role
from cli import EXIT_OK, EXIT_REFUSED
from db.models import AuditEntry, Staff

GUANGDONG = {
    "name": "guangdong",
    "title": "广东省好差评导出",
    "columns": {"业务编号": ["申办流水号"], "总体情况": ["评价等级"]},
    "ratings": "words",
    "channels": {},
    "default_ratings": {"level": "基本满意", "after_days": 7},
    "review": {"passed": ["已审核"], "pending": ["待审核"], "rejected": ["不予采纳"]},
    "labels": {"01": "办事效率低", "02": "服务态度差"},
}


@pytest.fixture(autouse=True)
def chinese_messages(monkeypatch):
    monkeypatch.delenv("REVISITDESK_LANG", raising=False)
    monkeypatch.setattr(i18n, "_language", "zh")


def write(tmp_path: Path, data: object, name: str = "profile.json") -> Path:
    path = tmp_path / name
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def refusal(data: object) -> str:
    with pytest.raises(ProfileRefused) as refused:
        profile_from_data(data)
    return str(refused.value)


# --- The shipped profiles --------------------------------------------------------------------


def test_three_profiles_ship_and_say_which_way_their_codes_run():
    assert list(BUILTIN) == ["common", "gbt39046", "zhejiang"]
    common, gbt, zhejiang = BUILTIN.values()
    assert common.ratings is None and not common.channels
    # The same code, opposite meanings: never guessed, always from the profile.
    assert gbt.rating_word("1") == "非常满意" and gbt.rating_word("5") == "非常不满意"
    assert zhejiang.rating_word("1") == "非常不满意" and zhejiang.rating_word("5") == "非常满意"
    assert gbt.channels["6"] == "电话" and gbt.channels["7"] == "短信"
    assert zhejiang.channels["6"] == "短信" and zhejiang.channels["7"] == "系统默认评价"
    assert zhejiang.defaults.channels == ("7",)
    # Words are words whatever the profile.
    assert zhejiang.rating_word("非常满意") == "非常满意"


@pytest.mark.parametrize("name", list(BUILTIN))
def test_a_shipped_profile_is_its_own_file(name):
    profile = BUILTIN[name]
    again = profile_from_data(json.loads(json.dumps(profile_to_data(profile))))
    assert again == replace(profile, builtin=False)


def test_the_profile_adds_its_headers_to_the_usual_ones():
    fields = {f.key: f for f in BUILTIN["zhejiang"].fields()}
    assert "satisfaction" in fields["overall"].aliases
    assert "总体评价" in fields["overall"].aliases  # the usual names stay
    assert "pf" in fields["source_channel"].aliases


# --- Profile files, strictly ------------------------------------------------------------------


def test_a_good_file_is_read(tmp_path):
    profile = read_profile_file(write(tmp_path, GUANGDONG))
    assert profile.name == "guangdong"
    assert profile.columns["case_no"] == ("申办流水号",)
    assert profile.defaults.level == "基本满意" and profile.defaults.after_days == 7
    assert profile.review_state("不予采纳") == "rejected"
    assert profile.labels["02"] == "服务态度差"


def test_a_file_with_a_bom_is_read(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(json.dumps(GUANGDONG, ensure_ascii=False).encode("utf-8-sig"))
    assert read_profile_file(path).name == "guangdong"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('{"name": "x", ', "不是有效的 JSON：第 1 行"),
        ("", "不是有效的 JSON"),
        ('{"name": "x"} trailing', "不是有效的 JSON"),
        ("[1, 2]", "整个文件应为一个 JSON 对象"),
        ('"just text"', "整个文件应为一个 JSON 对象"),
        ('{"name": "x", "name": "y"}', "“name”出现了两次"),
        ('{"name": "x", "channels": {"7": "短信", "7": "系统默认评价"}}', "“7”出现了两次"),
        ("[" * 5000 + "]" * 5000, "JSON"),
    ],
)
def test_malformed_json_is_refused_with_where(tmp_path, text, says):
    with pytest.raises(ProfileRefused) as refused:
        read_profile_file(write(tmp_path, text))
    assert says in str(refused.value)


def test_a_huge_file_is_refused_before_it_is_parsed(tmp_path):
    data = {**GUANGDONG, "title": "x" * (MAX_FILE_BYTES + 10)}
    with pytest.raises(ProfileRefused) as refused:
        read_profile_file(write(tmp_path, data))
    assert "文件太大" in str(refused.value)


def test_a_file_that_is_not_utf8_or_not_there_is_refused(tmp_path):
    path = tmp_path / "gbk.json"
    path.write_bytes(json.dumps(GUANGDONG, ensure_ascii=False).encode("gb18030"))
    with pytest.raises(ProfileRefused, match="UTF-8"):
        read_profile_file(path)
    with pytest.raises(ProfileRefused, match="无法读取导入方案文件"):
        read_profile_file(tmp_path / "missing.json")


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"name": 3}, "name 应为文字"),
        ({"name": ""}, "name 不能为空"),
        ({"name": "广东 省"}, "只能由字母、汉字、数字"),
        ({"name": "x" * 51}, "name 太长"),
        ({"title": ["a"]}, "title 应为文字"),
        ({"colour": "red"}, "未知的项“colour”"),
        ({"ratings": "codes"}, 'ratings 应为 "words"'),
        ({"ratings": ["非常满意"]}, "ratings 应为对象"),
        ({"ratings": {"1": "非常满意"}}, "至少要有两个等级"),
        ({"ratings": {"1": "很好", "2": "不满意"}}, "“很好”应为"),
        ({"ratings": {"1": 5, "2": "不满意"}}, "ratings.1 应为文字"),
        ({"ratings": {"1": "满意", "2": "满意"}}, "都是“满意”"),
        ({"ratings": {"1": "满意", "１": "不满意"}}, "代码“1”出现了两次"),  # full-width 1
        ({"ratings": {"1 2": "满意", "3": "不满意"}}, "只能由字母、数字"),
        ({"ratings": {str(n): "满意" for n in range(11)}}, "最多 10 项"),
        ({"channels": {"1": ""}}, "channels.1 不能为空"),
        ({"channels": {"x" * 11: "PC端"}}, "太长"),
        ({"channels": {str(n): f"渠道{n}" for n in range(31)}}, "最多 30 项"),
        ({"channels": {"1": "PC端"}, "default_ratings": {"channels": ["9"]}}, "不在 channels"),
        ({"default_ratings": {"channels": "7"}}, "应为列表"),
        ({"default_ratings": {"channels": [7]}}, "应为文字"),
        ({"default_ratings": {"level": "基本满意"}}, "要一起给出"),
        ({"default_ratings": {"level": "尚可", "after_days": 7}}, "default_ratings.level 应为"),
        ({"default_ratings": {"level": "满意", "after_days": "7"}}, "整数天数"),
        ({"default_ratings": {"level": "满意", "after_days": True}}, "整数天数"),
        ({"default_ratings": {"level": "满意", "after_days": 0}}, "1 到 60"),
        ({"default_ratings": {"level": "满意", "after_days": 10**9}}, "1 到 60"),
        ({"default_ratings": {"flag": True}}, "未知的项“flag”"),
        ({"review": {"passed": []}}, "review.passed 至少要有一个值"),
        ({"review": {"passed": ["1"], "pending": ["1"]}}, "不能既是"),
        ({"review": {"ok": ["1"]}}, "未知的项“ok”"),
        ({"labels": {"01": None}}, "labels.01 应为文字"),
        ({"columns": {"颜色": ["colour"]}}, "不是评价导入的字段"),
        ({"columns": {"总体情况": "satisfaction"}}, "应为列表"),
        ({"columns": {"总体情况": ["评价渠道"]}}, "不能同时是"),  # another field's own name
        ({"columns": {"总体情况": ["x"], "评价渠道": ["x"]}}, "不能同时是"),
        ({"columns": {"总体情况": ["a"] * 21}}, "最多 20 个"),
    ],
)
def test_wrong_types_codes_out_of_shape_and_duplicates_are_refused(change, says):
    message = refusal({**GUANGDONG, **change})
    assert message.startswith("导入方案有误：")
    assert says in message, message


def test_a_name_is_required():
    assert "缺少 name" in refusal({"title": "无名"})


def test_messages_in_english(monkeypatch):
    monkeypatch.setattr(i18n, "_language", "en")
    message = refusal({**GUANGDONG, "ratings": {"1": "满意", "2": "满意"}})
    assert message.startswith("The import profile is wrong:") and "one code a level" in message


# --- The window's form ---------------------------------------------------------------------


def test_the_form_shows_a_profile_and_gives_it_back():
    for profile in BUILTIN.values():
        assert profile_of(form_of(profile)) == replace(profile, builtin=False)
    assert form_of(BUILTIN["common"]).ratings == WORDS
    assert form_of(BUILTIN["gbt39046"]).ratings == GBT39046
    assert form_of(BUILTIN["zhejiang"]).ratings == ASCENDING
    odd = ImportProfile(name="odd", ratings={"A": "满意", "B": "不满意"})
    form = form_of(odd)
    assert form.ratings == CUSTOM and profile_of(form).ratings == {"A": "满意", "B": "不满意"}


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"channels": "1=PC端\n二维码"}, "渠道代码表第 2 行应写成“代码=含义”"),
        ({"channels": "1=PC端\n1=移动端"}, "第 2 行：“1”出现了两次"),
        ({"labels": "=无代码"}, "差评标签第 1 行"),
        ({"columns": "颜色=colour"}, "不是评价导入的字段"),
        ({"name": ""}, "name 不能为空"),
    ],
)
def test_the_form_is_checked_as_a_file_is(changes, says):
    form = replace(form_of(BUILTIN["zhejiang"]), **{"name": "zj2", **changes})
    with pytest.raises(ProfileRefused) as refused:
        profile_of(form)
    assert says in str(refused.value)


# --- Stored, shared, role-checked and audited -------------------------------------------------


def _person(session, role: Role) -> int:
    person = Staff(name=f"{role.value}-1", role=role.value)
    session.add(person)
    session.flush()
    return person.id


def test_an_administrators_profile_is_stored_for_every_seat(any_db):
    profile = profile_from_data(GUANGDONG)
    with any_db.sessions.begin() as session:
        admin = _person(session, Role.ADMINISTRATOR)
        save_profile(session, profile, by_id=admin)
    with any_db.sessions() as session:  # another seat, another session
        assert [p.name for p in list_profiles(session)] == [*BUILTIN, "guangdong"]
        assert get_profile(session, "guangdong") == profile
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "import_profile.save"))
        assert entry.after["name"] == "guangdong" and entry.before is None
        assert entry.after["definition"]["default_ratings"] == {
            "level": "基本满意",
            "after_days": 7,
        }


def test_editing_renaming_and_removing_a_profile(any_db):
    with any_db.sessions.begin() as session:
        save_profile(session, profile_from_data(GUANGDONG))
    renamed = profile_from_data({**GUANGDONG, "name": "guangdong2", "title": "改过的"})
    with any_db.sessions.begin() as session:
        save_profile(session, renamed, replacing="guangdong")
    with any_db.sessions.begin() as session:
        assert [p.name for p in list_profiles(session)][-1] == "guangdong2"
        with pytest.raises(ProfileRefused, match="没有名为“guangdong”"):
            get_profile(session, "guangdong")
        delete_profile(session, "guangdong2")
    with any_db.sessions() as session:
        assert [p.name for p in list_profiles(session)] == list(BUILTIN)
        actions = session.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.entity == "import_profile")
            .order_by(AuditEntry.id)
        ).all()
        assert actions == ["import_profile.save", "import_profile.save", "import_profile.delete"]


def test_names_are_unique_and_shipped_profiles_stay_as_shipped(sqlite_db):
    with sqlite_db.sessions.begin() as session:
        save_profile(session, profile_from_data(GUANGDONG))
        with pytest.raises(ProfileRefused, match="已有名为“guangdong”"):
            save_profile(session, profile_from_data(GUANGDONG))
        with pytest.raises(ProfileRefused, match="随软件提供"):
            save_profile(session, profile_from_data({**GUANGDONG, "name": "zhejiang"}))
        with pytest.raises(ProfileRefused, match="随软件提供"):
            save_profile(session, profile_from_data(GUANGDONG), replacing="common")
        with pytest.raises(ProfileRefused, match="不能删除"):
            delete_profile(session, "gbt39046")
        with pytest.raises(ProfileRefused, match="没有名为“nope”"):
            delete_profile(session, "nope")


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.TEAM_LEAD, Role.AUDITOR])
def test_only_administrators_change_profiles(sqlite_db, role):
    with sqlite_db.sessions.begin() as session:
        save_profile(session, profile_from_data(GUANGDONG))
        person = _person(session, role)
        with pytest.raises(NotPermitted):
            save_profile(session, profile_from_data({**GUANGDONG, "name": "x"}), by_id=person)
        with pytest.raises(NotPermitted):
            delete_profile(session, "guangdong", by_id=person)
        assert [p.name for p in list_profiles(session)][-1] == "guangdong"


# --- The command line ------------------------------------------------------------------------


def cli(url: str, *args: str) -> int:
    return main.main(["--db", url, *args])


def test_profiles_from_the_command_line(sqlite_url, tmp_path, capsys):
    path = write(tmp_path, GUANGDONG)
    assert cli(sqlite_url, "import", "profiles", "add", str(path)) == EXIT_OK
    assert "已保存导入方案“guangdong”" in capsys.readouterr().out
    # Adding it again is refused unless it replaces the one there.
    assert cli(sqlite_url, "import", "profiles", "add", str(path)) == EXIT_REFUSED
    assert "已有名为“guangdong”" in capsys.readouterr().err
    assert cli(sqlite_url, "import", "profiles", "add", str(path), "--replace") == EXIT_OK
    capsys.readouterr()

    assert cli(sqlite_url, "import", "profiles", "list") == EXIT_OK
    listed = capsys.readouterr().out
    assert "zhejiang（随软件提供）" in listed and "guangdong  广东省好差评导出" in listed
    assert cli(sqlite_url, "import", "profiles", "list", "--json") == EXIT_OK
    assert [p["name"] for p in json.loads(capsys.readouterr().out)][-1] == "guangdong"

    # `show` prints a file that `add` takes back: a shipped profile as a starting point.
    assert cli(sqlite_url, "import", "profiles", "show", "zhejiang") == EXIT_OK
    shown = json.loads(capsys.readouterr().out)
    assert shown["ratings"] == CODES_ASCENDING
    mine = write(tmp_path, {**shown, "name": "zj-mine"}, "mine.json")
    assert cli(sqlite_url, "import", "profiles", "add", str(mine)) == EXIT_OK
    capsys.readouterr()

    assert cli(sqlite_url, "import", "profiles", "remove", "zj-mine") == EXIT_OK
    assert cli(sqlite_url, "import", "profiles", "remove", "zj-mine") == EXIT_REFUSED
    assert "没有名为“zj-mine”" in capsys.readouterr().err
    assert cli(sqlite_url, "import", "profiles", "show", "gbt39046") == EXIT_OK
    assert json.loads(capsys.readouterr().out)["ratings"] == CODES_GBT39046


def test_a_bad_profile_file_on_the_command_line_is_explained_and_stores_nothing(
    sqlite_url, sqlite_db, tmp_path, capsys
):
    path = write(tmp_path, '{"name": "x", "ratings": {"1": "满意", "1": "不满意"}}')
    assert cli(sqlite_url, "import", "profiles", "add", str(path)) == EXIT_REFUSED
    err = capsys.readouterr().err
    assert "导入方案有误：“1”出现了两次" in err and "Traceback" not in err
    with sqlite_db.sessions() as session:
        assert [p.name for p in list_profiles(session)] == list(BUILTIN)
