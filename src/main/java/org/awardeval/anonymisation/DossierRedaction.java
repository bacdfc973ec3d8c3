package org.awardeval.anonymisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.awardeval.anonymisation.DossierRepository.Dossier;
import org.awardeval.submission.StoredApplication;


/** Which words name an applicant (its names, partners and people), and its dossier with them removed. */
final class DossierRedaction {

    /** Further facts (extra CSV columns) that name the organisation otherwise, or people; several separated by ';'. */
    static final List<String> ALIAS_FACTS = List.of("acronym", "aliases", "also_known_as", "former_name");
    static final List<String> PEOPLE_FACTS = List.of("people", "team", "team_members", "project_lead");

    private DossierRedaction() {
    }

    static Dossier anonymise(StoredApplication application, Map<String, String> extraFacts) {
        Redactor redactor = redactor(application, extraFacts);
        return new Dossier(application.id(), redactor.redact(application.title()), redactor.redact(application.summary()),
                redactor.redact(fullDescription(application)));
    }

    /** The description with the outcome figures, as judges read it. */
    static String fullDescription(StoredApplication application) {
        return application.outcomes() == null ? application.description()
                : application.description() + "\n\nOutcome figures: " + application.outcomes();
    }

    /** The redaction rules for this applicant: its names, partners and people. */
    static Redactor redactor(StoredApplication application, Map<String, String> extraFacts) {
        return redactor(application.organisationName(), application.contactName(), application.contactEmail(), application.partners(),
                extraFacts);
    }

    static Redactor redactor(String organisation, String contactName, String contactEmail, String partnerList,
            Map<String, String> extraFacts) {
        List<String> people = new ArrayList<>();
        if (contactName != null) {
            people.add(contactName);
        }
        List<String> aliases = new ArrayList<>(Redactor.domainAliases(contactEmail));
        extraFacts.forEach((fact, value) -> {
            if (ALIAS_FACTS.contains(fact)) {
                aliases.addAll(split(value));
            } else if (PEOPLE_FACTS.contains(fact)) {
                people.addAll(split(value));
            }
        });
        List<String> partners = partnerList == null ? List.of()
                : Arrays.stream(partnerList.split("[;,\\n]")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        return new Redactor(new Redactor.Identity(organisation, aliases, partners, people));
    }

    private static List<String> split(String value) {
        return value == null ? List.of() : Arrays.stream(value.split(";")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
