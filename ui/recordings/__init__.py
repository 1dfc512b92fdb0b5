"""Recordings of calls: the player, and the tray of recordings not yet filed (issue 22)."""
