"""Realistic demo data for a new installation: Jinan registration cases and 好差评 evaluations,
stored through the real importers so that it is exactly what importing such exports produces."""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.calendar import CalendarUnknownError, WorkingCalendar
from app.errors import Refused
from app.i18n import pick
from app.importing import cases as case_import
from app.importing import evaluations as evaluation_import
from app.importing.reader import RawTable
from app.importing.service import import_table
from app.importing.summary import ImportSummary
from app.importing.unknown_units import UnitAction, UnitChoices
from app.progress import Progress
from db.models import Unit

__all__ = ["DemoResult", "fill_demo_data"]

CASES_FILENAME = "演示数据-业务件"
EVALUATIONS_FILENAME = "演示数据-好差评"
# Case-number serials stay at 500000 and above: the sample exports use 000000 upwards.
_SERIAL_BASE = 500_000
_SERIAL_SPREAD = 400_000
MAX_CASES = 100_000  # so that every serial keeps six digits
_HISTORY_DAYS = 183  # about six months of completed cases


@dataclass
class DemoResult:
    """What fill_demo_data added."""

    cases: int
    evaluations: int
    units: int
    # The importers' own reports (cases first), for a caller that wants to show them.
    summaries: list[ImportSummary] = field(default_factory=list, repr=False)


# --- Jinan: units, districts, streets ------------------------------------------------------

_CITY_LEVEL = "市本级"


@dataclass(frozen=True)
class _UnitProfile:
    name: str
    district: str
    handlers: tuple[str, ...]
    weight: int  # share of the city's cases
    enterprise_share: float


_UNITS = (
    _UnitProfile(
        "历下区不动产登记中心", "历下区", ("张晓燕", "李明辉", "王璐", "赵振华"), 18, 0.09
    ),
    _UnitProfile("市中区不动产登记中心", "市中区", ("刘芳", "陈志强", "孙静", "高文博"), 16, 0.09),
    _UnitProfile("槐荫区不动产登记中心", "槐荫区", ("杨帆", "马丽娟", "徐建国", "于倩"), 13, 0.09),
    _UnitProfile("天桥区不动产登记中心", "天桥区", ("郭敏", "宋立新", "韩雪", "董鹏"), 13, 0.09),
    _UnitProfile("历城区不动产登记中心", "历城区", ("魏红梅", "吕涛", "田甜", "孔祥瑞"), 18, 0.09),
    _UnitProfile("章丘区不动产登记中心", "章丘区", ("袁庆华", "邢丽", "焦伟", "李春燕"), 10, 0.09),
    # The city hall takes the large and enterprise business of every district.
    _UnitProfile(
        "市不动产登记中心专业大厅",
        _CITY_LEVEL,
        ("周立群", "程晓东", "姜海燕", "曹宇", "秦文静"),
        12,
        0.35,
    ),
)

_STREETS = {
    "历下区": (
        "泉城路", "经十路", "解放路", "文化东路", "历山路", "和平路",
        "山大路", "旅游路", "二环东路", "燕子山路", "明湖东路",
    ),
    "市中区": (
        "经四路", "经七路", "纬二路", "舜耕路", "英雄山路", "二环南路",
        "玉函路", "郎茂山路", "阳光新路", "经十一路",
    ),
    "槐荫区": (
        "经十路", "纬十二路", "张庄路", "日照路", "齐州路", "威海路",
        "腊山河西路", "经二路", "营市街",
    ),
    "天桥区": (
        "北园大街", "明湖西路", "无影山路", "堤口路", "济泺路", "标山路",
        "生产路", "二环北路", "蓝翔路", "清河北路",
    ),
    "历城区": (
        "花园路", "工业北路", "华信路", "二环东路", "唐冶西路", "荷花路",
        "东风街", "山大北路", "围子山路", "世纪大道",
    ),
    "章丘区": (
        "汇泉路", "双山大街", "唐王山路", "铁道北路", "福泰路", "明堂路",
        "绣水大街", "山泉路",
    ),
}  # fmt: skip
_DISTRICTS = tuple(_STREETS)
# Yuan per square metre, for deed tax in the right order of magnitude.
_PRICE_PER_M2 = {
    "历下区": (22_000, 32_000),
    "市中区": (17_000, 26_000),
    "槐荫区": (14_000, 20_000),
    "天桥区": (13_000, 19_000),
    "历城区": (14_000, 24_000),
    "章丘区": (7_000, 11_000),
}
_MAX_FLOOR = {"章丘区": 18}  # fewer high-rises outside the centre

