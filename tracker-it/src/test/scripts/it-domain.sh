#!/usr/bin/env bash
# Starts and stops the servers that the integration tests run against (tracker-it/pom.xml runs
# "start" in pre-integration-test and "stop" in post-integration-test): the Payara domain that the
# tests deploy to, and a Keycloak with Tracker's realm that the domain trusts for access tokens
# and browser sign-in.
#
#   start: stops a test domain and a test Keycloak left running by an aborted earlier run; starts a
#          fresh Keycloak (tracker-ear's keycloak.sh, in a just-emptied KEYCLOAK_HOME) in the
#          background; meanwhile recreates the test database empty and creates/configures/starts
#          the domain with tracker-ear's setup-domain.sh, its environment pointing Tracker at that
#          Keycloak; then waits until the Keycloak realm answers. Both start in parallel because
#          each takes long (Keycloak's first start about 50 s, the domain about 20 s).
#   stop:  stops the domain and Keycloak, each also when the other fails; their logs stay in
#          $DOMAINS_DIR/$DOMAIN_NAME/logs/server.log and $KEYCLOAK_HOME/keycloak.log. When failsafe
#          recorded failures or errors (FAILSAFE_SUMMARY), prints the server log's last SEVERE
#          records first, since in CI the log is gone with the clone.
#
# Environment (set by the pom): PAYARA_HOME DOMAINS_DIR DOMAIN_NAME PORT_BASE HTTP_PORT PG_JAR
#   SETUP_DOMAIN (path of setup-domain.sh) RESET_DATABASE (path of ResetDatabase.java)
#   FAILSAFE_SUMMARY (failsafe-summary.xml, read by "stop")
#   KEYCLOAK_SCRIPT (path of keycloak.sh) KEYCLOAK_DIST (keycloak-quarkus-dist .tar.gz)
#   KEYCLOAK_HOME (emptied at every start) KC_HTTP_PORT KC_ADMIN_PASSWORD (Keycloak's bootstrap admin)
#   TRACKER_PUBLIC_URL (the domain's base URL, http://localhost:$HTTP_PORT)
#   TRACKER_OIDC_CLIENT_SECRET TRACKER_AUTOMATION_CLIENT_SECRET (test-only client secrets)
# Optional, to use another PostgreSQL server:
#   TRACKER_IT_DB_URL      default jdbc:postgresql://127.0.0.1:5432/tracker_it (dropped and recreated!)
#   TRACKER_IT_DB_USER     default postgres (owns the database, runs Flyway; creates the role <database>_app
#                          that the application connects as, with a password generated per run)
#   TRACKER_IT_DB_PASSWORD default empty
set -euo pipefail

: "${PAYARA_HOME:?}" "${DOMAINS_DIR:?}" "${DOMAIN_NAME:?}" "${PORT_BASE:?}" "${HTTP_PORT:?}" "${PG_JAR:?}"
ADMIN_PORT=$((PORT_BASE + 48))
ASADMIN="$PAYARA_HOME/bin/asadmin"
SERVER_LOG="$DOMAINS_DIR/$DOMAIN_NAME/logs/server.log"
: "${KEYCLOAK_SCRIPT:?}" "${KEYCLOAK_HOME:?}" "${KC_HTTP_PORT:?}"
export KEYCLOAK_HOME KC_HTTP_PORT
# Written by the background start of Keycloak (outside KEYCLOAK_HOME, which it empties).
KEYCLOAK_START_LOG="$KEYCLOAK_HOME.start.log"
KEYCLOAK_START_STATUS="$KEYCLOAK_HOME.start.status"

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

stop_keycloak() {
  bash "$KEYCLOAK_SCRIPT" stop >/dev/null 2>&1 || true
  # A Keycloak of an aborted run whose KEYCLOAK_HOME (with its pid file) was deleted since, as by
  # "mvn clean": found by the home folder on its command line, so no other Keycloak is touched.
  local cmdline pid
  for cmdline in /proc/[0-9]*/cmdline; do
    if tr '\0' '\n' < "$cmdline" 2>/dev/null | grep -qF -- "-Dkc.home.dir=$KEYCLOAK_HOME/keycloak-"; then
      pid="${cmdline#/proc/}"
      pid="${pid%/cmdline}"
      kill -TERM "$pid" 2>/dev/null || true
    fi
  done
  wait_port_closed "$KC_HTTP_PORT"
}

