package org.awardeval.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.awardeval.conflicts.ApplicationText.Conflict;
import org.junit.jupiter.api.Test;

/** The one conflict rule of judges and panel members, on near misses both ways. */
class ConflictRuleTest {

    static Conflict conflict(String affiliation, List<String> declared, String organisation, String partners, String... texts) {
        return ApplicationText.of(organisation, partners, texts)
                .conflict(OrganisationName.of(affiliation), declared.stream().map(OrganisationName::of).toList());
    }

    @Test
    void aPartnerNamedInASentenceIsFound() {
        assertThat(conflict("Eurasian Open University Alliance", List.of(), "Steppe University", null,
                "We worked with the Eurasian Open University Alliance and two ministries.")).isEqualTo(Conflict.NAMED_IN_TEXT);
        assertThat(conflict("Eurasian Open University Alliance", List.of(), "Steppe University",
                "the Eurasian Open University Alliance and the Ministry of Education")).isEqualTo(Conflict.PARTNER);
    }

    @Test
    void aLongerNameThatContainsTheWordsIsAnotherOrganisation() {
        assertThat(conflict("Maghreb Digital Learning Network", List.of(), "Atlas University",
                "Greater Maghreb Digital Learning Networks Foundation")).isNull();
        assertThat(conflict("Steppe University", List.of(), "Steppe Universities Network", null, "A network of steppe universities."))
                .isNull();
        assertThat(conflict("Open University", List.of(), "Hill College", "Open Universities Australia")).isNull();
    }

    @Test
    void caseAccentsPunctuationAndSpacingDoNotHide() {
        assertThat(conflict("Université Cheikh Anta Diop", List.of(), "Dakar Digital Hub", "Universite Cheikh-Anta-Diop; UNESCO"))
                .isEqualTo(Conflict.PARTNER);
        assertThat(conflict("steppe   UNIVERSITY", List.of(), "Steppe University", null)).isEqualTo(Conflict.SAME_ORGANISATION);
    }

    @Test
    void anAcronymIsOneOfTheNamesInCapitalsOnly() {
        assertThat(conflict("Mongolian University of Science and Technology", List.of(), "Steppe University", null,
                "Piloted together with MUST in 2024.")).isEqualTo(Conflict.NAMED_IN_TEXT);
        assertThat(conflict("Mongolian University of Science and Technology", List.of(), "Steppe University", null,
                "Every lecturer must take the course.")).isNull();
        assertThat(conflict("MUST", List.of(), "Mongolian University of Science and Technology", null))
                .isEqualTo(Conflict.SAME_ORGANISATION);
    }

    @Test
    void declaredConflictsCountForTheApplicantAndForTheOrganisationsItNames() {
        assertThat(conflict("Independent", List.of("Steppe University"), "steppe university", null)).isEqualTo(Conflict.DECLARED);
        assertThat(conflict("Independent", List.of("Ocean Council"), "Fiji Learning Hub", null, "Funded by the Ocean Council."))
                .isEqualTo(Conflict.DECLARED);
        assertThat(conflict("Independent", List.of("Ocean Council"), "Fiji Learning Hub", null, "Funded by the Ocean Councils Fund."))
                .isNull();
    }
}
