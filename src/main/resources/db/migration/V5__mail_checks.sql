-- When an e-mail was claimed for sending, so a coordinator can tell one being sent from one cut off while sending,
-- and which coordinator last acted on it from the dashboard.
ALTER TABLE notification ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification ADD COLUMN checked_by VARCHAR(64);
ALTER TABLE notification ADD COLUMN checked_at TIMESTAMP WITH TIME ZONE;
