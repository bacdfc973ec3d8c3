package org.awardeval.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The six UN languages applicants may use; English is the working language and every text's fallback. */
@Component("languages")
public class Languages {

    public record Language(String code, String name, boolean rightToLeft) {

        public Locale locale() {
            return Locale.forLanguageTag(code);
        }
    }

    public static final String ENGLISH = "en";

    /** In the UN's order, each named in itself. */
    public static final List<Language> ALL = List.of(new Language("ar", "العربية", true), new Language("zh", "中文", false),
            new Language(ENGLISH, "English", false), new Language("fr", "Français", false), new Language("ru", "Русский", false),
            new Language("es", "Español", false));

    public static final List<String> CODES = ALL.stream().map(Language::code).toList();

    /** Request attribute: the languages the page's call offers, when it is a call's page. */
    static final String OFFERED = Languages.class.getName() + ".offered";

    public static boolean supported(String code) {
        return code != null && CODES.contains(code);
    }

    /** A language's code for a locale, English when it is none of the six. */
    public static String code(Locale locale) {
        return locale != null && supported(locale.getLanguage()) ? locale.getLanguage() : ENGLISH;
    }

    public static Locale locale(String code) {
        return Locale.forLanguageTag(supported(code) ? code : ENGLISH);
    }

    /** The languages to choose from on a page: those offered (its call's), else all six; for the templates. */
    public List<Language> choices(Collection<String> offered) {
        return ALL.stream().filter(l -> offered == null || offered.isEmpty() || offered.contains(l.code())).toList();
    }

    public boolean rightToLeft(Locale locale) {
        return ALL.stream().anyMatch(l -> l.rightToLeft() && l.code().equals(code(locale)));
    }

    /**
     * Restricts the current request's pages to a call's languages: a visitor whose choice the call does not offer reads
     * it in the best offered language their browser accepts, else in English.
     */
    public static void offer(Collection<String> codes) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(OFFERED, new ArrayList<>(codes), RequestAttributes.SCOPE_REQUEST);
        }
    }
}
