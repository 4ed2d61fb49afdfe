#!/usr/bin/env bash
# Creates (once) and configures a Payara Server domain for Tracker, then leaves it running.
# Used by ./run, by the integration tests (tracker-it) and as the reference for docker/
# (docker/post-boot-commands.asadmin holds the same settings).
#
# Environment (all required unless a default is shown):
#   PAYARA_HOME        unpacked fish.payara.distributions:payara (the folder holding bin/asadmin)
#   DOMAIN_NAME        domain to create or reuse, e.g. tracker
#   PORT_BASE          Payara port base, used when the domain is created: admin port = base+48
#                      (default 4800: admin 4848); an existing domain keeps the ports it was made with
#   HTTP_PORT          HTTP listener port (default 8080)
#   DB_URL             JDBC URL of the PostgreSQL database, e.g. jdbc:postgresql://127.0.0.1:5432/tracker
#   DB_USER, DB_PASSWORD  credentials of the application's role (jdbc/tracker, pool tracker-pool): not the
#                      owner of the tables, no superuser, no BYPASSRLS, so row-level security applies
#   DB_OWNER_USER, DB_OWNER_PASSWORD  credentials of the schema's owner (jdbc/tracker-migration, pool
#                      tracker-migration-pool), used only by the start-up migration (default: DB_USER/DB_PASSWORD,
#                      which Tracker then refuses to start with)
#   PG_JAR             the org.postgresql:postgresql jar, installed into the domain's lib/
#   DOMAINS_DIR        where domains live (default $PAYARA_HOME/glassfish/domains)
#
# The domain process inherits this script's environment when the script starts it (that is how
# TRACKER_DEMO_API_KEY, TRACKER_OIDC_* and other MicroProfile Config values reach the application).
# A running domain keeps the environment it was started with, so the script records a checksum of
# the TRACKER_* variables it started the domain with (with the domain's process id, in
# config/tracker-env.sha256) and restarts a running domain whose record differs, or that it did not
# start itself.
#
# Idempotent: only what differs from the wanted state is changed, and the domain is restarted only
# when a change needs it (other TRACKER_* values, a new driver jar or JVM option on a domain that
# already ran; the listener port, the thread pool and the JDBC pool change live). Exit status is
# non-zero, with asadmin's message on stderr, when a step fails or the pool cannot reach the database.
set -euo pipefail

: "${PAYARA_HOME:?}" "${DOMAIN_NAME:?}" "${DB_URL:?}" "${DB_USER:?}" "${PG_JAR:?}"
PORT_BASE="${PORT_BASE:-4800}"
HTTP_PORT="${HTTP_PORT:-8080}"
ADMIN_PORT=$((PORT_BASE + 48))
DB_PASSWORD="${DB_PASSWORD:-}"
DB_OWNER_USER="${DB_OWNER_USER:-$DB_USER}"
DB_OWNER_PASSWORD="${DB_OWNER_PASSWORD:-$DB_PASSWORD}"
DOMAINS_DIR="${DOMAINS_DIR:-$PAYARA_HOME/glassfish/domains}"
ASADMIN=("$PAYARA_HOME/bin/asadmin" --port "$ADMIN_PORT" --interactive=false)
DOMAIN_DIR="$DOMAINS_DIR/$DOMAIN_NAME"

POOL=tracker-pool
RESOURCE=jdbc/tracker
MIGRATION_POOL=tracker-migration-pool
MIGRATION_RESOURCE=jdbc/tracker-migration
LISTENER=configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1
THREADS=configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size
JVM_OPTIONS=configs.config.server-config.java-config.jvm-options
# Times are instants: keep the JVM in UTC so no driver conversion depends on the host's zone.
WANTED_JVM_OPTIONS=(-Duser.timezone=UTC)
# The default of 5 HTTP worker threads is far too few for event ingestion.
WANTED_THREADS=64

# Runs asadmin quietly; on failure shows its output and stops the script.
run_asadmin() {
  local out
  if ! out=$("${ASADMIN[@]}" "$@" 2>&1); then
    printf 'setup-domain.sh: asadmin %s failed:\n%s\n' "$1" "$out" >&2
    exit 1
  fi
}

domain_running() {
  "${ASADMIN[@]}" list-domains --domaindir "$DOMAINS_DIR" 2>/dev/null | grep -q "^$DOMAIN_NAME running"
}

# What the running domain's environment must match: its process id and the TRACKER_* variables.
ENV_RECORD="$DOMAIN_DIR/config/tracker-env.sha256"
env_checksum() { env | grep '^TRACKER_' | LC_ALL=C sort | sha256sum | cut -d' ' -f1; }
env_record() { printf '%s %s' "$(cat "$DOMAIN_DIR/config/pid" 2>/dev/null)" "$(env_checksum)"; }

if [ ! -d "$DOMAIN_DIR" ]; then
  mkdir -p "$DOMAINS_DIR"
  "$PAYARA_HOME/bin/asadmin" --interactive=false create-domain --nopassword --portbase "$PORT_BASE" \
    --domaindir "$DOMAINS_DIR" "$DOMAIN_NAME" >/dev/null
  # JVM options apply only when the JVM starts: written into the new, never started domain's
  # domain.xml (as Payara's own Docker image does), they save a restart right after the first start.
  # Checked below like on any domain, so a miss here only costs that restart.
  for option in "${WANTED_JVM_OPTIONS[@]}"; do
    sed -i.orig "s|</java-config>|<jvm-options>$option</jvm-options></java-config>|" "$DOMAIN_DIR/config/domain.xml"
  done
  rm -f "$DOMAIN_DIR/config/domain.xml.orig"
