-- An executed plan step records how the back end looked before and after it (snapshots as JSON, never secrets).
ALTER TABLE audit_log ADD COLUMN before_json TEXT;
ALTER TABLE audit_log ADD COLUMN after_json TEXT;
