package org.awardeval.anonymisation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.StoredApplication;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Facts a dossier keeps that single its applicant out, on generated calls. */
class SinglingFactsTest {

    static StoredApplication application(long id, String category, String country, String type, ApplicationStatus status) {
        return new StoredApplication(id, 1, "TA-" + category + "-" + id, category, "Organisation " + id, type, country, "Contact " + id,
                "c" + id + "@example.org", "Title " + id, "Summary", "Description", 1000, null, null, true, OffsetDateTime.now(), status,
                null, null, "en");
    }

    /** A call of 40 applications over four categories and eight countries, then the ones a test adds. */
    static List<StoredApplication> call(StoredApplication... more) {
        return generated(more);
    }

    /** Counts as the repository does: others of the call, not withdrawn nor ineligible, alike in what is asked. */
    static SinglingFacts.Peers peers(StoredApplication of, List<StoredApplication> call) {
        return (sameCountry, sameType) -> call.stream().filter(a -> a.id() != of.id())
                .filter(a -> a.status() != ApplicationStatus.WITHDRAWN && a.status() != ApplicationStatus.INELIGIBLE)
                .filter(a -> a.categoryCode().equals(of.categoryCode()))
                .filter(a -> !sameCountry || a.country().equalsIgnoreCase(of.country()))
                .filter(a -> !sameType || a.organisationType().equals(of.organisationType())).count();
    }

    static List<StoredApplication> generated(StoredApplication... more) {
        List<StoredApplication> call = new ArrayList<>();
        String[] countries = {"Kenya", "Peru", "Viet Nam", "Morocco", "Chile", "India", "Ghana", "Jordan"};
        String[] categories = {"MC", "NC", "SC", "IU"};
        for (int i = 0; i < 40; i++) {
            call.add(application(100 + i, categories[i % 4], countries[i % 8], i % 3 == 0 ? "NATIONAL_CENTRE" : "HEI",
                    ApplicationStatus.ELIGIBLE));
        }
        call.addAll(List.of(more));
        return call;
    }

    @Test
    void aDossierUniqueByCountryAndCategoryIsFlaggedAndOneSharedByThreeIsNot() {
        StoredApplication rwanda = application(1, "MC", "Rwanda", "HEI", ApplicationStatus.ELIGIBLE);
        List<StoredApplication> call = call(rwanda, application(2, "SC", "Rwanda", "HEI", ApplicationStatus.ELIGIBLE));

        var flagged = SinglingFacts.check(rwanda, "Mobile tutoring circles across Rwanda for 12,345 students.", "Mobile learning",
                peers(rwanda, call));
        assertThat(flagged).isPresent();
        assertThat(flagged.get().facts()).containsExactly("category (Mobile learning)", "country (Rwanda)");
        assertThat(flagged.get().message()).contains("no other application of this call shares them all")
                .contains("exact figures (12,345)").contains("'a country of Eastern Africa'");

        StoredApplication peru = application(3, "MC", "Peru", "HEI", ApplicationStatus.ELIGIBLE);
        List<StoredApplication> three = call(peru, application(4, "MC", "Peru", "HEI", ApplicationStatus.ELIGIBLE),
                application(5, "MC", "Peru", "HEI", ApplicationStatus.ELIGIBLE));
        // Generated call: MC from Peru would be none of the 40 (Peru is every 8th, always category NC).
        assertThat(three.stream().filter(a -> a.categoryCode().equals("MC") && a.country().equals("Peru"))).hasSize(3);
        assertThat(SinglingFacts.check(peru, "Tutoring circles in Peru.", "Mobile learning", peers(peru, three))).isEmpty();
    }

    @Test
    void withdrawnAndIneligibleApplicationsHideNobodyAndUnnamedFactsRevealNothing() {
        StoredApplication peru = application(3, "MC", "Peru", "HEI", ApplicationStatus.ELIGIBLE);
        List<StoredApplication> call = call(peru, application(4, "MC", "Peru", "HEI", ApplicationStatus.WITHDRAWN),
                application(5, "MC", "Peru", "HEI", ApplicationStatus.INELIGIBLE));
        assertThat(SinglingFacts.check(peru, "Tutoring circles in Peru.", "Mobile learning", peers(peru, call))).isPresent();
        assertThat(SinglingFacts.check(peru, "Tutoring circles in the highlands.", "Mobile learning", peers(peru, call))).isEmpty();

        StoredApplication centre = application(6, "IU", "Kenya", "NATIONAL_CENTRE", ApplicationStatus.ELIGIBLE);
        List<StoredApplication> withCentre = call(centre, application(7, "IU", "Kenya", "HEI", ApplicationStatus.ELIGIBLE));
        assertThat(SinglingFacts.check(centre, "As the national centre of Kenya we trained teachers.", "Innovation",
                peers(centre, withCentre)).get()
                .facts()).containsExactly("category (Innovation)", "country (Kenya)", "kind of organisation (National centre)");
        assertThat(SinglingFacts.check(centre, "In Kenya we trained teachers.", "Innovation", peers(centre, withCentre))).isEmpty();
    }

    @Test
    void generalisingNamesTheRegionAndRoundsFiguresButKeepsYears() {
        StoredApplication rwanda = application(1, "MC", "Rwanda", "HEI", ApplicationStatus.ELIGIBLE);
        assertThat(SinglingFacts.generalise("Since 2019, 12,345 students in Rwanda and 2750 teachers; RWANDA's hubs.", rwanda))
                .isEqualTo("Since 2019, over 10,000 students in a country of Eastern Africa and over 2,000 teachers; "
                        + "a country of Eastern Africa's hubs.");
        assertThat(SinglingFacts.generalCountry("Atlantis")).isEqualTo("a country");
        assertThat(SinglingFacts.generalCountry("Brazil")).isEqualTo("a country of South America");
    }
}
