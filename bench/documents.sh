#!/usr/bin/env bash
# The document check benchmark: bench/documents.sh [--runs 5] [--megabytes 10] [--pages 20]
# Builds the project, makes a case report of that size and times its check (type, bombs, pages, text, identity search,
# judges' copy); ends with one JSON line. Figures: docs/BENCHMARKS.md
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" org.awardeval.documents.DocumentBenchmark "$@"
