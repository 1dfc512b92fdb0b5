"""The 差评 process: a bad review is verified, may be appealed, is rectified, fed back and closed
(process.py), with the appeal's evidence (evidence.py) and what the board shows of it (summary.py).
"""
