-- What the identity check searched a document for, as a digest: a check with the same identity and rules keeps the
-- findings instead of reading and searching the text again.
ALTER TABLE document ADD COLUMN findings_key VARCHAR(64);
