"""The parts of the call desk page (ui/pages/call_desk_page.py): case, Form A, outcomes, side views."""
