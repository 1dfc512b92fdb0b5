"""The 设置 dialog: the centre's settings and this seat's preferences."""
