#!/usr/bin/env bash
# Tracker's collection benchmark: drives each way in with wrk on loopback, next to a trivial endpoint
# measured in the same run, and counts the rows PostgreSQL holds before and after each target, so the
# "durable" figure is what was committed, not what was answered. See README.md, "Speed".
#
# Usage: tracker-launcher/bench/bench.sh [-d 10s] [-w 0s] [-t 2] [-c 32] [target ...]
#   -w: a warm-up run of each target before it is measured (not counted)
#   targets (default: all, in this order): ping pixel link beacon events1 events500 segment dni calls
#   (dni: the tag's number requests, a new session each, against a pool of BENCH_POOL_SIZE numbers: first
#   every number is claimed, then every request skips the held ones to the fallback; calls: the call
#   webhook, a new call each to the offline number BENCH_CALL_NUMBER; both set up by setup.sh)
#
# Environment (bench/setup.sh prints these for a running stack):
#   BENCH_BASE_URL   Tracker's base URL (default http://127.0.0.1:8080)
#   BENCH_API_KEY    a write API key (trk_…) of the tenant (default: .tracker/demo-api-key)
#   BENCH_SITE_KEY   the public site key of a site of that tenant (pixel, beacon)
#   BENCH_LINK_CODE  code of a tracked link of that tenant (/c/{code}); absent: the link is skipped
#   BENCH_DB         psql connection URI of Tracker's database as its owner
#                    (default postgresql://postgres@127.0.0.1:5432/tracker)
#   BENCH_BATCH      events per batch request (default 500)
# The stack must allow the load: start it with TRACKER_RATE_CALLER_BURST and
# TRACKER_RATE_CALLER_PER_SECOND raised (e.g. 1000000), or the API answers 429 (counted as non-2xx).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

duration=10s warmup="" threads=2 connections=32
while getopts "d:w:t:c:" opt; do
  case $opt in
    d) duration=$OPTARG ;;
    w) warmup=$OPTARG ;;
    t) threads=$OPTARG ;;
    c) connections=$OPTARG ;;
    *) sed -n '2,20p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(ping pixel link beacon events1 events500 segment dni calls)

