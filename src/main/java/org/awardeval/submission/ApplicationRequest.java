package org.awardeval.submission;

/** An application submitted through the JSON API; it is submitted now, whatever the client says. */
public record ApplicationRequest(String organisationName, String organisationType, String country, String categoryCode,
        String contactName, String contactEmail, String title, String summary, String description, Integer educatorsReached,
        String outcomes, String partners, Boolean consent) {

    public ApplicationForm toForm() {
        return new ApplicationForm(organisationName, organisationType, country, categoryCode, contactName, contactEmail, title,
                summary, description, educatorsReached, outcomes, partners, consent, null, null);
    }
}
