#!/usr/bin/env bash
# Start-up to a Tasklist that answers, each start in a new JVM: bench/startup.sh [--runs 3]
# The product on a new PostgreSQL database, again on that database (a restart), and the bare stack it is built on
# (Spring Boot, the Camunda engine, its webapps and REST API) on a new database; then the packaged jar as the Dockerfile
# runs it, extracted, without and with a class data archive from a training run. Needs PostgreSQL at 127.0.0.1:5432
# (user postgres, trust; or AWARD_TEST_PG_HOST). Ends with one JSON line. Figures: docs/BENCHMARKS.md
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" org.awardeval.bench.StartupBenchmark "$@"
