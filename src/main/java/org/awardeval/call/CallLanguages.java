package org.awardeval.call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ProcessVariables;
import org.awardeval.web.FieldChecks;
import org.awardeval.web.Languages;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The languages a call offers and its texts in each, as the start form (a tick per language, a box of "Label: text" lines
 * per language) or the API ({@code "translations": {"fr": {"name": …, "category.MC.name": …}}}) give them.
 */
final class CallLanguages {

    private static final Pattern DOCUMENT_KEY = Pattern.compile(Pattern.quote(CallTexts.DOCUMENT) + "[a-z][a-zA-Z0-9]{1,39}");

    private CallLanguages() {
    }

    /** The languages offered, English always among them, in the UN's order. */
    static List<String> languages(FieldChecks checks, VariableScope execution) {
        List<String> given;
        try {
            given = ProcessVariables.strings(execution, AwardCycleProcess.LANGUAGES);
        } catch (IllegalArgumentException e) {
            checks.fail(AwardCycleProcess.LANGUAGES, "must be a list of language codes from " + Languages.CODES);
            return List.of(Languages.ENGLISH);
        }
        return languages(checks, given);
    }

    /** The translations by language and text key, checked against the call's languages and categories. */
    static Map<String, Map<String, String>> translations(FieldChecks checks, VariableScope execution, List<String> languages,
            List<Category> categories) {
        Map<String, Map<String, String>> byLanguage = new TreeMap<>();
        SpinJsonNode given;
        try {
            given = ProcessVariables.json(execution, AwardCycleProcess.TRANSLATIONS);
        } catch (IllegalArgumentException e) {
            checks.fail(AwardCycleProcess.TRANSLATIONS, "is not valid JSON");
            given = null;
        }
        if (given != null && !given.isObject()) {
            checks.fail(AwardCycleProcess.TRANSLATIONS, "must map language codes to texts by key");
        } else if (given != null) {
            for (String language : given.fieldNames()) {
                String field = AwardCycleProcess.TRANSLATIONS + "." + language;
                SpinJsonNode texts = given.prop(language);
                if (!offered(checks, field, language, languages)) {
                    continue;
                }
                if (!texts.isObject()) {
                    checks.fail(field, "must map text keys (name, theme, category.MC.name, category.MC.description) to texts");
                    continue;
                }
                Map<String, String> checked = new LinkedHashMap<>();
                for (String key : texts.fieldNames()) {
                    SpinJsonNode text = texts.prop(key);
                    keep(checks, field + "." + key, key, text.isString() ? text.stringValue() : null, categories, checked);
                }
                byLanguage.put(language, checked);
            }
        }
        for (String language : Languages.CODES) {
            String box = ProcessVariables.string(execution, AwardCycleProcess.TEXTS_PREFIX + language);
            if (box == null || box.isBlank() || !languages.contains(language) || Languages.ENGLISH.equals(language)) {
                continue;
            }
            byLanguage.merge(language, lines(checks, AwardCycleProcess.TEXTS_PREFIX + language, box, categories), (a, b) -> {
                a.putAll(b);
                return a;
            });
        }
        return byLanguage;
    }

    /** One language's texts as the API gives them (after the call is open), checked as at the start. */
    static Map<String, String> texts(FieldChecks checks, String language, Map<String, String> given, List<String> languages,
            List<Category> categories) {
        Map<String, String> checked = new LinkedHashMap<>();
        if (!offered(checks, "language", language, languages)) {
            return checked;
        }
        if (given == null || given.isEmpty()) {
            checks.fail("texts", "must map text keys (name, theme, category.MC.name, category.MC.description) to texts");
            return checked;
        }
        given.forEach((key, text) -> keep(checks, "texts." + key, key, text, categories, checked));
        return checked;
    }