# --- Registration types ----------------------------------------------------------------------

_TRANSFER = "国有建设用地使用权及房屋所有权转移登记"
_FIRST = "国有建设用地使用权及房屋所有权首次登记"
_LAND_FIRST = "国有建设用地使用权首次登记"
_MORTGAGE = "抵押权首次登记"
_MORTGAGE_CHANGE = "抵押权变更登记"
_MORTGAGE_RELEASE = "抵押权注销登记"
_ADVANCE = "预告登记"
_CORRECTION = "更正登记"
_CHANGE = "变更登记"
_CONSTRUCTION_MORTGAGE = "在建工程抵押登记"
_SEIZURE = "查封登记"


@dataclass(frozen=True)
class _TypeProfile:
    working_days: tuple[int, int]  # from 受理 to 办结
    steps: tuple[int, int]  # 办理环节数
    online_share: float  # 全程网办: banks and developers file mortgages and 预告 online
    charged: bool  # 登记费 due (注销, 预告, 更正 and 查封 are free)


_TYPES = {
    _TRANSFER: _TypeProfile((1, 5), (2, 4), 0.15, True),
    _FIRST: _TypeProfile((3, 7), (3, 4), 0.15, True),
    _LAND_FIRST: _TypeProfile((3, 7), (3, 4), 0.10, True),
    _MORTGAGE: _TypeProfile((1, 3), (1, 3), 0.45, True),
    _MORTGAGE_CHANGE: _TypeProfile((1, 3), (1, 3), 0.35, True),
    _MORTGAGE_RELEASE: _TypeProfile((1, 2), (1, 2), 0.55, False),
    _ADVANCE: _TypeProfile((1, 3), (1, 3), 0.45, False),
    _CORRECTION: _TypeProfile((2, 6), (2, 4), 0.05, False),
    _CHANGE: _TypeProfile((1, 4), (1, 3), 0.20, True),
    _CONSTRUCTION_MORTGAGE: _TypeProfile((2, 5), (2, 4), 0.40, True),
    _SEIZURE: _TypeProfile((1, 1), (1, 2), 0.0, False),
}
_PERSON_TYPES = {
    _TRANSFER: 34,
    _MORTGAGE: 20,
    _MORTGAGE_RELEASE: 15,
    _ADVANCE: 10,
    _CHANGE: 7,
    _FIRST: 4,
    _CORRECTION: 4,
    _MORTGAGE_CHANGE: 3,
    _SEIZURE: 2,
}
_DEVELOPER_TYPES = {_FIRST: 35, _CONSTRUCTION_MORTGAGE: 35, _LAND_FIRST: 12, _CHANGE: 10}
_COMPANY_TYPES = {_TRANSFER: 35, _MORTGAGE: 30, _MORTGAGE_RELEASE: 15, _CHANGE: 15, _CORRECTION: 5}

# --- People and companies --------------------------------------------------------------------

# Common surnames, weighted roughly as in Shandong.
_SURNAMES = (
    "王" * 12 + "张" * 10 + "李" * 10 + "刘" * 9 + "孙" * 5 + "杨" * 4 + "赵" * 4 + "陈" * 4
    + "徐" * 3 + "高" * 3 + "马" * 3 + "于" * 3 + "郭" * 3 + "宋" * 2 + "董" * 2 + "魏" * 2
    + "韩" * 2 + "吕" * 2 + "田" * 2 + "孔" * 2 + "周吴郑冯朱胡何林罗梁谢唐许邓曹彭曾肖袁"
    + "潘蒋蔡杜叶程苏丁任沈姚卢姜崔谭范金石贾付方白邹孟秦邱尹薛闫段雷侯史贺毛郝邵邢焦"
)  # fmt: skip
_GIVEN_MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆东振峰建国志海庆立文博晨阳"
_GIVEN_FEMALE = "芳娜敏静丽艳娟霞燕玲婷雪琳倩颖洁慧莉红梅丹萍琴云晶月璐瑶欣悦佳雨秀兰"

