"""The call desk: which cases are due for a phone revisit, the shared queue, and the calls.

The call screen uses queue, calls, outcomes, retries, coverage, today, phrases and operators;
`db.transactions.write_transaction` is the transaction to run a desk action that writes in.
"""
