package org.awardeval.anonymisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import com.google.common.hash.Hashing;
import com.google.common.net.InternetDomainName;
import org.awardeval.conflicts.OrganisationName;

/**
 * Removes identifying details from an application's texts, leaving neutral placeholders that keep them readable:
 * e-mail addresses, web addresses and bare web domains, phone numbers, the organisation's name, acronym and known
 * aliases, partner organisations, and people: those named in the application and anyone named with a title
 * ("Dr Amina Yusuf").
 */
final class Redactor {

    public static final String ORGANISATION = "[organisation]";
    public static final String PARTNER = "[partner organisation]";
    public static final String PERSON = "[person]";
    public static final String EMAIL = "[e-mail]";
    public static final String LINK = "[link]";
    public static final String PHONE = "[phone]";

    /** What identifies the applicant. Lists may be empty; nulls and blanks are ignored. */
    public record Identity(String organisation, Collection<String> aliases, Collection<String> partners, Collection<String> people) {
    }

    /**
     * Starts where a run of the address's characters starts: the same matches, but without trying from inside every word
     * of a document's text (each try reads to the word's end): 0.40 to 0.26 ms on a report's 16,764 characters.
     */
    static final Pattern EMAIL_PATTERN = Pattern.compile("(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");
    static final Pattern URL_PATTERN = Pattern.compile("(?i)\\b(https?://|www\\.)[^\\s<>\"]*[^\\s<>\".,;:!?)\\]]");
    /** Anything shaped like a domain; {@link #isDomain} keeps those that end in a public suffix (.africa, .co.uk, .xyz). */
    static final Pattern DOMAIN_PATTERN = Pattern.compile("(?i)(?<![\\p{L}\\p{N}@.-])((?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+"
            + "[\\p{L}][\\p{L}\\p{N}-]*[\\p{L}\\p{N}])(?:/(?:[^\\s<>\"]*[^\\s<>\".,;:!?)\\]])?)?(?![\\p{L}\\p{N}])");
    /** Markdown images load from elsewhere (a tracker sees who reads); links carry addresses. */
    private static final Pattern MARKDOWN_IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    /** Mail services whose domain names the provider, not the applicant. */
    private static final Set<String> MAIL_SERVICES = Set.of("gmail", "googlemail", "yahoo", "outlook", "hotmail", "live", "msn", "icloud",
            "me", "aol", "proton", "protonmail", "gmx", "mail", "yandex", "qq", "163", "126", "sina", "naver", "zoho", "web", "orange",
            "free", "laposte", "rediffmail", "mailru", "inbox");
    static final Pattern PHONE_PATTERN = Pattern.compile("(?<![\\p{L}\\p{N}+])\\+?\\(?\\d[\\d\\s().-]{6,}\\d(?![\\p{L}\\p{N}])");
    private static final Pattern DATE_OR_YEARS = Pattern.compile("\\d{4}\\s*[-–]\\s*\\d{4}|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}");
    private static final Pattern TITLED_PERSON = Pattern.compile(
            "\\b(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Dean|Rector)\\.?\\s+\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+){0,2}");
    private static final String AFTER = "(?![\\p{L}\\p{N}])";

    private final List<Pattern> organisationPatterns = new ArrayList<>();
    private final List<Pattern> partnerPatterns = new ArrayList<>();
    private final List<Pattern> personPatterns = new ArrayList<>();
    private final List<Pattern> fullNamePatterns = new ArrayList<>();

    Redactor(String organisationName, List<String> personNames) {
        this(new Identity(organisationName, List.of(), List.of(), personNames));
    }

