"""The first run of a new installation: its set-up wizard."""
