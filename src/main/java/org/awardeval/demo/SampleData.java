package org.awardeval.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardeval.assignment.JudgeService.JudgeRegistration;
import org.awardeval.deliberation.PanelService.PanelRegistration;
import org.awardeval.submission.ApplicationForm;

/**
 * The one source of sample data: realistic, fictitious applications, judges and panel members for the demo cycle, and
 * applications and judges made to order for the tests and the benchmark.
 */
public final class SampleData {

    public static final String PASSWORD = "demo";
    static final List<String> CATEGORIES = List.of("MC", "NC", "SC", "IU");
    /** Countries with their UNESCO regions. */
    private static final String[][] COUNTRIES = {{"Kenya", "Africa"}, {"Nigeria", "Africa"}, {"Ghana", "Africa"},
            {"Ethiopia", "Africa"}, {"Senegal", "Africa"}, {"Egypt", "Arab States"}, {"Jordan", "Arab States"},
            {"Morocco", "Arab States"}, {"Oman", "Arab States"}, {"China", "Asia and the Pacific"}, {"India", "Asia and the Pacific"},
            {"Indonesia", "Asia and the Pacific"}, {"Mongolia", "Asia and the Pacific"}, {"Fiji", "Asia and the Pacific"},
            {"Viet Nam", "Asia and the Pacific"}, {"Kazakhstan", "Europe and North America"}, {"France", "Europe and North America"},
            {"Norway", "Europe and North America"}, {"Canada", "Europe and North America"}, {"Serbia", "Europe and North America"},
            {"Brazil", "Latin America and the Caribbean"}, {"Chile", "Latin America and the Caribbean"},
            {"Mexico", "Latin America and the Caribbean"}, {"Jamaica", "Latin America and the Caribbean"},
            {"Peru", "Latin America and the Caribbean"}};
    private static final String[] TYPES = {"HEI", "HEI", "HEI", "ENTERPRISE", "NATIONAL_CENTRE", "INTERNATIONAL_ORGANISATION"};

    private record Org(String name, String type, String country, String contact, String email) {
    }

