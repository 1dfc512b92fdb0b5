"""Settings: each declared once with its type, default and title; values kept in the database."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Connection, Select, select
from sqlalchemy.orm import Session

from app.audit import record_change
from app.i18n import pick
from db.models import Setting


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    title: str  # Chinese
    title_en: str

    def check(self, value: Any) -> Any:
        """The value as the option's type; raises ValueError when it cannot be."""
        kind = type(self.default)
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            expected = {bool: "true/false", int: "整数", float: "数字", str: "文字"}[kind]
            raise ValueError(
                pick(
                    f"{self.key}（{self.title}）应为{expected}，不能是 {value!r}",
                    f"{self.key} ({self.title_en}): expected {kind.__name__}, got {value!r}",
                )
            )
        return value


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option("coverage.target", 0.3, "回访覆盖率目标", "Revisit coverage target"),
        Option(
            "coverage.supplement_working_days",
            3,
            "未达标单位补充回访期限（工作日）",
            "Working days for a unit below target to supplement revisits",
        ),
        Option(
            "coverage.margin",
            0.05,
            "覆盖率安全余量（在目标之上多回访的比例）",
            "Coverage margin planned above the target",
        ),
        Option(
            "desk.online_window_days",
            7,
            "网上评价期限（办结后天数，过后转电话回访）",
            "Days after completion left for online evaluation before a phone revisit",
        ),
        Option(
            "desk.online_window_working_days",
            False,
            "网上评价期限按工作日计算",
            "Count the online evaluation window in working days",
        ),
        Option(
            "desk.enterprise_to_phone",
            False,
            "企业业务也进入电话回访队列",
            "Put enterprise cases in the phone queue too",
        ),
        Option(
            "desk.sample_all",
            False,
            "所有到期业务件都电话回访（不抽样）",
            "Call every due case (no sampling)",
        ),
        Option(
            "desk.completion_prior",
            0.6,
            "尚无记录时预计的电话回访成功率",
            "Expected phone revisit completion rate before any is observed",
        ),
        Option("desk.max_attempts", 3, "每件最多拨打次数", "Most attempts per case"),
        Option("desk.morning_hours", "09:00-12:00", "上午回访时段", "Morning calling hours"),
        Option("desk.afternoon_hours", "14:00-17:30", "下午回访时段", "Afternoon calling hours"),
        Option(
            "desk.claim_minutes",
            15,
            "领取业务件的保留时间（分钟）",
            "Minutes a claimed case stays with its operator",
        ),
        Option(
            "desk.appointment_grace_minutes",
            15,
            "预约时间过后多少分钟未拨打即记为预约未接",
            "Minutes after an appointment without a call before it counts as missed",
        ),
        Option(
            "callbacks.deadline_working_days",
            5,
            "二次回访办结期限（工作日，自不满意评价起）",
            "Working days to finish a second-round callback, from the dissatisfied answer",
        ),
        Option(
            "complaints.first_contact_working_days",
            2,
            "投诉首次联系投诉人期限（工作日）",
            "Working days to first contact a complainant",
        ),
        Option(
            "complaints.reply_working_days",
            15,
            "投诉答复处理意见期限（工作日）",
            "Working days to reply to a complaint",
        ),
        Option(
            "complaints.supervision_reply_working_days",
            10,
            "督办表默认回复期限（工作日）",
            "Default working days for a supervision order's reply",
        ),
        Option(
            "capa.recurring_threshold",
            3,
            "同一单位同类不满意原因一季度达到几次视为反复出现",
            "Dissatisfactions of one reason at one unit in a quarter that count as recurring",
        ),
        Option(
            "printing.evaluation_url_template",
            "https://hcp.example.gov.cn/evaluate?case={case_no}",
            "网上评价地址模板（打印在评价二维码中，{case_no} 处填入业务编号）",
            "Online evaluation address template (put in the slip's QR; {case_no} becomes the "
            "case number)",
        ),
        Option(
            "scanning.max_megabytes",
            50,
            "扫描件大小上限（MB）",
            "Largest scanned file accepted (MB)",
        ),
        Option(
            "scanning.inbox_folder",
            "",
            "扫描仪存放文件的监视文件夹（空：不监视）",
            "Folder a networked scanner drops its files into (empty: none watched)",
        ),
        Option(
            "backup.folder",
            "",
            "备份文件夹（空：SQLite 数据库文件旁的 backups 文件夹，或用户数据目录中的 backups）",
            "Backup folder (empty: a backups folder beside the SQLite file, or in the user's "
            "data directory)",
        ),
        Option("backup.daily", True, "每天自动备份", "Back up automatically every day"),
        Option(
            "backup.keep",
            14,
            "保留最近几份每日自动备份",
            "How many daily automatic backups to keep",
        ),
        Option(
            "sync.site_name",
            "",
            "本机在同步文件中的名称（网点或中心的名称；空：用计算机名）",
            "This site's name in sync files (the outlet's or centre's; empty: the computer's name)",
        ),
        Option(
            "retention.years",
            3,
            "个人信息保存年限（业务件办结后，W 7.1.3.2.5）",
            "Years personal data is kept after a case is completed (W 7.1.3.2.5)",
        ),
    )
}


def get_setting(session: Session, key: str) -> Any:
    return get_settings(session, key)[0]


def get_settings(session: Session, *keys: str) -> list[Any]:
    """The values of these settings, in one query."""
    session.flush()  # a change made in this session counts, as it would for a query through it
    return read_settings(session.connection(), *keys)


def read_settings(connection: Connection, *keys: str) -> list[Any]:
    """`get_settings` for Core statements on a connection (the call desk's "next case").

    The table holds at most a row per option: reading it whole costs less than naming the keys.
    """
    stored = dict(connection.execute(_stored_query()).all())
    values = []
    for key in keys:
        option, value = OPTIONS[key], stored.get(key)
        values.append(option.default if value is None else option.check(value))
    return values


@cache
def _stored_query() -> Select:
    """Built once: building it cost more than running it."""
    return select(Setting.key, Setting.value)


def set_setting(session: Session, key: str, value: Any, *, by_id: int | None = None) -> None:
    """Change a setting; a change is audited with the values before and after (by_id: who)."""
    value = OPTIONS[key].check(value)
    before = get_setting(session, key)
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
