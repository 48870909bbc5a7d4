-- One Zendesk API budget for every instance on this database. The requests instances send are counted per slot of
-- time (a second in service) and kind of limit, so all instances together see how many went out in the last
-- minute; the rows of zendesk_budget are the locks that serialise the check, and hold a pause every instance
-- honours (after a 429, or when Zendesk says little of the account's budget is left).
CREATE TABLE zendesk_budget (
    kind         VARCHAR(16) PRIMARY KEY,
    paused_until TIMESTAMP WITH TIME ZONE
);
INSERT INTO zendesk_budget (kind) VALUES ('requests');
INSERT INTO zendesk_budget (kind) VALUES ('updates');

CREATE TABLE zendesk_budget_use (
    kind VARCHAR(16) NOT NULL,
    slot BIGINT      NOT NULL,
    used INTEGER     NOT NULL,
    PRIMARY KEY (kind, slot)
);
