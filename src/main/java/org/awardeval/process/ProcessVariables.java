package org.awardeval.process;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/** Reading process variables whatever type the engine, a form or the REST API gave them. */
public final class ProcessVariables {

    private ProcessVariables() {
    }

    public static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    public static String requiredString(VariableScope scope, String name) {
        String value = string(scope, name);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is missing");
        }
        return value;
    }

    public static long requiredLong(VariableScope scope, String name) {
        Long value = longValue(scope.getVariable(name), name);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is missing");
        }
        return value;
    }

    public static Integer integer(VariableScope scope, String name) {
        Long value = longValue(scope.getVariable(name), name);
        return value == null ? null : Math.toIntExact(value);
    }

    public static boolean bool(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    /** Reads a moment given as a Date or as ISO-8601 text (as Camunda Forms submit it). */
    public static OffsetDateTime moment(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant().atOffset(ZoneOffset.UTC);
        }
        try {
            return OffsetDateTime.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a date and time with a time zone, e.g. 2026-03-31T23:59:00+08:00");
        }
    }

    /** A list or object given as JSON (forms, API) or as Java collections; null when absent. */
    public static SpinJsonNode json(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        if (value instanceof SpinJsonNode node) {
            return node;
        }
        try {
            return Spin.JSON(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": not valid JSON");
        }
    }

    /** A list of strings: from a form it arrives as a JSON array, from the Java API as a collection. */
    public static List<String> strings(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        List<String> strings = new ArrayList<>();
        if (value instanceof SpinJsonNode node && node.isArray()) {
            node.elements().forEach(element -> strings.add(element.isString() ? element.stringValue() : element.toString()));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(element -> strings.add(String.valueOf(element)));
        } else if (value instanceof String text && !text.isBlank()) {
            SpinJsonNode node;
            try {
                node = Spin.JSON(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + ": expected a list, got " + text);
            }
            if (!node.isArray()) {
                throw new IllegalArgumentException(name + ": expected a list, got " + text);
            }
            node.elements().forEach(element -> strings.add(element.isString() ? element.stringValue() : element.toString()));
        } else if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(name + ": expected a list, got " + value);
        }
        return strings;
    }

    public static Date date(OffsetDateTime moment) {
        return Date.from(moment.toInstant());
    }

    private static Long longValue(Object value, String name) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Number number) {
            if (number.doubleValue() != Math.rint(number.doubleValue())) {
                throw new IllegalArgumentException(name + ": '" + value + "' is not a whole number");
            }
            return number.longValue();
        }
        try {
            return Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a whole number");
        }
    }
}
