"""Tests for app.phones: parsing, splitting and displaying Chinese phone numbers."""

from __future__ import annotations

import random

import phonenumbers
import pytest

from app import phones
from app.phones import ParsedPhone, parse_phone, parse_phones, split_phone_cell

MOBILE = "+8613812345678"
JINAN = "+8653186123456"
WUXI = "+8651082712345"


@pytest.mark.parametrize(
    "text",
    [
        "13812345678",
        "+8613812345678",
        "+86 138 1234 5678",
        "+86-138-1234-5678",
        "138 1234 5678",
        "138-1234-5678",
        "138.1234.5678",
        "86-13812345678",
        "8613812345678",
        "0086 13812345678",
        "１３８１２３４５６７８",
        "＋８６　１３８１２３４５６７８",
        "电话:13812345678",
        "电话：13812345678",
        "手机13812345678",
        "手机 13812345678",
        "tel:13812345678",
        "Tel: 13812345678",
        "  13812345678  ",
        "13812345678(本人)",
        "13812345678（本人）",
        "13812345678。",
        "13812345678.0",
    ],
)
def test_mobile_formats(text: str) -> None:
    phone = parse_phone(text)
    assert phone.e164 == MOBILE
    assert phone.kind == "mobile"
    assert phone.extension is None
    assert phone.valid
    assert phone.original == text.strip()


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("0531-86123456", JINAN),
        ("0531 86123456", JINAN),
        ("0531 8612 3456", JINAN),
        ("053186123456", JINAN),
        ("(0531)86123456", JINAN),
        ("（0531）86123456", JINAN),
        ("０５３１－８６１２３４５６", JINAN),
        ("0531—86123456", JINAN),
        ("+86-0531-86123456", JINAN),
        ("+86 531 86123456", JINAN),
        ("+86(0)531 86123456", JINAN),
        ("86-0531-86123456", JINAN),
        ("0086-0531-86123456", JINAN),
        ("tel:0531-86123456", JINAN),
        ("联系电话：0531-86123456（办公室）", JINAN),
        ("(0510)82712345", WUXI),
        ("010-12345678", "+861012345678"),
        ("021 6234 5678", "+862162345678"),
    ],
)
def test_landline_formats(text: str, e164: str) -> None:
    phone = parse_phone(text)
    assert phone.e164 == e164
    assert phone.kind == "fixed_line"
    assert phone.extension is None


@pytest.mark.parametrize(
    ("text", "e164", "extension"),
    [
        ("(0510)82712345-801", WUXI, "801"),
        ("0510-82712345-801", WUXI, "801"),
        ("0531-86123456 转 12", JINAN, "12"),
        ("0531-86123456转12", JINAN, "12"),
        ("0531-86123456 转分机 801", JINAN, "801"),
        ("0531-86123456分机801", JINAN, "801"),
        ("0531-86123456 分机号：801", JINAN, "801"),
        ("0531-86123456 ext 12", JINAN, "12"),
        ("0531-86123456 ext. 12", JINAN, "12"),
        ("0531-86123456 EXT12", JINAN, "12"),
        ("0531-86123456 x 12", JINAN, "12"),
        ("0531-86123456x12", JINAN, "12"),
        ("0531-86123456#12", JINAN, "12"),
        ("0531-86123456-转801", JINAN, "801"),
        ("+86-0531-86123456-801", JINAN, "801"),
        ("0531－86123456－８０１", JINAN, "801"),
        ("Tel: +86 (0)531 8612 3456 ext. 9", JINAN, "9"),
        ("010-12345678-5", "+861012345678", "5"),
        ("138 1234 5678 转 12", MOBILE, "12"),
        ("13812345678转12", MOBILE, "12"),
    ],
)
def test_extensions(text: str, e164: str, extension: str) -> None:
    phone = parse_phone(text)
    assert phone.e164 == e164
    assert phone.extension == extension


@pytest.mark.parametrize(
    "text",
    ["138-1234-5678", "0531-8612-3456", "8612-3456"],
)
def test_last_dash_group_is_not_an_extension(text: str) -> None:
    assert parse_phone(text, "0531").extension is None


def test_dash_digits_that_complete_a_number_are_not_an_extension() -> None:
    # 0531 has 8-digit numbers, so "-6" completes the number rather than being an extension.
    phone = parse_phone("0531-8612345-6")
    assert phone.e164 == JINAN
    assert phone.extension is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "无",
        "暂无",
        "12345",
        "abc",
        "1381234567",
        "138123456789",
        "abc13812345678",
        "13812345678abc",
        "1-800-FLOWERS",
        "138一2345678",
        "++8613812345678",
        "转801",
        "0531-",
        "((((",
        "-",
        "+",
        "\x00",
        "0" * 500,
        "13812345678-12",
    ],
)
def test_invalid_inputs(text: str) -> None:
    phone = parse_phone(text)
    assert phone == ParsedPhone(text.strip(), None, None, None)
    assert not phone.valid
    assert phone.display() == text.strip()


