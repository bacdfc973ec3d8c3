package org.awardeval.submission;

import java.util.List;

/** Where an application is in the cycle. */
public enum ApplicationStatus {
    /** Stored; eligibility not yet decided (rules running, or a coordinator's check open). */
    SUBMITTED,
    ELIGIBLE,
    INELIGIBLE,
    /** Anonymised and waiting for the review phase. */
    READY,
    IN_REVIEW,
    REVIEWED,
    AWARDED,
    NOT_AWARDED;

    public static final List<ApplicationStatus> UNSETTLED = List.of(SUBMITTED, ELIGIBLE);
    public static final List<ApplicationStatus> UNREVIEWED = List.of(READY, IN_REVIEW);
}
