"""Call recordings on the record (issue 22): checked, stored, matched to their call attempts,
listened to with an audit entry, and forgotten with their case (app.retention)."""
