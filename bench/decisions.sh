#!/usr/bin/env bash
# The decision benchmark: bench/decisions.sh [--rounds 7] [--evaluations 20000]
# Builds the project and times processes/eligibility.dmn on Camunda's DMN engine as it comes and on the product's, whose
# FEEL texts are parsed once; ends with one JSON line. Figures: docs/BENCHMARKS.md
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" org.awardeval.engine.DecisionBenchmark "$@"
