package org.awardeval.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.call.CallService;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hundreds of malformed submissions over the JSON API and the CSV import: never a server error, every rejection names
 * its field, and nothing of a rejected submission remains.
 */
@H2Test
class SubmissionFuzzTest {

    private static final Random RANDOM = new Random(20251123);

    @Autowired TestRestTemplate rest;
    @Autowired InProcessCycle driver;
    @Autowired CallService callService;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcClient jdbc;

    // Sorted, so that the seeded cases are the same in every run (Map.of's order changes from one JVM to the next).
    private static final Map<String, Integer> LIMITS = new TreeMap<>(Map.of("organisationName", 300, "country", 100, "contactName", 200,
            "title", 300, "summary", 2000, "description", 20000, "outcomes", 2000, "partners", 1000));
    private static final List<String> REQUIRED = List.of("organisationName", "organisationType", "country", "categoryCode",
            "contactName", "contactEmail", "title");
    private static final List<String> BAD_EMAILS = List.of("a", "a@", "@b.org", "a b@c.org", "a@b", "<script>@x.org", "a@@b.org",
            "a@b.c", "x".repeat(65) + "@b.org");
    private static final List<String> BAD_CATEGORIES = List.of("ZZ", "Smart", "1", "s c", "<b>", "mc", "MCC", "ÉÉ");
    /** What is no category code at all; an import records a well-formed code the call lacks ("ZZ"), for the rules. */
    private static final List<String> MALFORMED_CATEGORIES = BAD_CATEGORIES.stream().filter(c -> !c.equals("ZZ")).toList();
    private static final List<String> MARKUP = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "Org <b>bold</b>",
            "a\u0000b", "tab\u0007bell");

    private Map<String, Object> valid() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisationName", "Fuzz University");
        body.put("organisationType", "HEI");
        body.put("country", "Nepal");
        body.put("categoryCode", "MC");
        body.put("contactName", "Sita Sharma");
        body.put("contactEmail", "sita@fuzz.test");
        body.put("title", "A case");
        body.put("summary", "Summary");
        body.put("description", "Description");
        body.put("educatorsReached", 10);
        body.put("consent", true);
        return body;
    }

    private static String pick(List<String> values) {
        return values.get(RANDOM.nextInt(values.size()));
    }

    private static String longText(int length) {
        char[] chars = new char[length];
        Arrays.fill(chars, 'x');
        // Never a space at either end: the server strips those, and a text one character too long would then fit.
        for (int i = 7; i < length - 1; i += 7) {
            chars[i] = "éЖ中ع ".charAt(RANDOM.nextInt(5));
        }
        return new String(chars);
    }

    /** One mutation of a valid body, with the field its rejection must name. */
    private record Case(String description, Object body, String field) {
    }

    private List<Case> jsonCases() {
        List<Case> cases = new ArrayList<>();
        List<Supplier<Case>> mutations = List.of(
                () -> {
                    String field = pick(REQUIRED);
                    Map<String, Object> b = valid();
                    if (RANDOM.nextBoolean()) {
                        b.remove(field);
                    } else {
                        b.put(field, RANDOM.nextBoolean() ? "" : "   ");
                    }
                    return new Case("missing " + field, b, field);
                },
                () -> {
                    List<String> fields = new ArrayList<>(LIMITS.keySet());
                    String field = fields.get(RANDOM.nextInt(fields.size()));
                    Map<String, Object> b = valid();
                    b.put(field, longText(LIMITS.get(field) + 1 + RANDOM.nextInt(500)));
                    return new Case("oversize " + field, b, field);
                },
                () -> {
                    Map<String, Object> b = valid();
                    b.put("contactEmail", pick(BAD_EMAILS));
                    return new Case("bad e-mail", b, "contactEmail");
                },
                () -> {
                    Map<String, Object> b = valid();
                    b.put("categoryCode", pick(BAD_CATEGORIES));
                    return new Case("bad category", b, "categoryCode");
                },
                () -> {
                    Map<String, Object> b = valid();
                    String field = pick(List.of("organisationName", "contactName", "country"));
                    b.put(field, pick(MARKUP));
                    return new Case("markup in " + field, b, field);
                },
                () -> {
                    Map<String, Object> b = valid();
                    String field = pick(List.of("educatorsReached", "consent", "organisationName", "title"));
                    b.put(field, RANDOM.nextBoolean() ? Map.of("nested", List.of(1, 2)) : List.of("a", "b"));
                    return new Case("wrong type of " + field, b, field);
                },
                () -> {
                    Map<String, Object> b = valid();
                    b.put("educatorsReached", pick(List.of("many", "12.5x", "-", "1e99999")));
                    return new Case("educators not a number", b, "educatorsReached");
                },
                () -> {
                    Map<String, Object> b = valid();
                    b.put("educatorsReached", RANDOM.nextBoolean() ? -1 - RANDOM.nextInt(100) : 100_000_001 + RANDOM.nextInt(1000));
                    return new Case("educators out of range", b, "educatorsReached");
                },
                () -> {
                    Map<String, Object> b = valid();
                    b.put("organisationType", pick(List.of("UNIVERSITY", "hei", "", "HEI ; DROP TABLE application", "NGO")));
                    return new Case("bad organisation type", b, "organisationType");
                },
                () -> {
                    Map<String, Object> b = valid();
                    b.put("title", "Title " + pick(List.of("\u0000", "\u0008", "\u001B[31m")));
                    return new Case("control characters in the title", b, "title");
                },
                () -> {
                    String text = "{\"organisationName\": \"Fuzz" + pick(List.of("", "\"", ",", "}", "\\")) + pick(List.of("", "\"title\":", ",,"));
                    return new Case("broken JSON", text.getBytes(StandardCharsets.UTF_8), "body");
                },
                () -> {
                    byte[] bytes = "{\"organisationName\": \"Fuzz \u00ff\"}".getBytes(StandardCharsets.UTF_8);
                    byte[] broken = Arrays.copyOf(bytes, bytes.length);
                    broken[22] = (byte) (0x80 + RANDOM.nextInt(0x40));
                    broken[23] = (byte) 0xFF;
                    return new Case("invalid UTF-8", broken, "body");
                });
        for (int i = 0; i < 320; i++) {
            cases.add(mutations.get(i % mutations.size()).get());
        }
        return cases;
    }

    private static final List<String> HEADER = CsvImporter.COLUMNS;

    private String csvRow(Map<String, String> values) {
        List<String> cells = new ArrayList<>();
        for (String column : HEADER) {
            String value = values.getOrDefault(column, "");
            cells.add("\"" + value.replace("\"", "\"\"") + "\"");
        }
        return String.join(",", cells);
    }

    private Map<String, String> validRow(int i) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("organisation", "Fuzz College " + i);
        row.put("organisation_type", "HEI");
        row.put("country", "Nepal");
        row.put("category", "SC");
        row.put("contact_name", "Ram Thapa");
        row.put("contact_email", "ram" + i + "@fuzz.test");
        row.put("title", "Case " + i);
        row.put("summary", "S");
        row.put("description", "D");
        row.put("educators_reached", "5");
        row.put("consent", "yes");
        row.put("submitted_at", "");
        return row;
    }

    private List<Case> csvCases() {
        List<Case> cases = new ArrayList<>();
        Map<String, String> columnOf = Map.of("organisationName", "organisation", "organisationType", "organisation_type",
                "categoryCode", "category", "contactName", "contact_name", "contactEmail", "contact_email", "country", "country",
                "title", "title");
        for (int i = 0; i < 220; i++) {
            Map<String, String> row = validRow(i);
            String header = String.join(",", HEADER);
            switch (i % 11) {
                case 0 -> {
                    String field = pick(REQUIRED);
                    row.put(columnOf.get(field), "");
                    cases.add(new Case("missing " + field, header + "\n" + csvRow(row), columnOf.get(field)));
                }
                case 1 -> {
                    row.put("title", longText(301 + RANDOM.nextInt(300)));
                    cases.add(new Case("oversize title", header + "\n" + csvRow(row), "title"));
                }
                case 2 -> {
                    row.put("contact_email", pick(BAD_EMAILS));
                    cases.add(new Case("bad e-mail", header + "\n" + csvRow(row), "contact_email"));
                }
                case 3 -> {
                    row.put("category", pick(MALFORMED_CATEGORIES));
                    cases.add(new Case("bad category", header + "\n" + csvRow(row), "category"));
                }
                case 4 -> {
                    row.put("consent", pick(List.of("maybe", "ja", "2", "oui")));
                    cases.add(new Case("bad consent", header + "\n" + csvRow(row), "consent"));
                }
                case 5 -> {
                    row.put("educators_reached", pick(List.of("many", "1.5", "1e3", "--1")));
                    cases.add(new Case("bad number", header + "\n" + csvRow(row), "educators_reached"));
                }
                case 6 -> {
                    row.put("submitted_at", pick(List.of("yesterday", "2025-13-01T00:00:00Z", "2025-06-01 10:00", "2025-06-01T10:00:00")));
                    cases.add(new Case("bad date", header + "\n" + csvRow(row), "submitted_at"));
                }
                case 7 -> {
                    row.put("organisation", pick(MARKUP));
                    cases.add(new Case("markup", header + "\n" + csvRow(row), "organisation"));
                }
                case 8 -> cases.add(new Case("broken quoting", header + "\n" + csvRow(row).replaceFirst("\"", "") + ",\"unclosed",
                        "body"));
                case 9 -> {
                    List<String> columns = new ArrayList<>(HEADER);
                    columns.remove(RANDOM.nextInt(columns.size()));
                    cases.add(new Case("missing column", String.join(",", columns) + "\n" + csvRow(row), "header"));
                }
                default -> {
                    byte[] bytes = (header + "\n" + csvRow(row)).getBytes(StandardCharsets.UTF_8);
                    bytes[header.length() + 3] = (byte) 0xC3;
                    bytes[header.length() + 4] = (byte) 0x28;
                    cases.add(new Case("invalid UTF-8", bytes, "body"));
                }
            }
        }
        return cases;
    }

    @Test
    @SuppressWarnings("unchecked")
    void malformedSubmissionsAreRefusedByFieldAndLeaveNothingBehind() {
        driver.ensureUsers();
        OffsetDateTime now = OffsetDateTime.now();
        long callId = callService.open(new CallRequest("Fuzz " + System.nanoTime(), null, "FZ", now.plusDays(5), now.plusDays(9), 3, 1,
                CycleDriver.CHAIR));
        long organisationsBefore = jdbc.sql("SELECT COUNT(*) FROM organisation").query(Long.class).single();

        int tried = 0;
        for (Case c : jsonCases()) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            ResponseEntity<Map> answer = rest.postForEntity("/api/calls/" + callId + "/applications", new HttpEntity<>(c.body(), headers),
                    Map.class);
            assertThat(answer.getStatusCode().value()).as(c.description()).isEqualTo(400);
            List<Map<String, String>> errors = (List<Map<String, String>>) answer.getBody().get("errors");
            assertThat(errors).as(c.description()).isNotEmpty().allSatisfy(e -> assertThat(e.get("field")).isNotBlank());
            assertThat(errors).as(c.description()).extracting(e -> e.get("field")).contains(c.field());
            tried++;
        }
        TestRestTemplate coordinator = rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD);
        for (Case c : csvCases()) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.parseMediaType("text/csv"));
            byte[] body = c.body() instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) c.body();
            ResponseEntity<Map> answer = coordinator.postForEntity("/api/calls/" + callId + "/applications/import",
                    new HttpEntity<>(body, headers), Map.class);
            assertThat(answer.getStatusCode().is5xxServerError()).as(c.description()).isFalse();
            List<Map<String, String>> errors;
            if (answer.getStatusCode().value() == 400) {
                errors = (List<Map<String, String>>) answer.getBody().get("errors");
            } else {
                assertThat(answer.getBody().get("rejected")).as(c.description()).isEqualTo(1);
                List<Map<String, Object>> results = (List<Map<String, Object>>) answer.getBody().get("results");
                errors = (List<Map<String, String>>) results.get(0).get("errors");
            }
            assertThat(errors).as(c.description()).isNotEmpty().allSatisfy(e -> assertThat(e.get("field")).isNotBlank());
            assertThat(errors).as(c.description()).extracting(e -> e.get("field")).contains(c.field());
            tried++;
        }
        assertThat(tried).isGreaterThanOrEqualTo(500);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM application WHERE call_id = ?").param(callId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM organisation").query(Long.class).single()).isEqualTo(organisationsBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike("FZ-%").count()).isZero();
    }
}
