-- An applicant may withdraw until the chair decides; the reason they gave is kept with the application.
ALTER TABLE application ADD COLUMN withdrawal_reason VARCHAR(2000);
ALTER TABLE application ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