    /** The languages as the API gives them (or the start form, where none ticked is an empty list), checked. */
    static List<String> languages(FieldChecks checks, List<String> given) {
        if (given == null) {
            checks.fail(AwardCycleProcess.LANGUAGES, "is required: a list of language codes from " + Languages.CODES);
            return List.of(Languages.ENGLISH);
        }
        for (String code : given) {
            if (!Languages.supported(code)) {
                checks.fail(AwardCycleProcess.LANGUAGES, "'" + code + "' is not one of the languages offered, " + Languages.CODES);
            }
        }
        return Languages.CODES.stream().filter(code -> code.equals(Languages.ENGLISH) || given.contains(code)).toList();
    }

    private static boolean offered(FieldChecks checks, String field, String language, List<String> languages) {
        if (!Languages.supported(language) || Languages.ENGLISH.equals(language)) {
            checks.fail(field, "'" + language + "' is not a language to translate into; the call's texts are written in English and "
                    + "translated into " + Languages.CODES.stream().filter(c -> !c.equals(Languages.ENGLISH)).toList());
            return false;
        }
        if (!languages.contains(language)) {
            checks.fail(field, Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH)
                    + " is not among the call's languages; offer it first");
            return false;
        }
        return true;
    }

    /**
     * A box of lines such as "Name: Prix …", "Theme: …", "MC: …" (a category's name) and "MC description: …"; a line with
     * nothing after its colon is left in English.
     */
    private static Map<String, String> lines(FieldChecks checks, String field, String box, List<Category> categories) {
        Map<String, String> texts = new LinkedHashMap<>();
        String[] lines = box.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 1) {
                checks.fail(field, "line " + (i + 1) + " needs a label and a colon before the text, as in \"Name: …\"");
                continue;
            }
            String label = line.substring(0, colon).strip();
            String key = key(label);
            String code = label.split("\\s+")[0].toUpperCase(Locale.ROOT);
            if (key != null && key.startsWith("category.") && categories.stream().noneMatch(c -> c.code().equals(code))) {
                checks.fail(field, "line " + (i + 1) + ": '" + code + "' is not a category of the call ("
                        + String.join(", ", categories.stream().map(Category::code).toList()) + ")");
                continue;
            }
            if (key == null) {
                checks.fail(field, "line " + (i + 1) + ": '" + label + "' is none of Name, Theme, a category's code ("
                        + String.join(", ", categories.stream().map(Category::code).toList()) + ") or a code and 'description'");
                continue;
            }
            keep(checks, field, key, line.substring(colon + 1).strip(), categories, texts);
        }
        return texts;
    }

    private static String key(String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        if (lower.equals("name")) {
            return CallTexts.NAME;
        }
        if (lower.equals("theme")) {
            return CallTexts.THEME;
        }
        String[] words = label.split("\\s+");
        if (words.length == 1 && words[0].matches("[A-Za-z]{2}")) {
            return CallTexts.categoryName(words[0].toUpperCase(Locale.ROOT));
        }
        if (words.length == 2 && words[0].matches("[A-Za-z]{2}") && words[1].equalsIgnoreCase("description")) {
            return CallTexts.categoryDescription(words[0].toUpperCase(Locale.ROOT));
        }
        return null;
    }

    private static void keep(FieldChecks checks, String field, String key, String text, List<Category> categories,
            Map<String, String> into) {
        List<String> keys = new ArrayList<>(List.of(CallTexts.NAME, CallTexts.THEME));
        categories.forEach(c -> {
            keys.add(CallTexts.categoryName(c.code()));
            keys.add(CallTexts.categoryDescription(c.code()));
        });
        // A document's name may be translated before the call asks for the document: its code is checked for its form only.
        if (!keys.contains(key) && !DOCUMENT_KEY.matcher(key).matches()) {
            checks.fail(field, "'" + key + "' is not a text of the call; its texts are " + keys + " and document.<code> for each document "
                    + "it asks for");
            return;
        }
        String checked = checks.text(field, text, false, key.endsWith("description") || key.equals(CallTexts.THEME) ? 2000 : 200);
        if (checked != null) {
            into.put(key, checked);
        }
    }
}
