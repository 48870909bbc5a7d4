-- When a ticket's comments were last scanned, so that the positions of tickets quiet for longer than the
-- retention time can be deleted. Rows already there count as scanned now.
ALTER TABLE ticket_scan ADD COLUMN scanned_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;
