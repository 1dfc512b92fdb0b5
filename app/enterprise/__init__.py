"""Enterprise revisits with Form B (企业回访反馈单, J 5.1.3, 5.2.4, 5.2.5, 5.3.4).

The public functions live in `app.enterprise.forms`.
"""
