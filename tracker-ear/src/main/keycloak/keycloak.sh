#!/usr/bin/env bash
# Starts or stops a local Keycloak (org.keycloak:keycloak-quarkus-dist, dev mode) with Tracker's
# realm imported. Used by ./run and by the integration tests (tracker-it); production deployments
# run their own Keycloak or OpenID Connect provider (see docker/).
#
#   keycloak.sh start | stop | status
#
# Environment:
#   KEYCLOAK_DIST      the keycloak-quarkus-dist .tar.gz (from the local Maven repository)
#   KEYCLOAK_HOME      folder to unpack into; its data/ (dev H2 database) survives restarts
#   KC_HTTP_PORT       HTTP port (default 8180)
#   REALM_FILE         realm to import on first start (default docker/keycloak/tracker-realm.json)
#   TRACKER_PUBLIC_URL, TRACKER_OIDC_CLIENT_SECRET, TRACKER_AUTOMATION_CLIENT_SECRET
#                      values for the realm file's placeholders
#   KC_ADMIN_PASSWORD  password of Keycloak's bootstrap admin "admin" (default: generated and kept)
#   KC_START_TIMEOUT   seconds to wait for the realm to answer (default 180)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../../.." && pwd)"
: "${KEYCLOAK_HOME:?}"
KC_HTTP_PORT="${KC_HTTP_PORT:-8180}"
REALM_FILE="${REALM_FILE:-$repo/docker/keycloak/tracker-realm.json}"
KC_START_TIMEOUT="${KC_START_TIMEOUT:-180}"
pid_file="$KEYCLOAK_HOME/keycloak.pid"
log_file="$KEYCLOAK_HOME/keycloak.log"
realm_url="http://localhost:$KC_HTTP_PORT/realms/tracker/.well-known/openid-configuration"

answers() { curl -fsS -o /dev/null --max-time 3 "$realm_url" 2>/dev/null; }
running() { [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; }

start() {
  : "${KEYCLOAK_DIST:?}" "${TRACKER_PUBLIC_URL:?}" "${TRACKER_OIDC_CLIENT_SECRET:?}" "${TRACKER_AUTOMATION_CLIENT_SECRET:?}"
  if running && answers; then
    echo "Keycloak already running on port $KC_HTTP_PORT"
    return 0
  fi
  mkdir -p "$KEYCLOAK_HOME"
  local dist_dir
  dist_dir="$(find "$KEYCLOAK_HOME" -maxdepth 1 -type d -name 'keycloak-*' | head -n 1)"
  if [ -z "$dist_dir" ]; then
    tar xzf "$KEYCLOAK_DIST" -C "$KEYCLOAK_HOME"
    dist_dir="$(find "$KEYCLOAK_HOME" -maxdepth 1 -type d -name 'keycloak-*' | head -n 1)"
  fi
  mkdir -p "$dist_dir/data/import"
  cp -f "$REALM_FILE" "$dist_dir/data/import/tracker-realm.json"
  local admin_password="${KC_ADMIN_PASSWORD:-}"
  if [ -z "$admin_password" ]; then
    [ -f "$KEYCLOAK_HOME/admin-password" ] || od -An -N12 -tx1 /dev/urandom | tr -d ' \n' > "$KEYCLOAK_HOME/admin-password"
    admin_password="$(cat "$KEYCLOAK_HOME/admin-password")"
  fi
  # Own session, so a Ctrl-C meant for ./run does not reach Keycloak before ./run stops it in order.
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
    setsid nohup "$dist_dir/bin/kc.sh" start-dev --http-port="$KC_HTTP_PORT" --import-realm \
      --health-enabled=false >"$log_file" 2>&1 </dev/null &
  echo $! > "$pid_file"
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
    sleep 2
    waited=$((waited + 2))
  done
  echo "Keycloak running on port $KC_HTTP_PORT (realm tracker)"
}

stop() {
  if running; then
    local pid
    pid="$(cat "$pid_file")"
    # kc.sh execs java in the same session: end the whole session group.
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

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running && answers; then echo "Keycloak running on port $KC_HTTP_PORT"; else echo "Keycloak not running"; exit 3; fi ;;
  *) echo "usage: keycloak.sh start|stop|status" >&2; exit 2 ;;
esac
