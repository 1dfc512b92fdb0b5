"""Quality inspection of calls (质检, W 7.1.2): the scorecard, samples of an operator's completed
calls, the team lead's scoring, and the figures the reports show. Team leads and administrators
(Permission.INSPECT_QUALITY); an operator reads only their own scored calls."""
