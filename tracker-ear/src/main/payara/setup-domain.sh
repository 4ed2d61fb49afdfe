#!/usr/bin/env bash
# Creates (once) and configures a Payara Server domain for Tracker, then leaves it running.
# Used by ./run, by the integration tests (tracker-it) and as the reference for docker/.
#
# Environment (all required unless a default is shown):
#   PAYARA_HOME        unpacked fish.payara.distributions:payara (the folder holding bin/asadmin)
#   DOMAIN_NAME        domain to create or reuse, e.g. tracker
#   PORT_BASE          Payara port base for the admin (base+48) and other ports (default 4800: admin 4848)
#   HTTP_PORT          HTTP listener port (default 8080)
#   DB_URL             JDBC URL of the PostgreSQL database, e.g. jdbc:postgresql://127.0.0.1:5432/tracker
#   DB_USER, DB_PASSWORD  database credentials (password may be empty)
#   PG_JAR             the org.postgresql:postgresql jar, installed into the domain's lib/
#   DOMAINS_DIR        where domains live (default $PAYARA_HOME/glassfish/domains)
set -euo pipefail

: "${PAYARA_HOME:?}" "${DOMAIN_NAME:?}" "${DB_URL:?}" "${DB_USER:?}" "${PG_JAR:?}"
PORT_BASE="${PORT_BASE:-4800}"
HTTP_PORT="${HTTP_PORT:-8080}"
ADMIN_PORT=$((PORT_BASE + 48))
DB_PASSWORD="${DB_PASSWORD:-}"
DOMAINS_DIR="${DOMAINS_DIR:-$PAYARA_HOME/glassfish/domains}"
ASADMIN=("$PAYARA_HOME/bin/asadmin" --port "$ADMIN_PORT" --interactive=false)

if [ ! -d "$DOMAINS_DIR/$DOMAIN_NAME" ]; then
  "$PAYARA_HOME/bin/asadmin" --interactive=false create-domain --nopassword --portbase "$PORT_BASE" \
    --domaindir "$DOMAINS_DIR" "$DOMAIN_NAME" >/dev/null
  # The driver sits next to the pool in the domain's lib/, not in the EAR.
  mkdir -p "$DOMAINS_DIR/$DOMAIN_NAME/lib"
fi
cp -f "$PG_JAR" "$DOMAINS_DIR/$DOMAIN_NAME/lib/postgresql.jar"

if ! "${ASADMIN[@]}" list-domains --domaindir "$DOMAINS_DIR" 2>/dev/null | grep -q "^$DOMAIN_NAME running"; then
  "${ASADMIN[@]}" start-domain --domaindir "$DOMAINS_DIR" "$DOMAIN_NAME" >/dev/null
fi

# asadmin property syntax: ':' separates properties, so ':' inside values is escaped.
esc() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g'; }

# Payara's pool refuses to connect without a password property; a server with trust
# authentication ignores the placeholder.
POOL_PROPERTIES="url=$(esc "$DB_URL"):user=$(esc "$DB_USER"):password=$(esc "${DB_PASSWORD:-unused}")"

# The pool is re-created each time so a changed URL or password takes effect.
"${ASADMIN[@]}" delete-jdbc-resource jdbc/tracker >/dev/null 2>&1 || true
"${ASADMIN[@]}" delete-jdbc-connection-pool tracker-pool >/dev/null 2>&1 || true
"${ASADMIN[@]}" create-jdbc-connection-pool \
  --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
  --steadypoolsize 4 --maxpoolsize 32 --isconnectvalidatereq true --validationmethod auto-commit \
  --property "$POOL_PROPERTIES" \
  tracker-pool >/dev/null
"${ASADMIN[@]}" create-jdbc-resource --connectionpoolid tracker-pool jdbc/tracker >/dev/null

# Times are instants: keep the JVM in UTC so no driver conversion depends on the host's zone.
"${ASADMIN[@]}" create-jvm-options '-Duser.timezone=UTC' >/dev/null 2>&1 || true
# The default of 5 HTTP worker threads is far too few for event ingestion.
"${ASADMIN[@]}" set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=64 >/dev/null
"${ASADMIN[@]}" set "configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1.port=$HTTP_PORT" >/dev/null

# JVM options and the listener port take effect on a restart; the pool does not need one.
"${ASADMIN[@]}" restart-domain --domaindir "$DOMAINS_DIR" "$DOMAIN_NAME" >/dev/null
"${ASADMIN[@]}" ping-connection-pool tracker-pool >/dev/null
echo "Payara domain $DOMAIN_NAME running: admin port $ADMIN_PORT, HTTP port $HTTP_PORT"
