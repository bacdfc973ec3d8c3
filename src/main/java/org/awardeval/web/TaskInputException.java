package org.awardeval.web;

import java.util.List;
import java.util.stream.Collectors;
import org.awardeval.web.ValidationException.FieldError;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Bad input in a task's completion. As a form validation error the engine refuses the completion, Tasklist shows the
 * message and the REST API answers 400, not 500; the task stays open.
 */
public class TaskInputException extends FormFieldValidationException {

    private final transient List<FieldError> errors;

    public TaskInputException(List<FieldError> errors) {
        super(errors.get(0).field(), errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
