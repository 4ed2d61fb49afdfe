#!/usr/bin/env bash
# Durability check: "killing PostgreSQL or Payara during a load loses no acknowledged event and doubles
# none". Sends single events with unique ids at a steady rate (DurabilityLoad.java, retrying
# unacknowledged ones with the same id as a client should), meanwhile
#   1. terminates the application's PostgreSQL backends (pg_terminate_backend of every connection of
#      the application role) at 10 s, and again at 20 s;
#   2. kill -9's Payara at 30 s and restarts it (./run -d, the EAR already built);
# afterwards checks that every acknowledged event id is stored exactly once and none twice.
#
# Usage: tracker-launcher/bench/durability.sh [-r events/s] [-s seconds of new events]
# Environment: as bench.sh (BENCH_BASE_URL, BENCH_API_KEY, BENCH_DB), and
#   BENCH_APP_ROLE        the application's database role (default: <database>_app)
#   BENCH_PAYARA_PIDFILE  Payara's pid file (default: .tracker/domains/tracker/config/pid)
#   BENCH_RESTART         command that starts Payara again (default: TRACKER_SKIP_BUILD=1 ./run -d, run in
#                         the repository with this shell's environment: give it the variables the stack
#                         was started with)
# The API's per-key rate limit (default 100 requests/s) holds the load below it unless raised.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rate=50 seconds=90
while getopts "r:s:" opt; do
  case $opt in
    r) rate=$OPTARG ;;
    s) seconds=$OPTARG ;;
    *) sed -n '2,20p' "$0" >&2; exit 2 ;;
  esac
done
base=${BENCH_BASE_URL:-http://127.0.0.1:8080}
api_key=${BENCH_API_KEY:-$(cat "$root/.tracker/demo-api-key" 2>/dev/null || true)}
db=${BENCH_DB:-postgresql://postgres@127.0.0.1:5432/tracker}
dbname=$(psql "$db" -XAtqc "select current_database()")
app_role=${BENCH_APP_ROLE:-${dbname}_app}
pidfile=${BENCH_PAYARA_PIDFILE:-$root/.tracker/domains/tracker/config/pid}
restart=${BENCH_RESTART:-cd "$root" && TRACKER_SKIP_BUILD=1 ./run -d}
run_id="dur$(date +%s)"
out="$root/target/durability/$run_id"
mkdir -p "$out"
[ -n "$api_key" ] || { echo "durability: no BENCH_API_KEY" >&2; exit 1; }
[ -f "$pidfile" ] || { echo "durability: no Payara pid file $pidfile" >&2; exit 1; }

log() { echo "$(date -u +%T) $*"; }
terminate_backends() {
  local n
  n=$(psql "$db" -XAtqc "select count(pg_terminate_backend(pid)) from pg_stat_activity
                         where usename = '$app_role' and datname = current_database()")
  log "terminated $n PostgreSQL backends of $app_role"
}

log "load: $rate events/s for $seconds s, run $run_id, output $out"
java "$here/DurabilityLoad.java" "$base" "$api_key" "$rate" "$seconds" "$out" "$run_id" >"$out/load.log" 2>&1 &
load=$!
sleep 10; terminate_backends
sleep 10; terminate_backends
sleep 10
payara=$(cat "$pidfile")
log "kill -9 Payara (pid $payara)"
kill -9 "$payara"
sleep 2
log "restarting Payara: $restart"
started=$(date +%s)
bash -c "$restart" >"$out/restart.log" 2>&1 || { log "restart failed, see $out/restart.log"; }
log "Payara back after $(( $(date +%s) - started )) s"
log "waiting for the load to finish (it retries what was not acknowledged)"
wait "$load" || true
grep DURABILITY-LOAD "$out/load.log" | tail -2

psql "$db" -XAtqc "copy (select event_id, count(*) from touchpoint where event_id like '$run_id-%'
                    group by event_id order by event_id) to stdout" >"$out/stored.txt"
sort -u "$out/acked.txt" >"$out/acked.sorted"
sent=$(wc -l <"$out/sent.txt")
acked=$(wc -l <"$out/acked.sorted")
stored=$(wc -l <"$out/stored.txt")
doubled=$(awk -F'\t' '$2 > 1' "$out/stored.txt" | wc -l)
cut -f1 "$out/stored.txt" | sort >"$out/stored.ids"
lost=$(comm -23 "$out/acked.sorted" "$out/stored.ids" | wc -l)
unacked_stored=$(comm -13 "$out/acked.sorted" "$out/stored.ids" | wc -l)
echo "DURABILITY sent=$sent acknowledged=$acked stored=$stored acknowledged_but_missing=$lost" \
  "stored_twice_or_more=$doubled stored_without_acknowledgement=$unacked_stored"
if [ "$lost" -eq 0 ] && [ "$doubled" -eq 0 ]; then
  echo "DURABILITY OK: every acknowledged event is stored exactly once"
else
  echo "DURABILITY FAILED: see $out"; exit 1
fi
