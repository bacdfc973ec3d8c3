package org.awardeval.anonymisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes identifying details from an application's texts, leaving neutral placeholders that keep them readable:
 * e-mail addresses, web addresses, the organisation's name and its acronym, and the names of the people given.
 */
public final class Redactor {

    public static final String ORGANISATION = "[organisation]";
    public static final String PERSON = "[person]";
    public static final String EMAIL = "[e-mail]";
    public static final String LINK = "[link]";

    private static final Pattern EMAIL_PATTERN = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern URL_PATTERN = Pattern.compile("(?i)\\b(https?://|www\\.)[^\\s<>\"]+");
    private static final String BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String AFTER = "(?![\\p{L}\\p{N}])";
    private static final List<String> SMALL_WORDS = List.of("of", "and", "for", "the", "de", "la", "du", "des", "et", "y", "del");

    private final List<Pattern> organisationPatterns = new ArrayList<>();
    private final List<Pattern> personPatterns = new ArrayList<>();

    /**
     * @param organisationName the applicant organisation
     * @param personNames      names of people given in the application (the contact, at least)
     */
    public Redactor(String organisationName, List<String> personNames) {
        if (organisationName != null && !organisationName.isBlank()) {
            organisationPatterns.add(literal(organisationName.strip(), true));
            String acronym = acronym(organisationName);
            if (acronym.length() >= 3) {
                // An acronym is matched with its case only: "MUST" is the university, "must" is a verb.
                organisationPatterns.add(literal(acronym, false));
            }
        }
        List<String> names = new ArrayList<>();
        for (String person : personNames) {
            if (person == null || person.isBlank()) {
                continue;
            }
            names.add(person.strip());
            Arrays.stream(person.strip().split("[\\s,]+"))
                    .map(part -> part.replaceAll("^\\p{P}+|\\p{P}+$", ""))
                    .filter(part -> part.codePointCount(0, part.length()) >= 3 && !part.endsWith("."))
                    .forEach(names::add);
        }
        names.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(name -> personPatterns.add(literal(name, true)));
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = EMAIL_PATTERN.matcher(text).replaceAll(Matcher.quoteReplacement(EMAIL));
        result = URL_PATTERN.matcher(result).replaceAll(Matcher.quoteReplacement(LINK));
        for (Pattern pattern : organisationPatterns) {
            result = pattern.matcher(result).replaceAll(Matcher.quoteReplacement(ORGANISATION));
        }
        for (Pattern pattern : personPatterns) {
            result = pattern.matcher(result).replaceAll(Matcher.quoteReplacement(PERSON));
        }
        return result;
    }

    /** Initials of the significant words: "Mongolian University of Science and Technology" gives "MUST". */
    static String acronym(String organisationName) {
        StringBuilder acronym = new StringBuilder();
        for (String word : organisationName.strip().split("[\\s-]+")) {
            if (!word.isEmpty() && !SMALL_WORDS.contains(word.toLowerCase(Locale.ROOT)) && Character.isLetter(word.codePointAt(0))) {
                acronym.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        return acronym.toString();
    }

    private static Pattern literal(String text, boolean ignoreCase) {
        String flexibleSpaces = Arrays.stream(text.split("\\s+")).map(Pattern::quote).reduce((a, b) -> a + "\\s+" + b).orElse("");
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        return Pattern.compile(BEFORE + flexibleSpaces + AFTER, flags);
    }
}
