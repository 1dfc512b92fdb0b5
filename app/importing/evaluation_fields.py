"""The columns of a 好差评 evaluations export: Form A's answers and what the platform says about
each evaluation. Import profiles (app.importing.profiles) add a platform's own header names."""

from __future__ import annotations

from app.importing.columns import Field
from app.importing.form_a import INTEGRITY_FIELD, RATING_FIELDS

FIELDS = (
    Field("case_no", "业务编号", ("业务号", "办件编号", "受理编号", "办件号", "事项编号"), True),
    Field("evaluated_at", "评价时间", ("评价日期", "评价时刻"), True),
    Field("source_channel", "评价渠道", ("渠道", "评价来源", "评价方式")),
    *RATING_FIELDS,
    INTEGRITY_FIELD,
    Field(
        "content",
        "评价内容",
        ("评价意见", "意见建议", "有无建议", "建议", "评价描述", "文字评价"),
    ),
    # What real exports say about the evaluation besides the answers (SPEC rule 18).
    Field("default_flag", "是否默认评价", ("默认评价", "是否系统默认评价", "是否默认")),
    Field("attempt", "评价次数", ("评价轮次", "是否追评")),
    Field("evaluator", "评价人", ("评价人姓名", "评价用户")),
    Field("anonymous", "是否匿名", ("匿名", "匿名评价", "是否匿名评价")),
    Field("review_status", "审核状态", ("审核结果",)),
    Field("labels", "差评标签", ("评价标签", "标签")),
    Field("region_code", "行政区划", ("行政区划代码", "区划代码")),
)
