"""Satisfaction surveys (附录 E): entry, import, analysis, printing, the screens."""