    Redactor(Identity identity) {
        Set<String> organisations = new LinkedHashSet<>();
        add(organisations, identity.organisation());
        identity.aliases().forEach(alias -> add(organisations, alias));
        longestFirst(organisations).forEach(name -> organisationPatterns.add(literal(name, !isAcronym(name))));
        for (String name : organisations) {
            String acronym = OrganisationName.acronym(name);
            if (acronym != null) {
                // An acronym is matched with its case only: "MUST" is the university, "must" is a verb.
                organisationPatterns.add(literal(acronym, false));
            }
        }
        Set<String> partners = new LinkedHashSet<>();
        identity.partners().forEach(partner -> add(partners, partner));
        longestFirst(partners).forEach(name -> partnerPatterns.add(literal(name, true)));
        Set<String> names = new LinkedHashSet<>();
        for (String person : identity.people()) {
            if (person == null || person.isBlank()) {
                continue;
            }
            names.add(person.strip());
            fullNamePatterns.add(literal(person.strip(), true));
            Arrays.stream(person.strip().split("[\\s,]+"))
                    .map(part -> part.replaceAll("^\\p{P}+|\\p{P}+$", ""))
                    .filter(part -> part.codePointCount(0, part.length()) >= 3 && !part.endsWith("."))
                    .forEach(names::add);
        }
        longestFirst(names).forEach(name -> personPatterns.add(literal(name, true)));
    }

    /** Changes with the code around the patterns, so that a search made by an earlier version is not taken as this one's. */
    private static final String VERSION = "findings 1";

    /**
     * What {@link #findings} looks for, as a digest of every pattern it uses: the same digest finds the same in the same
     * text, so a document's findings are kept until the applicant's identity (or these rules) change.
     */
    public String fingerprint() {
        StringBuilder all = new StringBuilder(VERSION);
        for (Pattern pattern : List.of(EMAIL_PATTERN, URL_PATTERN, DOMAIN_PATTERN, PHONE_PATTERN, DATE_OR_YEARS)) {
            all.append('\n').append(pattern.flags()).append(' ').append(pattern.pattern());
        }
        for (List<Pattern> patterns : List.of(organisationPatterns, partnerPatterns, fullNamePatterns)) {
            all.append("\n--");
            patterns.forEach(pattern -> all.append('\n').append(pattern.flags()).append(' ').append(pattern.pattern()));
        }
        return Hashing.sha256().hashUnencodedChars(all).toString();
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = MARKDOWN_IMAGE.matcher(text).replaceAll("");
        result = MARKDOWN_LINK.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        result = replace(EMAIL_PATTERN, result, EMAIL);
        result = replace(URL_PATTERN, result, LINK);
        result = replaceDomains(result);
        result = replacePhones(result);
        for (Pattern pattern : organisationPatterns) {
            result = replace(pattern, result, ORGANISATION);
        }
        for (Pattern pattern : partnerPatterns) {
            result = replace(pattern, result, PARTNER);
        }
        result = replace(TITLED_PERSON, result, PERSON);
        for (Pattern pattern : personPatterns) {
            result = replace(pattern, result, PERSON);
        }
        return result;
    }

    /**
     * What in a text still identifies the applicant, by kind: e-mail addresses, links, phone numbers, the organisation
     * and its partners by name, the people given by full name. Parts of names alone are not counted, since a surname
     * may be an ordinary word ("Grace", "Young").
     */
    public List<String> identifiersIn(String text) {
        List<String> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        if (EMAIL_PATTERN.matcher(text).find()) {
            found.add("an e-mail address");
        }
        if (URL_PATTERN.matcher(text).find() || !replaceDomains(text).equals(text) || MARKDOWN_IMAGE.matcher(text).find()) {
            found.add("a web address");
        }
        if (!replacePhones(text).equals(text)) {
            found.add("a phone number");
        }
        if (organisationPatterns.stream().anyMatch(p -> p.matcher(text).find())) {
            found.add("the organisation's name");
        }
        if (partnerPatterns.stream().anyMatch(p -> p.matcher(text).find())) {
            found.add("a partner's name");
        }
        if (fullNamePatterns.stream().anyMatch(p -> p.matcher(text).find())) {
            found.add("a person's name");
        }
        return found;
    }

    /** One place where a text names the applicant: what kind of identifier, and the words as they stand. */
    public record Finding(String kind, String words) {
    }

