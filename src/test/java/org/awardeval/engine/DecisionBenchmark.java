package org.awardeval.engine;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardeval.support.BenchOptions;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * The decision benchmark: bench/decisions.sh [--rounds 7] [--evaluations 20000]. Decides processes/eligibility.dmn for
 * every combination of its inputs, round after round, on Camunda's DMN engine as it comes and on the product's (each
 * FEEL text parsed once), the two taking turns. Prints one JSON line: the median microseconds of one decision on each.
 */
public final class DecisionBenchmark {

    public static void main(String[] args) throws Exception {
        BenchOptions options = new BenchOptions(args);
        int rounds = options.get("rounds", 7);
        int evaluations = options.get("evaluations", 20000);
        DmnEngine camunda = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DefaultDmnEngineConfiguration parsedOnce = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        parsedOnce.setFeelEngineFactory(() -> new ParsedOnceFeel.Engine(List.of()));
        DmnEngine product = parsedOnce.buildEngine();
        List<Map<String, Object>> cases = new ArrayList<>();
        for (int bits = 0; bits < 64; bits++) {
            for (String type : List.of("HEI", "ENTERPRISE", "OTHER", "NGO")) {
                cases.add(Map.of("onTime", (bits & 1) != 0, "categoryKnown", (bits & 2) != 0, "requiredFieldsPresent", (bits & 4) != 0,
                        "consentGiven", (bits & 8) != 0, "organisationTypeAllowed", (bits & 16) != 0, "duplicate", (bits & 32) != 0,
                        "organisationType", type));
            }
        }
        DmnDecision camundaTable = table(camunda);
        DmnDecision productTable = table(product);
        double[] camundaMicros = new double[rounds];
        double[] productMicros = new double[rounds];
        // The first turn of each warms its engine up and is not counted.
        time(camunda, camundaTable, cases, evaluations);
        time(product, productTable, cases, evaluations);
        for (int round = 0; round < rounds; round++) {
            camundaMicros[round] = time(camunda, camundaTable, cases, evaluations);
            productMicros[round] = time(product, productTable, cases, evaluations);
            System.out.printf("[bench] round %d: Camunda's engine %.1f µs, parsed once %.1f µs a decision%n", round + 1, camundaMicros[round],
                    productMicros[round]);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("decision", "Decision_Eligibility");
        figures.put("evaluations_per_round", evaluations);
        figures.put("rounds", rounds);
        figures.put("camunda_feel_us", BenchOptions.median(camundaMicros, 1));
        figures.put("parsed_once_feel_us", BenchOptions.median(productMicros, 1));
        System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(figures));
    }

    private static double time(DmnEngine engine, DmnDecision table, List<Map<String, Object>> cases, int evaluations) {
        long start = System.nanoTime();
        int decided = 0;
        for (int i = 0; i < evaluations; i++) {
            decided += engine.evaluateDecisionTable(table, cases.get(i % cases.size())).size();
        }
        if (decided != evaluations) {
            throw new IllegalStateException("Each case decides by one rule; " + decided + " results for " + evaluations);
        }
        return (System.nanoTime() - start) / 1000.0 / evaluations;
    }

    private static DmnDecision table(DmnEngine engine) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("processes", "eligibility.dmn"))) {
            return engine.parseDecision("Decision_Eligibility", in);
        }
    }
}
