"""Settings of the centre: each declared once in `OPTIONS` — its type, default, range or choices,
title and the rule it serves — and kept in the database. The command line and the 设置 dialog both
list, check and change them through this declaration.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import time
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Connection, Select, select
from sqlalchemy.orm import Session

from app.audit import record_change
from app.errors import Refused
from app.i18n import pick
from app.staff import require_administrator
from db.models import Setting

# The areas of the settings, in the order the dialog and the listing show them.
AREAS: dict[str, tuple[str, str]] = {
    "centre": ("本中心", "The centre"),
    "desk": ("回访工作台", "Call desk"),
    "callbacks": ("二次回访与投诉", "Callbacks and complaints"),
    "printing": ("打印", "Printing"),
    "scanning": ("扫描", "Scanning"),
    "backup": ("备份", "Backups"),
    "sync": ("网点同步", "Outlet sync"),
    "retention": ("数据保留", "Retention"),
    "security": ("账号安全", "Account security"),
}

# What a text setting holds, for its check and its editor.
TEXT, HOURS, ADDRESS, FOLDER = "text", "hours", "address", "folder"
PLACEHOLDER = "{case_no}"  # where the evaluation address takes the case number
_HOURS = re.compile(r"\s*(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*")
_TRUE, _FALSE = ("true", "yes", "on", "1", "是"), ("false", "no", "off", "0", "否")
TEXT_MAX_LENGTH = 500


class SettingRefused(Refused, ValueError):
    """A value a setting cannot take; the message names the setting and the reason, `key` the
    setting. Still a ValueError, as the settings' errors were before they were Refused."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class Option:
    """One setting. Its type is its default's; a number may have a range (`above_minimum`: the
    minimum itself is not allowed), any may have choices (value, Chinese, English)."""

    key: str
    area: str
    default: Any
    title: str  # Chinese
    title_en: str
    help: str = ""  # one line: the rule the setting serves, Chinese
    help_en: str = ""
    minimum: int | float | None = None
    maximum: int | float | None = None
    above_minimum: bool = False
    choices: tuple[tuple[Any, str, str], ...] = ()
    form: str = TEXT  # for text: TEXT, HOURS, ADDRESS or FOLDER

    @property
    def kind(self) -> type:
        return type(self.default)

    def title_text(self) -> str:
        return pick(self.title, self.title_en)

    def help_text(self) -> str:
        return pick(self.help, self.help_en)

    def typed(self, value: Any) -> Any:
        """The value as the option's type (an int for a float setting becomes a float)."""
        kind = self.kind
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.refused(
                {bool: "应为 true/false", int: "应为整数", float: "应为数字", str: "应为文字"}[kind]
                + f"，不能是 {value!r}",
                f"expected {_TYPE_NAMES[kind]}, got {value!r}",
            )
        return value

    def check(self, value: Any) -> Any:
        """The value as the setting keeps it, if it may take it; else SettingRefused saying why."""
        value = self.typed(value)
        if self.choices:
            if value not in [choice for choice, _zh, _en in self.choices]:
                allowed = [self.display(choice) for choice, _zh, _en in self.choices]
                raise self.refused(
                    "应为以下之一：" + "、".join(allowed), "must be one of: " + ", ".join(allowed)
                )
        if self.kind in (int, float):
            self._check_range(value)
        if self.kind is str:
            value = value.strip()
            if len(value) > TEXT_MAX_LENGTH or "\n" in value:
                raise self.refused(
                    f"应为一行文字，不超过 {TEXT_MAX_LENGTH} 字",
                    f"must be one line of at most {TEXT_MAX_LENGTH} characters",
                )
            _FORM_CHECKS.get(self.form, _no_check)(self, value)
        return value

    def parse(self, text: str) -> Any:
        """A value typed as text (the command line, an editor), checked."""
        text = text.strip()
        kind = self.kind
        if kind is bool:
            if text.lower() in _TRUE:
                return self.check(True)
            if text.lower() in _FALSE:
                return self.check(False)
            raise self.refused(
                f"应为 true/false，不能是 {text!r}", f"expected true/false, got {text!r}"
            )
        if kind in (int, float):
            try:
                number = kind(text)
            except ValueError:
                raise self.refused(
                    f"{'应为整数' if kind is int else '应为数字'}，不能是 {text!r}",
                    f"expected {_TYPE_NAMES[kind]}, got {text!r}",
                ) from None
            return self.check(number)
        if len(text) >= 2 and text[0] == text[-1] == '"':
            try:  # a JSON string, as the command line took values before
                text = json.loads(text)
            except json.JSONDecodeError:
                pass
        return self.check(text)

    def display(self, value: Any) -> str:
        """The value as a person reads it, in the current language."""
        for choice, zh, en in self.choices:
            if choice == value:
                return pick(zh, en)
        if isinstance(value, bool):
            return pick("是", "yes") if value else pick("否", "no")
        if value == "":
            return pick("（空）", "(empty)")
        return str(value)

    def range_text(self) -> str:
        """The range as a person reads it ("≥ 1 且 ≤ 30", "> 0 且 ≤ 1"); "" without one."""
        low, high = self.minimum, self.maximum
        if low is None and high is None:
            return ""
        parts = []
        if low is not None:
            parts.append(f"{'>' if self.above_minimum else '≥'} {low}")
        if high is not None:
            parts.append(f"≤ {high}")
        return pick(" 且 ", " and ").join(parts)

    def fallback(self, value: Any) -> Any:
        """What the setting uses instead of a value it cannot take (one stored by an older
        version or by hand): a finite number beyond its range, the nearest bound; else the
        default."""
        kind = self.kind
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if kind in (int, float) and number and math.isfinite(value):
            if kind is float or isinstance(value, int):
                low, high = self.minimum, self.maximum
                if high is not None and value > high:
                    return kind(high)
                if low is not None and value < low and not self.above_minimum:
                    return kind(low)
        return self.default

    def refused(self, zh: str, en: str) -> SettingRefused:
        return SettingRefused(
            pick(f"{self.title}（{self.key}）{zh}", f"{self.title_en} ({self.key}): {en}"), self.key
        )

    def _check_range(self, value: int | float) -> None:
        if not math.isfinite(value):
            raise self.refused(
                f"应为有限的数字，不能是 {value}", f"must be a finite number, not {value}"
            )
        low, high = self.minimum, self.maximum
        too_low = low is not None and (value <= low if self.above_minimum else value < low)
        too_high = high is not None and value > high
        if too_low or too_high:
            shown = self.range_text()
            raise self.refused(f"应 {shown}，不能是 {value}", f"must be {shown}, not {value}")


