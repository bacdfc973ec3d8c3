package org.awardeval.conflicts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of an application decides a conflict of interest: the applicant organisation, the partners it names, and
 * organisations its texts name in passing ("We worked with the Eurasian Open University Alliance and ..."). Prepared
 * once per application, so that checking it against every judge of a large call stays cheap.
 */
public final class ApplicationText {

    /** Why a person may not judge an application. */
    public enum Conflict {
        SAME_ORGANISATION("works for the applicant organisation"),
        DECLARED("declared a conflict with the applicant organisation"),
        PARTNER("works for a partner named in the application"),
        NAMED_IN_TEXT("works for an organisation the application names"),
        SAME_COUNTRY("comes from the applicant's country");

        private final String reason;

        Conflict(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private static final Pattern UPPER_WORD = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}{3,}(?![\\p{L}\\p{N}])");

    private final OrganisationName organisation;
    private final Words partners;
    private final Words texts;

    private ApplicationText(OrganisationName organisation, Words partners, Words texts) {
        this.organisation = organisation;
        this.partners = partners;
        this.texts = texts;
    }

    public static ApplicationText of(String organisation, String partners, String... texts) {
        return new ApplicationText(OrganisationName.of(organisation == null ? "" : organisation), new Words(partners),
                new Words(String.join("\n", java.util.Arrays.stream(texts).map(t -> t == null ? "" : t).toList())));
    }

    /**
     * The one conflict rule for judges and panel members: the person works for the applicant, declared a conflict
     * with it, or works for (or declared) an organisation the application names as a partner or in its texts.
     */
    public Conflict conflict(OrganisationName affiliation, List<OrganisationName> declared) {
        if (organisation != null && affiliation != null && organisation.sameAs(affiliation)) {
            return Conflict.SAME_ORGANISATION;
        }
        for (OrganisationName name : declared) {
            if (organisation != null && organisation.sameAs(name)) {
                return Conflict.DECLARED;
            }
        }
        // Checked for millions of pairs in a large call: no allocation on the way.
        if (affiliation != null && partners.name(affiliation)) {
            return Conflict.PARTNER;
        }
        for (OrganisationName name : declared) {
            if (partners.name(name)) {
                return Conflict.DECLARED;
            }
        }
        if (affiliation != null && texts.name(affiliation)) {
            return Conflict.NAMED_IN_TEXT;
        }
        for (OrganisationName name : declared) {
            if (texts.name(name)) {
                return Conflict.DECLARED;
            }
        }
        return null;
    }

    /** A text's words, with where each stands, and its words in capitals as written (acronyms). */
    private static final class Words {
        private final String[] tokens;
        private final Map<String, List<Integer>> positions = new HashMap<>();
        private final Set<String> capitals = new HashSet<>();

        Words(String text) {
            tokens = OrganisationName.tokens(text == null ? "" : text);
            for (int i = 0; i < tokens.length; i++) {
                positions.computeIfAbsent(tokens[i], k -> new ArrayList<>(2)).add(i);
            }
            if (text != null) {
                Matcher m = UPPER_WORD.matcher(text);
                while (m.find()) {
                    capitals.add(m.group());
                }
            }
        }

        /** The name's words stand together in the text, or its acronym does, in capitals. */
        boolean name(OrganisationName name) {
            String[] words = name.tokens();
            if (words.length == 1 && words[0].length() < 3) {
                return false;
            }
            for (int start : positions.getOrDefault(words[0], List.of())) {
                if (start + words.length <= tokens.length) {
                    int i = 1;
                    while (i < words.length && tokens[start + i].equals(words[i])) {
                        i++;
                    }
                    if (i == words.length) {
                        return true;
                    }
                }
            }
            return name.acronym() != null && capitals.contains(name.acronym());
        }
    }
}
