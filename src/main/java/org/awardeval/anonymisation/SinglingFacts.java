package org.awardeval.anonymisation;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awardeval.call.OrganisationType;
import org.awardeval.submission.StoredApplication;
import org.awardeval.web.Regions;

/**
 * What a dossier keeps can single its applicant out without a name: the only national centre of a country in its
 * category is known by the country alone. A dossier is flagged when the facts it reveals (its category, and the
 * country and kind of organisation when its texts name them) match no other application of the call; it can be
 * generalised: the country to its UN region, exact figures to rounded ones.
 */
final class SinglingFacts {

    /** The facts a dossier reveals, in words, when they match no other application. */
    record Warning(List<String> facts, String message) {
    }

    /** Words that tell the kind of organisation, besides its label. */
    private static final Map<OrganisationType, List<String>> TYPE_WORDS = Map.of(
            OrganisationType.HEI, List.of("university", "college", "higher education institution", "polytechnic"),
            OrganisationType.NATIONAL_CENTRE, List.of("national centre", "national center"),
            OrganisationType.GOVERNMENT_AGENCY, List.of("ministry", "government agency"),
            OrganisationType.ENTERPRISE, List.of("company", "enterprise", "start-up", "startup"),
            OrganisationType.INTERNATIONAL_ORGANISATION, List.of("international organisation", "international organization"));
    /** A figure of four or more digits, with or without thousands separators. */
    private static final Pattern FIGURE = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])\\d{1,3}(?:[,\u00a0 ]\\d{3})+(?![\\p{N}])|(?<![\\p{L}\\p{N}.,])\\d{4,}(?![\\p{N}])");

    private SinglingFacts() {
    }

    /** How many other applications of the call share the category and, as asked, the country and the type. */
    interface Peers {
        long count(boolean sameCountry, boolean sameType);
    }

    static Optional<Warning> check(StoredApplication application, String dossierText, String categoryName, Peers peers) {
        String text = dossierText == null ? "" : dossierText;
        boolean country = mentions(text, application.country());
        OrganisationType type = type(application);
        boolean kind = type != null && TYPE_WORDS.getOrDefault(type, List.of()).stream().anyMatch(w -> mentions(text, w));
        if ((!country && !kind) || peers.count(country, kind) > 0) {
            return Optional.empty();
        }
        List<String> figures = figures(text);
        List<String> facts = new ArrayList<>();
        facts.add("category (" + categoryName + ")");
        if (country) {
            facts.add("country (" + application.country() + ")");
        }
        if (kind) {
            facts.add("kind of organisation (" + type.label() + ")");
        }
        String message = "The dossier still reveals its " + String.join(", ", facts) + ", and no other application of this call shares "
                + (facts.size() == 1 ? "it" : "them all") + ": judges who know the field may recognise the applicant."
                + (figures.isEmpty() ? "" : " It also gives exact figures (" + String.join(", ", figures) + ").")
                + " Tick 'Generalise' to say " + (country ? "'" + generalCountry(application.country()) + "' for the country" : "less")
                + (figures.isEmpty() ? "" : " and round the figures") + ", or edit the texts yourself.";
        return Optional.of(new Warning(facts, message));
    }

    /** The texts with the country named by its region and exact figures rounded down to their first digit. */
    static String generalise(String text, StoredApplication application) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        if (application.country() != null && !application.country().isBlank()) {
            result = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(application.country().strip()) + "(?![\\p{L}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(result)
                    .replaceAll(Matcher.quoteReplacement(generalCountry(application.country())));
        }
        return FIGURE.matcher(result).replaceAll(m -> Matcher.quoteReplacement(rounded(m.group())));
    }

    /** "a country of Eastern Africa" for Rwanda; "a country" when the name is not known. */
    static String generalCountry(String country) {
        String region = Regions.of(country);
        return region == null ? "a country" : "a country of " + region;
    }

    private static String rounded(String figure) {
        long value;
        try {
            value = Long.parseLong(figure.replaceAll("[^0-9]", ""));
        } catch (NumberFormatException e) {
            return figure;
        }
        if (value >= 1900 && value <= 2100 && figure.matches("\\d{4}")) {
            return figure; // a year
        }
        long magnitude = (long) Math.pow(10, String.valueOf(value).length() - 1);
        return "over " + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value / magnitude * magnitude);
    }

    static List<String> figures(String text) {
        List<String> figures = new ArrayList<>();
        Matcher matcher = FIGURE.matcher(text);
        while (matcher.find()) {
            if (!rounded(matcher.group()).equals(matcher.group())) {
                figures.add(matcher.group());
            }
        }
        return figures;
    }

    private static boolean mentions(String text, String words) {
        if (words == null || words.isBlank()) {
            return false;
        }
        return Pattern.compile("(?<![\\p{L}])" + Pattern.quote(words.strip()) + "(?![\\p{L}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
    }

    private static OrganisationType type(StoredApplication application) {
        try {
            return application.organisationType() == null ? null : OrganisationType.valueOf(application.organisationType());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
