package org.awardeval.submission;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Where an application is in the cycle, and where it may go next; {@link ApplicationLifecycle} moves it. */
public enum ApplicationStatus {
    /** Stored; eligibility not yet decided (rules running, or a coordinator's check open). */
    SUBMITTED,
    ELIGIBLE,
    INELIGIBLE,
    /** Anonymised and waiting for the review phase. */
    READY,
    IN_REVIEW,
    REVIEWED,
    /** The chair has decided; the results are not announced yet. */
    DECIDED,
    AWARDED,
    NOT_AWARDED,
    /** Taken out of the cycle by its applicant. */
    WITHDRAWN;

    public static final List<ApplicationStatus> UNSETTLED = List.of(SUBMITTED, ELIGIBLE);
    public static final List<ApplicationStatus> UNREVIEWED = List.of(READY, IN_REVIEW);
    /** An applicant may withdraw until the chair decides. */
    public static final List<ApplicationStatus> WITHDRAWABLE = List.of(SUBMITTED, ELIGIBLE, READY, IN_REVIEW, REVIEWED);

    /** The statuses from which an application may move to this one. */
    Set<ApplicationStatus> from() {
        return switch (this) {
            case SUBMITTED -> EnumSet.noneOf(ApplicationStatus.class);
            case ELIGIBLE, INELIGIBLE -> EnumSet.of(SUBMITTED);
            case READY -> EnumSet.of(ELIGIBLE);
            case IN_REVIEW -> EnumSet.of(READY);
            case REVIEWED -> EnumSet.of(IN_REVIEW);
            case DECIDED -> EnumSet.of(REVIEWED);
            case AWARDED, NOT_AWARDED -> EnumSet.of(DECIDED);
            case WITHDRAWN -> EnumSet.copyOf(WITHDRAWABLE);
        };
    }
}
