#!/usr/bin/env bash
# Tracker's attribution benchmark (issue #8), against a running Tracker and its database:
#
#   1. loads a tenant from a fixed seed (AttributionBenchData.java): 1,000,000 touchpoints, 50,000
#      conversions, 12 channels, over the 90 days up to today, with COPY;
#   2. rule-based credits: marks the converting visitors for the attribution worker and times until the
#      worker has attributed them all (every rule-based model) and the daily roll-up holds them (folded),
#      twice: a warm-up (the JIT compiling on a server just started), then, after the credits are reset
#      to what the load left, the measured run;
#   3. data-driven: asks for a run (POST /api/v1/attribution/data-driven) and prints its Markov and
#      Shapley fitting times and the whole run's time (reading journeys, fitting, storing credits);
#   4. report API latency, p50/p95/p99 over sequential requests (ReportLatency.java), for 30 and 90 days,
#      next to the trivial endpoint GET /v1/ping measured in the same run.
#
# Usage: tracker-launcher/bench/attribution-bench.sh
# Environment:
#   BENCH_BASE_URL  Tracker's base URL (default http://127.0.0.1:8080)
#   BENCH_DB        psql connection URI of Tracker's database as its owner
#                   (default postgresql://postgres@127.0.0.1:5432/tracker)
#   BENCH_SEED      the data's seed (default 20261205)
#   BENCH_REQUESTS  measured requests per endpoint (default 500), after BENCH_WARMUP (default 200)
# The stack must allow the requests: start it with TRACKER_RATE_CALLER_BURST and
# TRACKER_RATE_CALLER_PER_SECOND raised (e.g. 1000000), as for bench.sh. The tenant "Attribution bench"
# is deleted and made anew on every run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
base=${BENCH_BASE_URL:-http://127.0.0.1:8080}
db=${BENCH_DB:-postgresql://postgres@127.0.0.1:5432/tracker}
seed=${BENCH_SEED:-20261205}
requests=${BENCH_REQUESTS:-500}
warmup=${BENCH_WARMUP:-200}
tenant=attribution-bench

for tool in java psql curl; do
  command -v $tool >/dev/null || { echo "attribution-bench: $tool not found" >&2; exit 1; }
done
curl -fsS -o /dev/null "$base/v1/ping" || { echo "attribution-bench: $base/v1/ping does not answer: is Tracker running?" >&2; exit 1; }
sql() { psql "$db" -XAtqv ON_ERROR_STOP=1 "$@"; }
now_ms() { date +%s%3N; }
# Waits until none of these tables holds a row of the bench tenant; polled in one session (a psql per poll
# would cost the worker a good part of a core).
wait_empty() {
  local cond="" table
  for table in "$@"; do
    cond+="${cond:+ or }exists (select from $table where tenant_id = '$tenant')"
  done
  sql >/dev/null <<<"do \$\$ begin while $cond loop perform pg_sleep(0.05); end loop; end \$\$;"
}
today=$(date -u +%Y-%m-%d)

echo "== tenant $tenant: seed $seed, data up to $today (UTC)"
sql -v tenant="$tenant" >/dev/null <<'SQL'
delete from conversion_credit where tenant_id = :'tenant';
delete from data_driven_credit where tenant_id = :'tenant';
delete from credit_daily_delta where tenant_id = :'tenant';
delete from credit_daily where tenant_id = :'tenant';
delete from attribution_pending where tenant_id = :'tenant';
delete from conversion where tenant_id = :'tenant';
delete from touchpoint where tenant_id = :'tenant';
delete from visit_daily_delta where tenant_id = :'tenant';
delete from visit_daily where tenant_id = :'tenant';
delete from conversion_daily_delta where tenant_id = :'tenant';
delete from conversion_daily where tenant_id = :'tenant';
delete from conversion_action where tenant_id = :'tenant';
delete from api_key where tenant_id = :'tenant';
-- last before the tenant: the scheduler may queue a nightly run while the rows above go
delete from data_driven_run where tenant_id = :'tenant';
delete from tenant where id = :'tenant';
insert into agency (id, name) values ('attribution-bench-agency', 'Attribution bench agency') on conflict do nothing;
insert into tenant (id, agency_id, name, time_zone, currency, default_action_key)
values (:'tenant', 'attribution-bench-agency', 'Attribution bench', 'America/Chicago', 'USD', 'purchase');
insert into conversion_action (tenant_id, action_key, name, category, counting)
values (:'tenant', 'purchase', 'Purchase', 'MACRO', 'EVERY');
-- No nightly data-driven run in the middle of the measurements (a new tenant is due at once): the
-- scheduler sees today's run as asked for already.
insert into data_driven_run (tenant_id, reason, status, requested_at, finished_at, error)
values (:'tenant', 'SCHEDULE', 'FAILED', now(), now(), 'attribution-bench: no nightly run during the benchmark');
SQL
action_id=$(sql -v tenant="$tenant" <<<"select id from conversion_action where tenant_id = :'tenant' and action_key = 'purchase';")
api_key="trk_bench$(head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 32)"
sql -v tenant="$tenant" -v key="$api_key" >/dev/null <<'SQL'
insert into api_key (tenant_id, name, key_hash, key_prefix, scopes)
values (:'tenant', 'attribution bench', encode(sha256(convert_to(:'key', 'UTF8')), 'hex'), left(:'key', 8), 'READ,WRITE');
SQL

t0=$(now_ms)
java "$here/AttributionBenchData.java" touchpoints "$tenant" "$action_id" "$today" "$seed" \
  | sql -c "\copy touchpoint (tenant_id, event_id, visitor_id, occurred_at, channel, campaign, utm_source, utm_medium, way_in) from stdin with (format csv)"
t1=$(now_ms)
java "$here/AttributionBenchData.java" conversions "$tenant" "$action_id" "$today" "$seed" \
  | sql -c "\copy conversion (tenant_id, event_id, visitor_id, occurred_at, action_id, value, currency, order_id, way_in) from stdin with (format csv)"
t2=$(now_ms)
# As autovacuum does after a bulk insert (statistics, hint bits, visibility map), so that the worker's
# first reads do not also write every page the COPY left.
sql -c "vacuum (analyze) touchpoint, conversion" >/dev/null
read -r touchpoints conversions channels <<<"$(sql -F ' ' -v tenant="$tenant" <<<"select (select count(*) from touchpoint where tenant_id = :'tenant'), (select count(*) from conversion where tenant_id = :'tenant'), (select count(distinct channel) from touchpoint where tenant_id = :'tenant');")"
printf 'loaded %s touchpoints (%.1f s with generation) and %s conversions (%.1f s), %s channels\n' \
  "$touchpoints" "$(echo "($t1 - $t0) / 1000" | bc -l)" "$conversions" "$(echo "($t2 - $t1) / 1000" | bc -l)" "$channels"

echo "== rule-based credits through the attribution worker"
# Start from an idle worker (a fresh stack generates its demo data first).
for _ in $(seq 1 600); do
  [ "$(sql <<<"select count(*) from attribution_pending;")" = 0 ] && break
  sleep 1
done
# Marks every converting visitor and waits until no mark is left and the roll-up holds every credit (its
# deltas folded, V15); prints the milliseconds taken.
attribute_all() {
  local t0 t1
  t0=$(now_ms)
  sql -v tenant="$tenant" >/dev/null <<'SQL'
insert into attribution_pending (tenant_id, visitor_id) select distinct :'tenant', visitor_id from conversion where tenant_id = :'tenant';
SQL
  wait_empty attribution_pending credit_daily_delta
  t1=$(now_ms)
  echo $((t1 - t0))
}
report_rule_based() {
  local label=$1 ms=$2 credited rows seconds
  read -r credited rows <<<"$(sql -F ' ' -v tenant="$tenant" <<<"select count(*), sum(cardinality(model)) from conversion_credit where tenant_id = :'tenant';")"
  seconds=$(echo "$ms / 1000" | bc -l)
  printf '%s: %s conversions credited (%s credit rows, every rule-based model) in %.1f s: %.0f conversions/s\n' \
    "$label" "$credited" "$rows" "$seconds" "$(echo "$credited / $seconds" | bc -l)"
}
# The first run after a server starts also pays for the JIT compiling the worker's code on the same two
# cores (4 s more on the machine of the README's figures), so it is a warm-up: printed, then the tenant's
# credits and the conversions' visits and flags go back to what the load left, and the measured run
# credits every conversion anew, as the first run did, on a server that has done it once.
report_rule_based "warm-up (the first run on this server)" "$(attribute_all)"
sql -v tenant="$tenant" >/dev/null <<'SQL'
delete from conversion_credit where tenant_id = :'tenant';
update conversion set counted = true, visit_touchpoint_id = null, visit_at = null, first_of_visit = false
where tenant_id = :'tenant';
SQL
wait_empty credit_daily_delta conversion_daily_delta
sql -c "vacuum (analyze) conversion, conversion_credit, credit_daily, credit_daily_delta, conversion_daily, conversion_daily_delta" >/dev/null
report_rule_based "rule-based (target: 50,000 in < 10 s)" "$(attribute_all)"

echo "== data-driven run (markov, shapley)"
run=$(curl -fsS -X POST -H "Authorization: Bearer $api_key" "$base/api/v1/attribution/data-driven")
id=$(sed -E 's/.*"id":([0-9]+).*/\1/' <<<"$run")
status=queued
while [ "$status" = queued ] || [ "$status" = running ]; do
  sleep 0.5
  run=$(curl -fsS -H "Authorization: Bearer $api_key" "$base/api/v1/attribution/data-driven/$id")
  status=$(sed -E 's/.*"status":"([a-z]+)".*/\1/' <<<"$run")
done
echo "run $id: $run"
[ "$status" = succeeded ] && sql -v tenant="$tenant" -v id="$id" <<'SQL'
select format('markov fit %s ms (target < 2000 ms), shapley fit %s ms; whole run %s ms (read journeys, fit, store %s conversions'' credits)',
              markov_millis, shapley_millis, round(extract(epoch from finished_at - started_at) * 1000), conversions)
from data_driven_run where tenant_id = :'tenant' and id = :'id';
SQL

# The burst above left the roll-up tables and conversion with dead rows (folded deltas, replaced credits)
# that autovacuum removes within a minute of it; reports are measured as they are then. (A PostgreSQL run
# with autovacuum = off, as CI machines here are, would keep them: Tracker needs autovacuum, the default.)
# The roll-ups as they are seconds after a burst: the folder has moved their deltas (V14, V15, V16), the
# data-driven run's credits' too, before the vacuum.
wait_empty conversion_daily_delta credit_daily_delta visit_daily_delta
sql -c "vacuum (analyze) credit_daily, credit_daily_delta, conversion, conversion_credit, data_driven_credit, visit_daily, visit_daily_delta, conversion_daily, conversion_daily_delta" >/dev/null

echo "== report API latency: $requests sequential requests each after $warmup warm-up ones (target p95 < 20 ms)"
d30=$(date -u -d "$today - 29 days" +%Y-%m-%d)
d90=$(date -u -d "$today - 89 days" +%Y-%m-%d)
java "$here/ReportLatency.java" "$base" "$api_key" "$requests" "$warmup" \
  "/v1/ping" \
  "/api/v1/reports/attribution?model=linear&from=$d30&to=$today&dimension=channel" \
  "/api/v1/reports/attribution?model=linear&from=$d90&to=$today&dimension=channel" \
  "/api/v1/reports/attribution?model=last_touch&from=$d90&to=$today&dimension=campaign" \
  "/api/v1/reports/model-comparison?from=$d30&to=$today&dimension=channel" \
  "/api/v1/reports/model-comparison?from=$d90&to=$today&dimension=channel" \
  "/api/v1/reports/summary?from=$d30&to=$today" \
  "/api/v1/reports/summary?from=$d90&to=$today"
