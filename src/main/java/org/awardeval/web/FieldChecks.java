package org.awardeval.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.awardeval.web.ValidationException.FieldError;

/** Collects field errors and throws them together. */
public class FieldChecks {

    private static final Pattern MARKUP_OR_CONTROL = Pattern.compile("[<>\\p{Cntrl}]");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]|\\p{Cs}");
    private static final Pattern EMAIL = Pattern.compile(
            "^[\\p{L}\\p{N}._%+'-]{1,64}@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}$");
    private static final Pattern USER_ID = Pattern.compile("^[a-zA-Z0-9]+$");
    private final List<FieldError> errors = new ArrayList<>();

    public String text(String field, String value, boolean required, int maxLength) {
        String stripped = value == null ? null : value.strip();
        if (stripped == null || stripped.isEmpty()) {
            if (required) {
                fail(field, "is required", "required");
            }
            return null;
        }
        if (CONTROL.matcher(stripped).find()) {
            fail(field, "must not contain control characters", "control");
        }
        if (stripped.length() > maxLength) {
            fail(field, "is " + stripped.length() + " characters long; at most " + maxLength + " are allowed", "tooLong",
                    stripped.length(), maxLength);
        }
        return stripped;
    }

    /** A required name: no markup and no control characters, which no organisation, person or country name has. */
    public String name(String field, String value, int maxLength) {
        String name = text(field, value, true, maxLength);
        if (name != null && MARKUP_OR_CONTROL.matcher(name).find()) {
            fail(field, "must not contain markup (< >) or control characters", "markup");
        }
        return name;
    }

    /** A user id as the engine accepts it: letters and digits. */
    public String userId(String field, String value) {
        String id = text(field, value, true, 64);
        if (id != null && !USER_ID.matcher(id).matches()) {
            fail(field, "'" + id + "' may hold only letters and digits");
        }
        return id;
    }

    public String email(String field, String value) {
        String email = text(field, value, true, 320);
        if (email != null && !EMAIL.matcher(email).matches()) {
            fail(field, "'" + email + "' is not an e-mail address", "email", email);
        }
        return email;
    }

    public Integer range(String field, Integer value, boolean required, int min, int max) {
        if (value == null) {
            if (required) {
                fail(field, "is required", "required");
            }
        } else if (value < min || value > max) {
            fail(field, "must be between " + min + " and " + max + ", was " + value, "range", min, max, value);
        }
        return value;
    }

    public void fail(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** A problem applicants may meet: the English message and its code in the applicants' messages, with arguments. */
    public void fail(String field, String message, String code, Object... args) {
        errors.add(new FieldError(field, message, code, List.of(args)));
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** For input that completes a user task: refuses the completion, which stays with the user. */
    public void throwIfAnyOnTask() {
        if (!errors.isEmpty()) {
            throw new TaskInputException(errors);
        }
    }
}