_TYPE_NAMES = {bool: "true/false", int: "a whole number", float: "a number", str: "text"}


def parse_hours(text: str) -> tuple[time, time]:
    """ "09:00-12:00" -> (09:00, 12:00); ValueError unless HH:MM-HH:MM with start before end."""
    match = _HOURS.fullmatch(text)
    try:
        if match is None:
            raise ValueError
        start, end = (time.fromisoformat(part.zfill(5)) for part in match.groups())
    except ValueError:
        raise ValueError(
            pick(
                f"时段格式应为 09:00-12:00：{text!r}", f"Hours must look like 09:00-12:00: {text!r}"
            )
        ) from None
    if not start < end:
        raise ValueError(
            pick(
                f"时段的开始应早于结束：{text!r}", f"The hours must start before they end: {text!r}"
            )
        )
    return start, end


def _check_hours(option: Option, value: str) -> None:
    try:
        parse_hours(value)
    except ValueError as error:
        raise option.refused(f"：{error}", str(error)) from None


def _check_address(option: Option, value: str) -> None:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in value:
        raise option.refused(
            "应为以 http:// 或 https:// 开头的网址",
            "must be an address starting with http:// or https://",
        )
    if PLACEHOLDER not in value:
        raise option.refused(
            f"中应有 {PLACEHOLDER}（填入业务编号的位置）",
            f"must contain {PLACEHOLDER} (where the case number goes)",
        )


