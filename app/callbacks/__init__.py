"""Second-round callbacks (二次回访, J 5.3.2–5.3.3) and integrity escalations: what opens them
(opening), the contacts kept (contacts) and their life on the team lead's board (tasks)."""
