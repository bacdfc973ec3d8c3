-- Each module reads only its own tables. What a module needs of another's rows and what never changes after it is
-- written (an application's code and category, a judge's code) is kept with its own row.
ALTER TABLE assignment ADD COLUMN application_code VARCHAR(80);
ALTER TABLE assignment ADD COLUMN category_code VARCHAR(10);
UPDATE assignment SET application_code = (SELECT a.code FROM application a WHERE a.id = assignment.application_id),
    category_code = (SELECT a.category_code FROM application a WHERE a.id = assignment.application_id);
ALTER TABLE assignment ALTER COLUMN application_code SET NOT NULL;
ALTER TABLE assignment ALTER COLUMN category_code SET NOT NULL;

ALTER TABLE review ADD COLUMN call_id BIGINT;
ALTER TABLE review ADD COLUMN application_id BIGINT;
ALTER TABLE review ADD COLUMN judge_code VARCHAR(80);
ALTER TABLE review ADD COLUMN review_process_instance_id VARCHAR(64);
UPDATE review SET call_id = (SELECT s.call_id FROM assignment s WHERE s.id = review.assignment_id),
    application_id = (SELECT s.application_id FROM assignment s WHERE s.id = review.assignment_id),
    judge_code = (SELECT j.code FROM assignment s JOIN judge j ON j.id = s.judge_id WHERE s.id = review.assignment_id),
    review_process_instance_id = (SELECT s.review_process_instance_id FROM assignment s WHERE s.id = review.assignment_id);
ALTER TABLE review ALTER COLUMN call_id SET NOT NULL;
ALTER TABLE review ALTER COLUMN application_id SET NOT NULL;
ALTER TABLE review ALTER COLUMN judge_code SET NOT NULL;
CREATE INDEX ix_review_call ON review (call_id, application_id);

ALTER TABLE result ADD COLUMN application_code VARCHAR(80);
UPDATE result SET application_code = (SELECT a.code FROM application a WHERE a.id = result.application_id);
ALTER TABLE result ALTER COLUMN application_code SET NOT NULL;

ALTER TABLE panel_vote ADD COLUMN application_code VARCHAR(80);
UPDATE panel_vote SET application_code = (SELECT a.code FROM application a WHERE a.id = panel_vote.application_id);
ALTER TABLE panel_vote ALTER COLUMN application_code SET NOT NULL;

-- The winners are marked once, in the results, when the chair decides.
UPDATE result SET winner = TRUE WHERE EXISTS (SELECT 1 FROM winner_decision d WHERE d.call_id = result.call_id
    AND (',' || REPLACE(d.winners, ' ', '') || ',') LIKE ('%,' || result.application_code || ',%'));
ALTER TABLE winner_decision DROP COLUMN winners;