def _check_folder(option: Option, value: str) -> None:
    """A folder's path as written, without looking at the disk (it may be a network drive not
    there now, or made at the first backup): empty (none), or whole — from the root or a drive,
    or from ~ (the user's home)."""
    if not value:
        return
    if "\0" in value:
        raise option.refused("中有无效的字符", "holds a character no path can")
    try:
        path = Path(value).expanduser()
    except RuntimeError:  # ~name of nobody known here
        raise option.refused(
            f"中的 {value.split('/')[0]} 不是本机已知用户的主目录",
            f"names {value.split('/')[0]}, which is no known user's home",
        ) from None
    if not path.is_absolute():
        raise option.refused(
            "应为完整的文件夹路径（如 D:\\备份、/srv/备份 或 ~/备份）",
            "must be a whole folder path (e.g. D:\\Backups, /srv/backups or ~/backups)",
        )


def _check_folder_here(option: Option, value: str) -> None:
    """A folder setting given a new value, checked on this computer's disk (only then: reading
    a setting never touches the disk, which may be a network drive that answers slowly). It may
    be an existing folder one may write in, or one that can be made there at its first use (the
    backup folder is; the scanning page says when the watched one is missing). Refused: a file,
    a path under a file, a folder one may not write in, and a path of which nothing is there at
    all (a drive or share not connected)."""
    if not value:
        return
    path = Path(value).expanduser()
    try:
        if path.exists() and not path.is_dir():
            raise option.refused(
                f"：{path} 是一个文件，不是文件夹", f"{path} is a file, not a folder"
            )
        there = next((folder for folder in (path, *path.parents) if folder.exists()), None)
    except OSError as error:  # e.g. a name too long for the system
        from app.file_errors import file_error_text

        raise option.refused(f"：{file_error_text(error)}", file_error_text(error)) from None
    if there is None:
        raise option.refused(
            f"：本机找不到 {path.anchor or path}（驱动器或网络位置未连接？）",
            f"{path.anchor or path} cannot be found on this computer (a drive or network "
            "location not connected?)",
        )
    if not there.is_dir():
        raise option.refused(
            f"：路径中的 {there} 是一个文件，不是文件夹",
            f"{there}, a part of the path, is a file, not a folder",
        )
    if not os.access(there, os.W_OK | os.X_OK):
        raise option.refused(
            f"：没有在文件夹 {there} 中写入的权限", f"no permission to write in the folder {there}"
        )


def _no_check(_option: Option, _value: str) -> None:
    pass


_FORM_CHECKS: dict[str, Callable[[Option, str], None]] = {
    HOURS: _check_hours,
    ADDRESS: _check_address,
    FOLDER: _check_folder,
}


