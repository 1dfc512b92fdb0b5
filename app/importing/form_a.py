"""Form A answers as exports and ledgers write them, and their storage as evaluations.

Shared by the 好差评 import and the phone-ledger import: both bring Form A's four ratings, the
integrity answer and a suggestion, and both must recognise an evaluation imported before.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.importing.columns import Field
from app.importing.problems import RowProblem
from app.importing.rows import SourceRow
from app.importing.values import normalize
from app.ratings import Rating, integrity_from_text, rating_from_text
from db.models import Case, Evaluation

_CHUNK = 500

RATING_FIELDS = (
    Field(
        "overall", "总体情况", ("总体评价", "总体满意度", "整体评价", "总体", "评价结果", "满意度")
    ),
    Field("efficiency", "办事效率", ("效率",)),
    Field("attitude", "服务态度", ("态度",)),
    Field("materials", "提交材料", ("材料", "申请材料")),
)
INTEGRITY_FIELD = Field(
    "integrity", "有无违反廉洁纪律", ("违反廉洁纪律", "是否违反廉洁纪律", "廉洁纪律", "廉洁情况")
)


@dataclass(frozen=True)
class Answers:
    overall: Rating
    efficiency: Rating | None
    attitude: Rating | None
    materials: Rating | None
    integrity_breach: bool | None
    suggestion: str | None
    # (header label, answer as written); a code as {"code": …, "word": the level it means}
    original: tuple[tuple[str, Any], ...]

    def columns(self) -> dict[str, Any]:
        return {
            "overall": self.overall,
            "efficiency": self.efficiency,
            "attitude": self.attitude,
            "materials": self.materials,
            "integrity_breach": self.integrity_breach,
            "suggestion": self.suggestion,
            "original": dict(self.original),
        }


def parse_answers(
    row: SourceRow, suggestion_key: str, codes: Mapping[str, str] | None = None
) -> Answers:
    """Form A's answers in a row; 总体情况 is required, the other items may be blank.

    A rating is a word of the five-level or Form A scale, or — with `codes`, an import
    profile's table code -> word — a code, kept with the word it means.
    """
    ratings: dict[str, Rating | None] = {}
    original: list[tuple[str, Any]] = []
    for field in RATING_FIELDS:
        text = row.text(field.key, required=field.key == "overall")
        if text is None:
            ratings[field.key] = None
            continue
        rating = rating_from_text(text)
        if rating is not None:
            original.append((field.label, text))
        elif codes:
            code = normalize(text)
            word = codes.get(code)
            if word is None:
                raise RowProblem(
                    "bad_rating_code",
                    {
                        "field": field.label,
                        "value": text,
                        "codes": "、".join(f"{c}={w}" for c, w in codes.items()),
                    },
                )
            rating = rating_from_text(word)
            original.append((field.label, {"code": code, "word": word}))
        else:
            raise RowProblem("bad_rating", {"field": field.label, "value": text})
        ratings[field.key] = rating
    integrity_text = row.text(INTEGRITY_FIELD.key)
    integrity = None
    if integrity_text is not None:
        integrity = integrity_from_text(integrity_text)
        if integrity is None:
            raise RowProblem(
                "bad_integrity", {"field": INTEGRITY_FIELD.label, "value": integrity_text}
            )
        original.append((INTEGRITY_FIELD.label, integrity_text))
    suggestion = row.text(suggestion_key)
    if suggestion in {"无", "没有", "暂无", "/", "-"}:
        original.append((row.label(suggestion_key), suggestion))
        suggestion = None
    return Answers(
        overall=ratings["overall"],  # type: ignore[arg-type]  # required above
        efficiency=ratings["efficiency"],
        attitude=ratings["attitude"],
        materials=ratings["materials"],
        integrity_breach=integrity,
        suggestion=suggestion,
        original=tuple(original),
    )


def fingerprint(*parts: Any) -> str:
    """A stable digest of what identifies an imported record."""
    text = json.dumps(parts, ensure_ascii=False, default=str, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def case_ids(session: Session, case_nos: Iterable[str]) -> dict[str, int]:
    """The ids of the cases with these numbers; unknown numbers are absent."""
    numbers = list(set(case_nos))
    ids: dict[str, int] = {}
    for start in range(0, len(numbers), _CHUNK):
        chunk = numbers[start : start + _CHUNK]
        ids.update(
            session.execute(select(Case.case_no, Case.id).where(Case.case_no.in_(chunk))).all()
        )
    return ids


@dataclass(frozen=True)
class EvaluationKey:
    """Two evaluations of a case given at the same time by the same channel are the same one."""

    case_no: str
    evaluated_at: datetime
    channel: str


class EvaluationMatcher:
    """Tells new evaluations from ones seen before, in the file or in the database.

    Exact repeats are duplicates; the same case, time and channel with other answers is a
    conflict, reported rather than guessed (J 5.6.1).
    """

    def __init__(self, session: Session, ids: dict[str, int]) -> None:
        self._in_file: dict[EvaluationKey, tuple[int, str]] = {}
        self._stored_prints: dict[tuple[int, str], int] = {}  # -> the evaluation's id
        self._stored_keys: set[tuple[int, datetime, str]] = set()
        id_list = list(ids.values())
        for start in range(0, len(id_list), _CHUNK):
            chunk = id_list[start : start + _CHUNK]
            rows = session.execute(
                select(
                    Evaluation.id,
                    Evaluation.case_id,
                    Evaluation.fingerprint,
                    Evaluation.evaluated_at,
                    Evaluation.channel,
                ).where(Evaluation.case_id.in_(chunk), Evaluation.round == 1)
            )
            for evaluation_id, case_id, print_, evaluated_at, channel in rows:
                if print_:
                    self._stored_prints[(case_id, print_)] = evaluation_id
                self._stored_keys.add((case_id, evaluated_at, channel))

    def stored_id(self, case_id: int, print_: str) -> int | None:
        """The id of the stored evaluation with this fingerprint, if any."""
        return self._stored_prints.get((case_id, print_))

    def check(self, line: int, key: EvaluationKey, case_id: int, print_: str) -> str | int:
        """'new', 'stored' (imported before), or the earlier line of the file it repeats.

        Raises RowProblem for a conflict.
        """
        earlier = self._in_file.get(key)
        if earlier is not None:
            if earlier[1] == print_:
                return earlier[0]
            raise RowProblem("conflicting_evaluation", {"line": earlier[0]})
        stored = (case_id, print_) in self._stored_prints
        if not stored and (case_id, key.evaluated_at, key.channel) in self._stored_keys:
            raise RowProblem("conflicting_stored_evaluation")
        # Remembered whether stored or new, so that a repeat further down counts as a duplicate.
        self._in_file[key] = (line, print_)
        return "stored" if stored else "new"