@pytest.mark.parametrize("text", ["86123456", "8612 3456", "8612-3456"])
def test_local_number_without_area_code_is_invalid(text: str) -> None:
    assert parse_phone(text).e164 is None


@pytest.mark.parametrize("area", ["0531", "531", "(0531)", "０５３１"])
@pytest.mark.parametrize("text", ["86123456", "8612 3456", "8612-3456", "８６１２３４５６"])
def test_local_number_with_default_area_code(text: str, area: str) -> None:
    phone = parse_phone(text, default_area_code=area)
    assert phone.e164 == JINAN
    assert phone.kind == "fixed_line"
    assert phone.original == text


def test_local_number_with_extension_and_default_area_code() -> None:
    phone = parse_phone("86123456-801", default_area_code="0531")
    assert (phone.e164, phone.extension) == (JINAN, "801")


def test_default_area_code_does_not_touch_complete_numbers() -> None:
    assert parse_phone("13812345678", "0531").e164 == MOBILE
    assert parse_phone("0510-82712345", "0531").e164 == WUXI


@pytest.mark.parametrize("area", ["", "0", "abc", "05311"])
def test_unusable_default_area_code_is_ignored(area: str) -> None:
    assert parse_phone("86123456", area).e164 is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("400-800-1234", "other"),
        ("800-810-1234", "other"),
        ("+1 650 253 0000", "other"),
        ("+44 20 7946 0958", "fixed_line"),
    ],
)
def test_other_kinds(text: str, kind: str) -> None:
    phone = parse_phone(text)
    assert phone.valid
    assert phone.kind == kind


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("+86 138-1234-5678", "138 1234 5678"),
        ("0531-86123456", "0531 8612 3456"),
        ("0531-86123456 转 801", "0531 8612 3456 转 801"),
        ("(0510)82712345-801", "0510 8271 2345 转 801"),
        ("010 12345678", "010 1234 5678"),
        ("400 8001234", "400 800 1234"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("无", "无"),
        ("  12345 ", "12345"),
    ],
)
def test_display(text: str, shown: str) -> None:
    assert parse_phone(text).display() == shown


def test_parse_phone_never_raises() -> None:
    rng = random.Random(20240601)
    alphabet = "0123456789０１３８+＋-－—()（） .,:：#xX转分机号电话手机tel\t\n\u3000a本人无"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        phone = parse_phone(text)
        assert phone.original == text.strip()
        assert phone.valid == (phone.kind is not None)
        assert isinstance(phone.display(), str)
        parse_phones(text, "0531")


@pytest.mark.parametrize(
    ("cell", "parts"),
    [
        (None, []),
        ("", []),
        ("   ", []),
        ("13812345678", ["13812345678"]),
        ("13812345678;13912345678", ["13812345678", "13912345678"]),
        ("13812345678；13912345678", ["13812345678", "13912345678"]),
        ("13812345678,13912345678", ["13812345678", "13912345678"]),
        ("13812345678，13912345678", ["13812345678", "13912345678"]),
        ("13812345678/0531-86123456", ["13812345678", "0531-86123456"]),
        ("13812345678、13912345678", ["13812345678", "13912345678"]),
        ("13812345678|13912345678", ["13812345678", "13912345678"]),
        (
            "13812345678\n13912345678\r\n0531-86123456",
            ["13812345678", "13912345678", "0531-86123456"],
        ),
        ("13812345678  13912345678", ["13812345678", "13912345678"]),
        ("13812345678\u3000\u300013912345678", ["13812345678", "13912345678"]),
        ("13812345678 ; ; 13912345678;", ["13812345678", "13912345678"]),
        ("+86 138 1234 5678", ["+86 138 1234 5678"]),
        ("138 1234 5678 转 12", ["138 1234 5678 转 12"]),
        ("0531 8612 3456", ["0531 8612 3456"]),
        ("0086 13812345678", ["0086 13812345678"]),
        ("电话 13812345678", ["电话 13812345678"]),
        (
            "+86 138 1234 5678;  138 1234 5678 转 12",
            ["+86 138 1234 5678", "138 1234 5678 转 12"],
        ),
        # Single spaces between tokens that are each a whole number do separate numbers.
        ("13812345678 13912345678", ["13812345678", "13912345678"]),
        ("0531-86123456 13812345678", ["0531-86123456", "13812345678"]),
        (
            "１３８１２３４５６７８；１３９１２３４５６７８",
            ["１３８１２３４５６７８", "１３９１２３４５６７８"],
        ),
    ],
)
def test_split_phone_cell(cell: str | None, parts: list[str]) -> None:
    assert split_phone_cell(cell) == parts


