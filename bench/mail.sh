#!/usr/bin/env bash
# The e-mail benchmark: bench/mail.sh [--rounds 7] [--mails 2000]
# Builds the project and times composing and writing out an e-mail as the outbox does, with Jakarta Mail looking its
# stream provider up at each part as it comes and with the provider named, as the outbox names it; ends with one JSON
# line. Figures: docs/BENCHMARKS.md
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" org.awardeval.mail.MailBenchmark "$@"
