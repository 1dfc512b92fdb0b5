"""Import profiles: how one 好差评 platform writes its evaluations export.

A profile names the platform's headers (aliases added to the usual ones), whether ratings come
as words or as codes and which code means which level, the channel code table, how a default
rating (系统默认评价) is marked, the values of 审核状态 and the 差评标签 dictionary. The codes
run both ways between platforms — GB/T 39046-2020 codes 满意度 1 = 非常满意 … 5 = 非常不满意,
Zhejiang's `satisfaction` 1 = 非常不满意 … 5 = 非常满意 — so a code is read only through a
profile that says what it means, never guessed (SPEC rule 19).

Three profiles ship in code (`BUILTIN`); an administrator adds others for their platform, in
the window or from a JSON file, kept in `import_profiles` so that every seat has them. A file
and the window's form are checked by the same `profile_from_data`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import record_change
from app.errors import Refused
from app.file_errors import file_error_text
from app.i18n import pick
from app.importing.columns import Field
from app.importing.evaluation_fields import FIELDS
from app.importing.values import header_key, normalize
from app.ratings import rating_from_text
from app.staff import require_administrator
from db.models import ImportProfile as ProfileRow

# The words a rating code may stand for: the national five levels and Form A's 一般.
LEVEL_WORDS = ("非常满意", "满意", "基本满意", "一般", "不满意", "非常不满意")
# The two directions of the five-level code, as the standards and platforms write them.
CODES_GBT39046 = {"1": "非常满意", "2": "满意", "3": "基本满意", "4": "不满意", "5": "非常不满意"}
CODES_ASCENDING = {"1": "非常不满意", "2": "不满意", "3": "基本满意", "4": "满意", "5": "非常满意"}
REVIEW_STATES = ("passed", "pending", "rejected")
DEFAULT_REVIEW = {
    "passed": ("审核通过", "已审核", "通过", "已通过", "审核已通过"),
    "pending": ("待审核", "未审核", "审核中", "待审"),
    "rejected": ("审核不通过", "不通过", "未通过", "驳回", "审核驳回"),
}

# Limits of a profile, so that a hostile or mistaken file cannot bloat every import.
MAX_FILE_BYTES = 64 * 1024
MAX_NAME = 50
MAX_TITLE = 100
MAX_ALIASES = 20
MAX_TEXT = 50
MAX_CODE = 10
MAX_LABEL_CODE = 20
MAX_RATING_CODES = 10
MAX_CHANNELS = 30
MAX_DEFAULT_CHANNELS = 10
MAX_REVIEW_VALUES = 20
MAX_REVIEW_TEXT = 20
MAX_LABELS = 500
MAX_AFTER_DAYS = 60
_NAME_RE = re.compile(r"[\w.\-]+")  # letters (also Chinese), digits, _ . -
_CODE_RE = re.compile(r"[0-9A-Za-z_\-]+")
FILE_KEYS = (
    "name",
    "title",
    "columns",
    "ratings",
    "channels",
    "default_ratings",
    "review",
    "labels",
)


class ProfileRefused(Refused):
    """A profile (a file or the form) that cannot be taken, or an action on one that cannot be
    done; the message says what and where."""


@dataclass(frozen=True)
class DefaultMarks:
    """How the platform marks a rating it recorded for a citizen who gave none in time.

    The column 是否默认评价 (field `default_flag`, its header named in `columns`) marks one
    whenever a file has it. Besides: a channel code (or word) meaning 系统默认评价, or — for a
    platform that marks nothing — `level` given with no text at least `after_days` natural
    days after 办结 (Guangdong: 基本满意 after 7 days).
    """

    channels: tuple[str, ...] = ()
    level: str | None = None
    after_days: int | None = None


@dataclass(frozen=True)
class ImportProfile:
    name: str
    title: str = ""
    builtin: bool = False
    # field key -> header names the platform uses, besides the usual ones (FIELDS' aliases)
    columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # code -> level word; None: the export writes the words themselves
    ratings: Mapping[str, str] | None = None
    # code -> channel name; empty: the export writes channel names
    channels: Mapping[str, str] = field(default_factory=dict)
    defaults: DefaultMarks = DefaultMarks()
    # passed / pending / rejected -> the values of 审核状态 meaning it
    review: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_REVIEW))
    labels: Mapping[str, str] = field(default_factory=dict)  # 差评标签 code -> its words

    @property
    def coded_ratings(self) -> bool:
        return self.ratings is not None

    def fields(self) -> tuple[Field, ...]:
        """The import's fields with this platform's header names added to their aliases."""
        return tuple(
            replace(f, aliases=f.aliases + tuple(self.columns.get(f.key, ()))) for f in FIELDS
        )

    def rating_word(self, text: str) -> str | None:
        """The level a cell names: a word as written, or the word of a code in the table."""
        if rating_from_text(text) is not None:
            return text
        if self.ratings is None:
            return None
        return self.ratings.get(text)

    def channel_name(self, text: str) -> str | None:
        """The channel a coded cell names, None when the table does not know the code."""
        return self.channels.get(text)

    def review_state(self, text: str) -> str | None:
        wanted = _review_key(text)
        for state in REVIEW_STATES:
            if wanted in {_review_key(v) for v in self.review.get(state, ())}:
                return state
        return None

    def description(self) -> str:
        """One line: which way its codes run, for lists and messages."""
        if self.ratings is None:
            ratings = pick("等级为文字", "ratings as words")
        else:
            pairs = [f"{code}={word}" for code, word in self.ratings.items()]
            ratings = pick(f"等级代码 {'，'.join(pairs)}", f"rating codes {', '.join(pairs)}")
        channels = (
            pick(f"渠道代码 {len(self.channels)} 个", f"{len(self.channels)} channel codes")
            if self.channels
            else pick("渠道为文字", "channels as words")
        )
        return pick(f"{ratings}；{channels}", f"{ratings}; {channels}")


def _review_key(text: str) -> str:
    return normalize(text).replace(" ", "").lower()


# --- The shipped profiles ----------------------------------------------------------------------

COMMON = ImportProfile(
    name="common",
    title="常用表头，等级为文字（样例文件和多数导出的格式）",
    builtin=True,
    # A file that names its channel 系统默认评价 in words says it is a default rating.
    defaults=DefaultMarks(channels=("系统默认评价", "默认评价")),
)
GBT39046 = ImportProfile(
    name="gbt39046",
    title="GB/T 39046-2020 政务服务平台基础数据规范：满意度 1=非常满意…5=非常不满意",
    builtin=True,
    columns={
        "case_no": ("办件编号", "办件流水号", "projectNo"),
        "evaluated_at": ("评价日期时间", "assessTime"),
        "source_channel": ("评价渠道代码", "pf"),
        "overall": ("满意度", "满意度代码", "评价等级"),
        "content": ("文字评价", "评价详情", "writingEvaluation"),
        "default_flag": ("isdefault", "是否默认"),
        "attempt": ("评价次数", "assessNumber"),
        "evaluator": ("评价人姓名", "userName"),
        "anonymous": ("是否匿名评价", "isAnonymous"),
        "review_status": ("审核状态代码", "auditStatus"),
        "labels": ("差评标签代码", "evalDetail"),
        "region_code": ("行政区划代码", "areaCode"),
    },
    ratings=CODES_GBT39046,
    channels={
        "1": "PC端",
        "2": "移动服务端",
        "3": "二维码",
        "4": "政务大厅平板电脑",
        "5": "政务大厅其他终端",
        "6": "电话",
        "7": "短信",
    },
)
ZHEJIANG = ImportProfile(
    name="zhejiang",
    title="浙江式办件评价接口：satisfaction 1=非常不满意…5=非常满意，pf 7=系统默认评价",
    builtin=True,
    columns={
        "case_no": ("projectNo", "办件编号"),
        "evaluated_at": ("assessTime", "evaluateTime"),
        "source_channel": ("pf",),
        "overall": ("satisfaction",),
        "content": ("writingEvaluation", "evaluateContent"),
        "default_flag": ("isdefault", "isDefault"),
        "attempt": ("assessNumber",),
        "evaluator": ("userName",),
        "anonymous": ("isAnonymous", "anonymous"),
        "review_status": ("auditStatus", "reviewStatus"),
        "labels": ("evalDetail", "evaluateLabel"),
        "region_code": ("areaCode",),
    },
    ratings=CODES_ASCENDING,
    channels={
        "1": "PC端",
        "2": "移动端",
        "3": "二维码",
        "4": "政务大厅平板电脑",
        "5": "政务大厅其他终端",
        "6": "短信",
        "7": "系统默认评价",
    },
    defaults=DefaultMarks(channels=("7",)),
    review={
        "passed": ("1", *DEFAULT_REVIEW["passed"]),
        "pending": ("0", *DEFAULT_REVIEW["pending"]),
        "rejected": ("2", *DEFAULT_REVIEW["rejected"]),
    },
)
BUILTIN: dict[str, ImportProfile] = {p.name: p for p in (COMMON, GBT39046, ZHEJIANG)}
DEFAULT_PROFILE = COMMON.name


# --- Reading and writing the file form ---------------------------------------------------------


def profile_from_data(data: Any) -> ImportProfile:
    """A profile from its file form (parsed JSON, or what the window's form gathered), checked
    strictly: unknown keys, wrong types, codes out of shape, duplicates and sizes are refused
    with the place they were found."""
    if not isinstance(data, dict):
        raise _refused(
            "整个文件应为一个 JSON 对象 {…}", "the whole file must be one JSON object {…}"
        )
    unknown = [key for key in data if key not in FILE_KEYS]
    if unknown:
        raise _refused(
            f"未知的项“{unknown[0]}”；可用的项：{'、'.join(FILE_KEYS)}",
            f"unknown key '{unknown[0]}'; the keys are: {', '.join(FILE_KEYS)}",
        )
    if "name" not in data:
        raise _refused("缺少 name（方案名称）", "'name' (the profile's name) is missing")
    name = _name(data["name"])
    title = _text(data.get("title", ""), "title", MAX_TITLE, allow_empty=True)
    columns = _columns(data.get("columns", {}))
    ratings = _ratings(data.get("ratings", "words"))
    channels = _code_table(data.get("channels", {}), "channels", MAX_CHANNELS, MAX_CODE)
    defaults = _defaults(data.get("default_ratings", {}), channels)
    review = _review(data.get("review"))
    labels = _code_table(data.get("labels", {}), "labels", MAX_LABELS, MAX_LABEL_CODE)
    return ImportProfile(
        name=name,
        title=title,
        columns=columns,
        ratings=ratings,
        channels=channels,
        defaults=defaults,
        review=review,
        labels=labels,
    )


def profile_to_data(profile: ImportProfile) -> dict[str, Any]:
    """The file form of a profile (what `profiles show` prints and `profiles add` reads)."""
    labels = {f.key: f.label for f in FIELDS}
    data: dict[str, Any] = {"name": profile.name, "title": profile.title}
    data["columns"] = {labels.get(k, k): list(v) for k, v in profile.columns.items() if v}
    data["ratings"] = "words" if profile.ratings is None else dict(profile.ratings)
    data["channels"] = dict(profile.channels)
    marks = profile.defaults
    defaults: dict[str, Any] = {}
    if marks.channels:
        defaults["channels"] = list(marks.channels)
    if marks.level is not None:
        defaults["level"] = marks.level
        defaults["after_days"] = marks.after_days
    data["default_ratings"] = defaults
    data["review"] = {state: list(profile.review.get(state, ())) for state in REVIEW_STATES}
    data["labels"] = dict(profile.labels)
    return data


def profile_json(profile: ImportProfile) -> str:
    return json.dumps(profile_to_data(profile), ensure_ascii=False, indent=2)


def read_profile_file(path: Path) -> ImportProfile:
    """A profile file (JSON, UTF-8), checked whole before anything is stored."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise _refused(
            f"无法读取导入方案文件：{file_error_text(error)}",
            f"cannot read the profile file: {file_error_text(error)}",
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise _refused(
            f"文件太大（超过 {MAX_FILE_BYTES // 1024} KB），不像导入方案",
            f"the file is too large (over {MAX_FILE_BYTES // 1024} KB) to be a profile",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _refused("文件应为 UTF-8 编码的 JSON", "the file must be JSON in UTF-8") from None
    return profile_from_data(parse_profile_json(text))


def parse_profile_json(text: str) -> Any:
    """JSON with duplicate keys refused (json.loads would keep the last one silently)."""
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as error:
        raise _refused(
            f"不是有效的 JSON：第 {error.lineno} 行第 {error.colno} 列，{error.msg}",
            f"not valid JSON: line {error.lineno}, column {error.colno}: {error.msg}",
        ) from None
    except RecursionError:
        raise _refused("JSON 嵌套太深", "the JSON is nested too deeply") from None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _refused(f"“{key}”出现了两次", f"'{key}' appears twice")
        found[key] = value
    return found


def _refused(zh: str, en: str) -> ProfileRefused:
    return ProfileRefused(pick(f"导入方案有误：{zh}", f"The import profile is wrong: {en}"))


def _text(value: Any, where: str, limit: int, *, allow_empty: bool = False) -> str:
    if not isinstance(value, str):
        raise _refused(
            f"{where} 应为文字（加引号），不能是 {json.dumps(value, ensure_ascii=False)[:40]}",
            f"{where} must be text (in quotes), not {json.dumps(value, ensure_ascii=False)[:40]}",
        )
    text = " ".join(value.split())
    if not text and not allow_empty:
        raise _refused(f"{where} 不能为空", f"{where} must not be empty")
    if len(text) > limit:
        raise _refused(
            f"{where} 太长（{len(text)} 个字，最多 {limit} 个）",
            f"{where} is too long ({len(text)} characters, at most {limit})",
        )
    return text


def _name(value: Any) -> str:
    name = _text(value, "name", MAX_NAME)
    if not _NAME_RE.fullmatch(name):
        raise _refused(
            f"方案名称“{name}”只能由字母、汉字、数字和 _ . - 组成（不含空格）",
            f"the name '{name}' may hold only letters, digits and _ . - (no spaces)",
        )
    return name


def _list(value: Any, where: str, limit: int) -> list[Any]:
    if not isinstance(value, list):
        raise _refused(f"{where} 应为列表 […]", f"{where} must be a list […]")
    if len(value) > limit:
        raise _refused(
            f"{where} 太多（{len(value)} 个，最多 {limit} 个）",
            f"{where} has too many entries ({len(value)}, at most {limit})",
        )
    return value


def _object(value: Any, where: str, limit: int) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _refused(f"{where} 应为对象 {{…}}", f"{where} must be an object {{…}}")
    if len(value) > limit:
        raise _refused(
            f"{where} 太多（{len(value)} 项，最多 {limit} 项）",
            f"{where} has too many entries ({len(value)}, at most {limit})",
        )
    return value


def _code(value: Any, where: str, limit: int) -> str:
    code = normalize(_text(value, where, limit))
    if not _CODE_RE.fullmatch(code):
        raise _refused(
            f"{where} 中的代码“{code}”只能由字母、数字和 _ - 组成",
            f"the code '{code}' in {where} may hold only letters, digits and _ -",
        )
    return code


def _code_table(value: Any, where: str, most: int, code_limit: int) -> dict[str, str]:
    table: dict[str, str] = {}
    for raw, word in _object(value, where, most).items():
        code = _code(raw, where, code_limit)
        if code in table:  # 1 and １ are one code
            raise _refused(f"{where} 中代码“{code}”出现了两次", f"code '{code}' twice in {where}")
        table[code] = _text(word, f"{where}.{code}", MAX_TEXT)
    return table


def _columns(value: Any) -> dict[str, tuple[str, ...]]:
    by_name: dict[str, Field] = {}
    for f in FIELDS:
        by_name[f.key] = f
        by_name[header_key(f.label)] = f
    taken: dict[str, str] = {}  # header key -> the field whose name it is
    for f in FIELDS:
        for name in f.names():
            taken.setdefault(name, f.label)
    columns: dict[str, tuple[str, ...]] = {}
    for raw_field, aliases in _object(value, "columns", len(FIELDS)).items():
        f = by_name.get(raw_field) or by_name.get(header_key(raw_field))
        if f is None:
            raise _refused(
                f"columns 中的“{raw_field}”不是评价导入的字段；可用字段："
                + "、".join(x.label for x in FIELDS),
                f"'{raw_field}' in columns is not a field of the evaluations import; fields: "
                + ", ".join(x.label for x in FIELDS),
            )
        if f.key in columns:
            raise _refused(f"columns 中“{f.label}”出现了两次", f"'{f.label}' twice in columns")
        names: list[str] = []
        for alias in _list(aliases, f"columns.{f.label}", MAX_ALIASES):
            text = _text(alias, f"columns.{f.label}", MAX_TEXT)
            owner = taken.get(header_key(text))
            if owner is not None and owner != f.label:
                raise _refused(
                    f"表头“{text}”不能同时是“{f.label}”和“{owner}”",
                    f"the header '{text}' cannot name both '{f.label}' and '{owner}'",
                )
            taken[header_key(text)] = f.label
            if text not in names:
                names.append(text)
        columns[f.key] = tuple(names)
    return columns


def _ratings(value: Any) -> dict[str, str] | None:
    if value == "words":
        return None
    if isinstance(value, str):
        raise _refused(
            f'ratings 应为 "words"（文字）或代码表 {{"1": "非常满意", …}}，不能是“{value}”',
            f'ratings must be "words" or a code table {{"1": "非常满意", …}}, not \'{value}\'',
        )
    table = _code_table(value, "ratings", MAX_RATING_CODES, MAX_CODE)
    if len(table) < 2:
        raise _refused("ratings 代码表至少要有两个等级", "the ratings code table needs two levels")
    seen: dict[str, str] = {}
    for code, word in table.items():
        if word not in LEVEL_WORDS:
            raise _refused(
                f"ratings 中代码“{code}”的等级“{word}”应为：{'、'.join(LEVEL_WORDS)}",
                f"code '{code}' in ratings names '{word}'; use one of: {', '.join(LEVEL_WORDS)}",
            )
        if word in seen:
            raise _refused(
                f"ratings 中“{seen[word]}”和“{code}”都是“{word}”：代码表应一个等级一个代码",
                f"'{seen[word]}' and '{code}' in ratings both mean '{word}': one code a level",
            )
        seen[word] = code
    return table


def _defaults(value: Any, channels: dict[str, str]) -> DefaultMarks:
    marks = _object(value, "default_ratings", 3)
    unknown = [k for k in marks if k not in ("channels", "level", "after_days")]
    if unknown:
        raise _refused(
            f"default_ratings 中未知的项“{unknown[0]}”（可用：channels、level、after_days）",
            f"unknown key '{unknown[0]}' in default_ratings (channels, level, after_days)",
        )
    codes: list[str] = []
    for raw in _list(marks.get("channels", []), "default_ratings.channels", MAX_DEFAULT_CHANNELS):
        if channels:
            code = _code(raw, "default_ratings.channels", MAX_CODE)
            if code not in channels:
                raise _refused(
                    f"default_ratings.channels 中的“{code}”不在 channels 代码表中",
                    f"'{code}' in default_ratings.channels is not in the channels table",
                )
        else:
            code = _text(raw, "default_ratings.channels", MAX_TEXT)
        if code not in codes:
            codes.append(code)
    level, days = marks.get("level"), marks.get("after_days")
    if (level is None) != (days is None):
        raise _refused(
            "default_ratings 的 level 和 after_days 要一起给出（某等级、无文字、办结后若干天）",
            "level and after_days of default_ratings go together (a level, no text, N days)",
        )
    if level is not None:
        level = _text(level, "default_ratings.level", MAX_TEXT)
        if level not in LEVEL_WORDS:
            raise _refused(
                f"default_ratings.level 应为：{'、'.join(LEVEL_WORDS)}",
                f"default_ratings.level must be one of: {', '.join(LEVEL_WORDS)}",
            )
        if isinstance(days, bool) or not isinstance(days, int):
            raise _refused(
                "default_ratings.after_days 应为整数天数", "default_ratings.after_days: whole days"
            )
        if not 1 <= days <= MAX_AFTER_DAYS:
            raise _refused(
                f"default_ratings.after_days 应在 1 到 {MAX_AFTER_DAYS} 之间，不能是 {days}",
                f"default_ratings.after_days must be 1 to {MAX_AFTER_DAYS}, not {days}",
            )
    return DefaultMarks(channels=tuple(codes), level=level, after_days=days)


def _review(value: Any) -> dict[str, tuple[str, ...]]:
    if value is None:
        return dict(DEFAULT_REVIEW)
    states = _object(value, "review", len(REVIEW_STATES))
    unknown = [k for k in states if k not in REVIEW_STATES]
    if unknown:
        raise _refused(
            f"review 中未知的项“{unknown[0]}”（可用：passed、pending、rejected）",
            f"unknown key '{unknown[0]}' in review (passed, pending, rejected)",
        )
    review: dict[str, tuple[str, ...]] = {}
    owner: dict[str, str] = {}
    for state in REVIEW_STATES:
        values: list[str] = []
        for raw in _list(states.get(state, []), f"review.{state}", MAX_REVIEW_VALUES):
            text = _text(raw, f"review.{state}", MAX_REVIEW_TEXT)
            key = _review_key(text)
            if key in owner and owner[key] != state:
                raise _refused(
                    f"审核状态“{text}”不能既是 {owner[key]} 又是 {state}",
                    f"the review value '{text}' cannot be both {owner[key]} and {state}",
                )
            owner[key] = state
            if text not in values:
                values.append(text)
        review[state] = tuple(values)
    if not review["passed"]:
        raise _refused(
            "review.passed 至少要有一个值（表示审核通过）",
            "review.passed needs at least one value (meaning the review passed)",
        )
    return review


# --- Kept in the database ----------------------------------------------------------------------


def list_profiles(session: Session) -> list[ImportProfile]:
    """The shipped profiles, then the administrators' by name."""
    rows = session.scalars(select(ProfileRow).order_by(ProfileRow.name)).all()
    return [*BUILTIN.values(), *(_from_row(row) for row in rows)]


def get_profile(session: Session, name: str) -> ImportProfile:
    """The profile called `name`; ProfileRefused naming the profiles there are otherwise."""
    name = " ".join(str(name).split())
    if name in BUILTIN:
        return BUILTIN[name]
    row = session.scalar(select(ProfileRow).where(ProfileRow.name == name))
    if row is None:
        names = "、".join(p.name for p in list_profiles(session))
        raise ProfileRefused(
            pick(
                f"没有名为“{name}”的导入方案；已有：{names}",
                f"There is no import profile '{name}'; there are: {names}",
            )
        )
    return _from_row(row)


def save_profile(
    session: Session,
    profile: ImportProfile,
    *,
    replacing: str | None = None,
    by_id: int | None = None,
) -> ImportProfile:
    """Add `profile`, or store it over the profile called `replacing` (which may be renamed);
    administrators only, audited with the definition before and after."""
    require_administrator(session, by_id)
    if profile.name in BUILTIN or (replacing is not None and replacing in BUILTIN):
        shipped = profile.name if profile.name in BUILTIN else replacing
        raise ProfileRefused(
            pick(
                f"“{shipped}”是随软件提供的导入方案，不能修改；请用另一个名称另存",
                f"'{shipped}' ships with the software and cannot be changed; save it under "
                "another name",
            )
        )
    definition = profile_to_data(profile)
    clash = session.scalar(select(ProfileRow).where(ProfileRow.name == profile.name))
    row = None
    if replacing is not None:
        row = session.scalar(select(ProfileRow).where(ProfileRow.name == replacing))
        if row is None:
            raise ProfileRefused(
                pick(f"导入方案“{replacing}”已不存在", f"The profile '{replacing}' is gone")
            )
    if clash is not None and clash is not row:
        raise ProfileRefused(
            pick(
                f"已有名为“{profile.name}”的导入方案；请换一个名称，或替换它",
                f"A profile named '{profile.name}' exists; choose another name or replace it",
            )
        )
    before = None if row is None else {"name": row.name, "definition": row.definition}
    if row is None:
        row = ProfileRow(name=profile.name, definition=definition)
        session.add(row)
    else:
        row.name, row.definition = profile.name, definition
    session.flush()
    record_change(
        session,
        actor_id=by_id,
        action="import_profile.save",
        entity="import_profile",
        entity_uid=None,
        before=before,
        after={"name": profile.name, "definition": definition},
    )
    return _from_row(row)


def delete_profile(session: Session, name: str, *, by_id: int | None = None) -> None:
    """Remove an administrator's profile (evaluations imported with it stay as they are)."""
    require_administrator(session, by_id)
    if name in BUILTIN:
        raise ProfileRefused(
            pick(
                f"“{name}”是随软件提供的导入方案，不能删除",
                f"'{name}' ships with the software and cannot be removed",
            )
        )
    row = session.scalar(select(ProfileRow).where(ProfileRow.name == name))
    if row is None:
        raise ProfileRefused(
            pick(f"没有名为“{name}”的导入方案", f"There is no import profile '{name}'")
        )
    record_change(
        session,
        actor_id=by_id,
        action="import_profile.delete",
        entity="import_profile",
        entity_uid=None,
        before={"name": row.name, "definition": row.definition},
        after=None,
    )
    session.delete(row)
    session.flush()


def _from_row(row: ProfileRow) -> ImportProfile:
    # Checked again on the way out: a row written by an older version (or by hand) that no
    # longer passes is refused with its reason rather than read half right.
    return profile_from_data(row.definition)
