"""The Qt interface of RevisitDesk: windows, pages and dialogs over the services of app/."""

from ui import signal_emit_fix

# Before any of our signals is emitted: PySide6 6.12.0 would otherwise abort the process.
signal_emit_fix.apply()
