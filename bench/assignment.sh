#!/usr/bin/env bash
# The judge assignment benchmark: bench/assignment.sh [--applications 10000] [--judges 500] [--reviews 3] [--runs 3]
# Builds the project, then times the conflict computation and the solver on a generated call. Figures: docs/BENCHMARKS.md
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" org.awardeval.assignment.AssignmentBenchmark "$@"
