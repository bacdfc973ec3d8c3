package org.awardeval.conflicts;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * An organisation's name as conflicts compare it: case, accents, punctuation and spacing do not count
 * ("Université Cheikh-Anta-Diop" is "universite cheikh anta diop"), and its acronym ("MUST" for "Mongolian University
 * of Science and Technology") is one of its names.
 */
public final class OrganisationName {

    private static final List<String> SMALL_WORDS = List.of("of", "and", "for", "the", "de", "la", "du", "des", "et", "y", "del");

    private final String original;
    private final String normalised;
    private final String[] tokens;
    private final String acronym;

    private OrganisationName(String original) {
        this.original = original.strip();
        this.tokens = tokens(original);
        this.normalised = String.join(" ", tokens);
        this.acronym = acronym(original);
    }

    /** Null for a blank name. */
    public static OrganisationName of(String name) {
        return name == null || tokens(name).length == 0 ? null : new OrganisationName(name);
    }

    public String normalised() {
        return normalised;
    }

    String[] tokens() {
        return tokens;
    }

    /** Its acronym when it has one of three letters or more, else null. */
    String acronym() {
        return acronym;
    }

    /** The same organisation: the same name, or one is the other's acronym. */
    public boolean sameAs(OrganisationName other) {
        return normalised.equals(other.normalised)
                || acronym != null && other.tokens.length == 1 && acronym.equalsIgnoreCase(other.original)
                || other.acronym != null && tokens.length == 1 && other.acronym.equalsIgnoreCase(original);
    }

    @Override
    public String toString() {
        return original;
    }

    /** Lower-case words without accents or punctuation. */
    static String[] tokens(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        return java.util.Arrays.stream(plain.split("[^\\p{L}\\p{N}]+")).filter(t -> !t.isEmpty()).toArray(String[]::new);
    }

    /**
     * Initials of the significant words ("Mongolian University of Science and Technology" gives "MUST"), when there are
     * three or more of them; else null. Redaction and conflicts share it.
     */
    public static String acronym(String name) {
        StringBuilder acronym = new StringBuilder();
        for (String word : name.strip().split("[\\s-]+")) {
            if (!word.isEmpty() && !SMALL_WORDS.contains(word.toLowerCase(Locale.ROOT)) && Character.isLetter(word.codePointAt(0))) {
                acronym.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        return acronym.length() >= 3 ? acronym.toString() : null;
    }
}