_COMPANY_BRANDS = (
    "华泰", "润华", "泉盛", "鼎信", "恒昌", "舜丰", "鲁源", "明德", "天成", "广厦",
    "嘉和", "瑞祥", "宏图", "中诚", "誉峰", "泰和", "金鼎", "东岳", "汇通", "齐鑫",
    "历丰", "长青", "银座", "锦程", "泓泰", "圣源", "龙腾", "正阳", "博远", "安居",
)  # fmt: skip
_DEVELOPER_TRADES = ("置业", "房地产开发", "置地", "城建开发")
_COMPANY_TRADES = ("商贸", "科技", "实业", "投资", "物业管理", "建设工程", "医药", "餐饮管理")
_COMPANY_FORMS = ("有限公司", "有限公司", "有限责任公司", "股份有限公司")
_DIRECTIONS = ("东", "西", "南", "北")

# --- Phones ----------------------------------------------------------------------------------

# Mobile prefixes of the three carriers; 154 is unassigned and 17x is left out on purpose.
_MOBILE_PREFIXES = tuple(
    str(p)
    for p in (*range(130, 140), *range(150, 160), *range(180, 190), *range(195, 200))
    if p != 154
)

# --- Evaluations -----------------------------------------------------------------------------

# Below the 30 % target on purpose: online evaluation alone rarely reaches it, so the demo
# queue has phone revisits to make and the coverage panel has shortfalls to show.
_EVALUATION_SHARE = 0.22
_SECOND_EVALUATION_SHARE = 0.03
_INTEGRITY_BREACH_SHARE = 0.002
# The 好差评 scale plus 一般, best first; indices compare answers.
_LEVELS = ("非常满意", "满意", "基本满意", "一般", "不满意", "非常不满意")
_LEVEL_WEIGHTS = (55, 30, 6, 5, 2.5, 1.5)
_DISSATISFIED = 4  # index of the first dissatisfied level
_PRAISE = (
    "办事很快", "工作人员很耐心", "服务热情周到", "一次办好，不用来回跑", "流程清晰，指引明确",
    "网上办理很方便", "窗口人员很专业", "材料一次性告知，很省心", "环境整洁，秩序好",
)  # fmt: skip
_SUGGESTIONS = (
    "等候时间有点长", "希望增加取号窗口", "希望周末也能办理", "停车不太方便",
    "网上申报页面有点复杂", "希望短信通知领证时间",
)  # fmt: skip
# Reasons for dissatisfaction, with the Form A item they are about.
_COMPLAINTS = (
    ("材料要求太多", "materials"),
    ("多次补交材料", "materials"),
    ("材料清单不清楚，来回跑了几趟", "materials"),
    ("排队时间太长", "efficiency"),
    ("办理时间太长", "efficiency"),
    ("网上系统操作复杂，提交不成功", "efficiency"),
    ("工作人员态度不好", "attitude"),
    ("咨询电话一直打不通", "attitude"),
    ("窗口人员解释不清楚", "attitude"),
)
_BREACH_NOTES = ("窗口人员推荐指定中介代办", "有人称交钱可以加快办理")
_RATED_ITEMS = ("efficiency", "attitude", "materials")


# --- Entry point -----------------------------------------------------------------------------


class DemoRefused(Refused, ValueError):
    """Demo data that cannot be made as asked."""


