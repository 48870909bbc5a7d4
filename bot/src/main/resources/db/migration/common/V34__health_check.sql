-- One row that GET /healthz updates (at most about once a second) to prove the database still accepts writes.
CREATE TABLE health_check (
    id          INT PRIMARY KEY,
    checks      BIGINT NOT NULL,
    checked_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO health_check (id, checks, checked_at) VALUES (1, 0, CURRENT_TIMESTAMP);
