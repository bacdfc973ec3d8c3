-- A review instance finds its assignment, and a reconsider instance its revision, by the instance's id at each step;
-- without an index each lookup read the whole table (two a review: 1.8 billion rows read at 10,000 applications).
CREATE INDEX ix_assignment_review_instance ON assignment (review_process_instance_id);
CREATE INDEX ix_review_revision_instance ON review_revision (process_instance_id);
