"""录音质检 (W 7.1.2 电子监察 and spot checks): who is at the seat, then quality inspection of the
calls — a team lead's sample, listening and scoring (质检), an operator's own scored calls, the
scorecard — and the call recordings that wait in the tray for a call to be filed to.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.roles import Permission
from app.staff import StaffMember
from ui.pages.seat_tabs_page import SeatTabsPage
from ui.quality.inspection_tab import InspectionTab
from ui.quality.my_scores_tab import MyScoresTab
from ui.quality.scorecard_tab import ScorecardTab
from ui.recordings.tray_tab import RecordingsTab


class QualityPage(SeatTabsPage):
    CONTEXT = "QualityPage"
    TABS = (
        (InspectionTab, QT_TRANSLATE_NOOP("QualityPage", "质检抽样与评分")),
        (MyScoresTab, QT_TRANSLATE_NOOP("QualityPage", "我的质检结果")),
        (ScorecardTab, QT_TRANSLATE_NOOP("QualityPage", "质检评分表")),
        (RecordingsTab, QT_TRANSLATE_NOOP("QualityPage", "通话录音")),
    )

    def hint(self, person: StaffMember | None) -> str:
        if person is None:
            return self.tr("请选择您的姓名：质检按您的角色办理。")
        if person.may(Permission.INSPECT_QUALITY):
            return self.tr("可抽取通话、收听录音并评分，修改质检评分表，归档未匹配的录音。")
        return self.tr("可查看本人的质检结果和导入录音；抽样评分须由组长或管理员办理。")
