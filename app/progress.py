"""How long work reports how far it has come: `progress(done, total)`, called often.

`total` is 0 while the length of a step is unknown. The callback may raise app.errors.Cancelled
(ui.operations does after Cancel): the work then stops where it is and keeps nothing.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]