def fill_demo_data(
    session: Session,
    cases: int = 3000,
    seed: int = 2026,
    today: date | None = None,
    progress: Progress | None = None,
) -> DemoResult:
    """Add `cases` demo cases, completed in the ~6 months before `today`, and their evaluations.

    The same seed and day give the same data, so running it again adds nothing. The caller owns
    the transaction; `progress` is passed to each import (it restarts per import) and may raise
    Cancelled.
    """
    if not 0 <= cases <= MAX_CASES:
        raise DemoRefused(
            pick(
                f"演示业务件数应在 0 到 {MAX_CASES} 之间，不能是 {cases}",
                f"The number of demo cases must be 0 to {MAX_CASES}, not {cases}",
            )
        )
    today = today or clock.today()
    result = DemoResult(cases=0, evaluations=0, units=0)
    if cases == 0:
        return result
    rng = random.Random(seed)
    calendar = WorkingCalendar.load(session)
    units_before = session.scalar(select(func.count()).select_from(Unit)) or 0

    generated = _generate_cases(rng, cases, seed, today, calendar)
    case_rows = [case.cells for case in generated]
    summary = import_table(
        session,
        case_import.KIND,
        _table(case_import.FIELDS, case_rows, f"demo-{seed}-cases"),
        CASES_FILENAME,
        units=UnitChoices(otherwise=UnitAction.NEW),  # the demo brings its own units
        progress=progress,
    )
    result.summaries.append(summary)
    result.cases = summary.inserted

    evaluation_rows = _generate_evaluations(rng, generated, today)
    if evaluation_rows:
        summary = import_table(
            session,
            evaluation_import.KIND,
            _table(evaluation_import.FIELDS, evaluation_rows, f"demo-{seed}-evaluations"),
            EVALUATIONS_FILENAME,
            progress=progress,
        )
        result.summaries.append(summary)
        result.evaluations = summary.inserted

    units_after = session.scalar(select(func.count()).select_from(Unit)) or 0
    result.units = units_after - units_before
    return result


def _table(fields: Sequence, rows: list[list[str]], name: str) -> RawTable:
    """A table as the reader would give it: header on line 1, data below."""
    header = [f.label for f in fields]
    # The digest covers the contents, as a file's would, so different data never shares one.
    digest = hashlib.sha256(
        json.dumps([name, header, rows], ensure_ascii=False).encode()
    ).hexdigest()
    numbered = [(1, header), *((line, cells) for line, cells in enumerate(rows, start=2))]
    return RawTable(rows=numbered, sha256=digest, sheet=None)


# --- Cases -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _DemoCase:
    case_no: str
    completed_on: date
    online: bool
    cells: list[str]


def _generate_cases(
    rng: random.Random, count: int, seed: int, today: date, calendar: WorkingCalendar
) -> list[_DemoCase]:
    workdays = _working_days(today - timedelta(days=_HISTORY_DAYS + 20), today, calendar)
    # The export lists cases by number and numbers grow with time, so dates are drawn first.
    first = next(i for i, day in enumerate(workdays) if day >= today - timedelta(_HISTORY_DAYS))
    completions = sorted(rng.randrange(first, len(workdays)) for _ in range(count))
    # Each seed and day get their own serial range, so a second demo run with other settings
    # adds cases beside the first instead of overwriting some of them.
    start = _SERIAL_BASE + random.Random(f"demo-serial-{seed}-{today}").randrange(_SERIAL_SPREAD)
    developers = _companies(rng, _DEVELOPER_TRADES, 12)
    companies = _companies(rng, _COMPANY_TRADES, 40)
    unit_weights = [u.weight for u in _UNITS]
    generated = []
    for serial, completed_index in enumerate(completions, start=start):
        unit = rng.choices(_UNITS, unit_weights)[0]
        district = rng.choice(_DISTRICTS) if unit.district == _CITY_LEVEL else unit.district
        enterprise_name = ""
        if rng.random() < unit.enterprise_share:
            if rng.random() < 0.4:
                enterprise_name = rng.choice(developers)
                business_type = _weighted(rng, _DEVELOPER_TYPES)
            else:
                enterprise_name = rng.choice(companies)
                business_type = _weighted(rng, _COMPANY_TYPES)
        else:
            business_type = _weighted(rng, _PERSON_TYPES)
        enterprise = bool(enterprise_name)
        profile = _TYPES[business_type]

        completed = workdays[completed_index]
        back = rng.randint(*profile.working_days)
        # 受理 lies 1–10 days before 办结; a long holiday may force a shorter span.
        while back > 1 and (completed - workdays[max(0, completed_index - back)]).days > 10:
            back -= 1
        accepted = workdays[max(0, completed_index - back)]

        online = rng.random() < profile.online_share
        case_no = f"JN{completed:%Y%m%d}{serial:06d}"
        registration_fee = (550 if enterprise else 80) if profile.charged else 0
        cells = [
            case_no,
            business_type,
            unit.name,
            unit.district,
            accepted.isoformat(),
            completed.isoformat(),
            _person_name(rng),
            _phone_cell(rng, enterprise),
            "是" if enterprise else "否",
            enterprise_name,
            _location(rng, district, business_type),
            rng.choice(unit.handlers),
            "全程网办" if online else "窗口",
            str(rng.randint(*profile.steps)),
            str(back),
            str(registration_fee),
            str(_deed_tax(rng, district, business_type, enterprise)),
            "5" if enterprise and business_type in (_TRANSFER, _FIRST, _LAND_FIRST) else "0",
        ]
        generated.append(_DemoCase(case_no, completed, online, cells))
    return generated


