"""A case's history as a readable timeline: the facts on top, then every event, oldest first."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.callbacks.history import (
    ATTACHMENT,
    CALL,
    COMPLAINT_EVENT,
    CONTACT,
    EVALUATION,
    INTEGRITY,
    TASK,
    CaseHistory,
)
from ui.desk.display import ERROR_COLOR, local_time

# A colour per kind of event, on the left of each entry, so the eye finds the contacts.
KIND_COLORS = {
    EVALUATION: "#1a5fb4",
    CALL: "#5e5c64",
    CONTACT: "#2e7d32",
    TASK: "#9141ac",
    COMPLAINT_EVENT: "#c64600",
    ATTACHMENT: "#865e3c",
    INTEGRITY: ERROR_COLOR,
}


ATTACHMENT_LINK = "attachment:"
RECORDING_LINK = "recording:"  # a call with a recording: the call attempt's id


class HistoryView(QTextBrowser):
    attachment_opened = Signal(int)  # an attachment's id: the person asked to open it
    recording_opened = Signal(int)  # a call attempt's id: the person asked to hear it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        # An attachment's title is a link (Tab reaches it, Enter or a click opens it).
        self.anchorClicked.connect(self._link_clicked)
        self.history: CaseHistory | None = None

    def _link_clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith(ATTACHMENT_LINK) and text[len(ATTACHMENT_LINK) :].isdigit():
            self.attachment_opened.emit(int(text[len(ATTACHMENT_LINK) :]))
        elif text.startswith(RECORDING_LINK) and text[len(RECORDING_LINK) :].isdigit():
            self.recording_opened.emit(int(text[len(RECORDING_LINK) :]))

    def kind_title(self, kind: str) -> str:
        return {
            EVALUATION: self.tr("评价"),
            CALL: self.tr("电话"),
            CONTACT: self.tr("联系"),
            TASK: self.tr("二次回访"),
            COMPLAINT_EVENT: self.tr("投诉"),
            ATTACHMENT: self.tr("附件"),
            INTEGRITY: self.tr("廉洁"),
        }.get(kind, kind)

    def show_history(self, history: CaseHistory) -> None:
        self.history = history
        self.setHtml(self._html(history))

    def _html(self, history: CaseHistory) -> str:
        e = html.escape
        facts = history.facts
        pairs = [
            (self.tr("业务编号"), facts.case_no),
            (self.tr("办理事项"), facts.business_type or ""),
            (self.tr("受理单位"), facts.unit + (f"（{facts.district}）" if facts.district else "")),
            (self.tr("受理日期"), facts.accepted_on.isoformat() if facts.accepted_on else ""),
            (self.tr("办结日期"), facts.completed_on.isoformat()),
            (self.tr("办理渠道"), facts.channel or ""),
            (self.tr("申请人"), facts.applicant or ""),
            (self.tr("企业名称"), facts.enterprise_name or ""),
            (self.tr("联系电话"), "、".join(facts.phones)),
            (self.tr("经办人"), facts.handler or ""),
            (self.tr("座落"), facts.location or ""),
        ]
        pairs = [(k, v) for k, v in pairs if v]
        cells = []
        for number in range(0, len(pairs), 2):
            row = "".join(
                f"<td style='color:#555555; padding:2px 6px; white-space:nowrap'>{e(k)}</td>"
                f"<td style='padding:2px 14px 2px 0'>{e(v)}</td>"
                for k, v in pairs[number : number + 2]
            )
            cells.append(f"<tr>{row}</tr>")
        parts = [
            f"<table cellspacing='0' style='background:#f4f6fa; margin-bottom:8px'>"
            f"{''.join(cells)}</table>"
        ]
        if not history.events:
            parts.append(f"<p>{e(self.tr('此业务件还没有评价、回访或投诉记录。'))}</p>")
        parts.append("<table cellspacing='0' cellpadding='3' width='100%'>")
        for event in history.events:
            color = KIND_COLORS.get(event.kind, "#555555")
            title = e(event.title)
            if event.attachment_id is not None:
                title = f"<a href='{ATTACHMENT_LINK}{event.attachment_id}'>{title}</a>"
            elif event.recording_seconds is not None and event.call_attempt_id is not None:
                title += (
                    f" <a href='{RECORDING_LINK}{event.call_attempt_id}'>"
                    f"{e(self.tr('▶ 播放录音'))}</a>"
                )
            if event.alert:
                title = f"<span style='color:{ERROR_COLOR}'>{title}</span>"
            badge = (
                f" <span style='background:#2e7d32; color:white'>&nbsp;{e(event.badge)}&nbsp;</span>"
                if event.badge
                else ""
            )
            lines = "".join(f"<br>{e(line)}" for line in event.lines if line)
            parts.append(
                "<tr>"
                f"<td width='118' style='color:#555555; white-space:nowrap' valign='top'>"
                f"{e(local_time(event.at))}</td>"
                f"<td width='46' valign='top' style='color:{color}; font-weight:bold;"
                f" white-space:nowrap'>{e(self.kind_title(event.kind))}</td>"
                f"<td valign='top' style='border-left:3px solid {color}; padding-left:6px'>"
                f"<b>{title}</b>{badge}{lines}</td>"
                "</tr>"
            )
        parts.append("</table>")
        if not history.integrity_shown:
            parts.append(
                f"<p style='color:#777777'>{e(self.tr('廉洁纪律反映仅组长、管理员可见。'))}</p>"
            )
        return "".join(parts)
