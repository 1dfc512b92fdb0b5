"""What an import did: counts, and every rejected row with its line number and reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.i18n import pick
from app.importing.problems import Problem, render


@dataclass
class RejectedRow:
    line: int
    code: str
    params: dict[str, Any]
    cells: list[str]

    def reason(self, language: str | None = None) -> str:
        return render(self.code, self.params, language)


@dataclass
class UnknownUnit:
    """A 受理单位 of a case file that no unit has, its rows, and what became of them."""

    name: str
    rows: int
    action: str  # "mapped" (to `unit`, remembered), "created" or "rejected"
    unit: str | None = None

    def outcome(self, language: str | None = None) -> str:
        if self.action == "mapped":
            return pick(
                "已映射到“{unit}”（已记住）", "mapped to '{unit}' (remembered)", language
            ).format(unit=self.unit)
        if self.action == "created":
            return pick("已新建为单位", "added as a new unit", language)
        return pick("这些行被拒绝", "its rows were rejected", language)


@dataclass
class ImportSummary:
    kind: str
    filename: str
    sheet: str | None = None
    header_line: int | None = None
    profile: str | None = None  # the import profile an evaluations file was read through
    rows: int = 0  # data rows below the header, empty rows not counted
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    # Lines identical to an earlier line of the file, counted once: (line, the earlier line).
    duplicate_lines: list[tuple[int, int]] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    # Rows imported with a remark, e.g. {"no_valid_phone": 3}.
    flagged: dict[str, int] = field(default_factory=dict)
    # 受理单位 names of a case file that no unit had, with what was done (most rows first).
    unknown_units: list[UnknownUnit] = field(default_factory=list)
    # Set when nothing of the file was imported (strict mode, or no valid row).
    refusal: Problem | None = None

    @property
    def duplicates_in_file(self) -> int:
        return len(self.duplicate_lines)

    @property
    def imported(self) -> bool:
        return self.refusal is None

    def reject(self, line: int, problem: Problem, cells: list[str]) -> None:
        self.rejected.append(RejectedRow(line, problem.code, dict(problem.params), cells))

    def duplicate(self, line: int, same_as: int) -> None:
        self.duplicate_lines.append((line, same_as))

    def flag(self, name: str) -> None:
        self.flagged[name] = self.flagged.get(name, 0) + 1

    def to_dict(self, language: str | None = None) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "file": self.filename,
            "sheet": self.sheet,
            "header_line": self.header_line,
            "profile": self.profile,
            "imported": self.imported,
            "refusal": self.refusal.message(language) if self.refusal else None,
            "rows": self.rows,
            "inserted": self.inserted,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "duplicates_in_file": self.duplicates_in_file,
            "duplicate_lines": [{"line": a, "same_as": b} for a, b in self.duplicate_lines],
            "rejected_count": len(self.rejected),
            "flagged": dict(self.flagged),
            "unknown_units": [
                {
                    "name": u.name,
                    "rows": u.rows,
                    "action": u.action,
                    "unit": u.unit,
                    "outcome": u.outcome(language),
                }
                for u in self.unknown_units
            ],
            "rejected": [
                {"line": r.line, "code": r.code, "reason": r.reason(language), "cells": r.cells}
                for r in self.rejected
            ],
        }

    def text(self, language: str | None = None) -> str:
        """The summary as lines of text, for the command line and the log."""
        lines = [pick("文件：{f}", "File: {f}", language).format(f=self.filename)]
        if self.profile:
            lines.append(
                pick("导入方案：{p}", "Import profile: {p}", language).format(p=self.profile)
            )
        lines += [
            pick(
                "数据行 {rows}：新增 {ins}，更新 {upd}，未变 {same}，文件内重复 {dup}，拒绝 {rej}",
                "Data rows {rows}: inserted {ins}, updated {upd}, unchanged {same}, "
                "duplicate lines {dup}, rejected {rej}",
                language,
            ).format(
                rows=self.rows,
                ins=self.inserted,
                upd=self.updated,
                same=self.unchanged,
                dup=self.duplicates_in_file,
                rej=len(self.rejected),
            ),
        ]
        for name, count in sorted(self.flagged.items()):
            lines.append(f"  {flag_label(name, language)}: {count}")
        for unit in self.unknown_units:
            lines.append(
                pick(
                    "  未知受理单位“{name}”（{rows} 行）：{outcome}",
                    "  unknown unit '{name}' ({rows} rows): {outcome}",
                    language,
                ).format(name=unit.name, rows=unit.rows, outcome=unit.outcome(language))
            )
        for row in self.rejected:
            lines.append(
                pick("  第 {line} 行：{reason}", "  line {line}: {reason}", language).format(
                    line=row.line, reason=row.reason(language)
                )
            )
        for line, same_as in self.duplicate_lines:
            lines.append(
                pick(
                    "  第 {line} 行与第 {same} 行完全相同，只计一次",
                    "  line {line} repeats line {same} exactly; counted once",
                    language,
                ).format(line=line, same=same_as)
            )
        if self.refusal:
            lines.append(self.refusal.message(language))
        return "\n".join(lines)


FLAG_LABELS = {
    "no_valid_phone": ("无有效电话（已导入并标记）", "No valid phone (imported, flagged)"),
    "failed_calls": ("未接通的回访记录", "Failed call attempts"),
    "phone_evaluations": ("电话回访评价", "Phone evaluations"),
    "callbacks_opened": ("因“不满意”开启的二次回访", "Second-round callbacks opened for 不满意"),
    "integrity_escalations": (
        "反映违反廉洁纪律（已上报组长）",
        "Integrity breaches reported (escalated to the team lead)",
    ),
    "later_evaluations": (
        "追评（评价次数 2 及以上，不计为首次评价）",
        "追评 (later evaluations, never the first)",
    ),
    "invalid_default": (
        "系统默认评价（无效，不免电话回访）",
        "Default ratings (not valid: the case is still phoned)",
    ),
    "invalid_unreviewed": (
        "尚未审核的评价（无效，不免电话回访）",
        "Not yet reviewed (not valid: the case is still phoned)",
    ),
    "invalid_rejected": (
        "审核未通过的评价（无效）",
        "Failed the platform's review (not valid)",
    ),
    "invalid_anonymous": (
        "匿名评价（按本中心设置无效）",
        "Anonymous (not valid by this centre's setting)",
    ),
    "invalid_late": (
        "超出网上评价期限的评价（无效，不免电话回访）",
        "After the online window (not valid: the case is still phoned)",
    ),
    "footer_rows": (
        "表格下方的合计或说明行（已跳过）",
        "Totals or notes below the table (skipped)",
    ),
}


def flag_label(name: str, language: str | None = None) -> str:
    zh, en = FLAG_LABELS.get(name, (name, name))
    return pick(zh, en, language)
