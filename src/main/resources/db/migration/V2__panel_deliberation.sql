-- Panel deliberation: who sits on the panel and with which conflicts, every ballot and vote, the chair's decision.

CREATE TABLE panel_member (
    user_id     VARCHAR(64)  PRIMARY KEY,
    code        VARCHAR(20)  NOT NULL UNIQUE,
    name        VARCHAR(200) NOT NULL,
    affiliation VARCHAR(300),
    country     VARCHAR(100)
);

-- Organisations a panel member declared a conflict with, by normalised name.
CREATE TABLE panel_conflict (
    user_id      VARCHAR(64)  NOT NULL REFERENCES panel_member (user_id),
    organisation VARCHAR(300) NOT NULL,
    PRIMARY KEY (user_id, organisation)
);

-- One ballot per member and call: the recusals it carried, its comment, when it was cast.
CREATE TABLE panel_ballot (
    call_id      BIGINT       NOT NULL REFERENCES award_call (id),
    user_id      VARCHAR(64)  NOT NULL,
    member_code  VARCHAR(20)  NOT NULL,
    recused      VARCHAR(2000),
    comment      VARCHAR(2000),
    cast_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (call_id, user_id)
);

CREATE TABLE panel_vote (
    call_id        BIGINT      NOT NULL REFERENCES award_call (id),
    user_id        VARCHAR(64) NOT NULL,
    application_id BIGINT      NOT NULL REFERENCES application (id),
    PRIMARY KEY (call_id, user_id, application_id)
);

CREATE TABLE winner_decision (
    call_id        BIGINT        PRIMARY KEY REFERENCES award_call (id),
    chair_user_id  VARCHAR(64)   NOT NULL,
    winners        VARCHAR(4000) NOT NULL,
    proposed       VARCHAR(4000) NOT NULL,
    ballots        INT           NOT NULL,
    quorum         INT           NOT NULL,
    override       BOOLEAN       NOT NULL,
    justification  VARCHAR(4000),
    decided_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE result ADD COLUMN votes INT DEFAULT 0 NOT NULL;
ALTER TABLE assignment ADD COLUMN review_process_instance_id VARCHAR(64);
-- How many applications per category reach the panel's shortlist.
ALTER TABLE award_call ADD COLUMN shortlist_per_category INT;
