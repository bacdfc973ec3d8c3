package org.awardeval.assignment;

import java.util.Optional;
import org.awardeval.submission.ApplicationRepository;

/**
 * When a judge may not review an application: the judge works for the applicant organisation, declared a conflict
 * with it, or works for a partner the application names; and, where the call says so, the judge comes from the
 * applicant's country. Organisation names are compared normalised (case and spacing).
 */
public final class ConflictRules {

    public enum Conflict {
        SAME_ORGANISATION("works for the applicant organisation"),
        DECLARED("declared a conflict with the applicant organisation"),
        PARTNER("works for a partner named in the application"),
        SAME_COUNTRY("comes from the applicant's country");

        private final String reason;

        Conflict(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private ConflictRules() {
    }

    public static Optional<Conflict> conflict(Judge judge, Candidate application, boolean sameCountryIsConflict) {
        String organisation = normalise(application.organisation());
        String affiliation = normalise(judge.affiliation());
        if (!affiliation.isEmpty() && affiliation.equals(organisation)) {
            return Optional.of(Conflict.SAME_ORGANISATION);
        }
        if (judge.conflicts().contains(organisation)) {
            return Optional.of(Conflict.DECLARED);
        }
        if (!affiliation.isEmpty() && application.partners().contains(affiliation)) {
            return Optional.of(Conflict.PARTNER);
        }
        if (sameCountryIsConflict && normalise(judge.country()).equals(normalise(application.country()))) {
            return Optional.of(Conflict.SAME_COUNTRY);
        }
        return Optional.empty();
    }

    /** Expert in the application's category and free of conflicts. */
    public static boolean eligible(Judge judge, Candidate application, boolean sameCountryIsConflict) {
        return judge.expertise().contains(application.categoryCode()) && conflict(judge, application, sameCountryIsConflict).isEmpty();
    }

    static String normalise(String name) {
        return name == null ? "" : ApplicationRepository.normalise(name);
    }
}
