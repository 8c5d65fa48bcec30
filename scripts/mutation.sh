#!/usr/bin/env bash
# Mutation testing (PIT) of the lineage and validate packages: prints the score and writes the
# report to generator/target/pit-reports/index.html. Takes several minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile -Dkeizu.npm.skip=true
mvn -B -Pmutation -pl generator org.pitest:pitest-maven:mutationCoverage -Dkeizu.npm.skip=true "$@" 2>&1 \
    | grep -E '>> Generated|>> Line Coverage|>> Mutations with no coverage|>> Test strength|Statistics|KILLED|SURVIVED|ERROR' || true
