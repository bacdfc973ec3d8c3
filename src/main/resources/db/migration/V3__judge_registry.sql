-- The judge registry: region, ordered expertise, declared conflicts; whether a shared country is a conflict per call.

ALTER TABLE judge ADD COLUMN region VARCHAR(100);
ALTER TABLE judge_expertise ADD COLUMN position INT DEFAULT 0 NOT NULL;

CREATE TABLE judge_conflict (
    judge_id     BIGINT       NOT NULL REFERENCES judge (id),
    organisation VARCHAR(300) NOT NULL,
    PRIMARY KEY (judge_id, organisation)
);

ALTER TABLE award_call ADD COLUMN same_country_conflict BOOLEAN DEFAULT TRUE NOT NULL;
