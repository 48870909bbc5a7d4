-- The modals the bot opened in Slack (views.open), for whom, and whether their one submission came: a view_submission
-- is accepted only for a view in this table, from the user it was opened for, and only once.
CREATE TABLE slack_view (
    view_id     VARCHAR(64)  PRIMARY KEY,
    user_id     VARCHAR(32)  NOT NULL,
    callback_id VARCHAR(255) NOT NULL,
    opened_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE
);

CREATE INDEX slack_view_opened_at ON slack_view (opened_at);
