"""Complaints and suggestions (投诉/建议, W 7.3, 附录 H), supervision orders (督办, 附录 H.2) and
corrective and preventive actions (纠正和预防措施, W 7.4, 附录 I).

registry: registering and the steps of handling; clocks: the two working-day deadlines and the
list; supervision: 督办 orders for 立案处理类; corrective: CAPA records and recurring
dissatisfaction; detail: everything the complaint window and the printed forms show.
"""