base=${BENCH_BASE_URL:-http://127.0.0.1:8080}
api_key=${BENCH_API_KEY:-$(cat "$root/.tracker/demo-api-key" 2>/dev/null || true)}
site_key=${BENCH_SITE_KEY:-}
link_code=${BENCH_LINK_CODE:-}
db=${BENCH_DB:-postgresql://postgres@127.0.0.1:5432/tracker}
batch=${BENCH_BATCH:-500}
run_id="b$(date +%s)$$"

command -v wrk >/dev/null || { echo "bench: wrk not found (Debian: apt-get install wrk)" >&2; exit 1; }
command -v psql >/dev/null || { echo "bench: psql not found (Debian: apt-get install postgresql-client)" >&2; exit 1; }
curl -fsS -o /dev/null "$base/v1/ping" || { echo "bench: $base/v1/ping does not answer: is Tracker running?" >&2; exit 1; }

# Rows in the tables a hit lands in; with an argument only those whose event id starts with it (the
# run's own: other writers, such as demo data being generated, do not count).
rows() {
  local where=""
  [ $# -gt 0 ] && where="where event_id like '$1%'"
  psql "$db" -XAtqc "select (select count(*) from touchpoint $where) + (select count(*) from conversion $where)
                          + (select count(*) from custom_event $where)"
}
rows >/dev/null || { echo "bench: cannot count rows through psql $db" >&2; exit 1; }
# dni: the holds and exhaustions its sessions left (visitor ids v-<prefix>…).
dni_rows() {
  psql "$db" -XAtqc "select (select count(*) from number_hold where visitor_id like 'v-$1%')
                          + (select count(*) from pool_exhaustion where visitor_id like 'v-$1%')"
}

# One request through curl; prints the HTTP status (000 when nothing answered).
probe() { curl -s -o /dev/null -w '%{http_code}' "$@" || true; }

now() { date -u +%Y-%m-%dT%H:%M:%SZ; }

# Is the target there and usable? Prints a reason to skip it, or nothing.
skip_reason() {
  local status
  case $1 in
    ping) ;;
    pixel)
      [ -n "$site_key" ] || { echo "no BENCH_SITE_KEY"; return; }
      status=$(probe "$base/p.gif?k=$site_key&type=page_view&id=$run_id-probe-p")
      [ "$status" = 200 ] || echo "GET /p.gif answered $status" ;;
    link)
      [ -n "$link_code" ] || { echo "no BENCH_LINK_CODE (create a tracked link first)"; return; }
      status=$(probe "$base/c/$link_code")
      [ "${status:0:1}" = 3 ] || echo "GET /c/$link_code answered $status" ;;
    beacon)
      [ -n "$site_key" ] || { echo "no BENCH_SITE_KEY"; return; }
      status=$(probe -X POST -H 'Content-Type: text/plain;charset=UTF-8' "$base/v1/collect" --data-binary \
        "{\"v\":1,\"site\":\"$site_key\",\"hits\":[{\"type\":\"page_view\",\"id\":\"$run_id-probe-b\",\"t\":\"$(now)\",\"consent\":\"none\",\"url\":\"https://shop.example/\"}]}")
      [ "${status:0:1}" = 2 ] || echo "POST /v1/collect answered $status" ;;
    events1 | events500)
      [ -n "$api_key" ] || { echo "no BENCH_API_KEY"; return; }
      status=$(probe -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $api_key" \
        "$base/api/v1/events" --data-binary \
        "{\"events\":[{\"event_id\":\"$run_id-probe-e\",\"type\":\"touchpoint\",\"timestamp\":\"$(now)\",\"visitor_id\":\"v-probe\"}]}")
      [ "$status" = 202 ] || echo "POST /api/v1/events answered $status" ;;
    dni)
      [ -n "$site_key" ] || { echo "no BENCH_SITE_KEY"; return; }
      status=$(probe "$base/api/v1/dni/number?site=$site_key&vid=v-$run_id-probe&sid=s-$run_id-probe&consent=granted")
      [ "$status" = 200 ] || echo "GET /api/v1/dni/number answered $status" ;;
    calls)
      [ -n "$api_key" ] && [ -n "${BENCH_CALL_NUMBER:-}" ] || { echo "no BENCH_API_KEY or BENCH_CALL_NUMBER"; return; }
      status=$(probe -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $api_key" \
        "$base/api/v1/calls" --data-binary \
        "{\"to\":\"$BENCH_CALL_NUMBER\",\"call_id\":\"$run_id-probe-c\",\"duration\":5,\"status\":\"missed\"}")
      [ "$status" = 201 ] || echo "POST /api/v1/calls answered $status" ;;
    segment)
      [ -n "$api_key" ] || { echo "no BENCH_API_KEY"; return; }
      status=$(probe -X POST -H 'Content-Type: application/json' -u "$api_key:" "$base/v1/batch" --data-binary \
        "{\"batch\":[{\"type\":\"track\",\"messageId\":\"$run_id-probe-s\",\"anonymousId\":\"a-probe\",\"event\":\"Probe\",\"timestamp\":\"$(now)\"}]}")
      [ "${status:0:1}" = 2 ] || echo "POST /v1/batch answered $status" ;;
    *) echo "unknown target" ;;
  esac
}

echo "Tracker collection benchmark $(now): $base, wrk -t$threads -c$connections -d$duration (warm-up ${warmup:-none}), $(nproc) cores," \
  "load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %11s %11s %12s %8s %8s %8s %9s  %s\n' target 'requests/s' 'events/s' 'durable ev/s' \
  'p50 ms' 'p99 ms' 'x ping' 'non-2xx' note
