-- The languages a call offers its applicants (English always among them), and the call's own texts in each.
ALTER TABLE award_call ADD COLUMN languages VARCHAR(40) DEFAULT 'en' NOT NULL;
CREATE TABLE call_text (
    call_id    BIGINT        NOT NULL REFERENCES award_call (id),
    language   VARCHAR(8)    NOT NULL,
    text_key   VARCHAR(40)   NOT NULL,
    text_value VARCHAR(4000) NOT NULL,
    PRIMARY KEY (call_id, language, text_key)
);
-- The language the applicant used; every e-mail about the application is written in it.
ALTER TABLE application ADD COLUMN language VARCHAR(8) DEFAULT 'en' NOT NULL;
