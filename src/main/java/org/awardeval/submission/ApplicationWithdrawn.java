package org.awardeval.submission;

/**
 * An application has left the cycle at its applicant's request. Published in the transaction that takes it out, so
 * that what other modules do about it (end its assignments, tell its judges, recompute a shortlist) commits with it or
 * not at all.
 *
 * @param before the status it had: where in the cycle it was
 */
public record ApplicationWithdrawn(long applicationId, long callId, String code, ApplicationStatus before) {
}
