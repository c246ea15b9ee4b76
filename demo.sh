#!/usr/bin/env bash
# The main command: build, start the local stack, run the pipeline, print what arrived where.
# Options: --keep-running leaves the stack up (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")"
echo "[demo] building (mvn -DskipTests package) ..."
mvn -B -q -DskipTests package
exec java -cp "packaging/demo/target/classes:$(cat packaging/demo/target/demo.classpath)" \
  io.agenttelemetry.connect.demo.DemoMain "$@"
