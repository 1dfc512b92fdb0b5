"""The two ends of a user action that are not its success, as every interface knows them.

`Refused`: what was asked cannot be done as things stand — a role that may not, a form with an
answer missing, a file that is not what it should be. Its message says why, in the interface's
language, and the interfaces show it as it is (a message on the window, a line on the command
line's stderr), never as a crash. The domain's errors derive from it.

`Cancelled`: the person stopped long work (raised by a progress callback); nothing of it is kept.
"""

from __future__ import annotations


class Refused(Exception):
    """Something a person asked for that cannot be done; `str()` is the reason to show them."""


class Cancelled(Exception):
    """Long work stopped at the person's request; its transaction is rolled back."""
