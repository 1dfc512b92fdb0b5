"""Quality inspection (质检) screens: the team lead's inspection and scorecard, the operator's scores."""