    /**
     * Every identifier in a text, in the order of {@link #identifiersIn}, each with the words that make it one; for
     * documents, where the applicant must find them to remove them.
     */
    public List<Finding> findings(String text) {
        List<Finding> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        emails(text).forEach(match -> found.add(new Finding("an e-mail address", match.group())));
        links(text).forEach(match -> found.add(new Finding("a web address", match.group())));
        for (MatchResult domain : domains(text)) {
            if (isDomain(domain.group(1)) && found.stream().noneMatch(f -> f.words().contains(domain.group(1)))) {
                found.add(new Finding("a web address", domain.group()));
            }
        }
        for (MatchResult phone : phones(text)) {
            if (!replacePhones(phone.group()).equals(phone.group())) {
                found.add(new Finding("a phone number", phone.group().strip()));
            }
        }
        organisationPatterns.forEach(p -> matches(p, text, "the organisation's name", found));
        partnerPatterns.forEach(p -> matches(p, text, "a partner's name", found));
        fullNamePatterns.forEach(p -> matches(p, text, "a person's name", found));
        return found;
    }

    /*
     * A document's text is long and names few addresses: the searches below try their pattern only where a match can
     * start, which its first characters tell, and find what a plain search finds (RedactorTest compares them). Trying
     * every place of a case report's text was half of its search (2.2 ms of a 4-page report's, 1.1 to 1.3 ms without).
     */

    /** E-mail addresses: each holds an '@' and starts within the run of an address's characters before it. */
    static List<MatchResult> emails(String text) {
        return anchored(EMAIL_PATTERN, text, at -> text.charAt(at) == '@', EMAIL_CHAR);
    }

    /** Links: each starts with "http" or "www.", in any case. */
    static List<MatchResult> links(String text) {
        List<MatchResult> found = new ArrayList<>();
        Matcher matcher = bounded(URL_PATTERN, text);
        for (int i = 0; i + 4 <= text.length(); i++) {
            char first = (char) (text.charAt(i) | 0x20);
            if ((first == 'h' || first == 'w') && (text.regionMatches(true, i, "http", 0, 4) || text.regionMatches(true, i, "www.", 0, 4))
                    && matcher.region(i, text.length()).lookingAt()) {
                found.add(matcher.toMatchResult());
                i = matcher.end() - 1;
            }
        }
        return found;
    }

    /** Domain-shaped words: each holds a dot with a letter after it and starts within the run of a domain's characters. */
    static List<MatchResult> domains(String text) {
        return anchored(DOMAIN_PATTERN, text, at -> text.charAt(at) == '.' && at + 1 < text.length()
                && Character.isLetter(text.codePointAt(at + 1)), DOMAIN_CHAR);
    }

    /**
     * The matches of a pattern each of which holds an anchor and lies within a run of these characters, in order: every
     * place from where the anchor's run starts to the anchor is tried, as a plain search would, and no other. A place
     * the look behind refuses fails at once, as in a plain search.
     */
    private static List<MatchResult> anchored(Pattern pattern, String text, IntPredicate anchor, Pattern runCharacter) {
        List<MatchResult> found = new ArrayList<>();
        Matcher matcher = bounded(pattern, text);
        int tried = 0; // every place before this was tried, or lies in a run without an anchor
        for (int at = 0; at < text.length(); at++) {
            if (!anchor.test(at)) {
                continue;
            }
            int next = at + 1;
            for (int place = runStart(text, at, tried, runCharacter); place <= at; place++) {
                if (matcher.region(place, text.length()).lookingAt()) {
                    found.add(matcher.toMatchResult());
                    next = Math.max(next, matcher.end());
                    break;
                }
            }
            tried = next;
            at = next - 1;
        }
        return found;
    }

