-- Each assignment has its own due date (a replacement judge gets a fresh one) and, when it ends unreviewed, the reason.
ALTER TABLE assignment ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE assignment ADD COLUMN end_reason VARCHAR(300);

-- A dossier's description holds the application's description and its outcome figures.
ALTER TABLE dossier ALTER COLUMN description SET DATA TYPE VARCHAR(23000);