ping_rps=""
for target in "${targets[@]}"; do
  reason=$(skip_reason "$target")
  if [ -n "$reason" ]; then
    printf '%-10s %s\n' "$target" "skipped: $reason"
    continue
  fi
  per_request=1 path=/v1/ping auth=""
  case $target in
    link) path="/c/$link_code" ;;
    events1) auth="Bearer $api_key" ;;
    events500) auth="Bearer $api_key" per_request=$batch ;;
    segment) auth="Basic $(printf '%s:' "$api_key" | base64 -w0)" per_request=$batch ;;
    calls) auth="Bearer $api_key" ;;
  esac
  # The link's click ids are made by Tracker: count every new row for it (nothing else may write then).
  prefix="$run_id-$target-"
  [ "$target" = link ] && prefix=""
  [ "$target" = calls ] && prefix="call:$run_id-$target-" # the call's touchpoint: call:<provider call id>
  if [ -n "$warmup" ] && [ "$warmup" != 0 ] && [ "$warmup" != 0s ]; then
    BENCH_TARGET=$target BENCH_RUN="$run_id-warm-$target" BENCH_SITE="$site_key" BENCH_AUTH="$auth" \
      BENCH_PATH="$path" BENCH_BATCH="$batch" \
      wrk -t"$threads" -c"$connections" -d"$warmup" --timeout 10s -s "$here/bench.lua" "$base" >/dev/null 2>&1 || true
    sleep 1
  fi
  before=0
  [ -z "$prefix" ] && before=$(rows)
  out=$(BENCH_TARGET=$target BENCH_RUN="$run_id-$target" BENCH_SITE="$site_key" BENCH_AUTH="$auth" \
    BENCH_PATH="$path" BENCH_BATCH="$batch" \
    wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s -s "$here/bench.lua" "$base" 2>&1)
  sleep 1 # a request answered as wrk stopped has committed; one still in flight commits now
  if [ "$target" = dni ]; then after=$(dni_rows "$prefix"); elif [ -n "$prefix" ]; then after=$(rows "$prefix"); else after=$(rows); fi
  line=$(grep '^BENCH ' <<<"$out" || true)
  if [ -z "$line" ]; then
    printf '%-10s %s\n' "$target" "failed: $(tr '\n' ' ' <<<"$out" | cut -c1-200)"
    continue
  fi
  eval "$(sed 's/^BENCH //' <<<"$line")" # requests= duration_us= non2xx3xx= socket_errors= p50_us= p99_us= max_us=
  ok=$((requests - non2xx3xx))
  read -r rps eps durable p50 p99 <<<"$(awk -v r="$requests" -v ok="$ok" -v us="$duration_us" -v n="$per_request" \
    -v d=$((after - before)) -v a="$p50_us" -v b="$p99_us" \
    'BEGIN { s = us / 1e6; printf "%.0f %.0f %.0f %.1f %.1f", r / s, ok * n / s, d / s, a / 1000, b / 1000 }')"
  [ "$target" = ping ] && ping_rps=$rps
  ratio=-
  [ -n "$ping_rps" ] && [ "$target" != ping ] && ratio=$(awk -v a="$rps" -v b="$ping_rps" 'BEGIN { printf "%.2f", a / b }')
  note=""
  [ "$target" = ping ] && note="trivial endpoint, stores nothing"
  [ "$target" = dni ] && note="durable: holds + exhaustions stored"
  [ "$socket_errors" -gt 0 ] && note="$note socket errors: $socket_errors"
  [ "$non2xx3xx" -gt 0 ] && note="$note (non-2xx: rate limit? queue full?)"
  printf '%-10s %11s %11s %12s %8s %8s %8s %9s  %s\n' "$target" "$rps" "$eps" "$durable" "$p50" "$p99" "$ratio" \
    "$non2xx3xx" "$note"
done
