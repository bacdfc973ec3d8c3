package org.awardeval.call;

import java.util.List;
import java.util.Map;

/**
 * A call's own texts in one language: each the coordinator's translation, or the English text marked with its language
 * where there is none, so that a page can say so.
 */
public record CallTexts(String language, Text name, Text theme, List<CategoryText> categories, Map<String, String> documents) {

    /** A text, and "en" when it is the English fallback rather than the page's language (null). */
    public record Text(String text, String fallbackLanguage) {

        public String language() {
            return fallbackLanguage;
        }
    }

    public record CategoryText(String code, Text name, Text description) {
    }

    public boolean anyFallback() {
        return name.fallbackLanguage() != null || (theme != null && theme.text() != null && theme.fallbackLanguage() != null)
                || categories.stream().anyMatch(c -> c.name().fallbackLanguage() != null || c.description().fallbackLanguage() != null);
    }

    /** A category's name in this language, or in English. */
    public Text category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).map(CategoryText::name).findFirst()
                .orElse(new Text(code, null));
    }

    /** A document slot's name in this language, or its English name marked as such. */
    public Text document(String slotCode, String english) {
        String translated = documents.get(slotCode);
        return translated != null ? new Text(translated, null) : new Text(english, "en".equals(language) ? null : "en");
    }

    /** The text keys a coordinator translates: the call's name, its theme, each category's name and description. */
    public static final String NAME = "name";
    public static final String THEME = "theme";

    public static String categoryName(String code) {
        return "category." + code + ".name";
    }

    public static String categoryDescription(String code) {
        return "category." + code + ".description";
    }

    /** A document slot's name: "document.caseReport". */
    public static final String DOCUMENT = "document.";
}
