"""The score sheet: the default of 附录 G, seeding once, editing by administrators only."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.assessment import AssessmentError, format_points, parse_points
from app.assessment.service import assessment_detail, new_assessment
from app.assessment.sheet import (
    DEFAULT_ITEMS,
    ItemInput,
    add_item,
    ensure_default_sheet,
    move_item,
    score_sheet,
    set_item_active,
    sheet_warning,
    update_item,
)
from app.roles import NotPermitted
from db.models import AssessmentItem, AuditEntry
from tests.assessment.conftest import H1


def test_the_default_sheet_is_table_g1_as_far_as_it_goes():
    by_number = {item.number: item for item in DEFAULT_ITEMS}
    assert [i.number for i in DEFAULT_ITEMS] == list(range(1, 14))
    measures = [i for i in DEFAULT_ITEMS if i.group_name == "服务举措"]
    assert [(i.name, i.points_tenths) for i in measures] == [
        ("同城通办", 30), ("延时服务", 20), ("容缺服务", 20), ("上门服务", 30),
        ("绿色通道服务", 30), ("预约服务", 10), ("网上办事服务", 20), ("自助服务", 20),
        ("“不见面审批”服务", 20),
    ]  # fmt: skip
    assert sum(i.points_tenths for i in measures) == 200
    assert [(i.name, i.points_tenths) for i in DEFAULT_ITEMS if i.group_name == "服务保障"] == [
        ("服务人员", 40), ("服务礼仪", 50), ("服务环境", 30), ("硬件设施", 0),
    ]  # fmt: skip
    assert by_number[1].standard == "符合条件不予受理的，发生一次扣1分。"
    assert by_number[11].rule == "courtesy"
    assert "80%以下的不得分" in by_number[11].standard
    assert "受到投诉经查实的不得分" in by_number[11].standard
    assert by_number[13].content.startswith("按要求配置各项服务设施，并有专人管理，确保能")
    assert "中断" in by_number[13].content and "0分" in by_number[13].standard
    assert sum(i.points_tenths for i in DEFAULT_ITEMS) == 320
    assert "32" in sheet_warning(320) and sheet_warning(1000) is None


def test_reading_an_empty_sheet_writes_nothing_and_seeding_happens_once(any_db, world):
    with any_db.sessions.begin() as session:
        sheet = score_sheet(session)
        assert not sheet.seeded and len(sheet.items) == 13 and sheet.total_tenths == 320
        assert session.scalar(select(func.count()).select_from(AssessmentItem)) == 0
    with any_db.sessions.begin() as session:
        assert ensure_default_sheet(session, world.admin.id)
        assert not ensure_default_sheet(session, world.admin.id)
    with any_db.sessions.begin() as session:
        assert session.scalar(select(func.count()).select_from(AssessmentItem)) == 13
        assert score_sheet(session).seeded
        seeded = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "assessment_item.seeded")
        ).all()
        assert len(seeded) == 1


def _completion(number: int, points: int, name: str = "硬件设施") -> ItemInput:
    return ItemInput(
        number, "服务保障", name, "按要求配置各项服务设施，并有专人管理。", "缺一项扣1分。", points
    )


def test_only_administrators_edit_and_every_edit_is_audited(any_db, world):
    for who in (world.lead, world.operator, world.auditor):
        with pytest.raises(NotPermitted), any_db.sessions.begin() as session:
            add_item(session, who, _completion(14, 10, "其他"))
    with any_db.sessions.begin() as session:
        assert not score_sheet(session).seeded  # refused actions left nothing, not the seeding
    with any_db.sessions.begin() as session:
        added = add_item(session, world.admin, _completion(14, 10, "其他"))
    with any_db.sessions.begin() as session:
        items = {i.number: i for i in score_sheet(session).items}
        assert len(items) == 14 and items[14].id == added.id
        update_item(session, world.admin, items[13].id, _completion(13, 130))
        set_item_active(session, world.admin, items[14].id, False)
    with any_db.sessions.begin() as session:
        sheet = score_sheet(session)
        assert sheet.total_tenths == 320 + 130
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
        assert actions[-3:] == [
            "assessment_item.added", "assessment_item.changed", "assessment_item.deactivated",
        ]  # fmt: skip


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"number": 0}, "number"),
        ({"number": 12}, "number"),  # taken
        ({"points_tenths": 1001}, "points"),
        ({"points_tenths": -10}, "points"),
        ({"name": "  "}, "name"),
        ({"name": "名" * 51}, "name"),
        ({"standard": "x" * 2001}, "standard"),
        ({"rule": "drop table"}, "rule"),
    ],
)
def test_bad_items_are_refused_and_leave_the_sheet(sqlite_db, sqlite_world, change, field):
    world = sqlite_world
    with sqlite_db.sessions.begin() as session:
        ensure_default_sheet(session, None)
    data = _completion(14, 10, "其他").__dict__ | change
    with pytest.raises(AssessmentError) as refused, sqlite_db.sessions.begin() as session:
        add_item(session, world.admin, ItemInput(**data))
    assert refused.value.field == field
    with sqlite_db.sessions.begin() as session:
        assert len(score_sheet(session).items) == 13


def test_hostile_text_is_kept_as_text(sqlite_db, sqlite_world):
    hostile = '=HYPERLINK("http://x")\'; DROP TABLE assessment_items;--<b>'
    with sqlite_db.sessions.begin() as session:
        add_item(
            session,
            sqlite_world.admin,
            ItemInput(14, hostile[:50], hostile[:50], hostile, hostile, 5),
        )
    with sqlite_db.sessions.begin() as session:
        item = score_sheet(session).items[-1]
        assert item.content == hostile and item.points_tenths == 5


def test_renumbering_swaps_neighbours(sqlite_db, sqlite_world):
    with sqlite_db.sessions.begin() as session:
        ensure_default_sheet(session, None)
        items = {i.number: i for i in score_sheet(session).items}
        move_item(session, sqlite_world.admin, items[12].id, -1)
    with sqlite_db.sessions.begin() as session:
        names = [(i.number, i.name) for i in score_sheet(session).items]
        assert names[10:12] == [(11, "服务环境"), (12, "服务礼仪")]
        first = score_sheet(session).items[0]
        with pytest.raises(AssessmentError):
            move_item(session, sqlite_world.admin, first.id, -1)


def test_editing_the_sheet_never_changes_an_assessment_made(any_db, world):
    with any_db.sessions.begin() as session:
        made = new_assessment(
            session, world.lead, unit_id=world.binhu, kind="internal",
            period_start=H1[0], period_end=H1[1], assessed_on=date(2026, 7, 5), assessors="王建国",
        )  # fmt: skip
    with any_db.sessions.begin() as session:
        items = {i.number: i for i in score_sheet(session).items}
        update_item(
            session,
            world.admin,
            items[1].id,
            ItemInput(1, "服务举措", "同城通办（改）", "内容", "标准", 50),
        )
        set_item_active(session, world.admin, items[2].id, False)
    with any_db.sessions.begin() as session:
        detail = assessment_detail(session, world.lead, made)
        first = detail.scores[0]
        assert (first.item_name, first.points_tenths, first.standard) == (
            "同城通办", 30, "符合条件不予受理的，发生一次扣1分。",
        )  # fmt: skip
        assert len(detail.scores) == 13 and detail.row.standard_total_tenths == 320


@pytest.mark.parametrize(
    ("text", "tenths"),
    [("3", 30), ("1.5", 15), (".5", 5), ("０.５", 5), (" 2 ", 20), ("100", 1000), (4, 40)],
)
def test_points_as_typed(text, tenths):
    assert parse_points(text) == tenths


@pytest.mark.parametrize("text", ["", "-1", "1.25", "abc", "1e3", "101", "9" * 500, "1,5", "NaN"])
def test_points_refused(text):
    with pytest.raises(AssessmentError):
        parse_points(text)


def test_points_shown():
    assert [format_points(v) for v in (0, 5, 30, 205, 1000)] == ["0", "0.5", "3", "20.5", "100"]