    private static final List<Org> ORGS = List.of(
            new Org("Altai State Technical University", "HEI", "Mongolia", "Bolormaa Ganbold", "b.ganbold@astu.edu.mn"),
            new Org("Universitas Nusantara Digital", "HEI", "Indonesia", "Siti Rahmawati", "siti.rahmawati@und.ac.id"),
            new Org("Nile Valley University", "HEI", "Egypt", "Ahmed Fathy", "a.fathy@nvu.edu.eg"),
            new Org("Copperbelt Institute of Technology", "HEI", "Zambia", "Mwila Chanda", "mchanda@cit.ac.zm"),
            new Org("Université Numérique de Dakar", "HEI", "Senegal", "Aminata Diallo", "aminata.diallo@und.sn"),
            new Org("Andes Polytechnic University", "HEI", "Peru", "Lucía Quispe", "lquispe@apu.edu.pe"),
            new Org("Mekong Teachers College", "HEI", "Viet Nam", "Nguyen Thi Lan", "lan.nguyen@mtc.edu.vn"),
            new Org("Kazakh National Pedagogical Institute", "HEI", "Kazakhstan", "Aigerim Seitkali", "a.seitkali@knpi.kz"),
            new Org("Lake Victoria University", "HEI", "Uganda", "Grace Namutebi", "g.namutebi@lvu.ac.ug"),
            new Org("Addis Digital University", "HEI", "Ethiopia", "Dawit Bekele", "dawit.bekele@adu.edu.et"),
            new Org("Universidad Tecnológica del Pacífico", "HEI", "Ecuador", "Carlos Mendoza", "cmendoza@utp.edu.ec"),
            new Org("Punjab Institute of Engineering Education", "HEI", "Pakistan", "Ayesha Malik", "ayesha.malik@piee.edu.pk"),
            new Org("Lanka Open Learning University", "HEI", "Sri Lanka", "Dilani Perera", "dperera@lolu.ac.lk"),
            new Org("Kigali Institute of Applied Sciences", "HEI", "Rwanda", "Jean-Paul Habimana", "jp.habimana@kias.ac.rw"),
            new Org("Tashkent University of Information Technologies Branch", "HEI", "Uzbekistan", "Dilnoza Karimova",
                    "d.karimova@tuitb.uz"),
            new Org("Universiti Pendidikan Borneo", "HEI", "Malaysia", "Farah Aziz", "farah.aziz@upb.edu.my"),
            new Org("IIOE National Centre Ghana", "NATIONAL_CENTRE", "Ghana", "Kwame Mensah", "kwame.mensah@iioe-gh.org"),
            new Org("IIOE National Centre Kenya", "NATIONAL_CENTRE", "Kenya", "Wanjiru Kamau", "w.kamau@iioe-ke.org"),
            new Org("IIOE National Centre Cambodia", "NATIONAL_CENTRE", "Cambodia", "Sokha Chea", "sokha.chea@iioe-kh.org"),
            new Org("IIOE National Centre Morocco", "NATIONAL_CENTRE", "Morocco", "Youssef Benali", "y.benali@iioe-ma.org"),
            new Org("Southern Skills Alliance", "INTERNATIONAL_ORGANISATION", "South Africa", "Thandiwe Nkosi",
                    "t.nkosi@southernskills.org"),
            new Org("Ministry of Higher Education Digital Office", "GOVERNMENT_AGENCY", "Tunisia", "Leila Trabelsi",
                    "leila.trabelsi@mhe-digital.tn"),
            new Org("CloudBridge Learning Ltd", "ENTERPRISE", "Singapore", "Daniel Tan", "daniel.tan@cloudbridge.sg"),
            new Org("Savanna EdTech Solutions", "ENTERPRISE", "Nigeria", "Chinedu Okafor", "c.okafor@savannaedtech.ng"),
            new Org("Lumen Smart Classroom Co.", "ENTERPRISE", "China", "Zhang Wei", "zhang.wei@lumen-sc.cn"),
            new Org("Aurora AI Education GmbH", "ENTERPRISE", "Germany", "Katrin Vogel", "k.vogel@aurora-ai.de"),
            new Org("Pampas Datos S.A.", "ENTERPRISE", "Argentina", "Martín Ferreyra", "mferreyra@pampasdatos.ar"));

    private record Case(String category, String title, String summary, String description, int educators) {
    }

