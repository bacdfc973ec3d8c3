package org.awardeval.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awardeval.support.H2Test;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Parsing each FEEL text once changes no decision: the product's engine uses the cache, the eligibility table decides
 * every combination of its inputs as Camunda's own engine does, and cells and outputs evaluate, and fail, alike.
 */
@H2Test
class ParsedOnceFeelTest {

    @Autowired ProcessEngineConfigurationImpl configuration;
    @Autowired DecisionService decisions;

    final ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());
    final ParsedOnceFeel.Engine cached = new ParsedOnceFeel.Engine(List.of());

    @Test
    void theProductsDecisionsUseTheCacheAndDecide() {
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(ParsedOnceFeel.Engine.class);
        for (int run = 0; run < 2; run++) {
            DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey("Decision_Eligibility", Map.of("onTime", true,
                    "categoryKnown", true, "requiredFieldsPresent", true, "consentGiven", false, "organisationTypeAllowed", true,
                    "duplicate", false, "organisationType", "HEI")).getSingleResult();
            assertThat((String) result.getEntry("rule")).isEqualTo("NO_CONSENT");
        }
    }

    @Test
    void theEligibilityTableDecidesEveryCaseAsCamundasEngineDoes() throws IOException {
        DmnEngine plain = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DefaultDmnEngineConfiguration withCache = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        withCache.setFeelEngineFactory(() -> new ParsedOnceFeel.Engine(List.of()));
        DmnEngine fast = withCache.buildEngine();
        DmnDecision plainTable = table(plain);
        DmnDecision fastTable = table(fast);
        List<String> decided = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            for (int bits = 0; bits < 64; bits++) {
                for (String type : List.of("HEI", "ENTERPRISE", "OTHER", "something else")) {
                    Map<String, Object> inputs = Map.of("onTime", (bits & 1) != 0, "categoryKnown", (bits & 2) != 0,
                            "requiredFieldsPresent", (bits & 4) != 0, "consentGiven", (bits & 8) != 0, "organisationTypeAllowed",
                            (bits & 16) != 0, "duplicate", (bits & 32) != 0, "organisationType", type);
                    Map<String, Object> expected = plain.evaluateDecision(plainTable, inputs).getSingleResult().getEntryMap();
                    assertThat(fast.evaluateDecision(fastTable, inputs).getSingleResult().getEntryMap()).as(inputs.toString())
                            .isEqualTo(expected);
                    decided.add((String) expected.get("rule"));
                }
            }
        }
        assertThat(decided).contains("ALL_CRITERIA_MET", "LATE", "UNKNOWN_CATEGORY", "MISSING_FIELDS", "NO_CONSENT",
                "ORGANISATION_TYPE_NOT_ALLOWED", "DUPLICATE", "ORGANISATION_TYPE_UNCLEAR");
    }

    @Test
    void cellsAndOutputsEvaluateAsCamundasEngineDoesAndAgainFromTheCache() {
        List<String> cells = List.of("[1..5]", "> 3", "3", "not(3)", "\"A\", \"B\"", "not(\"A\", \"B\")", "? > 2 and ? < 9",
                "< date(\"2026-12-31\")", "count(?) = 0", "-", "null", "> x");
        List<Object> inputs = new ArrayList<>(List.of(0, 3, 4, 7, "A", "C", LocalDate.of(2026, 6, 1)));
        inputs.add(null);
        for (int run = 0; run < 2; run++) {
            for (String cell : cells) {
                for (Object input : inputs) {
                    VariableContext variables = Variables.putValue("cellInput", input).putValue("x", 5).asVariableContext();
                    Object expected = outcome(() -> camunda.evaluateSimpleUnaryTests(cell, "cellInput", variables));
                    assertThat(outcome(() -> cached.evaluateSimpleUnaryTests(cell, "cellInput", variables))).as(cell + " for " + input)
                            .isEqualTo(expected);
                }
            }
        }
        List<String> outputs = List.of("\"INELIGIBLE\"", "x + 1", "x * 2 > 9", "string length(\"abc\")", "date(\"2026-12-04\")",
                "if x > 3 then \"big\" else \"small\"", "y", "x + \"a\"");
        VariableContext variables = Variables.putValue("x", 5).asVariableContext();
        for (int run = 0; run < 2; run++) {
            for (String output : outputs) {
                assertThat(outcome(() -> cached.evaluateSimpleExpression(output, variables))).as(output)
                        .isEqualTo(outcome(() -> camunda.evaluateSimpleExpression(output, variables)));
            }
        }
    }

    @Test
    void aTextThatDoesNotParseFailsWithCamundasMessage() {
        VariableContext variables = Variables.putValue("cellInput", 3).asVariableContext();
        Throwable expected = catchThrowable(() -> camunda.evaluateSimpleUnaryTests("[1..", "cellInput", variables));
        assertThat(expected).isInstanceOf(FeelException.class);
        for (int run = 0; run < 2; run++) {
            assertThatThrownBy(() -> cached.evaluateSimpleUnaryTests("[1..", "cellInput", variables)).isInstanceOf(FeelException.class)
                    .hasMessage(expected.getMessage());
        }
    }

    private static DmnDecision table(DmnEngine engine) throws IOException {
        try (InputStream table = Files.newInputStream(Path.of("processes", "eligibility.dmn"))) {
            return engine.parseDecision("Decision_Eligibility", table);
        }
    }

    /** A value, or the kind and message of the failure. */
    private static Object outcome(java.util.concurrent.Callable<Object> evaluation) {
        try {
            return evaluation.call();
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