# Starts a fresh Keycloak in the background; its output and exit status go to files, so that
# nothing holds Maven's output pipe open and wait_for_keycloak can report the outcome.
start_keycloak_in_background() {
  : "${KEYCLOAK_DIST:?}" "${TRACKER_PUBLIC_URL:?}" "${TRACKER_OIDC_CLIENT_SECRET:?}" \
    "${TRACKER_AUTOMATION_CLIENT_SECRET:?}" "${KC_ADMIN_PASSWORD:?}"
  if ! stop_keycloak; then
    echo "it-domain: port $KC_HTTP_PORT is still in use by something that is not this build's Keycloak;" \
         "free it (ss -ltnp | grep $KC_HTTP_PORT) and run again" >&2
    exit 1
  fi
  # A fresh realm every build: the import runs only into an empty Keycloak database.
  rm -rf "${KEYCLOAK_HOME:?}" "$KEYCLOAK_START_STATUS"
  mkdir -p "$KEYCLOAK_HOME"
  ( set +e
    bash "$KEYCLOAK_SCRIPT" start
    echo $? > "$KEYCLOAK_START_STATUS"
  ) >"$KEYCLOAK_START_LOG" 2>&1 </dev/null &
  KEYCLOAK_STARTER=$!
}

wait_for_keycloak() {
  wait "$KEYCLOAK_STARTER" || true
  if [ "$(cat "$KEYCLOAK_START_STATUS" 2>/dev/null)" != 0 ]; then
    echo "it-domain: Keycloak did not start:" >&2
    cat "$KEYCLOAK_START_LOG" >&2 || true
    tail -n 40 "$KEYCLOAK_HOME/keycloak.log" >&2 2>/dev/null || true
    return 1
  fi
  cat "$KEYCLOAK_START_LOG"
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

  local started=$SECONDS
  start_keycloak_in_background
  # Whatever fails from here on, no Keycloak is left behind (post-integration-test will not run).
  trap 'abandon_start' EXIT

  local db_url="${TRACKER_IT_DB_URL:-jdbc:postgresql://127.0.0.1:5432/tracker_it}"
  local db_user="${TRACKER_IT_DB_USER:-postgres}"
  local db_password="${TRACKER_IT_DB_PASSWORD:-}"
  # The application connects as <database>_app (no owner, no superuser: row-level security applies);
  # the admin user owns the database and runs Flyway through jdbc/tracker-migration.
  local db_name="${db_url##*/}"
  db_name="${db_name%%\?*}"
  local app_user="${db_name}_app" app_password
  app_password=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
  TRACKER_IT_DB_APP_PASSWORD="$app_password" java -cp "$PG_JAR" "${RESET_DATABASE:?}" "$db_url" "$db_user" "$db_password"

  # The domain inherits this environment: no demo tenant in tests (see DemoStartup); Tracker trusts
  # the test Keycloak's realm for API access tokens and signs browsers in through it.
  unset TRACKER_DEMO_API_KEY
  export TRACKER_OIDC_ISSUER="http://localhost:$KC_HTTP_PORT/realms/tracker"
  export TRACKER_OIDC_CLIENT_ID=tracker-web
  export TRACKER_OIDC_CLIENT_SECRET TRACKER_PUBLIC_URL
  if ! DB_URL="$db_url" DB_USER="$app_user" DB_PASSWORD="$app_password" DB_OWNER_USER="$db_user" \
      DB_OWNER_PASSWORD="$db_password" bash "${SETUP_DOMAIN:?}"; then
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

  local domain_ready=$((SECONDS - started))
  if ! wait_for_keycloak; then
    stop_domain || true
    exit 1
  fi
  trap - EXIT
  echo "it-domain: domain ready after ${domain_ready}s, Keycloak (started alongside) after $((SECONDS - started))s"
}

# The EXIT trap of a failed start: stops the Keycloak that is still starting in the background.
abandon_start() {
  wait "$KEYCLOAK_STARTER" 2>/dev/null || true
  stop_keycloak || true
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
    failed=0
    if stop_domain; then
      echo "Payara domain $DOMAIN_NAME stopped; its log: $SERVER_LOG"
    else
      echo "it-domain: the domain on admin port $ADMIN_PORT did not stop" >&2
      failed=1
    fi
    if stop_keycloak; then
      echo "Keycloak on port $KC_HTTP_PORT stopped; its log: $KEYCLOAK_HOME/keycloak.log"
    else
      echo "it-domain: Keycloak on port $KC_HTTP_PORT did not stop" >&2
      failed=1
    fi
    exit "$failed"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