def _working_days(start: date, end: date, calendar: WorkingCalendar) -> list[date]:
    """Working days in [start, end): official holidays and 调休 where known, else Mon–Fri."""
    days = []
    day = start
    while day < end:
        try:
            working = calendar.is_working_day(day)
        except CalendarUnknownError:
            # A year the calendar does not know yet: demo data need not wait for it.
            working = day.weekday() < 5
        if working:
            days.append(day)
        day += timedelta(days=1)
    return days


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def _companies(rng: random.Random, trades: Sequence[str], count: int) -> list[str]:
    """A pool of enterprises, so that the same companies come back case after case."""
    names: set[str] = set()
    while len(names) < count:
        names.add(
            f"济南{rng.choice(_COMPANY_BRANDS)}{rng.choice(trades)}{rng.choice(_COMPANY_FORMS)}"
        )
    return sorted(names)


def _person_name(rng: random.Random) -> str:
    given = _GIVEN_MALE if rng.random() < 0.5 else _GIVEN_FEMALE
    length = 1 if rng.random() < 0.3 else 2
    return rng.choice(_SURNAMES) + "".join(rng.choice(given) for _ in range(length))


def _mobile(rng: random.Random) -> str:
    return f"{rng.choice(_MOBILE_PREFIXES)}{rng.randrange(10**8):08d}"


def _landline(rng: random.Random) -> str:
    return f"0531-8{rng.randrange(10**7):07d}"


def _phone_cell(rng: random.Random, enterprise: bool) -> str:
    """Mostly one mobile; Jinan landlines (more of them for enterprises); a few pairs; ~1 % blank.

    Blank cells are kept on purpose: the import flags those cases as having no valid phone.
    """
    draw = rng.random()
    if draw < 0.01:
        return ""
    if draw < 0.03:
        return f"{_mobile(rng)}；{_landline(rng) if rng.random() < 0.5 else _mobile(rng)}"
    return _landline(rng) if rng.random() < (0.35 if enterprise else 0.08) else _mobile(rng)


def _location(rng: random.Random, district: str, business_type: str) -> str:
    street = rng.choice(_STREETS[district])
    if business_type == _LAND_FIRST:
        # Land is registered by parcel, described by the roads around it.
        other = rng.choice([s for s in _STREETS[district] if s != street])
        east_west, north_south = rng.choice("东西"), rng.choice("南北")
        return f"{district}{street}以{east_west}、{other}以{north_south}地块"
    number = rng.randint(1, 320)
    building = rng.randint(1, 35)
    if business_type in (_FIRST, _CONSTRUCTION_MORTGAGE):
        return f"{district}{street}{number}号{building}号楼"  # a whole building of a project
    floor = rng.randint(1, _MAX_FLOOR.get(district, 33))
    return (
        f"{district}{street}{number}号{building}号楼{rng.randint(1, 6)}单元"
        f"{floor}{rng.randint(1, 4):02d}"
    )


def _deed_tax(rng: random.Random, district: str, business_type: str, enterprise: bool) -> int:
    """契税 in whole yuan: due on transfers only, 1–1.5 % for homes, 3 % for enterprises."""
    if business_type != _TRANSFER:
        return 0
    price = rng.randint(*_PRICE_PER_M2[district])
    if enterprise:
        area = rng.randint(80, 1500)
        return round(area * price * 0.03)
    area = rng.randint(45, 180)
    return round(area * price * (0.01 if area <= 140 else 0.015))