def is_example_address(template: str) -> bool:
    """Whether an evaluation address is still an example (the default hcp.example.gov.cn, or any
    host named example): slips printed with it would send citizens nowhere."""
    host = urlsplit(template).hostname or ""
    return "example" in host.split(".")


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option(
            "centre.name",
            "centre",
            "",
            "本中心（组织）名称",
            "Name of the centre (the organisation)",
            "首次设置时填写；回访由不动产登记机构组织（J 4 服务机构）",
            "Entered at the first run; the registration authority runs the revisits (J 4)",
        ),
        # 回访工作台: who is called, when, how often.
        Option(
            "desk.online_window_days",
            "desk",
            7,
            "网上评价期限（办结后天数，过后转电话回访）",
            "Days after completion left for online evaluation before a phone revisit",
            "J 5.1.2：办结一周内未有效网上评价的，由受理单位电话回访（不超过 7 天）",
            "J 5.1.2: no valid online evaluation within a week of completion means a phone revisit "
            "(at most 7 days)",
            minimum=1,
            maximum=7,
        ),
        Option(
            "desk.online_window_working_days",
            "desk",
            False,
            "网上评价期限按工作日计算",
            "Count the online evaluation window in working days",
            "J 5.1.2 的“一周”默认按自然日计；勾选则按工作日（含调休）计",
            "J 5.1.2's week counts calendar days; checked, working days (with 调休)",
        ),
        Option(
            "desk.enterprise_to_phone",
            "desk",
            False,
            "企业业务也进入电话回访队列",
            "Put enterprise cases in the phone queue too",
            "J 5.1.3、5.2.4：企业在领证时或上门回访（附件 B）；勾选则也电话回访",
            "J 5.1.3, 5.2.4: enterprises are revisited in person (Form B); checked, also by phone",
        ),
        Option(
            "desk.sample_all",
            "desk",
            False,
            "所有到期业务件都电话回访（不抽样）",
            "Call every due case (no sampling)",
            "W 7.1.3.3.1：随机抽取一定比例的业务件回访；勾选则全部回访",
            "W 7.1.3.3.1: a random share of the cases is called; checked, all of them",
        ),
        Option(
            "desk.max_attempts",
            "desk",
            3,
            "每件最多拨打次数",
            "Most attempts per case",
            "W 7.1.3.3.1：未接通的记下号码换时间再拨，不换样本",
            "W 7.1.3.3.1: a number that does not answer is called again at another time",
            minimum=1,
            maximum=20,
        ),
        Option(
            "desk.morning_hours",
            "desk",
            "09:00-12:00",
            "上午回访时段",
            "Morning calling hours",
            "W 7.1.3.3：重拨只在工作日的回访时段内、换一个半天（格式 09:00-12:00）",
            "W 7.1.3.3: retries fall in calling hours on working days, another half-day "
            "(as 09:00-12:00)",
            form=HOURS,
        ),
        Option(
            "desk.afternoon_hours",
            "desk",
            "14:00-17:30",
            "下午回访时段",
            "Afternoon calling hours",
            "W 7.1.3.3：同上；下午时段应在上午时段之后（格式 14:00-17:30）",
            "W 7.1.3.3: as above; the afternoon comes after the morning (as 14:00-17:30)",
            form=HOURS,
        ),
        Option(
            "desk.claim_minutes",
            "desk",
            15,
            "领取业务件的保留时间（分钟）",
            "Minutes a claimed case stays with its operator",
            "多个席位共用一个队列（SPEC）：一件只由一人拨打，过时未处理的放回队列",
            "Seats sharing one queue (SPEC): one operator per case; unfinished ones go back",
            minimum=1,
            maximum=240,
        ),
        Option(
            "desk.auto_dial",
            "desk",
            False,
            "取件后自动拨打第一个号码",
            "Dial the first number as soon as a case is on screen",
            "W 7.1.3.3 电话回访：取件即拨号、开始计时（如呼叫中心）；不勾选则按 Ctrl+D 拨号",
            "W 7.1.3.3 phone revisits: a case on screen is dialled and timed at once (as in a "
            "call centre); unchecked, Ctrl+D dials",
        ),
        Option(
            "desk.appointment_grace_minutes",
            "desk",
            15,
            "预约时间过后多少分钟未拨打即记为预约未接",
            "Minutes after an appointment without a call before it counts as missed",
            "W 7.1.3.3（约定时间回电）：约好的时间过了仍未拨打的，提醒并记录",
            "W 7.1.3.3 (called back at a set time): a missed appointment is flagged",
            minimum=1,
            maximum=240,
        ),
        Option(
            "coverage.target",
            "desk",
            0.3,
            "回访覆盖率目标",
            "Revisit coverage target",
            "J 5.1.2、5.4.2：网上和电话有效回访量不低于受理业务量的 30%（填 0.3，不能更低）",
            "J 5.1.2, 5.4.2: valid revisits reach at least 30 % of a unit's cases (0.3, not less)",
            minimum=0.3,
            maximum=1,
        ),
        Option(
            "coverage.margin",
            "desk",
            0.05,
            "覆盖率安全余量（在目标之上多回访的比例）",
            "Coverage margin planned above the target",
            "J 5.4.2：安排队列时多回访一些，季度结束时不低于目标",
            "J 5.4.2: the queue plans a little above the target so no unit ends below it",
            minimum=0,
            maximum=0.5,
        ),
        Option(
            "coverage.supplement_working_days",
            "desk",
            3,
            "未达标单位补充回访期限（工作日）",
            "Working days for a unit below target to supplement revisits",
            "J 5.4.2：不足 30% 的受理单位补充电话回访，3 个工作日内上报",
            "J 5.4.2: a unit below 30 % supplements phone revisits within 3 working days",
            minimum=1,
            maximum=3,
        ),
        # Which online evaluations are valid (有效, J 5.1.2), and whether an invalid one scores.
        Option(
            "evaluations.exclude_anonymous",
            "desk",
            False,
            "匿名的网上评价不算有效评价",
            "Anonymous online evaluations are not valid",
            "J 5.1.2：一周内无有效网上评价的电话回访；勾选则匿名评价不免电话回访（再次导入文件即重新判定）",
            "J 5.1.2: no valid online evaluation means a phone revisit; checked, an anonymous one "
            "does not spare the call (importing a file again re-judges it)",
        ),
        Option(
            "evaluations.invalid_scores",
            "desk",
            False,
            "没有有效评价时，无效的网上评价（如系统默认评价）也计分",
            "An invalid online evaluation (e.g. a default rating) scores when there is no valid one",
            "J 5.4.1：按首次评价计分；系统默认评价等不是群众的评价，默认不计分、不计入有效回访量",
            "J 5.4.1: the first evaluation scores; a default rating was never the citizen's, so "
            "by default it neither scores nor counts as a valid revisit",
        ),
        Option(
            "desk.completion_prior",
            "desk",
            0.6,
            "尚无记录时预计的电话回访成功率",
            "Expected phone revisit completion rate before any is observed",
            "J 5.4.2：估计为达到覆盖率还需拨打多少件，直到有实际拨打记录",
            "J 5.4.2: estimates the calls needed for coverage until real calls are recorded",
            minimum=0,
            maximum=1,
            above_minimum=True,
        ),
        # 二次回访与投诉: the deadlines of what a dissatisfied answer or a complaint opens.
        Option(
            "callbacks.deadline_working_days",
            "callbacks",
            5,
            "二次回访办结期限（工作日，自不满意评价起）",
            "Working days to finish a second-round callback, from the dissatisfied answer",
            "J 5.3.2、5.3.3：不满意的由受理单位再次回访，及时沟通并录入结果",
            "J 5.3.2, 5.3.3: a dissatisfied answer is called back by the unit and recorded",
            minimum=1,
            maximum=60,
        ),
        Option(
            "complaints.first_contact_working_days",
            "callbacks",
            2,
            "投诉首次联系投诉人期限（工作日）",
            "Working days to first contact a complainant",
            "W 7.3.4：二个工作日内联系服务对象",
            "W 7.3.4: the complainant is contacted within two working days",
            minimum=1,
            maximum=2,
        ),
        Option(
            "complaints.reply_working_days",
            "callbacks",
            15,
            "投诉答复处理意见期限（工作日）",
            "Working days to reply to a complaint",
            "W 7.3.4：十五个工作日内答复处理意见",
            "W 7.3.4: the complainant gets a reply within fifteen working days",
            minimum=1,
            maximum=15,
        ),
        Option(
            "complaints.supervision_reply_working_days",
            "callbacks",
            10,
            "督办表默认回复期限（工作日）",
            "Default working days for a supervision order's reply",
            "W 7.3.3 c)、附录 H 表 H.2：督办表提出督办意见和回复期限",
            "W 7.3.3 c), annex H table H.2: a supervision order sets a reply deadline",
            minimum=1,
            maximum=60,
        ),
        Option(
            "capa.recurring_threshold",
            "callbacks",
            3,
            "同一单位同类不满意原因一季度达到几次视为反复出现",
            "Dissatisfactions of one reason at one unit in a quarter that count as recurring",
            "W 7.4.2：系统性、反复出现的问题形成分析报告，制定纠正和预防措施",
            "W 7.4.2: systematic, recurring problems get corrective and preventive actions",
            minimum=2,  # once is not "反复"
            maximum=100,
        ),
        Option(
            "bad_reviews.appeal_working_days",
            "callbacks",
            3,
            "差评申诉复核期限（工作日，自提出申诉起）",
            "Working days to decide an appeal against a bad review, from its filing",
            "差评申诉复核：组长或市局在期限内作出复核结论（北京为 3 个工作日）",
            "Appeal of a bad review: decided by a team lead or the city bureau (Beijing: 3)",
            minimum=1,
            maximum=30,
        ),
        Option(
            "bad_reviews.rectify_working_days",
            "callbacks",
            15,
            "差评整改期限（工作日，自差评成立起）",
            "Working days to rectify a bad review that stands, from the day it stood",
            "差评整改：限期整改并反馈评价人（浙江、四川为 15 个工作日）",
            "A bad review that stands is rectified in time and fed back (Zhejiang, Sichuan: 15)",
            minimum=1,
            maximum=15,  # 7 days to 15 working days by region (SPEC 20)
        ),
        Option(
            "bad_reviews.malicious_scoring",
            "callbacks",
            "scored",
            "申诉认定为恶意的差评在季度通报中如何计分",
            "How a bad review upheld as malicious on appeal scores in the quarterly report",
            "J 5.4.1 按首次评价计分；恶意差评始终保留并在通报中单列",
            "J 5.4.1 scores the first evaluation; a malicious review is always kept and listed",
            choices=(
                ("scored", "照常计分，单列显示", "Scored as usual, listed apart"),
                (
                    "excluded",
                    "不计分（不计入得分合计和平均分），单列显示",
                    "Not scored (left out of total and average), listed apart",
                ),
            ),
        ),
        # 打印
        Option(
            "printing.evaluation_url_template",
            "printing",
            "https://hcp.example.gov.cn/evaluate?case={case_no}",
            "网上评价地址模板（打印在评价二维码中，{case_no} 处填入业务编号）",
            "Online evaluation address template (put in the slip's QR; {case_no} becomes the "
            "case number)",
            "J 5.2.1：领证时发证人员提供网上回访二维码；默认值只是示例，须改为本中心的地址",
            "J 5.2.1: the QR handed over with the certificate; the default is only an example",
            form=ADDRESS,
        ),
        # 录音
        Option(
            "recordings.match_seconds",
            "desk",
            120,
            "录音与拨打记录匹配的时间容差（秒）",
            "Tolerance matching a recording to its call by time (seconds)",
            "J 5.3.3：录音按号码和时间归到其拨打记录，时间相差超过此值的待人工归档",
            "J 5.3.3: recordings are filed to their calls by number and time; further off "
            "waits in the tray",
            minimum=5,
            maximum=3600,
        ),
        # 扫描
        Option(
            "scanning.max_megabytes",
            "scanning",
            50,
            "扫描件大小上限（MB）",
            "Largest scanned file accepted (MB)",
            "J 5.3.4：扫描上传盖章或签字的《企业回访反馈单》原件",
            "J 5.3.4: the stamped or signed Form B is scanned and uploaded",
            minimum=1,
            maximum=1000,
        ),
        Option(
            "scanning.inbox_folder",
            "scanning",
            "",
            "扫描仪存放文件的监视文件夹（空：不监视）",
            "Folder a networked scanner drops its files into (empty: none watched)",
            "J 5.3.4：扫描仪放入此文件夹的文件归到其业务件",
            "J 5.3.4: files the scanner drops here are filed to their cases",
            form=FOLDER,
        ),
        # 备份
        Option(
            "backup.daily",
            "backup",
            True,
            "每天自动备份",
            "Back up automatically every day",
            "W 6.3.2.3.2：数据丢失或损坏时，用最近时间点的备份恢复",
            "W 6.3.2.3.2: lost or damaged data is restored from the latest backup",
        ),
        Option(
            "backup.keep",
            "backup",
            14,
            "保留最近几份每日自动备份",
            "How many daily automatic backups to keep",
            "W 6.3.2.3.2：保留几份，可恢复到较早的时间点",
            "W 6.3.2.3.2: several are kept, to go back to an earlier point",
            minimum=2,  # one alone: a damaged database's backup replaces the last good one
            maximum=365,
        ),
        Option(
            "backup.folder",
            "backup",
            "",
            "备份文件夹（空：SQLite 数据库文件旁的 backups 文件夹，或用户数据目录中的 backups）",
            "Backup folder (empty: a backups folder beside the SQLite file, or in the user's "
            "data directory)",
            "W 6.3.2.3.2：备份最好放在另一块磁盘或网络位置",
            "W 6.3.2.3.2: best kept on another disk or a network location",
            form=FOLDER,
        ),
        # 网点同步
        Option(
            "sync.site_name",
            "sync",
            "",
            "本机在同步文件中的名称（网点或中心的名称；空：用计算机名）",
            "This site's name in sync files (the outlet's or centre's; empty: the computer's name)",
            "W 6.3.2：网点可离线工作，与中心用文件交换数据，文件注明来自哪里",
            "W 6.3.2: outlets work offline and exchange files with the centre, named by site",
        ),
        # 数据保留
        Option(
            "retention.years",
            "retention",
            3,
            "个人信息保存年限（业务件办结后，W 7.1.3.2.5）",
            "Years personal data is kept after a case is completed (W 7.1.3.2.5)",
            "W 7.1.3.2.5：意见材料保管 3 年（不能更短）；个人信息保护法第 19 条：不超过必要的最短时间",
            "W 7.1.3.2.5: feedback kept 3 years (not less); PIPL art. 19: no longer than necessary",
            minimum=3,
            maximum=30,
        ),
        # 账号安全: 等保 2.0 (GB/T 22239-2019 8.1.4.1) asks for password complexity and change,
        # and a session that ends after a time without use.
        Option(
            "security.password_min_length",
            "security",
            8,
            "密码最短长度",
            "Shortest password",
            "GB/T 22239-2019 8.1.4.1 a)：口令具有复杂度要求（等保常用要求至少 8 位）",
            "GB/T 22239-2019 8.1.4.1 a): passwords meet complexity rules (commonly 8 or more)",
            minimum=8,
            maximum=64,
        ),
        Option(
            "security.password_classes",
            "security",
            3,
            "密码至少包含几类字符（大写字母、小写字母、数字、其他符号）",
            "Kinds of characters a password has at least (upper case, lower case, digits, others)",
            "GB/T 22239-2019 8.1.4.1 a)：口令由多类字符组成（常用要求四类中至少三类）",
            "GB/T 22239-2019 8.1.4.1 a): passwords mix kinds of characters (commonly 3 of 4)",
            minimum=2,
            maximum=4,
        ),
        Option(
            "security.password_max_age_days",
            "security",
            90,
            "密码有效天数（到期登录时须更换；0：不限）",
            "Days a password lasts (then it must change at log-in; 0: for ever)",
            "GB/T 22239-2019 8.1.4.1 a)：口令定期更换",
            "GB/T 22239-2019 8.1.4.1 a): passwords are changed regularly",
            minimum=0,
            maximum=3650,
        ),
        Option(
            "security.idle_lock_minutes",
            "security",
            10,
            "无操作多少分钟后锁定窗口（重新启动后生效）",
            "Minutes without use before the window locks (from the next start)",
            "GB/T 22239-2019 8.1.4.1 b)：登录连接超时自动退出；锁定时保留回访员未保存的内容",
            "GB/T 22239-2019 8.1.4.1 b): a session ends after a time-out; drafts are kept",
            minimum=1,
            maximum=240,
        ),
    )
}


