"""The service phrases (W 附录 D) on the operator's screen: seeded verbatim, editable."""

from __future__ import annotations

import pytest

from app.desk.phrases import (
    PHRASE_CATEGORIES,
    RECORDING_NOTICE,
    service_phrases,
    set_service_phrases,
)
from tests.conftest import SPECIFICATIONS

WUXI = SPECIFICATIONS / "wuxi-DB3202-T-1005-2019.txt"


@pytest.fixture
def appendix_d() -> dict[str, str]:
    """The text of D.1.1 i), D.1.1 g)–h), D.1.2 and D.1.3 as the specification has it."""
    text = WUXI.read_text(encoding="utf-8")
    d11, d12, d13 = (
        text.index(mark) for mark in ("D.1.1 办公用语", "D.1.2 电话用语", "D.1.3 服务忌语")
    )
    section_d11 = text[d11:d12]
    return {
        "greeting": text[d12 : text.index("d)对方打错电话时", d12)],
        "closing": section_d11[section_d11.index("g)") : section_d11.index("i)")] + text[d12:d13],
        "apology": section_d11[section_d11.index("i)") : section_d11.index("j)")],
        "forbidden": text[d13 : text.index("E E附", d13)],
    }


def test_phrases_are_seeded_word_for_word_from_appendix_d(sqlite_db, appendix_d):
    with sqlite_db.sessions.begin() as session:
        phrases = service_phrases(session)
    assert list(phrases) == [code for code, _ in PHRASE_CATEGORIES]
    for category, texts in phrases.items():
        assert texts, category
        for phrase in texts:
            if phrase == RECORDING_NOTICE:
                continue  # issue 22: the recorded call's notice, not of 附录 D
            assert phrase in appendix_d[category], (category, phrase)
    assert phrases["greeting"][1] == RECORDING_NOTICE
    # D.1.3 a)–v): every phrase never to use, in order.
    forbidden = phrases["forbidden"]
    assert len(forbidden) == 22
    assert (forbidden[0], forbidden[-1]) == ("我没空", "我解决不了,愿意找谁找谁去")
    assert "请原谅" in phrases["apology"]
    assert phrases["greeting"][0] == "您好,这里是(单位)"


def test_the_team_edits_its_phrases(any_db):
    with any_db.sessions.begin() as session:
        set_service_phrases(
            session,
            "greeting",
            ["您好，这里是历下区不动产登记中心回访组", "  ", "请问是张先生吗？"],
        )
    with any_db.sessions.begin() as session:
        phrases = service_phrases(session)
        assert phrases["greeting"] == ["您好，这里是历下区不动产登记中心回访组", "请问是张先生吗？"]
        assert len(phrases["forbidden"]) == 22  # the other categories keep their defaults
        set_service_phrases(session, "closing", [])
    with any_db.sessions() as session:
        assert service_phrases(session)["closing"] == []


def test_an_unknown_category_is_refused(sqlite_db):
    with sqlite_db.sessions.begin() as session, pytest.raises(ValueError):
        set_service_phrases(session, "jokes", ["…"])
