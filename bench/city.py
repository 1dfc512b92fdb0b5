"""A realistic city-year in a RevisitDesk SQLite file, written fast with the sqlite3 module.

    .venv/bin/python -m bench.city /tmp/city.sqlite3 --cases 1000000

A million cases over 12 units, 300 k evaluations (one in fifteen 不满意), 500 k call attempts,
a second-round callback for every dissatisfied first evaluation (the last weeks' still open,
some assigned), and complaints and suggestions at about one per 700 cases (the last weeks'
still open).

The schema comes from the app's own migrations; only the rows are written by hand, with the
values the app itself would store (UUIDs as 32 hex digits, times as naive UTC text).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from db.database import open_database

UNITS = (
    ("历下区不动产登记中心", "历下区"),
    ("市中区不动产登记中心", "市中区"),
    ("槐荫区不动产登记中心", "槐荫区"),
    ("天桥区不动产登记中心", "天桥区"),
    ("历城区不动产登记中心", "历城区"),
    ("长清区不动产登记中心", "长清区"),
    ("章丘区不动产登记中心", "章丘区"),
    ("济阳区不动产登记中心", "济阳区"),
    ("莱芜区不动产登记中心", "莱芜区"),
    ("钢城区不动产登记中心", "钢城区"),
    ("平阴县不动产登记中心", "平阴县"),
    ("市不动产登记中心专业大厅", "市本级"),
)
TYPES = ("国有建设用地使用权及房屋所有权转移登记", "抵押权首次登记", "抵押权注销登记", "预告登记")
RATINGS = ("very_satisfied",) * 4 + ("satisfied",) * 8 + ("average",) * 2 + ("dissatisfied",)
OUTCOMES = ("completed",) * 3 + ("no_answer", "busy", "unreachable", "wrong_number", "refused_soft")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英"
NOW = "2027-01-05 00:00:00.000000"
# What the registration system exports for an enterprise case (Form B is pre-filled with it).
ENTERPRISE_SQL = """
UPDATE cases SET
  enterprise_name = '济南' || substr('泉城趵突大明千佛华山舜耕历山鹊华龙洞黄台', (id % 13) * 2 + 1, 2)
    || substr('置业商贸建设实业物流科技投资', (id / 13 % 7) * 2 + 1, 2) || '有限公司',
  steps = 2 + id % 4,
  days = 1 + id % 5,
  registration_fee_fen = CASE id % 3 WHEN 0 THEN 8000 ELSE 55000 END,
  deed_tax_fen = id * 7919 % 5000000,
  stamp_duty_fen = 500