def get_setting(session: Session, key: str) -> Any:
    return get_settings(session, key)[0]


def get_settings(session: Session, *keys: str) -> list[Any]:
    """The values of these settings, in one query."""
    session.flush()  # a change made in this session counts, as it would for a query through it
    return read_settings(session.connection(), *keys)


def read_settings(
    connection: Connection | None, *keys: str, stored: Mapping[str, Any] | None = None
) -> list[Any]:
    """`get_settings` for Core statements on a connection (the call desk's "next case").

    The table holds at most a row per option: reading it whole costs less than naming the keys.
    `stored`: its rows (key → value) read already, by a caller who read them together with
    something else (one round trip); then `connection` is not used.
    A value stored that the setting cannot take (written by an older version, before its range,
    or by hand) does not stop the app: its `Option.fallback` is used instead, and the log says
    so (`_usable`).
    """
    if stored is None:
        stored = dict(connection.execute(_stored_query()).all())
    values = {key: _usable(OPTIONS[key], stored.get(key)) for key in keys}
    if not _HOURS_KEYS.isdisjoint(values):
        hours = {key: _usable(OPTIONS[key], stored.get(key)) for key in _HOURS_KEYS}
        try:
            _check_together(hours)
        except SettingRefused as problem:
            _report(("hours", *hours.values()), problem, "the defaults of both")
            hours = {key: OPTIONS[key].default for key in _HOURS_KEYS}
        values.update({key: hours[key] for key in _HOURS_KEYS if key in values})
    return [values[key] for key in keys]


