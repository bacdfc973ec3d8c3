package org.awardeval.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.awardeval.web.ValidationException.FieldError;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/** A form's input fields and rules, as the server enforces them on every write to a task. */
class TaskFormTest {

    static final String FORM = """
            {"components": [
              {"type": "text", "text": "# Heading"},
              {"type": "number", "key": "score", "label": "Innovation", "increment": "1", "validate": {"min": 1, "max": 5}},
              {"type": "number", "key": "share", "label": "Share", "increment": "0.5"},
              {"type": "number", "key": "count", "label": "Count", "decimalDigits": 0},
              {"type": "textarea", "key": "comment", "label": "Comment", "validate": {"maxLength": 10}},
              {"type": "select", "key": "level", "label": "Level", "values": [{"label": "Low", "value": "LOW"}]},
              {"type": "radio", "key": "impact", "label": "Impact", "values": [{"label": "1 · weak", "value": "1"}, {"label": "2", "value": "2"}]},
              {"type": "checklist", "key": "votes", "label": "Your votes", "valuesKey": "voteOptions"},
              {"type": "checkbox", "key": "agree", "label": "Agree"},
              {"type": "textarea", "key": "shown", "label": "Shown only", "disabled": true},
              {"type": "group", "components": [{"type": "textfield", "key": "nested", "label": "Nested"}]}
            ]}""";

    static TaskForm form() throws Exception {
        return TaskForm.parse(new ByteArrayInputStream(FORM.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> problems(Map<String, ?> values) throws Exception {
        return form().problems(values).stream().map(e -> e.field() + ": " + e.message()).toList();
    }

    @Test
    void inputFieldsAreTheKeysOfInputComponentsInGroupsTooButNotDisabledOnes() throws Exception {
        assertThat(form().fields()).containsOnlyKeys("score", "share", "count", "comment", "level", "impact", "votes", "agree", "nested");
        assertThat(form().notFields(List.of("shown", "assignmentId", "comment")))
                .extracting(FieldError::field).containsExactly("shown", "assignmentId");
    }

    @Test
    void numbersFollowTheirIncrementRangeAndDecimalDigits() throws Exception {
        assertThat(problems(Map.of("score", 4L, "share", 2.5, "count", 3, "agree", true))).isEmpty();
        assertThat(problems(Map.of("score", 3.5))).containsExactly("Innovation: must be a whole number from 1 to 5; 3.5 is not");
        assertThat(problems(Map.of("score", 4.0))).isEmpty();
        assertThat(problems(Map.of("score", 6))).containsExactly("Innovation: must be a whole number from 1 to 5; 6 is not");
        assertThat(problems(Map.of("share", 0.3))).containsExactly("Share: must be a multiple of 0.5; 0.3 is not");
        assertThat(problems(Map.of("count", 1.5))).containsExactly("Count: must be a whole number; 1.5 is not");
        assertThat(problems(Map.of("score", "4"))).containsExactly("Innovation: must be a number");
        assertThat(problems(Map.of("score", Double.NaN))).containsExactly("Innovation: must be a number");
    }

    @Test
    void textsChoicesAndListsKeepToTheForm() throws Exception {
        assertThat(problems(Map.of("comment", "x".repeat(11)))).containsExactly("Comment: at most 10 characters are allowed; this has 11");
        assertThat(problems(Map.of("comment", 5))).containsExactly("Comment: must be text");
        assertThat(problems(Map.of("level", "HIGH"))).containsExactly("Level: 'HIGH' is not one of the choices offered (LOW)");
        assertThat(problems(Map.of("impact", "2"))).isEmpty();
        assertThat(problems(Map.of("impact", 2L))).as("a REST client's number for a choice").isEmpty();
        assertThat(problems(Map.of("impact", 2.0))).isEmpty();
        assertThat(problems(Map.of("impact", 1.5))).containsExactly("Impact: must be one of the choices offered (1, 2)");
        assertThat(problems(Map.of("impact", 3))).containsExactly("Impact: '3' is not one of the choices offered (1, 2)");
        assertThat(problems(Map.of("impact", true))).containsExactly("Impact: must be one of the choices offered (1, 2)");
        assertThat(problems(Map.of("votes", SpinValues.jsonValue("[\"A\", \"B\"]").create()))).isEmpty();
        assertThat(problems(Map.of("votes", Variables.stringValue("A")))).containsExactly("Your votes: must be a list of the choices offered");
        assertThat(problems(Map.of("votes", SpinValues.jsonValue("[1]").create())))
                .containsExactly("Your votes: must be a list of the choices offered");
        assertThat(problems(Map.of("agree", "yes"))).containsExactly("Agree: must be ticked or not (true or false)");
        assertThat(problems(Map.of("assignmentId", 7L))).containsExactly("assignmentId: is not a field of this task's form and cannot be set");
    }
}
