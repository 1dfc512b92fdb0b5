"""Evaluation samples (J 5.4.5): drawn only from revisited cases, reproducible from the recorded
seed on SQLite and PostgreSQL alike, re-readable, exported with how they were drawn.
"""

from __future__ import annotations

import random
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app.ratings import Channel, Rating
from app.reports.samples import (
    SAMPLE_HEADERS,
    SEED_LIMIT,
    UnknownUnitError,
    draw_sample,
    load_sample,
    write_sample_xlsx,
)
from app.zone import LOCAL_ZONE
from db.models import Case, Evaluation, EvaluationSampleCase, Unit

JULY = {"start": date(2026, 7, 1), "end": date(2026, 7, 31)}
UNIT_A = "历下区不动产登记中心"
UNIT_B = "天桥区不动产登记中心"


def local(month: int, day: int, hour: int = 10) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=LOCAL_ZONE)


def build(session) -> dict[str, set[str]]:
    """Cases completed in July 2026 in two units; which of them are revisited (candidates).

    Case numbers mix upper and lower case, whose order differs between Python and a PostgreSQL
    collation, so that a draw relying on the database's order would not reproduce.
    """
    units = {name: Unit(name=name) for name in (UNIT_A, UNIT_B)}
    session.add_all(units.values())
    candidates: dict[str, set[str]] = {UNIT_A: set(), UNIT_B: set()}

    def add_case(case_no, unit, completed, evaluations=()):
        case = Case(case_no=case_no, unit=units[unit], completed_on=completed, applicant="张三")
        session.add(case)
        session.flush()
        for channel, at, round_, overall in evaluations:
            session.add(
                Evaluation(
                    case_id=case.id,
                    channel=channel,
                    round=round_,
                    evaluated_at=at,
                    overall=overall,
                    efficiency=Rating.SATISFIED,
                    attitude=Rating.AVERAGE,
                    materials=None,
                    integrity_breach=False,
                    suggestion="办事很快" if channel == Channel.QR else None,
                )
            )
        return case

    for number in range(24):
        unit = UNIT_A if number % 3 else UNIT_B
        prefix = "JNa" if number % 2 else "JNB"
        case_no = f"{prefix}2026{number:04d}"
        add_case(
            case_no, unit, date(2026, 7, 1 + number), [(Channel.QR, local(7, 28), 1, "satisfied")]
        )
        candidates[unit].add(case_no)
    # Not revisited: no evaluation, or only a second-round one; or completed outside July.
    add_case("JNX-none", UNIT_A, date(2026, 7, 10))
    add_case(
        "JNX-round2", UNIT_A, date(2026, 7, 10), [(Channel.PHONE, local(7, 20), 2, "dissatisfied")]
    )
    add_case("JNX-june", UNIT_A, date(2026, 6, 30), [(Channel.QR, local(7, 1), 1, "satisfied")])
    add_case("JNX-august", UNIT_B, date(2026, 8, 1), [(Channel.QR, local(8, 2), 1, "satisfied")])
    # Revisited twice: online first, then by phone; the sample shows the first evaluation.
    add_case(
        "JNA-first",
        UNIT_B,
        date(2026, 7, 31),
        [
            (Channel.PHONE, local(8, 10), 1, "dissatisfied"),
            (Channel.QR, local(8, 2), 1, "very_satisfied"),
        ],
    )
    candidates[UNIT_B].add("JNA-first")
    return candidates


@pytest.fixture
def candidates(any_db) -> dict[str, set[str]]:
    with any_db.sessions.begin() as session:
        return build(session)


def case_nos(sample) -> list[str]:
    return [row.case_no for row in sample.rows]


def test_only_revisited_cases_of_the_period_are_drawn(any_db, candidates):
    everyone = candidates[UNIT_A] | candidates[UNIT_B]
    with any_db.sessions.begin() as session:
        sample = draw_sample(session, **JULY, size=100, seed=5)
    assert len(everyone) == 25
    assert sorted(case_nos(sample)) == sorted(everyone)
    assert (sample.requested_size, sample.candidate_count) == (100, 25)
    assert [row.position for row in sample.rows] == list(range(1, 26))


def test_same_seed_same_sample_as_computed_independently(any_db, candidates):
    everyone = sorted(candidates[UNIT_A] | candidates[UNIT_B])
    with any_db.sessions.begin() as session:
        first = draw_sample(session, **JULY, size=6, seed=20260701)
        second = draw_sample(session, **JULY, size=6, seed=20260701)
        other = draw_sample(session, **JULY, size=6, seed=99)
    assert first.id != second.id
    assert case_nos(first) == case_nos(second)
    # The documented method, so that an auditor can repeat it outside the application.
    assert case_nos(first) == random.Random(20260701).sample(everyone, 6)
    assert case_nos(other) == random.Random(99).sample(everyone, 6)
    assert case_nos(other) != case_nos(first)


