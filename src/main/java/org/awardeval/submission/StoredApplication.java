package org.awardeval.submission;

import java.time.OffsetDateTime;

/** An application as stored, with its organisation. */
public record StoredApplication(long id, long callId, String code, String categoryCode, String organisationName,
        String organisationType, String country, String contactName, String contactEmail, String title, String summary,
        String description, Integer educatorsReached, String outcomes, String partners, boolean consent, OffsetDateTime submittedAt, ApplicationStatus status,
        String eligibilityReason, String withdrawalReason, String language) {
}
