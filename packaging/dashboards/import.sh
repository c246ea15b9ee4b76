#!/usr/bin/env bash
# Imports the shipped dashboards into an OpenSearch Dashboards you run, and optionally the alerting monitors into
# an OpenSearch with the Alerting plugin.
#   packaging/dashboards/import.sh http://127.0.0.1:5601 [http://127.0.0.1:9200]
# Add -u user:password through CURL_AUTH="-u admin:..." when the security plugin is on.
set -euo pipefail
cd "$(dirname "$0")"
dashboards="${1:?usage: import.sh <dashboards-url> [opensearch-url]}"
curl -sS ${CURL_AUTH:-} -X POST "$dashboards/api/saved_objects/_import?overwrite=true" \
  -H 'osd-xsrf: true' --form file=@agent-telemetry.ndjson
echo
if [ $# -ge 2 ]; then
  for monitor in monitors/*.json; do
    curl -sS ${CURL_AUTH:-} -X POST "$2/_plugins/_alerting/monitors" -H 'Content-Type: application/json' --data @"$monitor"
    echo
  done
fi