WHERE is_enterprise = 1
"""


def _uid(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


STAMP = "%Y-%m-%d %H:%M:%S.000000"  # how SQLAlchemy stores a DateTime on SQLite


def _utc(moment: datetime) -> str:
    return (moment - timedelta(hours=8)).strftime(STAMP)


def generate(
    path: Path,
    *,
    cases: int = 1_000_000,
    evaluations: int = 300_000,
    attempts: int = 500_000,
    year: int = 2026,
    seed: int = 2026,
) -> None:
    """Write a new database at `path` with the app's schema and a year of records."""
    path.unlink(missing_ok=True)
    open_database(f"sqlite:///{path}").close()  # the schema, through the migrations
    rng = random.Random(seed)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = OFF")
    with connection:
        connection.executemany(
            "INSERT INTO units (id, uid, name, district, area_code, active, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, '0531', 1, ?, ?)",
            [(i + 1, _uid(rng), n, d, NOW, NOW) for i, (n, d) in enumerate(UNITS)],
        )
        connection.executemany(
            "INSERT INTO staff (id, uid, name, unit_id, is_operator, active, created_at, updated_at)"
            " VALUES (?, ?, ?, NULL, 1, 1, ?, ?)",
            [(i, _uid(rng), f"回访员{i}", NOW, NOW) for i in range(1, 21)],
        )
    start = date(year, 1, 1)
    case_rows, phone_rows = [], []
    for case_id in range(1, cases + 1):
        completed = start + timedelta(days=rng.randrange(365))
        case_rows.append(
            (
                case_id,
                _uid(rng),
                f"JN{completed:%Y%m%d}{case_id:07d}",
                rng.choice(TYPES),
                rng.randrange(len(UNITS)) + 1,
                (completed - timedelta(days=rng.randrange(1, 8))).isoformat(),
                completed.isoformat(),
                rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                int(rng.random() < 0.1),
                f"历下区泉城路{rng.randrange(1, 300)}号",
                NOW,
                NOW,
            )
        )
        mobile = f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"
        phone_rows.append((case_id, mobile, f"+86{mobile}", f"+86{mobile}"[::-1]))
    with connection:
        connection.executemany(
            "INSERT INTO cases (id, uid, case_no, business_type, unit_id, accepted_on,"
            " completed_on, applicant, is_enterprise, location, has_valid_phone, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
            case_rows,
        )
        connection.executemany(
            "INSERT INTO case_phones (case_id, position, original, e164, e164_reversed, kind)"
            " VALUES (?, 0, ?, ?, ?, 'mobile')",
            phone_rows,
        )
    with connection:
        connection.execute(ENTERPRISE_SQL)
    completed_on = {row[0]: date.fromisoformat(row[6]) for row in case_rows}
    del case_rows, phone_rows
    evaluated = rng.sample(range(1, cases + 1), evaluations)
    evaluation_rows = []
    for number, case_id in enumerate(evaluated, start=1):
        at = datetime.combine(completed_on[case_id], datetime.min.time()) + timedelta(
            minutes=rng.randrange(60 * 24 * 14)
        )
        channel = rng.choice(("qr", "platform", "platform", "phone"))
        evaluation_rows.append(
            (number, _uid(rng), case_id, channel, _utc(at), rng.choice(RATINGS), NOW, NOW)
        )
    with connection:
        connection.executemany(
            "INSERT INTO evaluations (id, uid, case_id, channel, round, evaluated_at, overall,"
            " efficiency, attitude, materials, integrity_breach, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, 1, ?, ?, 'satisfied', 'satisfied', 'satisfied', 0, ?, ?)",
            evaluation_rows,
        )
    del evaluation_rows
    attempt_rows = []
    for number in range(1, attempts + 1):
        case_id = rng.randrange(1, cases + 1)
        at = datetime.combine(completed_on[case_id], datetime.min.time()) + timedelta(
            days=rng.randrange(8, 20), hours=rng.randrange(9, 17)
        )
        attempt_rows.append(
            (
                number,
                _uid(rng),
                case_id,
                _utc(at),
                rng.choice(OUTCOMES),
                rng.randrange(1, 21),
                rng.randrange(20, 400),
                NOW,
                NOW,
            )
        )
    with connection:
        connection.executemany(
            "INSERT INTO call_attempts (id, uid, case_id, attempted_at, outcome, operator_id,"
            " duration_seconds, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            attempt_rows,
        )
    _follow_up(connection, rng, completed_on, year)
    connection.execute("ANALYZE")
    connection.close()


REASONS = ("efficiency", "attitude", "materials", "other")
CHANNELS = ("on_site", "phone", "online", "letter")
CATEGORIES = ("opinion", "coordination", "filed")
OPEN_SINCE = date(2026, 12, 1)  # callbacks and complaints of the last weeks are still open


