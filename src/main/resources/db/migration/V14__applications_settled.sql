-- The moment every application of a closed call had settled and its reviews were about to be assigned: from then on
-- the call takes no application, not even one received elsewhere and imported late.
ALTER TABLE award_call ADD COLUMN applications_settled_at TIMESTAMP WITH TIME ZONE;
