"""Offline outlets: sync files that carry records between an outlet and the centre.

An outlet exports what it created or changed since its last export (`export_changes`); the centre
imports it into SQLite or PostgreSQL (`import_sync_file`) and sends cases to call back
(`export_cases_to_call`, imported at the outlet with the same function). Records keep their
uid, origin and times; a record changed in two places becomes a conflict for a team lead
(`list_conflicts`, `conflict_details`, `decide_conflict`). No Qt here.
"""

from app.sync.conflicts import (
    ConflictDetails,
    ConflictRow,
    FieldVersions,
    conflict_details,
    decide_conflict,
    list_conflicts,
)
from app.sync.errors import SyncError, SyncRefused
from app.sync.export import (
    ExportResult,
    UnitToCall,
    default_file_name,
    export_cases_to_call,
    export_changes,
    unit_ids_named,
    units_to_call,
    write_cases_to_call,
    write_changes,
)
from app.sync.fileformat import SUFFIX, SyncFile, read_sync_file
from app.sync.importer import SyncSummary, TableCounts, apply_sync_file, import_sync_file
from app.sync.site import SiteRow, sites, this_site

__all__ = [
    "SUFFIX",
    "ConflictDetails",
    "ConflictRow",
    "ExportResult",
    "FieldVersions",
    "SiteRow",
    "SyncError",
    "SyncFile",
    "SyncRefused",
    "SyncSummary",
    "TableCounts",
    "apply_sync_file",
    "conflict_details",
    "decide_conflict",
    "default_file_name",
    "export_cases_to_call",
    "export_changes",
    "import_sync_file",
    "list_conflicts",
    "read_sync_file",
    "sites",
    "this_site",
    "UnitToCall",
    "unit_ids_named",
    "units_to_call",
    "write_cases_to_call",
    "write_changes",
]
