#!/usr/bin/env bash
# Starts or stops a local Keycloak (org.keycloak:keycloak-quarkus-dist, dev mode) with Tracker's
# realm imported. Used by ./run and by the integration tests (tracker-it); production deployments
# run their own Keycloak or OpenID Connect provider (see docker/).
#
#   keycloak.sh start    unpack (once), start in the background, wait until the realm answers
#   keycloak.sh stop     stop the Keycloak this script started (its whole process group)
#   keycloak.sh status   exit 0 and say so when it runs and the realm answers, else exit 3
#   keycloak.sh realm    print whether the imported realm matches the realm file and placeholder
#                        values now: "current", "changed" (re-import with "reset"), or "none"
#                        (nothing imported yet)
#   keycloak.sh reset    stop, then delete Keycloak's data (realm, users, sessions) so that the next
#                        start imports the realm file afresh; the admin password file is kept
#
# Environment:
#   KEYCLOAK_DIST      the keycloak-quarkus-dist .tar.gz (from the local Maven repository); start only
#   KEYCLOAK_HOME      folder to unpack into (keycloak-<version>/); the distribution's data/ holds the
#                      dev H2 database and survives restarts. Also holds keycloak.pid, keycloak.log,
#                      admin-password and realm-import.sha256
#   KC_HTTP_PORT       HTTP port (default 8180)
#   KC_HTTP_HOST       address to listen on (default 127.0.0.1: the demo passwords are public)
#   KC_HOSTNAME        the URL in tokens and links (default http://localhost:$KC_HTTP_PORT), so that the
#                      issuer is the same whether a client calls localhost or 127.0.0.1
#   REALM_FILE         realm to import on first start (default docker/keycloak/tracker-realm.json)
#   TRACKER_PUBLIC_URL, TRACKER_OIDC_CLIENT_SECRET, TRACKER_AUTOMATION_CLIENT_SECRET
#                      values for the realm file's placeholders (start; also realm)
#   KC_ADMIN_PASSWORD  password of Keycloak's bootstrap admin "admin" (default: generated once and kept
#                      in $KEYCLOAK_HOME/admin-password); applies when the master realm is created
#   KC_START_TIMEOUT   seconds to wait for the realm to answer (default 180)
#   JAVA_OPTS_APPEND   extra JVM options for Keycloak (default -XX:TieredStopAtLevel=1: the quick JIT
#                      only, which starts a development Keycloak in about 6 s instead of 9-12 s here)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../../.." && pwd)"
: "${KEYCLOAK_HOME:?}"
KC_HTTP_PORT="${KC_HTTP_PORT:-8180}"
REALM_FILE="${REALM_FILE:-$repo/docker/keycloak/tracker-realm.json}"
KC_START_TIMEOUT="${KC_START_TIMEOUT:-180}"
pid_file="$KEYCLOAK_HOME/keycloak.pid"
log_file="$KEYCLOAK_HOME/keycloak.log"
# Checksum of the realm file and the placeholder values it was imported with (Keycloak imports a
# realm only when it does not exist yet, so later changes need "reset").
import_record="$KEYCLOAK_HOME/realm-import.sha256"
realm_url="http://localhost:$KC_HTTP_PORT/realms/tracker/.well-known/openid-configuration"

