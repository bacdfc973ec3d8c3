-- Whose ballot a panel vote task holds, written when the task is created: the vote it records is that member's,
-- whatever variables the task received.
CREATE TABLE panel_ballot_task (
    execution_id VARCHAR(64) PRIMARY KEY,
    call_id      BIGINT      NOT NULL REFERENCES award_call (id),
    user_id      VARCHAR(64) NOT NULL
);
CREATE INDEX ix_panel_ballot_task_call ON panel_ballot_task (call_id);
