package org.awardeval.certificate;

import java.time.OffsetDateTime;

/** A certificate as issued: a recipient's (its category in {@code detail}) or a judge's of service (the reviews done). */
public record Certificate(long id, Kind kind, long callId, Long applicationId, String judgeUserId, String holder, String detail,
        String language, OffsetDateTime issuedAt, OffsetDateTime revokedAt, String revokedBy, String revokedReason) {

    public enum Kind { RECIPIENT, SERVICE }

    public boolean revoked() {
        return revokedAt != null;
    }
}
