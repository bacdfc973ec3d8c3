package org.awardeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awardeval.call.OrganisationType;
import org.junit.jupiter.api.Test;

/**
 * The applicants' messages are complete in the six languages: every key in every language, with the same placeholders,
 * each a pattern that formats, no English left in a translation, and every key the pages, e-mails and checks use exists.
 */
class ApplicantMessagesTest {

    private static final Path SOURCES = Path.of("src/main");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    /** An apostrophe on its own quotes text in a MessageFormat pattern, so that the words after it vanish. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void everyLanguageHasEveryKeyWithTheSamePlaceholders() throws IOException {
        assertThat(problems(bundles())).isEmpty();
    }

    @Test
    void aKeyRemovedFromOneLanguageIsFound() throws IOException {
        Map<String, Properties> bundles = bundles();
        bundles.get("fr").remove("field.title");
        bundles.get("ar").setProperty("error.tooLong", "يحتوي الحقل «{0}» على عدد كبير من الأحرف.");
        assertThat(problems(bundles)).contains("fr: field.title is missing",
                "ar: error.tooLong has the placeholders [0] where English has [0, 1, 2]");
    }

    @Test
    void everyKeyThePagesTheEmailsAndTheChecksUseExists() throws IOException {
        Properties english = bundles().get("en");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve("resources"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".txt")).toList()) {
                collect(Files.readString(file), Pattern.compile("#\\{([a-zA-Z0-9.]+[a-zA-Z0-9])"), "", used);
                collect(Files.readString(file), Pattern.compile("msg(?:WithParams)?\\('([a-zA-Z0-9.]+[a-zA-Z0-9])'"), "", used);
            }
        }
        try (Stream<Path> files = Files.walk(SOURCES.resolve("java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String java = Files.readString(file);
                collect(java, Pattern.compile("messages\\.get\\((?:locale, )?\"([a-zA-Z0-9.]+[a-zA-Z0-9])\""), "", used);
                // The codes of field errors applicants meet, and of the refused files: the string after the English message.
                codes(java, "fail(", "error.", used);
                codes(java, "new FieldError(", "error.", used);
                codes(java, "new Refused(", "error.doc.", used);
                codes(java, "refused(slot, ", "error.doc.", used);
                collect(java, Pattern.compile("new ApplicantStatus\\(\"([a-zA-Z]+)\""), "status.", used);
            }
        }
        List<String> expanded = new ArrayList<>();
        for (String key : used) {
            if (key.startsWith("status.") && key.indexOf('.', 7) < 0) {
                expanded.add(key + ".label");
                expanded.add(key + ".explanation");
            } else {
                expanded.add(key);
            }
        }
        for (OrganisationType type : OrganisationType.values()) {
            expanded.add("organisationType." + type.name());
        }
        assertThat(used).contains("error.required", "error.doc.tooLarge", "status.asked", "apply.submit", "mail.dear");
        assertThat(expanded).allSatisfy(key -> assertThat(english).as(key).containsKey(key));
    }

    /** After each call, the first string literal that follows another and a comma: the message's code. */
    private static void codes(String java, String call, String prefix, Set<String> into) {
        Matcher code = Pattern.compile("\"\\s*,\\s*\"([a-zA-Z][a-zA-Z.]*)\"").matcher(java);
        for (int at = java.indexOf(call); at >= 0; at = java.indexOf(call, at + 1)) {
            int end = java.indexOf(");", at);
            if (code.region(at, end < 0 ? java.length() : end).find()) {
                into.add(prefix + code.group(1));
            }
        }
    }

    private static void collect(String text, Pattern pattern, String prefix, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(prefix + m.group(1));
        }
    }

    /** What is wrong with the translations, each in a sentence naming the language and the key. */
    static List<String> problems(Map<String, Properties> bundles) {
        List<String> problems = new ArrayList<>();
        Properties english = bundles.get("en");
        for (Map.Entry<String, Properties> bundle : bundles.entrySet()) {
            String language = bundle.getKey();
            Properties messages = bundle.getValue();
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                String pattern = messages.getProperty(key);
                if (pattern == null) {
                    problems.add(language + ": " + key + " is missing");
                    continue;
                }
                Set<Integer> expected = placeholders(english.getProperty(key));
                Set<Integer> found = placeholders(pattern);
                if (!found.equals(expected)) {
                    problems.add(language + ": " + key + " has the placeholders " + found + " where English has " + expected);
                }
                if (LONE_APOSTROPHE.matcher(pattern).find()) {
                    problems.add(language + ": " + key + " has an apostrophe on its own; write it twice ('') or use \u2019");
                }
                try {
                    new MessageFormat(pattern, Locale.forLanguageTag(language)).format(new Object[] {1, 2, 3, 4, 5});
                } catch (IllegalArgumentException e) {
                    problems.add(language + ": " + key + " is no pattern: " + e.getMessage());
                }
                String englishText = english.getProperty(key);
                if (!language.equals("en") && pattern.equals(englishText) && englishText.split(" ").length >= 4) {
                    problems.add(language + ": " + key + " is still in English");
                }
            }
            for (String key : messages.stringPropertyNames()) {
                if (!english.containsKey(key)) {
                    problems.add(language + ": " + key + " is not an English key");
                }
            }
        }
        return problems;
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> indices = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            indices.add(Integer.valueOf(m.group(1)));
        }
        return indices;
    }

    static Map<String, Properties> bundles() throws IOException {
        Map<String, Properties> bundles = new LinkedHashMap<>();
        for (Languages.Language language : Languages.ALL) {
            String name = "/i18n/applicants" + (language.code().equals(Languages.ENGLISH) ? "" : "_" + language.code()) + ".properties";
            try (InputStream in = ApplicantMessagesTest.class.getResourceAsStream(name)) {
                assertThat(in).as(name).isNotNull();
                Properties messages = new Properties();
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                bundles.put(language.code(), messages);
            }
        }
        return bundles;
    }
}
