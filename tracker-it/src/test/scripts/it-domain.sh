#!/usr/bin/env bash
# Starts and stops the Payara domain that the integration tests deploy to (tracker-it/pom.xml runs
# "start" in pre-integration-test and "stop" in post-integration-test).
#
#   start: stops a test domain left running by an aborted earlier run, recreates the test database
#          empty, then creates/configures/starts the domain with tracker-ear's setup-domain.sh.
#   stop:  stops the domain; its log stays in $DOMAINS_DIR/$DOMAIN_NAME/logs/server.log. When failsafe
#          recorded failures or errors (FAILSAFE_SUMMARY), prints the log's last SEVERE records first,
#          since in CI the log is gone with the clone.
#
# Environment (set by the pom): PAYARA_HOME DOMAINS_DIR DOMAIN_NAME PORT_BASE HTTP_PORT PG_JAR
#   SETUP_DOMAIN (path of setup-domain.sh) RESET_DATABASE (path of ResetDatabase.java)
#   FAILSAFE_SUMMARY (failsafe-summary.xml, read by "stop")
# Optional, to use another PostgreSQL server:
#   TRACKER_IT_DB_URL      default jdbc:postgresql://127.0.0.1:5432/tracker_it (dropped and recreated!)
#   TRACKER_IT_DB_USER     default postgres
#   TRACKER_IT_DB_PASSWORD default empty
set -euo pipefail

: "${PAYARA_HOME:?}" "${DOMAINS_DIR:?}" "${DOMAIN_NAME:?}" "${PORT_BASE:?}" "${HTTP_PORT:?}" "${PG_JAR:?}"
ADMIN_PORT=$((PORT_BASE + 48))
ASADMIN="$PAYARA_HOME/bin/asadmin"
SERVER_LOG="$DOMAINS_DIR/$DOMAIN_NAME/logs/server.log"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port_closed() {
  for _ in $(seq 1 30); do
    port_open "$1" || return 0
    sleep 1
  done
  return 1
}

stop_domain() {
  if [ -d "$DOMAINS_DIR/$DOMAIN_NAME" ]; then
    "$ASADMIN" --interactive=false stop-domain --domaindir "$DOMAINS_DIR" "$DOMAIN_NAME" >/dev/null 2>&1 || true
  fi
  if port_open "$ADMIN_PORT"; then
    # A test domain whose folder was deleted (mvn clean while it ran): ask it to stop over the admin REST API.
    curl -s -o /dev/null -X POST -H 'X-Requested-By: tracker-it' \
      "http://127.0.0.1:$ADMIN_PORT/management/domain/stop" || true
  fi
  wait_port_closed "$ADMIN_PORT"
}

start() {
  # The Maven unpacker may drop the executable bits of Payara's launch scripts.
  [ -x "$ASADMIN" ] || chmod +x "$PAYARA_HOME"/bin/* "$PAYARA_HOME"/glassfish/bin/*

  if ! stop_domain; then
    echo "it-domain: port $ADMIN_PORT is still in use by something that is not a stoppable test domain;" \
         "free it (ss -ltnp | grep $ADMIN_PORT) and run again" >&2
    exit 1
  fi
  # The domain keeps the ports it was created with: one made for other ports is made anew.
  local domain_xml="$DOMAINS_DIR/$DOMAIN_NAME/config/domain.xml"
  if [ -f "$domain_xml" ] && ! grep -Eq "<network-listener[^>]*port=\"$ADMIN_PORT\"[^>]*name=\"admin-listener\"" "$domain_xml"; then
    rm -rf "${DOMAINS_DIR:?}/${DOMAIN_NAME:?}"
  fi
  if port_open "$HTTP_PORT"; then
    echo "it-domain: HTTP port $HTTP_PORT is in use by another program (ss -ltnp | grep $HTTP_PORT)" >&2
    exit 1
  fi

  local db_url="${TRACKER_IT_DB_URL:-jdbc:postgresql://127.0.0.1:5432/tracker_it}"
  local db_user="${TRACKER_IT_DB_USER:-postgres}"
  local db_password="${TRACKER_IT_DB_PASSWORD:-}"
  java -cp "$PG_JAR" "${RESET_DATABASE:?}" "$db_url" "$db_user" "$db_password"

  # The domain inherits this environment: no demo tenant in tests (see DemoStartup).
  unset TRACKER_DEMO_API_KEY
  if ! DB_URL="$db_url" DB_USER="$db_user" DB_PASSWORD="$db_password" bash "${SETUP_DOMAIN:?}"; then
    echo "it-domain: setting up the domain failed; last lines of $SERVER_LOG:" >&2
    tail -n 40 "$SERVER_LOG" >&2 2>/dev/null || true
    stop_domain || true
    exit 1
  fi

  # A domain reused from an interrupted earlier run may still hold a test deployment; Arquillian
  # deploys under the same name, so clear the slate.
  local app
  for app in $("$ASADMIN" --port "$ADMIN_PORT" --interactive=false list-applications --terse 2>/dev/null \
      | awk '{print $1}' | grep -v -e '^Nothing' -e '^Command' || true); do
    "$ASADMIN" --port "$ADMIN_PORT" --interactive=false undeploy "$app" >/dev/null 2>&1 || true
  done
}

# Prints the last SEVERE records of the server log when the integration tests did not all pass.
report_failures() {
  local summary="${FAILSAFE_SUMMARY:-}"
  [ -f "$summary" ] && [ -f "$SERVER_LOG" ] || return 0
  if grep -qE '<(errors|failures)>[1-9]|timeout="true"' "$summary"; then
    echo "it-domain: integration tests failed; last SEVERE records of $SERVER_LOG:"
    awk '/^\[[0-9][0-9][0-9][0-9]-/ { keep = ($0 ~ /\[SEVERE\]/) } keep' "$SERVER_LOG" | tail -n 150
  fi
}

case "${1:-}" in
  start) start ;;
  stop)
    report_failures
    stop_domain || { echo "it-domain: the domain on admin port $ADMIN_PORT did not stop" >&2; exit 1; }
    echo "Payara domain $DOMAIN_NAME stopped; its log: $SERVER_LOG"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
