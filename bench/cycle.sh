#!/usr/bin/env bash
# The whole-cycle benchmark on PostgreSQL: bench/cycle.sh [--applications 10000] [--judges 500] [--reviews 3] [--threads 8]
#   [--floor 0]  (skips the baseline and the five-action floor, for a quicker look at the cycle alone)
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust; or AWARD_TEST_PG_HOST). Builds the project, measures the
# engine's floor, then runs a cycle on a new database: applicants through the portal with a case report each, judges
# invited by e-mail, reviews, reminders, a disagreement round, the panel and the chair over REST, results sent after the
# embargo. Ends with one JSON line. Figures: docs/BENCHMARKS.md
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" org.awardeval.bench.CycleBenchmark "$@"
