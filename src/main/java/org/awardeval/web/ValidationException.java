package org.awardeval.web;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input: every problem names its field. Nothing has been written when this is thrown. */
public class ValidationException extends RuntimeException {

    public record FieldError(String field, String message) {
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