answers() { curl -fsS -o /dev/null --max-time 3 "$realm_url" 2>/dev/null; }
running() { [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$KC_HTTP_PORT") 2>/dev/null; }

# The unpacked distribution of KEYCLOAK_DIST (its top folder, e.g. keycloak-26.4.7), else the one
# unpacked earlier; empty when there is none.
dist_dir() {
  local top=
  if [ -n "${KEYCLOAK_DIST:-}" ] && [ -f "$KEYCLOAK_DIST" ]; then
    top=$( (tar tzf "$KEYCLOAK_DIST" 2>/dev/null || true) | head -n 1 | cut -d/ -f1)
  fi
  if [ -n "$top" ]; then
    printf '%s' "$KEYCLOAK_HOME/$top"
  else
    find "$KEYCLOAK_HOME" -maxdepth 1 -type d -name 'keycloak-*' 2>/dev/null | sort | tail -n 1
  fi
}

realm_checksum() {
  { cat "$REALM_FILE"
    printf '\n%s\n%s\n%s\n' "${TRACKER_PUBLIC_URL:-}" "${TRACKER_OIDC_CLIENT_SECRET:-}" "${TRACKER_AUTOMATION_CLIENT_SECRET:-}"
  } | sha256sum | cut -d' ' -f1
}

imported() {
  local dir
  dir="$(dist_dir)"
  [ -n "$dir" ] && [ -d "$dir/data/h2" ]
}

realm_state() {
  if ! imported; then
    echo none
  elif [ ! -f "$import_record" ] || [ "$(cat "$import_record")" = "$(realm_checksum)" ]; then
    # Data from before this record existed is taken as current.
    echo current
  else
    echo changed
  fi
}

wait_until_answers() {
  local waited=0
  until answers; do
    if ! running; then
      echo "Keycloak exited during start-up; see $log_file" >&2
      tail -n 20 "$log_file" >&2 || true
      return 1
    fi
    if [ "$waited" -ge "$KC_START_TIMEOUT" ]; then
      echo "Keycloak did not answer on $realm_url within ${KC_START_TIMEOUT}s; see $log_file" >&2
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

start() {
  : "${KEYCLOAK_DIST:?}" "${TRACKER_PUBLIC_URL:?}" "${TRACKER_OIDC_CLIENT_SECRET:?}" "${TRACKER_AUTOMATION_CLIENT_SECRET:?}"
  if running; then
    # Started before (maybe still starting): wait for it rather than start a second one.
    wait_until_answers
    echo "Keycloak already running on port $KC_HTTP_PORT"
    return 0
  fi
  if port_open; then
    echo "port $KC_HTTP_PORT is in use by another program (set KC_HTTP_PORT to a free port)" >&2
    return 1
  fi
  [ -f "$KEYCLOAK_DIST" ] || { echo "no Keycloak distribution at $KEYCLOAK_DIST" >&2; return 1; }
  mkdir -p "$KEYCLOAK_HOME"
  local dir
  dir="$(dist_dir)"
  if [ ! -x "$dir/bin/kc.sh" ]; then
    tar xzf "$KEYCLOAK_DIST" -C "$KEYCLOAK_HOME"
    dir="$(dist_dir)"
    [ -x "$dir/bin/kc.sh" ] || { echo "$KEYCLOAK_DIST did not unpack to a Keycloak distribution" >&2; return 1; }
  fi
  local fresh=true
  imported && fresh=false
  if [ "$fresh" = false ] && [ "$(realm_state)" = changed ]; then
    echo "warning: the realm file or its placeholder values (public URL, client secrets) changed since" \
         "Keycloak imported the realm; Keycloak keeps the imported one. Re-import: keycloak.sh reset, then start" >&2
  fi
  mkdir -p "$dir/data/import"
  cp -f "$REALM_FILE" "$dir/data/import/tracker-realm.json"
  local admin_password="${KC_ADMIN_PASSWORD:-}"
  if [ -z "$admin_password" ]; then
    [ -s "$KEYCLOAK_HOME/admin-password" ] \
      || (umask 077 && od -An -N12 -tx1 /dev/urandom | tr -d ' \n' >"$KEYCLOAK_HOME/admin-password")
    admin_password="$(cat "$KEYCLOAK_HOME/admin-password")"
  fi
  # Own session, so a Ctrl-C meant for ./run does not reach Keycloak before ./run stops it in order.
  # The realm's placeholders are resolved from this environment at import.
  JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND--XX:TieredStopAtLevel=1}" \
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
    setsid nohup "$dir/bin/kc.sh" start-dev --http-port="$KC_HTTP_PORT" --http-host="${KC_HTTP_HOST:-127.0.0.1}" \
      --hostname="${KC_HOSTNAME:-http://localhost:$KC_HTTP_PORT}" --import-realm \
      --health-enabled=false >"$log_file" 2>&1 </dev/null &
  echo $! >"$pid_file"
  wait_until_answers
  if [ "$fresh" = true ]; then
    realm_checksum >"$import_record"
  fi
  echo "Keycloak running on port $KC_HTTP_PORT (realm tracker)"
}

stop() {
  if running; then
    local pid
    pid="$(cat "$pid_file")"
    # kc.sh runs java in the same session: end the whole process group.
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
    echo "Keycloak stopped"
  fi
  rm -f "$pid_file"
}

reset() {
  stop
  local data
  for data in "$KEYCLOAK_HOME"/keycloak-*/data; do
    [ -d "$data" ] && rm -rf "$data"
  done
  rm -f "$import_record"
  echo "Keycloak data deleted; the next start imports the realm afresh"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running && answers; then echo "Keycloak running on port $KC_HTTP_PORT"; else echo "Keycloak not running"; exit 3; fi ;;
  realm) realm_state ;;
  reset) reset ;;
  *) echo "usage: keycloak.sh start|stop|status|realm|reset" >&2; exit 2 ;;
esac
