package org.awardeval.documents;

import java.time.OffsetDateTime;

/**
 * A document as kept: in a draft (draftId) or a sent application (applicationId); a file with its checksums and store
 * keys, or a link. {@code findings} is the identity check's result as JSON ({@link Finding}).
 */
public record StoredDocument(long id, long callId, String slotCode, Long draftId, Long applicationId, String fileName, String mediaType,
        String link, Long sizeBytes, Integer pages, String sha256, String storageKey, String cleanSha256, String cleanKey,
        String findings, String findingsKey, Status status, String uploadedBy, OffsetDateTime uploadedAt) {

    /** DRAFT in a draft, SENT with the application, RELEASED to judges, WITHHELD from them, REMOVED by the applicant. */
    public enum Status { DRAFT, SENT, RELEASED, WITHHELD, WITHDRAWN, REMOVED }

    public boolean isLink() {
        return link != null;
    }
}
