package org.awardeval.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.awardeval.web.ValidationException.FieldError;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The input fields of a deployed Camunda Form (form-js schema) with the rules the form states for them: what a user
 * may write to a task that shows this form. Display components (text, table, html...) take no input.
 */
final class TaskForm {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "checkbox", "checklist", "radio", "select",
            "taglist", "datetime");

    /** One input field: its key, its label as the user reads it, and its rules. */
    record Field(String key, String label, String type, BigDecimal min, BigDecimal max, BigDecimal step, Integer minLength,
            Integer maxLength, Pattern pattern, List<String> values) {
    }

    static final TaskForm NONE = new TaskForm(Map.of());

    private final Map<String, Field> fields;

    private TaskForm(Map<String, Field> fields) {
        this.fields = fields;
    }

    Map<String, Field> fields() {
        return fields;
    }

    static TaskForm parse(InputStream schema) throws IOException {
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(JSON.readTree(schema).path("components"), fields);
        return new TaskForm(Map.copyOf(fields));
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            String key = c.path("key").asText("");
            if (INPUTS.contains(type) && !key.isEmpty() && !c.path("disabled").asBoolean(false)) {
                JsonNode validate = c.path("validate");
                List<String> values = new ArrayList<>();
                c.path("values").forEach(v -> values.add(v.path("value").asText()));
                fields.put(key, new Field(key, label(c, key), type, decimal(validate.path("min")), decimal(validate.path("max")),
                        step(c), integer(validate.path("minLength")),
                        integer(validate.path("maxLength")), pattern(validate.path("pattern")), values.isEmpty() ? null : values));
            }
            collect(c.path("components"), fields);
        }
    }

    /**
     * The steps a number moves in: its increment (form-js refuses other values in the browser, with a message), or 1
     * when it has no decimal digits.
     */
    private static BigDecimal step(JsonNode component) {
        JsonNode increment = component.path("increment");
        try {
            if (increment.isNumber() || (increment.isTextual() && !increment.asText().isBlank())) {
                BigDecimal step = new BigDecimal(increment.asText().trim());
                return step.signum() > 0 ? step : null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return component.path("decimalDigits").isInt() && component.path("decimalDigits").asInt() == 0 ? BigDecimal.ONE : null;
    }

    private static String label(JsonNode component, String key) {
        String label = component.path("label").asText("").trim();
        return label.isEmpty() ? key : label;
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : null;
    }

    private static Integer integer(JsonNode node) {
        return node.isInt() ? node.asInt() : null;
    }

    private static Pattern pattern(JsonNode node) {
        try {
            return node.isTextual() && !node.asText().isEmpty() ? Pattern.compile(node.asText()) : null;
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /**
     * What is wrong with the values sent for this form, each naming the field as the form labels it; empty when all are
     * fields of the form with a value the form allows.
     */
    List<FieldError> problems(Map<String, ?> values) {
        List<FieldError> problems = new ArrayList<>();
        values.forEach((name, raw) -> {
            Field field = fields.get(name);
            if (field == null) {
                problems.add(new FieldError(name, "is not a field of this task's form and cannot be set"));
                return;
            }
            Object value = unwrap(raw);
            if (value == null) {
                return;
            }
            String problem = problem(field, value);
            if (problem != null) {
                problems.add(new FieldError(field.label(), problem));
            }
        });
        return problems;
    }

    private static Object unwrap(Object raw) {
        if (raw instanceof SerializableValue serializable && !serializable.isDeserialized()) {
            return serializable.getValueSerialized();
        }
        return raw instanceof TypedValue typed ? typed.getValue() : raw;
    }

    /** Names the variables that are not fields of this form. */
    List<FieldError> notFields(Collection<String> names) {
        return names.stream().filter(n -> !fields.containsKey(n))
                .map(n -> new FieldError(n, "is not a field of this task's form and cannot be changed")).toList();
    }

    private static String problem(Field field, Object value) {
        switch (field.type()) {
            case "number":
                return number(field, value);
            case "checkbox":
                return value instanceof Boolean ? null : "must be ticked or not (true or false)";
            case "textfield", "textarea":
                return text(field, value);
            case "datetime":
                return value instanceof String || value instanceof java.util.Date ? null : "must be a date";
            case "select", "radio":
                // A REST client may send the choice "4" as the number 4; a fraction or another type is no choice.
                String picked = value instanceof String s ? s
                        : value instanceof Number n && !(n instanceof Double d && !Double.isFinite(d)) && isWhole(n) ? plain(new BigDecimal(n.toString()))
                        : null;
                return picked != null ? choice(field, List.of(picked)) : "must be one of the choices offered" + offered(field);
            default: // checklist, taglist
                List<String> chosen = strings(value);
                return chosen == null ? "must be a list of the choices offered" : choice(field, chosen);
        }
    }

    private static String number(Field field, Object value) {
        BigDecimal number;
        if (value instanceof Number n && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            number = new BigDecimal(n.toString());
        } else {
            return "must be a number";
        }
        boolean whole = field.step() != null && BigDecimal.ONE.compareTo(field.step()) == 0;
        boolean onStep = field.step() == null || number.remainder(field.step()).signum() == 0;
        String range = field.min() != null && field.max() != null
                ? " from " + plain(field.min()) + " to " + plain(field.max())
                : field.min() != null ? " of at least " + plain(field.min()) : field.max() != null ? " of at most " + plain(field.max()) : "";
        if (!onStep || (field.min() != null && number.compareTo(field.min()) < 0)
                || (field.max() != null && number.compareTo(field.max()) > 0)) {
            String kind = whole ? "a whole number" : field.step() != null ? "a multiple of " + plain(field.step()) : "a number";
            return "must be " + kind + range + "; " + plain(number) + " is not";
        }
        return null;
    }

    private static String text(Field field, Object value) {
        if (!(value instanceof String s)) {
            return "must be text";
        }
        int length = s.codePointCount(0, s.length());
        if (field.maxLength() != null && length > field.maxLength()) {
            return "at most " + field.maxLength() + " characters are allowed; this has " + length;
        }
        if (field.minLength() != null && !s.isEmpty() && length < field.minLength()) {
            return "at least " + field.minLength() + " characters are needed; this has " + length;
        }
        if (field.pattern() != null && !s.isEmpty() && !field.pattern().matcher(s).matches()) {
            return "is not in the expected form";
        }
        return null;
    }

    /**
     * Choices a form lists itself; choices it takes from a variable (valuesKey) are the process's own, and its
     * delegate says why a value is not among them (recused, not shortlisted).
     */
    private static String choice(Field field, List<String> chosen) {
        if (field.values() == null) {
            return null;
        }
        for (String value : chosen) {
            if (!field.values().contains(value)) {
                return "'" + value + "' is not one of the choices offered" + offered(field);
            }
        }
        return null;
    }

    private static String offered(Field field) {
        return field.values() == null || field.values().size() > 10 ? "" : " (" + String.join(", ", field.values()) + ")";
    }

    private static boolean isWhole(Number n) {
        BigDecimal number = new BigDecimal(n.toString());
        return number.stripTrailingZeros().scale() <= 0;
    }

    /** A list of strings from a Java list, a Spin JSON array or JSON text; null when it is none of these. */
    static List<String> strings(Object value) {
        try {
            SpinJsonNode json = value instanceof SpinJsonNode node ? node
                    : value instanceof String s ? org.camunda.spin.Spin.JSON(s) : null;
            if (value instanceof Collection<?> list) {
                return list.stream().allMatch(String.class::isInstance) ? list.stream().map(String.class::cast).toList() : null;
            }
            if (json == null || !json.isArray()) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (SpinJsonNode element : json.elements()) {
                if (!element.isString()) {
                    return null;
                }
                out.add(element.stringValue());
            }
            return out;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
