"""The administrators' and auditors' dialogs: people and roles, the audit trail, data retention,
and the menu actions that open them (ui.admin.actions)."""
