package org.awardeval.anonymisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
                .isEqualTo("Led by [person]; [person] answers at [e-mail], see [link]");
    }

    @Test
    void wordsThatMerelyContainANameStay() {
        assertThat(new Redactor("Delta Centre", List.of("Ann Lee")).redact("Annual plans of the Deltaic region by Anne."))
                .isEqualTo("Annual plans of the Deltaic region by Anne.");
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
        assertThat(Redactor.acronym("Université Numérique de Dakar")).isEqualTo("UND");
    }
}