def test_parse_phones_multiple_numbers() -> None:
    phones = parse_phones("13812345678; 0531-86123456 转 801、(0510)82712345")
    assert [(p.e164, p.extension, p.kind) for p in phones] == [
        (MOBILE, None, "mobile"),
        (JINAN, "801", "fixed_line"),
        (WUXI, None, "fixed_line"),
    ]
    assert [p.original for p in phones] == [
        "13812345678",
        "0531-86123456 转 801",
        "(0510)82712345",
    ]


def test_parse_phones_drops_duplicates_keeping_first() -> None:
    phones = parse_phones(
        "138-1234-5678; +86 138 1234 5678, 13812345678 / 0531-86123456;"
        " 0531-86123456-801; 0531 8612 3456 转 801"
    )
    assert [(p.original, p.e164, p.extension) for p in phones] == [
        ("138-1234-5678", MOBILE, None),
        ("0531-86123456", JINAN, None),
        ("0531-86123456-801", JINAN, "801"),
    ]


def test_parse_phones_keeps_invalid_entries_once() -> None:
    phones = parse_phones("无；13812345678；无；12345")
    assert [(p.original, p.valid) for p in phones] == [
        ("无", False),
        ("13812345678", True),
        ("12345", False),
    ]


def test_parse_phones_uses_default_area_code() -> None:
    phones = parse_phones("86123456, 0531-86123456", default_area_code="0531")
    assert [p.e164 for p in phones] == [JINAN]
    assert parse_phones("86123456")[0].e164 is None


@pytest.mark.parametrize("cell", [None, "", "  ", ";;"])
def test_parse_phones_empty(cell: str | None) -> None:
    assert parse_phones(cell) == []


def test_display_of_damaged_stored_value_does_not_raise() -> None:
    assert ParsedPhone("x", "not-e164", None, "mobile").display() == "not-e164"


# The fast path for plain Chinese numbers must give exactly what phonenumbers gives.

AREA_CODES = ("10", "20", "21", "22", "23", "24", "25", "27", "28", "29", "311", "351", "371")
AREA_CODES += ("379", "411", "431", "451", "510", "531", "532", "535", "571", "591", "731")
AREA_CODES += ("755", "757", "769", "851", "871", "898", "931", "991")


def by_phonenumbers(core: str) -> tuple[str, str] | None:
    try:
        number = phonenumbers.parse(core, "CN")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    kind = {
        phonenumbers.PhoneNumberType.MOBILE: "mobile",
        phonenumbers.PhoneNumberType.FIXED_LINE: "fixed_line",
    }.get(phonenumbers.number_type(number), "other")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), kind


def plain_shapes(rng: random.Random) -> list[str]:
    """Mobiles of every five-digit prefix, landlines of many areas, and random digit strings,
    written the plain ways."""

    def digits(n: int) -> str:
        return "".join(rng.choice("0123456789") for _ in range(n))

    shapes = [f"{prefix}{digits(6)}" for prefix in range(10000, 20000)]
    shapes += [f"+86 {m[:3]} {m[3:7]} {m[7:]}" for m in shapes[3000::7]]
    shapes += [f"{m[:3]}-{m[3:7]}-{m[7:]}" for m in shapes[3001::7]]
    for area in AREA_CODES:
        for first in "0123456789":
            for length in (7, 8):
                local = first + digits(length - 1)
                shapes += [f"0{area}-{local}", f"0{area}{local}", f"(0{area}){local}"]
                shapes.append(f"+86 {area} {local}")
    for _ in range(2000):
        body = digits(rng.randrange(8, 14))
        shapes.append(rng.choice(("", "0", "1", "00", "86", "+86", "+860", "+")) + body)
    return shapes


def test_fast_path_agrees_with_phonenumbers() -> None:
    taken = 0
    for core in plain_shapes(random.Random(8)):
        fast = phones._plain_chinese(core)
        if fast is not None:
            taken += 1
            assert fast == by_phonenumbers(core), core
    assert taken > 8000  # and it does take the plain numbers (7000 mobiles among them)


def test_parse_phones_is_the_same_without_the_fast_path(monkeypatch) -> None:
    rng = random.Random(9)
    cells = plain_shapes(rng)[::5] + [
        "13812345678；0531-86123456",
        "手机：13812345678",
        "13812345678（本人）",
        "(0531)82712345-801",
        "0531-86123456转12",
        "86123456",
        "138 1234 5678 / 139-1234-5678",
        "１３８１２３４５６７８",
        "无",
    ]
    fast = [parse_phones(c, area) for c in cells for area in ("0531", None)]
    monkeypatch.setattr(phones, "_plain_chinese", lambda core: None)
    phones._looked_up.cache_clear()

    assert [parse_phones(c, area) for c in cells for area in ("0531", None)] == fast
