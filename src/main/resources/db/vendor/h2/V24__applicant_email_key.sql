-- The portal finds an applicant's applications by their e-mail address in any case of its letters (see the
-- PostgreSQL migration of the same version; H2 writes a generated column without STORED).
ALTER TABLE application ADD COLUMN contact_email_key VARCHAR(320) GENERATED ALWAYS AS (LOWER(contact_email));
CREATE INDEX ix_application_contact_email ON application (contact_email_key);