    /**
     * Phone-shaped numbers: each starts with '+', '(' or a digit that no letter, digit or '+' comes before. The look behind
     * reads one char, as the pattern's does: after a letter outside the BMP it sees half of it, and so does this.
     */
    static List<MatchResult> phones(String text) {
        List<MatchResult> found = new ArrayList<>();
        Matcher matcher = bounded(PHONE_PATTERN, text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9' || c == '+' || c == '(')
                    && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '+')
                    && matcher.region(i, text.length()).lookingAt()) {
                found.add(matcher.toMatchResult());
                i = matcher.end() - 1;
            }
        }
        return found;
    }

    private static final Pattern EMAIL_CHAR = Pattern.compile("[\\p{L}\\p{N}._%+-]");
    private static final Pattern DOMAIN_CHAR = Pattern.compile("[\\p{L}\\p{N}.-]");

    /** Where the run of these characters ending before {@code at} starts, not before {@code from}. */
    private static int runStart(String text, int at, int from, Pattern character) {
        int start = at;
        while (start > from && character.matcher(Character.toString(text.codePointBefore(start))).matches()) {
            start -= Character.charCount(text.codePointBefore(start));
        }
        return Math.max(start, from);
    }

    /** A matcher whose look behind sees the text before the place it tries. */
    private static Matcher bounded(Pattern pattern, String text) {
        return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }

    private static void matches(Pattern pattern, String text, String kind, List<Finding> found) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(new Finding(kind, matcher.group()));
        }
    }

    /**
     * The names an e-mail address gives its organisation: "aurora-ai" and "aurora ai" for someone@mail.aurora-ai.de,
     * the label before the public suffix. None for a mail service's address.
     */
    public static List<String> domainAliases(String email) {
        if (email == null || email.indexOf('@') < 0) {
            return List.of();
        }
        String domain = email.substring(email.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
        try {
            InternetDomainName name = InternetDomainName.from(domain);
            if (!name.isUnderPublicSuffix()) {
                return List.of();
            }
            String label = name.topPrivateDomain().parts().get(0);
            if (MAIL_SERVICES.contains(label) || label.length() < 3) {
                return List.of();
            }
            return label.contains("-") ? List.of(label, label.replace('-', ' ')) : List.of(label);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** Web domains under any public suffix, with what follows them in the address. */
    private static String replaceDomains(String text) {
        return DOMAIN_PATTERN.matcher(text).replaceAll(m -> Matcher.quoteReplacement(isDomain(m.group(1)) ? LINK : m.group()));
    }

    static boolean isDomain(String candidate) {
        try {
            return InternetDomainName.isValid(candidate) && InternetDomainName.from(candidate).isUnderPublicSuffix();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A phone number has 8 to 15 digits in groups; dates and spans of years (2024-03-01, 2019-2023) are left alone. */
    private static String replacePhones(String text) {
        Matcher matcher = PHONE_PATTERN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            long digits = matcher.group().chars().filter(Character::isDigit).count();
            boolean separated = matcher.group().matches(".*[\\s().-].*");
            matcher.appendReplacement(out, Matcher.quoteReplacement(digits >= 8 && digits <= 15 && separated
                    && !DATE_OR_YEARS.matcher(matcher.group()).matches() ? PHONE : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String replace(Pattern pattern, String text, String placeholder) {
        return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(placeholder));
    }

    private static void add(Set<String> names, String name) {
        if (name != null && !name.isBlank() && name.strip().codePointCount(0, name.strip().length()) >= 2) {
            names.add(name.strip());
        }
    }

    private static boolean isAcronym(String name) {
        return name.length() <= 8 && name.equals(name.toUpperCase(Locale.ROOT)) && !name.contains(" ");
    }

    private static List<String> longestFirst(Collection<String> names) {
        return names.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /**
     * The words with any spaces between them, not within a longer word. The first word comes first and the look behind
     * it after it, so that a search compares a letter at each place instead of first looking behind every place (0.21
     * to 0.08 ms a name on a report's text); "(?<!x)W" and "W(?<!xW)" accept the same places.
     */
    private static Pattern literal(String text, boolean ignoreCase) {
        List<String> words = Arrays.stream(text.strip().split("\\s+")).map(Pattern::quote).toList();
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        String first = words.get(0);
        String rest = words.stream().skip(1).map(word -> "\\s+" + word).collect(Collectors.joining());
        return Pattern.compile(first + "(?<![\\p{L}\\p{N}]" + first + ")" + rest + AFTER, flags);
    }
}
