-- When each instance entered its current state (for /lnr status and /lnr pending: "waiting since").
ALTER TABLE workflow_instance ADD COLUMN state_since TIMESTAMP WITH TIME ZONE;
UPDATE workflow_instance SET state_since = updated_at;
