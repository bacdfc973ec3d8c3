package org.awardeval.assignment;

import org.awardeval.conflicts.ApplicationText;
import org.awardeval.submission.StoredApplication;

/**
 * An application to be reviewed, with what decides conflicts: its organisation, country, and the organisations it
 * names as partners or in its texts.
 */
record ApplicationToAssign(long applicationId, String code, String categoryCode, String organisation, String country,
        ApplicationText text) {

    public static ApplicationToAssign of(StoredApplication a) {
        return new ApplicationToAssign(a.id(), a.code(), a.categoryCode(), a.organisationName(), a.country(),
                ApplicationText.of(a.organisationName(), a.partners(), a.title(), a.summary(), a.description(), a.outcomes()));
    }
}
