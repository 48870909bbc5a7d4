-- A workflow may run again on a ticket once its earlier run finished: (ticket, kind) is unique only among running
-- instances. running_kind is the kind while the instance runs and NULL once it finished (NULLs never clash).
ALTER TABLE workflow_instance ADD COLUMN running_kind VARCHAR(64);
UPDATE workflow_instance SET running_kind = kind WHERE finished = FALSE;
ALTER TABLE workflow_instance DROP CONSTRAINT workflow_instance_ticket_kind;
ALTER TABLE workflow_instance ADD CONSTRAINT workflow_instance_one_running UNIQUE (ticket_id, running_kind);
CREATE INDEX workflow_instance_ticket ON workflow_instance (ticket_id, kind);

-- Who started the instance: email:<agent> (a macro), slack:<user id> (a command), supportbot (another workflow);
-- NULL when the start did not say (an older trigger). The initiator may never approve what the instance plans.
ALTER TABLE workflow_instance ADD COLUMN initiator VARCHAR(320);