    private static final List<Case> CASES = List.of(
            new Case("MC", "Cascading AI micro-certification for rural lecturers",
                    "%1$s translated three international AI courses into the national language and cascaded them through regional hubs.",
                    "Led by %2$s, the team at %1$s (%3$s) trained 40 master trainers who then trained lecturers at partner institutions. "
                            + "Courses were localised with examples from agriculture and mining. Contact: %4$s. Results and materials: https://www.example.org/%3$s",
                    1200),
            new Case("MC", "Women educators in data literacy",
                    "A micro-certification pathway designed for women lecturers returning from career breaks.",
                    "%1$s ran evening cohorts with childcare support; %2$s coordinated mentoring circles. 64 percent completed the "
                            + "certificate, and the model is now part of the staff development policy of %3$s.",
                    380),
            new Case("MC", "MOOC-backed micro-certification at national scale",
                    "Integrating MOOC platforms with the national teacher competency framework.",
                    "The programme of %1$s combined self-paced modules with live clinics. %2$s reports 420 completions and 191 "
                            + "certificates so far; enquiries to %4$s.",
                    420),
            new Case("MC", "AI in disciplinary teaching: a faculty studio",
                    "Faculty studios where lecturers redesign one course unit with generative AI.",
                    "Each studio at %1$s paired a discipline lecturer with an instructional designer. %2$s documented 55 redesigned units.",
                    160),
            new Case("NC", "National Centre network for teacher professional development",
                    "Micro-certification integrated into the national teacher professional development system.",
                    "%1$s aligned the IIOE courses with the national qualification framework. Policy dialogue led by %2$s "
                            + "secured recognition by the ministry. Contact %4$s.",
                    2500),
            new Case("NC", "Industry certifications in university classrooms",
                    "With enterprise partners, %1$s brought AI courses and industry certifications into 12 universities.",
                    "Lecturers were certified first, then co-taught with industry engineers. %2$s chairs the steering board of %3$s.",
                    900),
            new Case("NC", "Regional hubs for localised digital courses",
                    "Three regional hubs produce courses in local languages.",
                    "%1$s set up hubs in three provinces with shared studios; %2$s coordinates quality review.",
                    650),
            new Case("SC", "Smart classrooms as a professional development engine",
                    "Classroom analytics from smart classrooms feed coaching cycles for new lecturers.",
                    "At %1$s, %2$s introduced AI-based observation reports that lecturers discuss with peer coaches. "
                            + "More at www.example.net/%3$s/smart",
                    300),
            new Case("SC", "Low-bandwidth smart classroom for remote campuses",
                    "A smart classroom design that works on 2 Mbit/s links.",
                    "%1$s engineered local caching and offline recording; %2$s led the pilot across four remote campuses.",
                    210),
            new Case("SC", "Interactive smart classroom for engineering labs",
                    "Remote lab sessions streamed from a smart classroom to partner universities.",
                    "Built by %1$s with a technology partner, the classroom hosts weekly joint labs. Contact %2$s at %4$s.",
                    180),
            new Case("IU", "Joint AI education innovation centre",
                    "A university-enterprise centre linking classroom learning, practice and entrepreneurship.",
                    "%1$s and its partners run joint curricula and a start-up track. %2$s reports 35 student ventures.",
                    450),
            new Case("IU", "Cloud micro-certification for lecturers across three continents",
                    "Generative AI and data visualisation courses delivered on the IIOE platform.",
                    "%1$s provided cloud credits and course content; %2$s coordinated cohorts in Africa, Asia and Latin America.",
                    3000));

    /** The chair and four members; one declared a conflict with an applicant, so is recused from its cases. */
    public static final List<PanelRegistration> PANEL = List.of(
            new PanelRegistration("chair", PASSWORD, "Charles", "Chair", "chair@demo.example.org", "International Centre for Higher Education Innovation",
                    "China", List.of()),
            new PanelRegistration("panel01", PASSWORD, "Fatima", "Benali", "panel01@demo.example.org", "Maghreb Digital Learning Network",
                    "Morocco", List.of()),
            new PanelRegistration("panel02", PASSWORD, "Arjun", "Mehta", "panel02@demo.example.org", "Indian Council for Digital Education",
                    "India", List.of("Punjab Institute of Engineering Education")),
            new PanelRegistration("panel03", PASSWORD, "Elena", "Petrova", "panel03@demo.example.org", "Eurasian Open University Alliance",
                    "Bulgaria", List.of()),
            new PanelRegistration("panel04", PASSWORD, "Samuel", "Osei", "panel04@demo.example.org", "West African Teacher Education Forum",
                    "Ghana", List.of()));

