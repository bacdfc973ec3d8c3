package org.awardeval.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The applicants' messages (src/main/resources/i18n/applicants*.properties) in the request's or a given language. */
@Component
public class Messages {

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    public String get(String code, Object... args) {
        return get(LocaleContextHolder.getLocale(), code, args);
    }

    public String get(Locale locale, String code, Object... args) {
        return source.getMessage(code, args, locale);
    }

    public String get(MessageSourceResolvable resolvable) {
        return source.getMessage(resolvable, LocaleContextHolder.getLocale());
    }

    /** A field's label as applicants know it, or null when it has none. */
    public String label(Locale locale, String field) {
        try {
            return source.getMessage("field." + field, null, locale);
        } catch (NoSuchMessageException none) {
            return null;
        }
    }

    /** Each field's problems as sentences in the request's language, naming the field by its label. */
    public Map<String, String> errors(ValidationException e) {
        return errors(e, LocaleContextHolder.getLocale());
    }

    public Map<String, String> errors(ValidationException e, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        e.errors().forEach(error -> byField.merge(error.field(), sentence(error, locale), (a, b) -> a + " " + b));
        return byField;
    }

    public String sentence(ValidationException.FieldError error, Locale locale) {
        String label = label(locale, error.field());
        if (error.code() == null) {
            return label == null ? error.message() : label + " " + error.message();
        }
        List<Object> args = new ArrayList<>();
        args.add(label == null ? error.field() : label);
        error.args().forEach(arg -> args.add(arg instanceof Localized localized ? localized.in(locale) : arg));
        return source.getMessage("error." + error.code(), args.toArray(), locale);
    }
}
