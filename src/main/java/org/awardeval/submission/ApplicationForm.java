package org.awardeval.submission;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What an applicant submits, on any channel.
 *
 * @param outcomes    outcome figures in the applicant's words, e.g. "1,892 educators trained; 520 certified"
 * @param partners    partner organisations, comma-separated
 * @param submittedAt when it was submitted; null means now (an imported row may carry its own)
 * @param extraFacts  further facts a channel received (extra CSV columns), kept with the application
 */
public record ApplicationForm(String organisationName, String organisationType, String country, String categoryCode,
        String contactName, String contactEmail, String title, String summary, String description, Integer educatorsReached,
        String outcomes, String partners, Boolean consent, OffsetDateTime submittedAt, Map<String, String> extraFacts) {

    /** The fields every channel has. */
    public ApplicationForm(String organisationName, String organisationType, String country, String categoryCode,
            String contactName, String contactEmail, String title, String summary, String description, Integer educatorsReached,
            Boolean consent, OffsetDateTime submittedAt) {
        this(organisationName, organisationType, country, categoryCode, contactName, contactEmail, title, summary, description,
                educatorsReached, null, null, consent, submittedAt, null);
    }
}