    public static final List<JudgeRegistration> JUDGES = List.of(
            judge("judge01", "Helena", "Marsh", "F", "United Kingdom", "Europe and North America", "University of Northbridge", "MC", "NC"),
            judge("judge02", "Kenji", "Watanabe", "M", "Japan", "Asia and the Pacific", "Kyoto Institute of Learning Sciences", "SC", "IU"),
            judge("judge03", "Amara", "Okonkwo", "F", "Cameroon", "Africa", "University of Buea Learning Lab", "MC", "SC"),
            judge("judge04", "Rafael", "Souza", "M", "Brazil", "Latin America and the Caribbean", "Federal University of Minas Digital", "NC", "IU"),
            judge("judge05", "Ingrid", "Larsen", "F", "Norway", "Europe and North America", "Nordic Centre for Open Education", "MC", "IU"),
            judge("judge06", "Omar", "Haddad", "M", "Jordan", "Arab States", "Amman Open University", "NC", "SC"),
            judge("judge07", "Priya", "Raman", "F", "India", "Asia and the Pacific", "Institute of Educational Technology Chennai", "MC", "NC"),
            judge("judge08", "Lucas", "Moreau", "M", "France", "Europe and North America", "Université de Lyon Pédagogie", "SC", "IU"),
            judge("judge09", "Mei", "Lin", "F", "Singapore", "Asia and the Pacific", "Centre for Teaching Futures", "MC", "SC"),
            judge("judge10", "Samuel", "Boateng", "M", "Canada", "Europe and North America", "Toronto Metropolitan EdTech Lab", "NC", "IU"),
            judge("judge11", "Elena", "Petrova", "F", "Bulgaria", "Europe and North America", "Sofia University Digital Education", "MC", "IU"),
            judge("judge12", "Tomás", "Herrera", "M", "Chile", "Latin America and the Caribbean", "Universidad de Valparaíso Innovación", "NC", "SC"),
            judge("judge13", "Noura", "Al-Sayed", "F", "Oman", "Arab States", "Sultanate Centre for e-Learning", "SC", "IU"),
            judge("judge14", "David", "Kim", "M", "Republic of Korea", "Asia and the Pacific", "Seoul Digital University", "MC", "NC"),
            judge("judge15", "Fatima", "Zahra", "F", "Qatar", "Arab States", "Doha Institute for Learning Innovation", "NC", "SC"),
            judge("judge16", "Pieter", "de Vries", "M", "Netherlands", "Europe and North America", "Utrecht Centre for Academic Teaching", "MC", "IU"));

    private SampleData() {
    }

    private static JudgeRegistration judge(String id, String first, String last, String gender, String country, String region,
            String affiliation, String... expertise) {
        return new JudgeRegistration(id, PASSWORD, first, last, id + "@judges.example.org", gender, country, region, affiliation, 12,
                List.of(expertise), List.of());
    }

    /**
     * About 40 applications across the four categories; some organisations submit twice, two lack consent and one has no
     * description, so the eligibility rules have something to decide.
     */
    /** The demo call's texts in Arabic, Chinese, French, Russian and Spanish, by language and text key. */
    static Map<String, Map<String, String>> callTranslations() {
        try (InputStream in = SampleData.class.getResourceAsStream("/demo/call-translations.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<LinkedHashMap<String, Map<String, String>>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<ApplicationForm> applications() {
        List<ApplicationForm> forms = new java.util.ArrayList<>();
        int n = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < ORGS.size() && forms.size() < 40; i++) {
                Org org = ORGS.get((i + round * 7) % ORGS.size());
                Case c = CASES.get((i + round * 5) % CASES.size());
                if (round == 1 && i % 2 == 1) {
                    continue;
                }
                n++;
                String acronym = org.email().substring(org.email().indexOf('@') + 1, org.email().indexOf('.', org.email().indexOf('@')));
                String summary = String.format(c.summary(), org.name(), org.contact(), acronym.toUpperCase(), org.email());
                String description = n == 13 ? "" : String.format(c.description(), org.name(), org.contact(), acronym.toUpperCase(),
                        org.email());
                boolean consent = n != 7 && n != 29;
                forms.add(new ApplicationForm(org.name(), org.type(), org.country(), c.category(), org.contact(), org.email(), c.title(),
                        summary, description, c.educators() + 17 * n, consent, null));
            }
        }
        return forms;
    }

    /**
     * The demo's eligible applications from countries none of the given judges comes from: no conflict of nationality
     * stands in the way of assigning them.
     */
    public static List<ApplicationForm> eligibleApplications(int count, List<JudgeRegistration> judges) {
        List<String> judgeCountries = judges.stream().map(JudgeRegistration::country).toList();
        return applications().stream()
                .filter(form -> !judgeCountries.contains(form.country()) && Boolean.TRUE.equals(form.consent())
                        && !"OTHER".equals(form.organisationType()) && !form.description().isBlank())
                .limit(count).toList();
    }

