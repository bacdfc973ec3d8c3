package org.awardeval.web;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input: every problem names its field. Nothing has been written when this is thrown. */
public class ValidationException extends RuntimeException {

    /**
     * A problem with a field: the English message the API returns, and, for the applicants' pages, the message's code in
     * the applicants' messages ("error." + code) with its arguments after the field's label.
     */
    public record FieldError(String field, String message, String code, List<Object> args) {

        public FieldError(String field, String message) {
            this(field, message, null, List.of());
        }
    }

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