# --- Evaluations -----------------------------------------------------------------------------


def _generate_evaluations(
    rng: random.Random, generated: list[_DemoCase], today: date
) -> list[list[str]]:
    rows = []
    for case in generated:
        if rng.random() >= _EVALUATION_SHARE:
            continue
        # Evaluations come within the first week after 办结 and never after yesterday.
        latest = min(7, (today - case.completed_on).days - 1)
        if latest < 0:
            continue
        channel = _evaluation_channel(rng, case.online)
        offset = _evaluation_day(rng, channel, latest)
        day = case.completed_on + timedelta(days=offset)
        rows.append(_evaluation_row(rng, case.case_no, day, channel))
        if rng.random() < _SECOND_EVALUATION_SHARE:
            # A respondent who comes back days later: stored too, but only the first scores.
            later = day + timedelta(days=rng.randint(1, 5))
            if later < today:
                channel = rng.choice(("好差评系统", "泉城办APP"))
                rows.append(_evaluation_row(rng, case.case_no, later, channel))
    return rows


def _evaluation_channel(rng: random.Random, online: bool) -> str:
    # The QR code is handed over at the window with the certificate (J 5.2.1).
    if online:
        return rng.choices(("泉城办APP", "好差评系统"), (55, 45))[0]
    return rng.choices(("扫码评价", "好差评系统", "泉城办APP"), (45, 25, 30))[0]


def _evaluation_day(rng: random.Random, channel: str, latest: int) -> int:
    if channel == "扫码评价":
        weights = [70, 20, 10, 0, 0, 0, 0, 0]
    else:
        weights = [20, 25, 18, 12, 9, 7, 5, 4]
    weights = weights[: latest + 1]
    if not any(weights):
        return 0
    return rng.choices(range(len(weights)), weights)[0]


def _evaluation_time(rng: random.Random, channel: str) -> tuple[int, int, int]:
    if channel == "扫码评价":
        hour = rng.choice((9, 9, 10, 10, 11, 14, 14, 15, 15, 16, 16, 17))
    else:
        # Online, people answer at the office and in the evening, rarely late at night.
        hours = range(7, 24)
        weights = (2, 5, 9, 10, 9, 6, 5, 8, 9, 8, 6, 5, 7, 9, 9, 7, 4)
        hour = rng.choices(hours, weights)[0]
    return hour, rng.randrange(60), rng.randrange(60)


def _evaluation_row(rng: random.Random, case_no: str, day: date, channel: str) -> list[str]:
    overall = rng.choices(range(len(_LEVELS)), _LEVEL_WEIGHTS)[0]
    breach = rng.random() < _INTEGRITY_BREACH_SHARE
    if breach:
        overall = max(overall, _DISSATISFIED)
    items = {item: _near_level(rng, overall) for item in _RATED_ITEMS}
    if breach:
        content = rng.choice(_BREACH_NOTES)
        items["attitude"] = overall
    elif overall >= _DISSATISFIED:
        content, item = rng.choice(_COMPLAINTS)
        items[item] = overall  # the reason given matches the item rated low
    elif overall >= 2:
        content = rng.choice(_SUGGESTIONS) if rng.random() < 0.5 else ""
    else:
        draw = rng.random()
        content = rng.choice(_PRAISE) if draw < 0.2 else ("无" if draw < 0.25 else "")
    hour, minute, second = _evaluation_time(rng, channel)
    return [
        case_no,
        f"{day.isoformat()} {hour:02d}:{minute:02d}:{second:02d}",
        channel,
        _LEVELS[overall],
        _LEVELS[items["efficiency"]],
        _LEVELS[items["attitude"]],
        _LEVELS[items["materials"]],
        "有" if breach else "没有",
        content,
    ]


def _near_level(rng: random.Random, overall: int) -> int:
    """An item's answer: usually the overall one, sometimes a level better or worse."""
    draw = rng.random()
    if draw < 0.15:
        return max(0, overall - 1)
    if draw < 0.30:
        # One level worse, but never dissatisfied unless the respondent is dissatisfied overall.
        worse = min(overall + 1, len(_LEVELS) - 1)
        return worse if worse < _DISSATISFIED or overall >= _DISSATISFIED else overall
    return overall
