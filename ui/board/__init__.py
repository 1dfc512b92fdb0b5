"""The team lead's board (督办看板): the list of unresolved dissatisfaction and complaints, the case
history behind each item, the steps of a second-round callback, and integrity reports."""
