"""What can be wrong with an import file or one of its rows, in words for the user."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.errors import Refused
from app.i18n import pick

MESSAGES: dict[str, tuple[str, str]] = {
    # The whole file
    "unsupported_type": (
        "不支持的文件类型“{suffix}”：请使用 .csv、.xlsx、.xls 或 .ods 文件",
        "Unsupported file type '{suffix}': use a .csv, .xlsx, .xls or .ods file",
    ),
    "file_missing": ("找不到文件：{path}", "File not found: {path}"),
    "file_unreadable": ("无法读取文件：{detail}", "Cannot read the file: {detail}"),
    "encoding": (
        "无法识别文件的文字编码（已尝试 UTF-8、UTF-16 和 GB18030）",
        "Cannot tell the file's text encoding (tried UTF-8, UTF-16 and GB18030)",
    ),
    "encoding_damaged": (
        "文件按 UTF-16 编码保存，但在第 {offset} 字节处不完整（共 {size} 字节），可能在复制或传输时被截断。"
        "请重新导出文件",
        "The file is saved as UTF-16 but is broken at byte {offset} (of {size}); it may have "
        "been cut short when copied. Export it again",
    ),
    "file_empty": ("文件中没有数据", "The file holds no data"),
    "file_too_big": (
        "文件太大（{size}），导入的文件最大 {limit}",
        "The file is too big ({size}); an import file may be at most {limit}",
    ),
    "too_many_rows": (
        "文件超过 {limit} 行，无法导入；请分成几个文件",
        "The file has more than {limit} rows; split it into several files",
    ),
    "too_many_cells": (
        "文件的单元格超过 {limit} 个，无法导入；请分成几个文件",
        "The file has more than {limit} cells; split it into several files",
    ),
    "too_many_columns": (
        "第 {line} 行有 {columns} 列，超过上限 {limit} 列",
        "Line {line} has {columns} columns, more than the {limit} an import reads",
    ),
    "csv_unreadable": (
        "第 {line} 行无法读取：{detail}",
        "Line {line} cannot be read: {detail}",
    ),
    "cell_too_long": (
        "从第 {line} 行开始的一个单元格超过 {limit} 个字，通常是该行的引号没有闭合。文件没有导入",
        "A cell beginning on line {line} is longer than {limit} characters, usually a quote "
        "left open on that line. Nothing was imported",
    ),
    "unbalanced_quote": (
        "第 {line} 行的引号没有闭合：其后的 {lines} 行被读成了同一个单元格。文件没有导入，"
        "以免这些行被漏掉；请修正该行的引号后重新导入",
        "A quote on line {line} is never closed: the {lines} lines after it were read as one "
        "cell. Nothing was imported, so that no line is lost; fix the quote and import again",
    ),
    "sheet_too_large": (
        "工作表“{sheet}”的内容一直延伸到单元格 {cell}（{rows} 行 × {columns} 列），超过导入的上限"
        "（最多 {max_rows} 行、{max_columns} 列、共 {max_cells} 个单元格）。"
        "请删除表格右侧和下方多余的内容，另存后再导入",
        "Sheet '{sheet}' reaches cell {cell} ({rows} rows × {columns} columns), beyond what an "
        "import reads (at most {max_rows} rows, {max_columns} columns, {max_cells} cells in "
        "all). Delete what lies right of and below the table, save, and import again",
    ),
    "sheet_declared_too_large": (
        "工作表“{sheet}”声明的区域是 {ref}（{rows} 行 × {columns} 列），超过导入的上限"
        "（最多 {max_rows} 行、{max_columns} 列、共 {max_cells} 个单元格）。"
        "请在 Excel 中打开，删除多余的行和列，另存后再导入",
        "Sheet '{sheet}' declares its area as {ref} ({rows} rows × {columns} columns), beyond "
        "what an import reads (at most {max_rows} rows, {max_columns} columns, {max_cells} "
        "cells in all). Open it in Excel, delete the rows and columns not needed, save, and "
        "import again",
    ),
    "sheet_too_many_cells": (
        "工作表“{sheet}”有 {cells} 个单元格，超过导入的上限 {limit} 个",
        "Sheet '{sheet}' has {cells} cells, more than the {limit} an import reads",
    ),
    "sheet_repeats_too_much": (
        "工作表“{sheet}”用重复标记把 {size} 的内容展开成 {cells} 个单元格，不像导出的表格，文件没有导入",
        "Sheet '{sheet}' repeats {size} of content into {cells} cells, which no export does; "
        "nothing was imported",
    ),
    "sheet_xml_damaged": (
        "工作表“{sheet}”已损坏：{detail}",
        "Sheet '{sheet}' is damaged: {detail}",
    ),
    "workbook_unpacks_too_large": (
        "工作簿解压后有 {size}，超过上限 {limit}（可能是“压缩炸弹”），文件没有导入",
        "The workbook unpacks to {size}, more than the {limit} an import reads (possibly a "
        "zip bomb); nothing was imported",
    ),
    "workbook_too_many_parts": (
        "工作簿由 {parts} 个部分组成，超过上限 {limit}，文件没有导入",
        "The workbook is made of {parts} parts, more than {limit}; nothing was imported",
    ),
    "workbook_too_many_sheets": (
        "工作簿有 {sheets} 个工作表，超过上限 {limit} 个，文件没有导入",
        "The workbook has {sheets} sheets, more than the {limit} an import looks through; "
        "nothing was imported",
    ),
    "workbook_too_large_for_memory": (
        "读取这个工作簿需要的内存超过了允许的上限，文件没有导入。请删除多余的工作表或内容后再导入",
        "Reading this workbook would need more memory than is allowed; nothing was imported. "
        "Delete the sheets or content not needed and import again",
    ),
    "workbook_reader_stopped": (
        "读取表格的程序意外停止（{detail}），文件没有导入。文件可能已损坏或过大；"
        "请在 Excel 中打开后另存为新的 .xlsx 再导入",
        "The spreadsheet reader stopped unexpectedly ({detail}); nothing was imported. The "
        "file may be damaged or too large: open it in Excel, save it as a new .xlsx and "
        "import again",
    ),
    "workbook_timeout": (
        "读取文件超过 {seconds} 秒仍未完成，已停止，文件没有导入",
        "Reading the file took longer than {seconds} seconds and was stopped; nothing was imported",
    ),
    "header_not_found": (
        "找不到表头：前 {rows} 行中没有一行含有必需的列（{columns}）。如果列名不同，请指定列映射",
        "No header row found: none of the first {rows} rows names the required columns "
        "({columns}). If the columns are named differently, give a column mapping",
    ),
    "missing_columns": (
        "缺少必需的列：{columns}。请检查文件或指定列映射",
        "Required columns are missing: {columns}. Check the file or give a column mapping",
    ),
    "mapping_unknown_field": (
        "列映射中的“{name}”不是可导入的字段；可用字段：{fields}",
        "'{name}' in the column mapping is not a field that can be imported; fields: {fields}",
    ),
    "mapping_unknown_column": (
        "列映射指向的列“{column}”不在文件的表头中",
        "The column mapping names column '{column}', which is not in the file's header",
    ),
    "mapping_invalid": ("列映射文件有误：{detail}", "The column mapping file is wrong: {detail}"),
    "strict_refused": (
        "严格模式：有 {count} 行被拒绝，整个文件没有导入",
        "Strict mode: {count} rows were rejected, so nothing of the file was imported",
    ),
    "no_valid_rows": (
        "没有一行可以导入（{count} 行被拒绝）",
        "No row could be imported ({count} rows rejected)",
    ),
    "unit_map_target_unknown": (
        "“{name}”要映射到的单位“{unit}”不存在；请写已有单位的名称",
        "'{name}' is to be mapped to the unit '{unit}', which does not exist; "
        "name an existing unit",
    ),
    "unit_map_format": (
        "单位映射“{value}”应写成“文件中的名称=已有单位”",
        "The unit mapping '{value}' should read 'NAME IN THE FILE=EXISTING UNIT'",
    ),
    "unit_chosen_twice": (
        "“{name}”被选择了两次（映射或新建只能选一个）",
        "'{name}' is chosen twice (map it or add it, not both)",
    ),
    "ratings_coded": (
        "第 {line} 行的{field}是代码“{value}”，而导入方案“{profile}”按文字读取等级，没有说明代码的方向"
        "（GB/T 39046：1=非常满意…5=非常不满意；浙江：1=非常不满意…5=非常满意）。"
        "文件没有导入，代码不会被猜测：请选择说明代码含义的导入方案（如 gbt39046、zhejiang），或为本平台新建一个",
        "{field} on line {line} is the code '{value}', but the import profile '{profile}' reads "
        "ratings as words and does not say which way its codes run (GB/T 39046: 1 = 非常满意 … "
        "5 = 非常不满意; Zhejiang: 1 = 非常不满意 … 5 = 非常满意). Nothing was imported and no "
        "code is guessed: choose a profile that says what the codes mean (e.g. gbt39046, "
        "zhejiang), or add one for this platform",
    ),
    "channels_coded": (
        "第 {line} 行的{field}是代码“{value}”，而导入方案“{profile}”没有渠道代码表（各省代码不同，"
        "如 7 可能是短信，也可能是系统默认评价）。文件没有导入：请选择有渠道代码表的导入方案，或为本平台新建一个",
        "{field} on line {line} is the code '{value}', but the import profile '{profile}' has no "
        "channel code table (codes differ by province: 7 may be 短信 or 系统默认评价). Nothing "
        "was imported: choose a profile with the platform's channel codes, or add one",
    ),
    "profile_unknown": ("{detail}", "{detail}"),
    "profile_not_evaluations": (
        "导入方案只用于好差评评价导出，不用于“{kind}”",
        "Import profiles are for 好差评 evaluation exports only, not for '{kind}'",
    ),
    "no_rows": ("表头下面没有数据行", "There are no data rows below the header"),
    "rows_unaccounted": (
        "文件的 {rows} 行数据中只有 {accounted} 行有了结果（新增、更新、未变、重复或拒绝），"
        "为免漏掉数据，整个文件没有导入。这是程序的错误，请报告",
        "Of the file's {rows} data rows only {accounted} have an outcome (inserted, updated, "
        "unchanged, repeated or rejected); so that none is lost, nothing was imported. This is "
        "a fault of the program: please report it",
    ),
    "cancelled": ("导入已取消，没有导入任何数据", "Import cancelled; nothing was imported"),
    # One row
    "missing_value": ("缺少{field}", "{field} is missing"),
    "bad_date": ("{field}不是有效日期：“{value}”", "{field} is not a valid date: '{value}'"),
    "bad_datetime": ("{field}不是有效时间：“{value}”", "{field} is not a valid time: '{value}'"),
    "bad_flag": ("{field}应为“是”或“否”：“{value}”", "{field} must be 是 or 否: '{value}'"),
    "bad_count": ("{field}不是整数：“{value}”", "{field} is not a whole number: '{value}'"),
    "bad_money": ("{field}不是有效金额：“{value}”", "{field} is not a valid amount: '{value}'"),
    "date_out_of_range": (
        "{field}“{value}”不在可接受的日期范围内（{earliest} 至 {latest}）",
        "{field} '{value}' is outside the dates accepted ({earliest} to {latest})",
    ),
    "value_too_large": (
        "{field}“{value}”太大（最多 {limit}）",
        "{field} '{value}' is too large (at most {limit})",
    ),
    "control_character": (
        "{field}含有控制字符 {character}（文件可能已损坏），这一行没有导入",
        "{field} holds the control character {character} (the file may be damaged); the "
        "line was not imported",
    ),
    "bad_rating": (
        "{field}不是有效的评价等级：“{value}”（应为非常满意、满意、基本满意、一般、不满意或非常不满意）",
        "{field} is not a valid rating: '{value}' (use 非常满意, 满意, 基本满意, 一般, 不满意 or 非常不满意)",
    ),
    "bad_rating_code": (
        "{field}的代码“{value}”不在导入方案的等级代码表中（{codes}）",
        "{field}: the code '{value}' is not in the profile's rating codes ({codes})",
    ),
    "bad_channel_code": (
        "{field}“{value}”不在导入方案的渠道代码表中（{codes}）",
        "{field} '{value}' is not in the profile's channel codes ({codes})",
    ),
    "bad_attempt": (
        "{field}应为 1（首次评价）、2（追评）等次数：“{value}”",
        "{field} must be a count such as 1 (first) or 2 (追评): '{value}'",
    ),
    "bad_review_status": (
        "{field}“{value}”不是导入方案认识的审核状态（{known}）",
        "{field} '{value}' is not a review status the profile knows ({known})",
    ),
    "too_many_labels": (
        "{field}太多（{count} 个，最多 20 个）",
        "{field}: too many labels ({count}, at most 20)",
    ),
    "bad_integrity": (
        "{field}应为“有”或“没有”：“{value}”",
        "{field} must be 有 or 没有: '{value}'",
    ),
    "too_long": (
        "{field}太长（{length} 个字，最多 {limit} 个）",
        "{field} is too long ({length} characters, at most {limit})",
    ),
    "completed_before_accepted": (
        "办结日期 {completed} 早于受理日期 {accepted}",
        "办结日期 {completed} is before 受理日期 {accepted}",
    ),
    "unknown_outcome": (
        "回访情况“{value}”无法识别（可用：{known}）",
        "回访情况 '{value}' is not a known outcome (known: {known})",
    ),
    "unknown_unit": (
        "受理单位“{unit}”不是已有的单位（可映射到已有单位或新建后再导入）",
        "受理单位 '{unit}' is not an existing unit (map it to an existing unit, or add it as "
        "a new unit, and import again)",
    ),
    "unknown_case": (
        "业务编号 {case_no} 不在数据库中（请先导入业务件）",
        "Case number {case_no} is not in the database (import the cases first)",
    ),
    "conflicting_duplicate": (
        "业务编号 {case_no} 与第 {line} 行重复，但内容不同",
        "Case number {case_no} repeats line {line} with different contents",
    ),
    "conflicting_evaluation": (
        "与第 {line} 行是同一评价（业务编号、时间、渠道相同），但答案不同",
        "The same evaluation as line {line} (case, time and channel), but with other answers",
    ),
    "conflicting_stored_evaluation": (
        "与已导入的评价业务编号、时间、渠道相同，但答案不同",
        "An evaluation of this case with the same time and channel was imported before, "
        "with other answers",
    ),
}


def render(code: str, params: dict[str, Any], language: str | None = None) -> str:
    zh, en = MESSAGES[code]
    return pick(zh, en, language).format(**params)


@dataclass
class Problem(Refused):
    """Something wrong with a file or a row, to be shown to the user."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, language: str | None = None) -> str:
        return render(self.code, self.params, language)

    def __str__(self) -> str:
        return self.message()


class FileRefused(Problem):
    """The file as a whole cannot be imported; nothing of it is stored."""


class RowProblem(Problem):
    """One row cannot be imported; the others may be."""
