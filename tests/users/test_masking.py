"""The one masking of phone and ID numbers (app.masking), for the log, the command line's
unexpected errors and the window's: every way a number is written goes, case numbers, dates and
other figures stay."""

from __future__ import annotations

import pytest

from app.masking import mask_personal_data
from cli import EXIT_BUG, main


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        # Mobiles
        ("13812345678", "[mobile]"),
        ("138 1234 5678", "[mobile]"),
        ("138-1234-5678", "[mobile]"),
        ("+86 139 1234 5678", "[mobile]"),
        ("+8613712345678", "[mobile]"),
        ("0086 138 1234 5678", "[mobile]"),
        ("008613812345678", "[mobile]"),
        ("(+86)138-1234-5678", "[mobile]"),
        ("86 13812345678", "[mobile]"),
        ("１３８１２３４５６７８", "[mobile]"),  # full-width digits
        ("＋８６ １３８ １２３４ ５６７８", "[mobile]"),
        ("１３８　１２３４　５６７８", "[mobile]"),  # with ideographic spaces
        ("电话13812345678。", "电话[mobile]。"),
        # Fixed lines
        ("010-12345678", "[landline]"),
        ("01012345678", "[landline]"),
        ("0531-86123456", "[landline]"),
        ("0531 86123456", "[landline]"),
        ("0510 8123 4567", "[landline]"),
        ("0531－86123456", "[landline]"),  # a full-width dash
        ("０５３１－８６１２３４５６", "[landline]"),
        ("(0510)82712345-801", "[landline]"),
        ("（0510）82712345转801", "[landline]"),
        ("+86 531 8612 3456", "[landline]"),
        ("0086-10-1234-5678", "[landline]"),
        # Local numbers without an area code
        ("86123456", "[landline]"),
        ("8612 3456", "[landline]"),
        ("8612-3456", "[landline]"),
        # ID numbers
        ("370102199003071234", "[ID]"),
        ("37010219900307123X", "[ID]"),
        ("37010219900307123x", "[ID]"),
        ("370102 19900307 123X", "[ID]"),
        ("3701 0219 9003 0712 3X", "[ID]"),
        ("370102-19900307-1234", "[ID]"),
        ("３７０１０２１９９００３０７１２３Ｘ", "[ID]"),
        ("370102900307123", "[ID]"),  # the old 15 digits
        # Several in one line, beside things that stay
        (
            "JN20260818000001 2026-06-12 13812345678 身份证 370102199003071234",
            "JN20260818000001 2026-06-12 [mobile] 身份证 [ID]",
        ),
        ("13812345678 13912345678", "[mobile] [mobile]"),
    ],
)
def test_every_way_of_writing_a_number_is_masked(text, masked):
    assert mask_personal_data(text) == masked
    assert mask_personal_data(f"联系人：{text}，谢谢") == f"联系人：{masked}，谢谢"


@pytest.mark.parametrize(
    "text",
    [
        "case JN20260818000001 saved",
        "JN2026061252",
        "2026061270239",  # 业务编号 of 13 digits
        "业务编号 2026061270239600",
        "202607050001234",  # 15 digits, but no birth date in it
        "202612081030",
        "2026-06-12",
        "20260612",  # a date written without dashes
        "2026/7/5",
        "2026年7月5日",
        "46210",  # an Excel serial date
        "10:30:00",
        "2026-11-22 04:05:17,524 took 1234 ms",
        "uid 123e4567-e89b-12d3-a456-426614174000",
        "imported 300 rows, 36 calls",
        "登记费 52072 元，契税 1234567 分",
        "第 12 行",
        "1381234567",  # too short for a mobile
        "138123456789",  # too long
        "a13812345678",  # glued to letters
        "sha256 5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8",
        "",
    ],
)
def test_what_is_not_a_personal_number_stays(text):
    assert mask_personal_data(text) == text


def test_the_command_lines_unexpected_error_is_masked(sqlite_url, tmp_path, monkeypatch, capsys):
    import cli.staff

    def crash(_database, _args) -> int:
        raise ValueError("bad row: 张三 １３８１２３４５６７８ 身份证 370102 19900307 123X")

    monkeypatch.setattr(cli.staff, "_list", crash)
    url = sqlite_url  # a new database, made as `db create` makes one
    assert main(["--db", url, "staff", "list"]) == EXIT_BUG
    err = capsys.readouterr().err
    assert "ValueError: bad row: 张三 [mobile] 身份证 [ID]" in err
    assert "Traceback" in err and "发生了意外错误（程序缺陷）" in err
    for number in ("１３８１２３４５６７８", "19900307"):
        assert number not in err


def test_the_windows_unexpected_error_is_masked(qtbot):
    from ui.error_dialog import show_unexpected_error

    box = show_unexpected_error(None, "Traceback …\nValueError: 0531-86123456 not dialled")
    qtbot.addWidget(box)
    assert box.detailedText() == "Traceback …\nValueError: [landline] not dialled"


@pytest.mark.parametrize(
    "uid", ["3f2a9c1e-4000-8000-9abc-0123456789ab", "12345678-1234-5678-1234-567812345678"]
)
def test_a_records_uid_is_not_taken_for_a_number(uid):
    text = f"record {uid} refused; call 13812345678"
    assert mask_personal_data(text) == f"record {uid} refused; call [mobile]"
