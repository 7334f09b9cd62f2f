#!/usr/bin/env bash
# Runs one Camel Main example against the offline sandbox, in one command:
#   examples/run-example.sh yaml-routes | java-producer | named-connections
# Builds what is missing (mvn package from the project root, never install), starts the sandbox Jira Cloud on 8089
# (and, for named-connections, a sandbox Jira Data Center on 8090) unless something already listens there, runs the
# example's jar in the foreground, and stops the sandboxes it started on exit (Ctrl-C).
# Environment variables reach the example unchanged (JIRA_URL=..., SYNC_POLL_INTERVAL=2s, ...; see its README).
set -euo pipefail
cd "$(dirname "$0")/.."

name="${1:-}"
case "$name" in
  yaml-routes) artifact=jira-yaml-routes-example ;;
  java-producer) artifact=jira-java-producer-example ;;
  named-connections) artifact=jira-named-connections-example ;;
  *) echo "usage: $0 yaml-routes|java-producer|named-connections" >&2; exit 2 ;;
esac

SANDBOX_JAR=src/sandbox/target/jira-sandbox.jar
APP_JAR="examples/$name/target/$artifact.jar"
if [ ! -f "$SANDBOX_JAR" ] || [ ! -f "$APP_JAR" ]; then
  echo "== building examples/$name (mvn -B -q -pl examples/$name -am package -DskipTests)"
  mvn -B -q -pl "examples/$name" -am package -DskipTests
fi

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_sandbox() { # port mode
  if listening "$1"; then
    echo "== port $1 is in use: using what listens there as the $2 Jira"
    return
  fi
  java -jar "$SANDBOX_JAR" --port "$1" --mode "$2" > "/tmp/jira-sandbox-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 50); do listening "$1" && break; sleep 0.2; done
  echo "== sandbox Jira ($2) on http://127.0.0.1:$1 (log /tmp/jira-sandbox-$1.log)"
}

start_sandbox 8089 cloud
if [ "$name" = named-connections ]; then
  start_sandbox 8090 server
fi

cat <<'MSG'
== Try it (admin@example.com / sandbox-admin-token; Zendesk agent@example.com/token:sandbox-zendesk-token):
   curl -u admin@example.com:sandbox-admin-token -H 'Content-Type: application/json' \
     -d '{"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Task"},"summary":"Printer on fire"}}' \
     http://127.0.0.1:8089/rest/api/2/issue
   curl -u agent@example.com/token:sandbox-zendesk-token -H 'Content-Type: application/json' \
     -d '{"ticket":{"subject":"Projector flickers","comment":{"body":"Room 4.12"}}}' \
     http://127.0.0.1:8089/api/v2/tickets.json
MSG
if [ "$name" = named-connections ]; then
  echo "   (named-connections: its Zendesk is the Data Center sandbox's, port 8090; label a Data Center issue"
  echo "    share-with-cloud to see it copied to Cloud: \"labels\":[\"share-with-cloud\"] on port 8090)"
fi
java -jar "$APP_JAR"
