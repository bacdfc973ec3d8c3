package org.awardeval.anonymisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awardeval.conflicts.OrganisationName;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor redactor = new Redactor("Mongolian University of Science and Technology", List.of("Bolormaa Ganbold"));

    @Test
    void organisationNameAndAcronymAreReplaced() {
        assertThat(redactor.redact("The mongolian university of  science and technology (MUST) trained 1,892 educators."))
                .isEqualTo("The [organisation] ([organisation]) trained 1,892 educators.");
    }

    @Test
    void anAcronymIsMatchedWithItsCaseOnly() {
        assertThat(redactor.redact("Lecturers must finish three courses.")).isEqualTo("Lecturers must finish three courses.");
    }

    @Test
    void peopleEmailsAndLinksAreReplaced() {
        assertThat(redactor.redact("Led by Bolormaa Ganbold; Ganbold answers at b.ganbold@must.edu.mn, see https://must.edu.mn/ai."))
                .isEqualTo("Led by [person]; [person] answers at [e-mail], see [link].");
    }

    @Test
    void wordsThatMerelyContainANameStay() {
        assertThat(new Redactor("Delta Centre", List.of("Ann Lee")).redact("Annual plans of the Deltaic region by Anne."))
                .isEqualTo("Annual plans of the Deltaic region by Anne.");
        // A name ending a longer word stays too; one that opens the text, or follows a sign, goes.
        assertThat(new Redactor("Delta Centre", List.of("Ann Lee")).redact("Delta Centre and the MidDelta Centre met LeAnn Lee (delta centre)."))
                .isEqualTo("[organisation] and the MidDelta Centre met LeAnn [person] ([organisation]).");
    }

    @Test
    void nonLatinNamesAreReplaced() {
        Redactor cyrillic = new Redactor("Казахский национальный университет", List.of("Айгерим Сейткали"));
        assertThat(cyrillic.redact("Казахский Национальный Университет: руководитель Айгерим Сейткали."))
                .isEqualTo("[organisation]: руководитель [person].");
        Redactor chinese = new Redactor("华南师范大学", List.of("张伟"));
        assertThat(chinese.redact("华南师范大学 的 张伟 负责")).isEqualTo("[organisation] 的 [person] 负责");
    }

    @Test
    void acronymsSkipSmallWords() {
        assertThat(OrganisationName.acronym("Université Numérique de Dakar")).isEqualTo("UND");
    }

    @Test
    void aliasesPartnersTitledPeopleDomainsAndPhonesAreReplaced() {
        Redactor full = new Redactor(new Redactor.Identity("Universitas Nusantara Digital", List.of("UNUSDIG", "Nusantara Digital Campus"),
                List.of("CloudBridge Learning", "Java Teachers Guild"), List.of("Siti Rahmawati", "Budi Santoso")));
        String text = "Universitas Nusantara Digital (UND, also UNUSDIG or the Nusantara Digital Campus) worked with CloudBridge Learning "
                + "and the Java Teachers Guild. Prof. Arief Wibowo and Budi Santoso led it; see und.ac.id/ai or www.und.ac.id, "
                + "call +62 21 555 0198 or (021) 555-0199. From 2019-2023 it reached 1,892 educators in 34 provinces.";
        assertThat(full.redact(text)).isEqualTo("[organisation] ([organisation], also [organisation] or the [organisation]) worked with "
                + "[partner organisation] and the [partner organisation]. [person] and [person] led it; see [link] or [link], "
                + "call [phone] or [phone]. From 2019-2023 it reached 1,892 educators in 34 provinces.");
    }

    @Test
    void ordinaryAbbreviationsNumbersAndDatesStay() {
        String text = "Results (e.g. 4.5 of 5, i.e. strong) rose by 12.5% in Q3; 3,000 lecturers, 2024-03-01, ISO 9001.";
        assertThat(redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void theReleaseCheckNamesWhatStillIdentifiesTheApplicant() {
        Redactor full = new Redactor(new Redactor.Identity("Nile Valley University", List.of(), List.of("Delta Partners"),
                List.of("Ahmed Fathy")));
        assertThat(full.identifiersIn("Ahmed Fathy of Nile Valley University (a.fathy@nvu.edu.eg, nvu.edu.eg, +20 2 2735 0001) "
                + "with Delta Partners"))
                .containsExactly("an e-mail address", "a web address", "a phone number", "the organisation's name", "a partner's name",
                        "a person's name");
        // A surname alone may be an ordinary word; placeholders are not identifiers.
        assertThat(full.identifiersIn("[person] of [organisation] met Fathy's standards.")).isEmpty();
    }

    @Test
    void theOrganisationsEmailDomainIsOneOfItsNames() {
        List<String> aliases = Redactor.domainAliases("lena.hoffmann@mail.aurora-ai.de");
        assertThat(aliases).containsExactly("aurora-ai", "aurora ai");
        Redactor aurora = new Redactor(new Redactor.Identity("Aurora AI Education GmbH", aliases, List.of(), List.of()));
        assertThat(aurora.redact("In line with the policy of AURORA-AI, Aurora AI tutors mark every essay."))
                .isEqualTo("In line with the policy of [organisation], [organisation] tutors mark every essay.");
        // A mail service's domain is not the applicant's name.
        assertThat(Redactor.domainAliases("someone@gmail.com")).isEmpty();
        assertThat(Redactor.domainAliases("someone@outlook.fr")).isEmpty();
        assertThat(Redactor.domainAliases("not an address")).isEmpty();
    }

    @Test
    void domainsUnderAnyPublicSuffixAreFoundAndOrdinaryDotsAreNot() {
        assertThat(redactor.redact("See aurora-ai.xyz, learn.digital.africa, hub.example.institute and mooc.edu.mn/courses."))
                .isEqualTo("See [link], [link], [link] and [link].");
        assertThat(redactor.redact("Version 2.5 reached 3.5 times more lecturers, e.g. in rural areas, i.e. most of them."))
                .isEqualTo("Version 2.5 reached 3.5 times more lecturers, e.g. in rural areas, i.e. most of them.");
        assertThat(redactor.identifiersIn("Visit learn.digital.africa")).contains("a web address");
    }

    @Test
    void markdownImagesAreRemovedAndLinksKeepTheirWordsOnly() {
        assertThat(redactor.redact("Our logo ![logo](https://tracker.example.com/p.png?who=judge) and [the report](https://x.org/r.pdf)."))
                .isEqualTo("Our logo  and the report.");
        assertThat(redactor.identifiersIn("![x](https://t.example.com/p.png)")).contains("a web address");
    }

    /** The searches that try only where an address can start find what a search of every place finds. */
    @Test
    void addressesAreFoundWhereverAPlainSearchFindsThem() {
        String[] pieces = {"a", "b", "Zé", "ö", "x1", "9", "-", ".", "..", "@", "_", "%", "+", " ", "  ", "\n", "/", ":", "(", ")", "\"",
                "<", ",", "org", "com", "edu.mn", "co.uk", "www.", "WWW.", "http://", "HTTPS://", "hTtp", "e.g.", "3.5", "مدرسة", "ア",
                "\uD835\uDC00", "mail", "info@", "@uni.", ".africa", "example", "-ai", "?", "!", "+", "+44 ", "(0)", "20 7946 0958", "123",
                "2019-2023", "٣", "Ⅻ", "\t"};
        Map<Pattern, Function<String, List<MatchResult>>> searches = Map.of(Redactor.EMAIL_PATTERN, Redactor::emails,
                Redactor.URL_PATTERN, Redactor::links, Redactor.DOMAIN_PATTERN, Redactor::domains, Redactor.PHONE_PATTERN, Redactor::phones);
        Random random = new Random(11);
        int found = 0;
        for (int run = 0; run < 20_000; run++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i >= 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            for (Map.Entry<Pattern, Function<String, List<MatchResult>>> search : searches.entrySet()) {
                List<String> quick = search.getValue().apply(t).stream().map(m -> m.start() + ":" + m.group()).toList();
                List<String> plain = new ArrayList<>();
                Matcher matcher = search.getKey().matcher(t);
                while (matcher.find()) {
                    plain.add(matcher.start() + ":" + matcher.group());
                }
                assertThat(quick).as("%s in \"%s\"", search.getKey(), t).isEqualTo(plain);
                found += plain.size();
            }
        }
        assertThat(found).as("the texts hold addresses to find").isGreaterThan(5_000);
    }
}