_HOURS_KEYS = frozenset(("desk.morning_hours", "desk.afternoon_hours"))
_log = logging.getLogger(__name__)
_reported: set[tuple[Any, ...]] = set()  # what the log has said already, said once


def _usable(option: Option, value: Any) -> Any:
    """The stored value (None: no row) as the app uses it: itself when the setting may take
    it, else its fallback — logged once per value."""
    if value is None:
        return option.default
    try:
        return option.check(value)
    except SettingRefused as problem:
        used = option.fallback(value)
        _report((option.key, type(value).__name__, repr(value)), problem, repr(used))
        return used


def _report(what: tuple[Any, ...], problem: SettingRefused, used: str) -> None:
    if what not in _reported:
        _reported.add(what)
        _log.warning(
            "A setting stored in the database cannot be used as it is (%s); %s used instead",
            problem,
            used,
        )


def all_settings(session: Session) -> dict[str, Any]:
    """Every setting's value, by key, in declaration order."""
    return dict(zip(OPTIONS, get_settings(session, *OPTIONS), strict=True))


@cache
def _stored_query() -> Select:
    """Built once: building it cost more than running it."""
    return select(Setting.key, Setting.value)


@dataclass(frozen=True)
class SettingChange:
    key: str
    before: Any
    after: Any

    def describe(self) -> str:
        """ "title: before → after", in the current language."""
        option = OPTIONS[self.key]
        return (
            f"{option.title_text()}：{option.display(self.before)} → {option.display(self.after)}"
        )