fi

# The driver sits next to the pool in the domain's lib/, not in the EAR; the common class loader
# reads it at start-up, so a changed jar needs a restart of a running domain.
need_restart=false
mkdir -p "$DOMAIN_DIR/lib"
if ! cmp -s "$PG_JAR" "$DOMAIN_DIR/lib/postgresql.jar"; then
  cp -f "$PG_JAR" "$DOMAIN_DIR/lib/postgresql.jar"
  need_restart=true
fi

if domain_running; then
  started=false
  if [ "$(cat "$ENV_RECORD" 2>/dev/null)" != "$(env_record)" ]; then
    need_restart=true
  fi
else
  run_asadmin start-domain --domaindir "$DOMAINS_DIR" "$DOMAIN_NAME"
  started=true
  need_restart=false
fi

# Read the current settings in one asadmin call (a missing pool only makes its line fail).
current=$(printf '%s\n' \
  "get $JVM_OPTIONS" \
  "get $LISTENER.port" \
  "get $THREADS" \
  "get resources.jdbc-connection-pool.$POOL.property.*" \
  "get resources.jdbc-resource.$RESOURCE.pool-name" \
  "get resources.jdbc-connection-pool.$MIGRATION_POOL.property.*" \
  "get resources.jdbc-resource.$MIGRATION_RESOURCE.pool-name" \
  | "${ASADMIN[@]}" multimode 2>/dev/null || true)
current_value() { printf '%s\n' "$current" | sed -n "s|^$1=||p" | head -n 1; }

jvm_options=",$(current_value "$JVM_OPTIONS"),"
for option in "${WANTED_JVM_OPTIONS[@]}"; do
  if [[ "$jvm_options" != *",$option,"* ]]; then
    run_asadmin create-jvm-options "$option"
    need_restart=true
  fi
done

# Both take effect at once, without a restart.
if [ "$(current_value "$THREADS")" != "$WANTED_THREADS" ]; then
  run_asadmin set "$THREADS=$WANTED_THREADS"
fi
if [ "$(current_value "$LISTENER.port")" != "$HTTP_PORT" ]; then
  run_asadmin set "$LISTENER.port=$HTTP_PORT"
fi

# Creates or re-creates pool $1 with resource $2 for user $3 / password $4 when they differ.
ensure_pool() {
  local pool=$1 resource=$2 user=$3
  # Payara's pool refuses to connect without a password property; a server with trust
  # authentication ignores the placeholder.
  local password="${4:-unused}"
  if [ "$(current_value "resources.jdbc-connection-pool.$pool.property.url")" != "$DB_URL" ] \
    || [ "$(current_value "resources.jdbc-connection-pool.$pool.property.user")" != "$user" ] \
    || [ "$(current_value "resources.jdbc-connection-pool.$pool.property.password")" != "$password" ] \
    || [ "$(current_value "resources.jdbc-resource.$resource.pool-name")" != "$pool" ]; then
    # asadmin property syntax: ':' separates properties, so ':' (and '=' and '\') inside values are escaped.
    esc() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g'; }
    # Re-created as a whole so a changed URL, user or password takes effect without a restart.
    "${ASADMIN[@]}" delete-jdbc-resource "$resource" >/dev/null 2>&1 || true
    "${ASADMIN[@]}" delete-jdbc-connection-pool "$pool" >/dev/null 2>&1 || true
    run_asadmin create-jdbc-connection-pool \
      --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
      --steadypoolsize "$5" --maxpoolsize "$6" --isconnectvalidatereq true --validationmethod auto-commit \
      --property "url=$(esc "$DB_URL"):user=$(esc "$user"):password=$(esc "$password")" \
      "$pool"
    run_asadmin create-jdbc-resource --connectionpoolid "$pool" "$resource"
  fi
}
ensure_pool "$POOL" "$RESOURCE" "$DB_USER" "$DB_PASSWORD" 4 32
# Used once per deployment, by the schema migration only.
ensure_pool "$MIGRATION_POOL" "$MIGRATION_RESOURCE" "$DB_OWNER_USER" "$DB_OWNER_PASSWORD" 0 4

if [ "$need_restart" = true ]; then
  # Not restart-domain: the server relaunches itself then, with its old environment.
  run_asadmin stop-domain --domaindir "$DOMAINS_DIR" "$DOMAIN_NAME"
  run_asadmin start-domain --domaindir "$DOMAINS_DIR" "$DOMAIN_NAME"
fi
env_record >"$ENV_RECORD"
run_asadmin ping-connection-pool "$POOL"
run_asadmin ping-connection-pool "$MIGRATION_POOL"
state=$([ "$started" = true ] && echo "started" || echo "running")
[ "$need_restart" = true ] && state="restarted"
echo "Payara domain $DOMAIN_NAME $state: admin port $ADMIN_PORT, HTTP port $HTTP_PORT"
