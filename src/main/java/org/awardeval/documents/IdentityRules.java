package org.awardeval.documents;

import java.util.List;
import java.util.Map;

/** Finds where a text names an applicant, by the rules that redact their dossier (the anonymisation module's). */
public interface IdentityRules {

    /** What names an applicant, as their form or application gives it. */
    record Applicant(String organisation, String contactName, String contactEmail, String partners, Map<String, String> extraFacts) {
    }

    /** One identifier: its kind in words ("the organisation's name") and the words themselves. */
    record Match(String kind, String words) {
    }

    /** The search for one applicant's identifiers, built once for many texts. */
    interface Finder {
        List<Match> find(String text);

        /** Equal for two searches that find the same in any text; null when unknown (the text is searched every time). */
        default String key() {
            return null;
        }
    }

    Finder of(Applicant applicant);

    Finder ofApplication(long applicationId);
}
