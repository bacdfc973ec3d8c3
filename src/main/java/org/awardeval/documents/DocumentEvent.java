package org.awardeval.documents;

import java.time.OffsetDateTime;

/** One entry of the documents' part of the audit: an upload, a removal, a release or withholding, a download. */
public record DocumentEvent(OffsetDateTime at, String actor, String step, Long applicationId, long documentId, String detail) {
}