def _follow_up(
    connection: sqlite3.Connection,
    rng: random.Random,
    completed_on: dict[int, date],
    year: int,
) -> None:
    """Callbacks for the dissatisfied first evaluations and a year of complaints."""
    dissatisfied = connection.execute(
        "SELECT e.id, e.case_id, e.evaluated_at, c.unit_id FROM evaluations e"
        " JOIN cases c ON c.first_evaluation_id = e.id WHERE e.overall = 'dissatisfied'"
    ).fetchall()
    task_rows = []
    for number, (evaluation_id, case_id, evaluated_at, unit_id) in enumerate(dissatisfied, 1):
        opened = datetime.fromisoformat(evaluated_at)
        still_open = opened.date() >= OPEN_SINCE - timedelta(days=10)
        status = rng.choice(("open", "assigned", "contacted")) if still_open else "resolved"
        task_rows.append(
            (
                number,
                _uid(rng),
                case_id,
                evaluation_id,
                unit_id,
                status,
                rng.choice(REASONS),
                "办理时间太长，窗口让来回跑了两趟",
                rng.randrange(1, 21) if status != "open" else None,
                evaluated_at if status != "open" else None,
                (opened + timedelta(days=7)).date().isoformat(),
                evaluated_at,
                None if still_open else (opened + timedelta(days=3)).strftime(STAMP),
                None if still_open else "已电话联系当事人说明情况，当事人表示理解",
                NOW,
                NOW,
            )
        )
    with connection:
        connection.executemany(
            "INSERT INTO callback_tasks (id, uid, case_id, evaluation_id, unit_id, status,"
            " reason_category, respondent_words, assigned_to_id, assigned_at, due_on, opened_at,"
            " closed_at, resolution, reopened_count, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
            task_rows,
        )
    complaint_rows = []
    case_ids = list(completed_on)
    for number in range(1, len(case_ids) // 700 + 1):
        case_id = rng.choice(case_ids)
        received = datetime.combine(
            completed_on[case_id] + timedelta(days=rng.randrange(1, 20)), datetime.min.time()
        ) + timedelta(hours=rng.randrange(9, 17))
        kind = "complaint" if rng.random() < 0.8 else "suggestion"
        still_open = received.date() >= OPEN_SINCE
        complaint_rows.append(
            (
                number,
                _uid(rng),
                f"{'TS' if kind == 'complaint' else 'JY'}{year}-{number:04d}",
                case_id,
                kind,
                rng.choice(CHANNELS),
                rng.choice(CATEGORIES) if kind == "complaint" else None,
                _utc(received),
                rng.choice(SURNAMES) + rng.choice(GIVEN),
                f"1{rng.choice('3589')}{rng.randrange(10**9):09d}",
                "对办理时限和窗口服务有意见",
                rng.choice(("open", "contacted")) if still_open else "closed",
                (received + timedelta(days=3)).date().isoformat(),
                (received + timedelta(days=21)).date().isoformat(),
                None if still_open else _utc(received + timedelta(days=10)),
                NOW,
                NOW,
            )
        )
    with connection:
        connection.executemany(
            "INSERT INTO complaints (id, uid, number, case_id, unit_id, kind, channel, category,"
            " received_at, complainant, contact, content, status, first_contact_due, reply_due,"
            " closed_at, created_at, updated_at)"
            " SELECT ?, ?, ?, c.id, c.unit_id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
            " FROM cases c WHERE c.id = ?",
            [row[:3] + row[4:] + (row[3],) for row in complaint_rows],
        )
    # Form B for every enterprise case: archived once answered, the last weeks' printed or due.
    with connection:
        connection.execute(
            "INSERT INTO enterprise_feedback (case_id, uid, status, assigned_unit_id, printed_at,"
            " returned_at, verified_at, archived_at, satisfaction, created_at, updated_at)"
            " SELECT id, lower(hex(randomblob(16))),"
            " CASE WHEN completed_on < ? THEN 'archived' WHEN completed_on < ? THEN 'printed'"
            " ELSE 'to_do' END, unit_id,"
            " CASE WHEN completed_on < ? THEN completed_on || ' 02:00:00.000000' END,"
            " CASE WHEN completed_on < ? THEN date(completed_on, '+9 days') || ' 02:00:00.000000' END,"
            " CASE WHEN completed_on < ? THEN date(completed_on, '+10 days') || ' 02:00:00.000000' END,"
            " CASE WHEN completed_on < ? THEN date(completed_on, '+10 days') || ' 03:00:00.000000' END,"
            " CASE WHEN completed_on < ? THEN 'satisfied' END, ?, ?"
            " FROM cases WHERE is_enterprise = 1",
            (
                f"{year}-11-01",
                f"{year}-12-01",
                f"{year}-12-01",
                *(f"{year}-11-01",) * 4,
                NOW,
                NOW,
            ),
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--evaluations", type=int)
    parser.add_argument("--attempts", type=int)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    began = time.perf_counter()
    generate(
        args.path,
        cases=args.cases,
        evaluations=args.evaluations or args.cases * 3 // 10,
        attempts=args.attempts or args.cases // 2,
        seed=args.seed,
    )
    print(f"{args.path}: {args.cases} cases in {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
