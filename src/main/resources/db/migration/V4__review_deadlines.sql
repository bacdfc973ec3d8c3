-- Each assignment has its own due date (a replacement judge gets a fresh one) and, when it ends unreviewed, the reason.
ALTER TABLE assignment ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE assignment ADD COLUMN end_reason VARCHAR(300);
