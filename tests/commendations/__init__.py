"""Commendations (issue 21, J 5.5, W 7.1.3.2.4)."""