def _check_together(values: Mapping[str, Any]) -> None:
    """What settings must agree on between them: the morning's calling hours before the
    afternoon's (app.desk.retries.CallingHours)."""
    _morning_start, morning_end = parse_hours(values["desk.morning_hours"])
    afternoon_start, _afternoon_end = parse_hours(values["desk.afternoon_hours"])
    if morning_end > afternoon_start:
        raise OPTIONS["desk.afternoon_hours"].refused(
            f"应在上午时段（{values['desk.morning_hours']}）之后",
            f"must come after the morning's ({values['desk.morning_hours']})",
        )


def check_settings(current: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """The changes as the settings keep them, when each may be taken and all agree together
    with the other current values; else SettingRefused (or KeyError for an unknown key)."""
    checked = {}
    for key, value in changes.items():
        if key not in OPTIONS:
            raise SettingRefused(pick(f"没有设置 {key}", f"No setting {key}"), key)
        checked[key] = OPTIONS[key].check(value)
    _check_together({**current, **checked})
    return checked


def change_settings(
    session: Session, changes: Mapping[str, Any], *, by_id: int | None = None
) -> list[SettingChange]:
    """Change settings together, all or none: each checked, each change audited with its value
    before and after. Only administrators (by_id: who; None only while nobody can log in:
    app.staff.require_administrator). A folder given a new value is checked on this computer's
    disk too (`_check_folder_here`). Returns what changed."""
    require_administrator(session, by_id)
    current = all_settings(session)
    checked = check_settings(current, changes)
    for key, value in checked.items():
        if OPTIONS[key].form == FOLDER and value != current[key]:
            _check_folder_here(OPTIONS[key], value)
    changed = []
    for key, value in checked.items():
        before = current[key]
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value
        if before != value:
            record_change(
                session,
                actor_id=by_id,
                action="setting.change",
                entity="setting",
                entity_uid=None,
                before={"key": key, "value": before},
                after={"key": key, "value": value},
            )
            changed.append(SettingChange(key, before, value))
    return changed


def set_setting(session: Session, key: str, value: Any, *, by_id: int | None = None) -> None:
    """Change one setting (`change_settings`); a change is audited with the values before and
    after (by_id: who)."""
    change_settings(session, {key: value}, by_id=by_id)


def evaluation_address_is_example(session: Session) -> bool:
    """Whether the evaluation slips' address is still an example (`is_example_address`)."""
    return is_example_address(get_setting(session, "printing.evaluation_url_template"))