    /**
     * Application number {@code i} of as many as a test or the benchmark needs: eligible, of every type, region and
     * category in turn, naming its organisation, contact and e-mail in the texts as applicants do.
     */
    public static ApplicationForm generated(int i) {
        String[] country = COUNTRIES[(i * 11 + 3) % COUNTRIES.length];
        String organisation = "Organisation " + i + " of " + country[0];
        String contact = "Contact Person" + i;
        String email = "contact" + i + "@org" + i + ".test";
        String description = ("The programme of " + organisation + " trained lecturers in digital pedagogy over three years. "
                + "It combined online modules, peer observation and a final portfolio; " + (200 + i % 500)
                + " educators completed it and their courses now use the platform every week. ").repeat(4);
        return new ApplicationForm(organisation, TYPES[i % TYPES.length], country[0], CATEGORIES.get(i % 4), contact, email,
                "Case " + i + ": digital teaching at scale", "A case of " + organisation + " led by " + contact + ".", description,
                200 + i % 500, "Completion rate 87%", null, true, null, null);
    }

    /**
     * {@code count} judges named {@code prefix} and a number, alternating gender, from the countries and regions the
     * generated applications come from, each expert in two categories (or all four) and taking up to {@code load} reviews.
     */
    public static List<JudgeRegistration> generatedJudges(String prefix, int count, int load, boolean allCategories, String password) {
        List<JudgeRegistration> judges = new java.util.ArrayList<>();
        for (int j = 0; j < count; j++) {
            String[] country = COUNTRIES[(j * 7) % COUNTRIES.length];
            List<String> expertise = allCategories ? CATEGORIES : List.of(CATEGORIES.get(j % 4), CATEGORIES.get((j + 1) % 4));
            judges.add(new JudgeRegistration(String.format("%s%04d", prefix, j), password, "Judge", String.format("%04d", j),
                    prefix + j + "@judges.test", j % 2 == 0 ? "F" : "M", country[0], country[1], "Institute " + prefix + j, load,
                    expertise, List.of()));
        }
        return judges;
    }

    /** An application whose texts name its organisation, contact and e-mail, as the anonymisation must catch. */
    public static ApplicationForm form(String organisation, String type, String country, String category, String contact, String email,
            boolean consent) {
        String title = switch (category) {
            case "MC" -> "Micro-certification for lecturers at " + organisation;
            case "NC" -> "A national network led by " + organisation;
            case "SC" -> "Smart classrooms in everyday teaching at " + organisation;
            default -> "Industry partnership of " + organisation;
        };
        String summary = organisation + " trained lecturers; contact " + contact + " (" + email + ").";
        String description = "The programme of " + organisation + " was led by " + contact + ". Write to " + email
                + " or visit https://www.example.org/case. It reached 300 educators.";
        return new ApplicationForm(organisation, type, country, category, contact, email, title, summary, description, 300, consent,
                null);
    }

    /** Six eligible applications in all four categories, one organisation twice; the suffix keeps them apart between calls. */
    public static List<ApplicationForm> sixEligible(String suffix) {
        return List.of(
                form("Steppe University " + suffix, "HEI", "Mongolia", "MC", "Bolormaa Ganbold", "bolormaa" + suffix + "@steppe.test", true),
                form("Archipelago Institute " + suffix, "HEI", "Indonesia", "MC", "Siti Rahma", "siti" + suffix + "@archi.test", true),
                form("Delta National Centre " + suffix, "NATIONAL_CENTRE", "Egypt", "NC", "Ahmed Fathy", "ahmed" + suffix + "@delta.test", true),
                form("Copper Polytechnic " + suffix, "HEI", "Zambia", "SC", "Mwila Chanda", "mwila" + suffix + "@copper.test", true),
                form("Baobab EdTech " + suffix, "ENTERPRISE", "Senegal", "IU", "Aminata Diallo", "aminata" + suffix + "@baobab.test", true),
                form("Steppe University " + suffix, "HEI", "Mongolia", "SC", "Tuya Bat", "tuya" + suffix + "@steppe.test", true));
    }
}
