-- An application's reviews are read on their own (the results e-mail's feedback, the disagreement round, the portal);
-- the call's index leads with the call and served such a lookup only by reading it whole.
CREATE INDEX ix_review_application ON review (application_id);
