"""The complaint work of the team lead's board: the complaints tab (投诉, W 7.3, 附录 H), the
complaint window with its supervision orders (督办, H.2), and the corrective and preventive
actions tab (整改措施, W 7.4, 附录 I), with their printed forms."""
