package org.awardeval.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of processes/eligibility.dmn, with the first failing criterion deciding: on a plain DMN engine, as a
 * process owner's edit of the table would be tried.
 */
class EligibilityRulesTest {

    static DmnEngine engine;
    static DmnDecision decision;

    @BeforeAll
    static void readTheTable() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream table = Files.newInputStream(Path.of("processes", "eligibility.dmn"))) {
            decision = engine.parseDecision("Decision_Eligibility", table);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "all met,                  true,  true,  true,  true,  true,  false, HEI,        ELIGIBLE,   ALL_CRITERIA_MET",
            "enterprise,               true,  true,  true,  true,  true,  false, ENTERPRISE, ELIGIBLE,   ALL_CRITERIA_MET",
            "late,                     false, true,  true,  true,  true,  false, HEI,        INELIGIBLE, LATE",
            "late beats the rest,      false, false, false, false, false, true,  OTHER,      INELIGIBLE, LATE",
            "unknown category,         true,  false, true,  true,  true,  false, HEI,        INELIGIBLE, UNKNOWN_CATEGORY",
            "missing fields,           true,  true,  false, true,  true,  false, HEI,        INELIGIBLE, MISSING_FIELDS",
            "no consent,               true,  true,  true,  false, true,  false, HEI,        INELIGIBLE, NO_CONSENT",
            "no consent beats doubt,   true,  true,  true,  false, true,  false, OTHER,      INELIGIBLE, NO_CONSENT",
            "type not allowed,         true,  true,  true,  true,  false, false, ENTERPRISE, INELIGIBLE, ORGANISATION_TYPE_NOT_ALLOWED",
            "duplicate,                true,  true,  true,  true,  true,  true,  HEI,        INELIGIBLE, DUPLICATE",
            "duplicate beats doubt,    true,  true,  true,  true,  true,  true,  OTHER,      INELIGIBLE, DUPLICATE",
            "organisation type other,  true,  true,  true,  true,  true,  false, OTHER,      DOUBTFUL,   ORGANISATION_TYPE_UNCLEAR"})
    void theRulesDecideWithAReason(String name, boolean onTime, boolean categoryKnown, boolean fields, boolean consent,
            boolean typeAllowed, boolean duplicate, String type, String outcome, String rule) {
        DmnDecisionResultEntries result = engine.evaluateDecision(decision, Map.of("onTime", onTime, "categoryKnown",
                categoryKnown, "requiredFieldsPresent", fields, "consentGiven", consent, "organisationTypeAllowed", typeAllowed,
                "duplicate", duplicate, "organisationType", type)).getSingleResult();
        assertThat((String) result.getEntry("outcome")).isEqualTo(outcome);
        assertThat((String) result.getEntry("rule")).isEqualTo(rule);
        assertThat((String) result.getEntry("reason")).isNotBlank();
    }
}
