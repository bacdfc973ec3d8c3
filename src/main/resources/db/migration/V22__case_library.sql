-- An awarded applicant's answer to publishing their case in the award's library, with the summary they approved.
CREATE TABLE library_entry (
    application_id BIGINT        NOT NULL PRIMARY KEY REFERENCES application (id),
    call_id        BIGINT        NOT NULL REFERENCES award_call (id),
    consented      BOOLEAN       NOT NULL,
    public_summary VARCHAR(2000),
    answered_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_library_entry_call ON library_entry (call_id, consented);