def test_seed_is_chosen_recorded_and_the_sample_reloads(any_db, candidates, tmp_path: Path):
    with any_db.sessions.begin() as session:
        drawn = draw_sample(session, **JULY, size=5, drawn_by="考核办 李四", note="营商环境评价")
    assert 0 <= drawn.seed < SEED_LIMIT
    with any_db.sessions() as session:
        loaded = load_sample(session, drawn.id)
        again = draw_sample(session, **JULY, size=5, seed=drawn.seed)
        session.rollback()
        stored = session.scalar(
            select(func.count()).where(EvaluationSampleCase.sample_id == drawn.id)
        )
    assert loaded == drawn
    assert (loaded.seed, loaded.drawn_by, loaded.note) == (
        drawn.seed,
        "考核办 李四",
        "营商环境评价",
    )
    assert (loaded.start, loaded.end, loaded.unit_names) == (JULY["start"], JULY["end"], [])
    assert case_nos(again) == case_nos(drawn)
    assert stored == 5
    with any_db.sessions() as session, pytest.raises(LookupError):
        load_sample(session, drawn.id + 1000)


def test_size_larger_than_candidates_and_unit_filter(any_db, candidates):
    with any_db.sessions.begin() as session:
        only_b = draw_sample(session, **JULY, size=50, unit_names=[UNIT_B], seed=3)
        a_few = draw_sample(session, **JULY, size=2, unit_names=[UNIT_A], seed=3)
        with pytest.raises(UnknownUnitError) as error:
            draw_sample(session, **JULY, size=2, unit_names=["不存在的中心"])
    assert error.value.names == ["不存在的中心"]
    assert sorted(case_nos(only_b)) == sorted(candidates[UNIT_B])
    assert (only_b.requested_size, only_b.candidate_count) == (50, len(candidates[UNIT_B]))
    assert only_b.unit_names == [UNIT_B]
    assert {row.unit for row in only_b.rows} == {UNIT_B}
    assert case_nos(a_few) == random.Random(3).sample(sorted(candidates[UNIT_A]), 2)


def test_rows_carry_the_first_evaluation(any_db, candidates):
    with any_db.sessions.begin() as session:
        sample = draw_sample(session, **JULY, size=100, unit_names=[UNIT_B], seed=1)
    row = next(row for row in sample.rows if row.case_no == "JNA-first")
    assert (row.unit, row.completed_on, row.applicant) == (UNIT_B, date(2026, 7, 31), "张三")
    assert (row.channel, row.channel_label) == (Channel.QR, "扫码评价")
    assert row.evaluated_at == local(8, 2)
    assert (row.overall, row.efficiency, row.attitude, row.materials) == (
        "非常满意",
        "满意",
        "一般",
        None,
    )
    assert (row.integrity, row.suggestion) == ("没有", "办事很快")


def test_bad_requests_are_refused(any_db, candidates):
    with any_db.sessions() as session:
        with pytest.raises(ValueError):
            draw_sample(session, **JULY, size=0)
        with pytest.raises(ValueError):
            draw_sample(session, start=date(2026, 7, 31), end=date(2026, 7, 1), size=3)
        with pytest.raises(ValueError):
            draw_sample(session, **JULY, size=3, seed=SEED_LIMIT)
        with pytest.raises(ValueError):
            draw_sample(session, **JULY, size=3, seed=-1)


def test_empty_period_records_an_empty_sample(any_db, candidates):
    with any_db.sessions.begin() as session:
        sample = draw_sample(session, start=date(2025, 1, 1), end=date(2025, 1, 31), size=5)
    assert (sample.rows, sample.candidate_count) == ([], 0)


def test_xlsx_export_with_the_header_block(any_db, candidates, tmp_path: Path):
    with any_db.sessions.begin() as session:
        sample = draw_sample(
            session, **JULY, size=4, unit_names=[UNIT_A], seed=12345, drawn_by="李四"
        )
    path = tmp_path / "sample.xlsx"
    write_sample_xlsx(sample, path)
    sheet = openpyxl.load_workbook(path).active
    cells = {row[0]: row[1] for row in sheet.iter_rows(min_row=3, max_row=12, values_only=True)}
    assert cells["随机种子"] == "12345"
    assert cells["抽样期间（办结日期）"] == "2026-07-01 至 2026-07-31"
    assert cells["受理单位"] == UNIT_A
    assert cells["样本量"] == "4（要求 4）"
    assert cells["抽取人"] == "李四"
    assert cells["抽取时间"] == sample.drawn_at.strftime("%Y-%m-%d %H:%M:%S")
    rows = list(sheet.iter_rows(values_only=True))
    header_line = next(i for i, row in enumerate(rows) if row[0] == "序号")
    assert tuple(rows[header_line]) == SAMPLE_HEADERS
    lines = rows[header_line + 1 :]
    assert [line[1] for line in lines] == case_nos(sample)
    assert lines[0][6] == "扫码评价" and lines[0][8] == "满意"
