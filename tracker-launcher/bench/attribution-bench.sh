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
today=$(date -u +%Y-%m-%d)
# sql, wait_empty, bench_load, wait_worker_idle, attribute_all, report_rule_based, data_driven_run, settle_rollups
. "$here/bench-tenant.sh"

bench_load

echo "== rule-based credits through the attribution worker"
# Start from an idle worker (a fresh stack generates its demo data first).
wait_worker_idle
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
data_driven_run

# The burst above left the roll-up tables and conversion with dead rows (folded deltas, replaced credits)
# that autovacuum removes within a minute of it; reports are measured as they are then.
settle_rollups

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
