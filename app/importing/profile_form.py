"""An import profile as the window's form shows it: plain text fields, one `code=word` a line,
values separated by commas. Turned into the file form and checked by the same
`profile_from_data` as a profile file, so both doors take exactly the same profiles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.i18n import pick
from app.importing.evaluation_fields import FIELDS
from app.importing.profiles import (
    CODES_ASCENDING,
    CODES_GBT39046,
    ImportProfile,
    ProfileRefused,
    profile_from_data,
)

# How the form offers the ratings: as words, or codes in one of the two directions; a profile
# from a file with another code table keeps it ("custom").
WORDS, GBT39046, ASCENDING, CUSTOM = "words", "gbt39046", "ascending", "custom"
RATING_CHOICES = {WORDS: None, GBT39046: CODES_GBT39046, ASCENDING: CODES_ASCENDING}
_SPLIT = re.compile(r"[,，、;；]")
_MAX_LINES = 1000


@dataclass(frozen=True)
class ProfileForm:
    name: str = ""
    title: str = ""
    ratings: str = WORDS  # WORDS, GBT39046, ASCENDING or CUSTOM
    custom_ratings: tuple[tuple[str, str], ...] = ()  # the table kept for CUSTOM
    channels: str = ""  # "1=PC端" a line
    default_channels: str = ""  # "7" or "系统默认评价", comma separated
    default_level: str | None = None  # with default_after_days: the rule for unmarked defaults
    default_after_days: int | None = None
    passed: str = ""
    pending: str = ""
    rejected: str = ""
    labels: str = ""  # "01=办事效率低" a line
    columns: str = ""  # "总体情况=satisfaction，满意度" a line


def form_of(profile: ImportProfile) -> ProfileForm:
    """The form showing `profile`."""
    ratings, custom = WORDS, ()
    if profile.ratings is not None:
        table = dict(profile.ratings)
        choice = next((k for k, v in RATING_CHOICES.items() if v == table), None)
        ratings = choice or CUSTOM
        custom = () if choice else tuple(table.items())
    labels = {f.key: f.label for f in FIELDS}
    return ProfileForm(
        name=profile.name,
        title=profile.title,
        ratings=ratings,
        custom_ratings=custom,
        channels=_pairs_text(profile.channels),
        default_channels="，".join(profile.defaults.channels),
        default_level=profile.defaults.level,
        default_after_days=profile.defaults.after_days,
        passed="，".join(profile.review.get("passed", ())),
        pending="，".join(profile.review.get("pending", ())),
        rejected="，".join(profile.review.get("rejected", ())),
        labels=_pairs_text(profile.labels),
        columns="\n".join(
            f"{labels.get(key, key)}={'，'.join(names)}"
            for key, names in profile.columns.items()
            if names
        ),
    )


def profile_of(form: ProfileForm) -> ImportProfile:
    """The profile the form describes; ProfileRefused saying what is wrong and where."""
    if form.ratings == CUSTOM:
        ratings: Any = dict(form.custom_ratings)
    elif form.ratings in RATING_CHOICES:
        table = RATING_CHOICES[form.ratings]
        ratings = "words" if table is None else dict(table)
    else:
        raise ProfileRefused(pick("未知的等级写法", "Unknown kind of ratings"))
    defaults: dict[str, Any] = {"channels": _values(form.default_channels)}
    if form.default_level is not None:
        defaults["level"] = form.default_level
        defaults["after_days"] = form.default_after_days
    data = {
        "name": form.name,
        "title": form.title,
        "columns": {field: _values(names) for field, names in _pairs(form.columns, "列名").items()},
        "ratings": ratings,
        "channels": _pairs(form.channels, "渠道代码表"),
        "default_ratings": defaults,
        "review": {
            "passed": _values(form.passed),
            "pending": _values(form.pending),
            "rejected": _values(form.rejected),
        },
        "labels": _pairs(form.labels, "差评标签"),
    }
    return profile_from_data(data)


def _pairs_text(table: Any) -> str:
    return "\n".join(f"{code}={word}" for code, word in table.items())


def _values(text: str) -> list[str]:
    return [part.strip() for part in _SPLIT.split(text) if part.strip()]


def _pairs(text: str, where: str) -> dict[str, str]:
    """ "code=word" a line (blank lines skipped); a line without '=' or a code given twice is
    refused with its line number, as a file's duplicate key is."""
    lines = text.splitlines()
    if len(lines) > _MAX_LINES:
        raise ProfileRefused(
            pick(f"{where}行数太多（最多 {_MAX_LINES} 行）", f"{where}: too many lines")
        )
    pairs: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        code, equals, word = line.replace("＝", "=").partition("=")
        code, word = code.strip(), word.strip()
        if not equals or not code:
            raise ProfileRefused(
                pick(
                    f"{where}第 {number} 行应写成“代码=含义”：{line.strip()}",
                    f"{where}, line {number}: write 'code=meaning': {line.strip()}",
                )
            )
        if code in pairs:
            raise ProfileRefused(
                pick(
                    f"{where}第 {number} 行：“{code}”出现了两次",
                    f"{where}, line {number}: '{code}' appears twice",
                )
            )
        pairs[code] = word
    return pairs
