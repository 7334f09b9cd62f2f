#!/usr/bin/env bash
# The main job, offline: starts the sandbox Jira (Cloud mode, port 8089) and the Quarkus example application against
# it. The application registers its jira:webhook in the sandbox and acknowledges every new DEMO issue with a comment.
# Build first: mvn -B -q install -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."

SANDBOX_JAR=src/sandbox/target/jira-sandbox.jar
APP_JAR=examples/quarkus/target/quarkus-app/quarkus-run.jar
for f in "$SANDBOX_JAR" "$APP_JAR"; do
  [ -f "$f" ] || { echo "missing $f: run 'mvn -B -q install -DskipTests' first" >&2; exit 1; }
done

java -jar "$SANDBOX_JAR" --port 8089 --mode cloud &
SANDBOX_PID=$!
trap 'kill $SANDBOX_PID 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 50); do
  if (exec 3<>/dev/tcp/127.0.0.1/8089) 2>/dev/null; then break; fi
  sleep 0.2
done

cat <<'MSG'

== Sandbox Jira on http://127.0.0.1:8089, the example app on http://127.0.0.1:8080 (Ctrl-C stops both).
== Create an issue and watch the app acknowledge it:
   curl -u admin@example.com:sandbox-admin-token -H 'Content-Type: application/json' \
     -d '{"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Task"},"summary":"Printer on fire"}}' \
     http://127.0.0.1:8089/rest/api/2/issue
   curl -u admin@example.com:sandbox-admin-token http://127.0.0.1:8089/rest/api/2/issue/DEMO-1/comment

MSG
java -Dquarkus.profile=dev -jar "$APP_JAR"
