-- The outbox holds every e-mail the award sends: results to applicants and reminders to judges. It keeps the call and
-- the application's code itself, so the mail module answers for a call without reading the application table.
ALTER TABLE notification RENAME TO mail_outbox;
ALTER TABLE mail_outbox ADD COLUMN call_id BIGINT;
ALTER TABLE mail_outbox ADD COLUMN application_code VARCHAR(80);
UPDATE mail_outbox SET call_id = (SELECT a.call_id FROM application a WHERE a.id = mail_outbox.application_id),
    application_code = (SELECT a.code FROM application a WHERE a.id = mail_outbox.application_id);
ALTER TABLE mail_outbox ALTER COLUMN call_id SET NOT NULL;
ALTER TABLE mail_outbox ALTER COLUMN application_code SET NOT NULL;
CREATE INDEX ix_mail_outbox_call ON mail_outbox (call_id, application_code);
