-- How many cases a category awards and shortlists, when it differs from the call's number for every category.
ALTER TABLE category ADD COLUMN winners INT;
ALTER TABLE category ADD COLUMN shortlist INT;
