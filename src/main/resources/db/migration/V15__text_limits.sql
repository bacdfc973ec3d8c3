-- Each call sets how long its texts may be, counted in words as applicants count them.
ALTER TABLE award_call ADD COLUMN summary_words INT DEFAULT 300 NOT NULL;
ALTER TABLE award_call ADD COLUMN description_words INT DEFAULT 2500 NOT NULL;
