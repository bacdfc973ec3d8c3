package org.awardeval.assignment;

import java.util.List;
import java.util.Optional;
import org.awardeval.conflicts.ApplicationText.Conflict;
import org.awardeval.conflicts.OrganisationName;

/**
 * When a judge may not review an application: the conflict rule judges share with the panel
 * ({@link org.awardeval.conflicts.ApplicationText#conflict}), and, where the call says so, the judge comes from the
 * applicant's country.
 */
final class ConflictRules {

    private ConflictRules() {
    }

    /** A judge's organisation names, prepared once for the many applications they are checked against. */
    record Names(OrganisationName affiliation, List<OrganisationName> declared) {
        static Names of(Judge judge) {
            return new Names(OrganisationName.of(judge.affiliation()),
                    judge.conflicts().stream().map(OrganisationName::of).filter(n -> n != null).toList());
        }
    }

    public static Optional<Conflict> conflict(Judge judge, ApplicationToAssign application, boolean sameCountryIsConflict) {
        return conflict(judge, Names.of(judge), application, sameCountryIsConflict);
    }

    static Optional<Conflict> conflict(Judge judge, Names names, ApplicationToAssign application, boolean sameCountryIsConflict) {
        Conflict conflict = application.text().conflict(names.affiliation(), names.declared());
        if (conflict != null) {
            return Optional.of(conflict);
        }
        if (sameCountryIsConflict && normalise(judge.country()).equals(normalise(application.country()))) {
            return Optional.of(Conflict.SAME_COUNTRY);
        }
        return Optional.empty();
    }

    /** Expert in the application's category and free of conflicts. */
    public static boolean eligible(Judge judge, ApplicationToAssign application, boolean sameCountryIsConflict) {
        return judge.expertise().contains(application.categoryCode()) && conflict(judge, application, sameCountryIsConflict).isEmpty();
    }

    static String normalise(String name) {
        OrganisationName normalised = OrganisationName.of(name);
        return normalised == null ? "" : normalised.normalised();
    }
}
