# The tenant "Attribution bench" (1,000,000 touchpoints, 50,000 conversions, 12 channels over the 90 days up
# to today, from a fixed seed: AttributionBenchData.java), shared by attribution-bench.sh and
# dashboard-bench.sh. Sourced, not run: it defines functions and reads the caller's settings.
#
# The caller sets: here (this folder), base (Tracker's base URL), db (psql connection URI as the database's
# owner), seed, tenant, today (yyyy-mm-dd, UTC). bench_load sets action_id and api_key.

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

# Deletes the tenant with everything it holds and loads it anew (COPY), with an API key (api_key) for it.
bench_load() {
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
-- dashboard-bench.sh's signed-in user
delete from tenant_member where tenant_id = :'tenant';
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
  bench_api_key

  local t0 t1 t2 touchpoints conversions channels
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
}

# A new read-write API key of the tenant in api_key (only its hash is stored).
bench_api_key() {
  api_key="trk_bench$(head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 32)"
  sql -v tenant="$tenant" -v key="$api_key" >/dev/null <<'SQL'
insert into api_key (tenant_id, name, key_hash, key_prefix, scopes)
values (:'tenant', 'attribution bench', encode(sha256(convert_to(:'key', 'UTF8')), 'hex'), left(:'key', 8), 'READ,WRITE');
SQL
}

# Waits (up to 10 minutes) until the attribution worker is idle (a fresh stack generates its demo data first).
wait_worker_idle() {
  for _ in $(seq 1 600); do
    [ "$(sql <<<"select count(*) from attribution_pending;")" = 0 ] && return
    sleep 1
  done
}

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

# Asks for a data-driven run (Markov, Shapley) with api_key, waits for it and prints its times; status in
# data_driven_status.
data_driven_run() {
  local run id
  run=$(curl -fsS -X POST -H "Authorization: Bearer $api_key" "$base/api/v1/attribution/data-driven")
  id=$(sed -E 's/.*"id":([0-9]+).*/\1/' <<<"$run")
  data_driven_status=queued
  while [ "$data_driven_status" = queued ] || [ "$data_driven_status" = running ]; do
    sleep 0.5
    run=$(curl -fsS -H "Authorization: Bearer $api_key" "$base/api/v1/attribution/data-driven/$id")
    data_driven_status=$(sed -E 's/.*"status":"([a-z]+)".*/\1/' <<<"$run")
  done
  echo "run $id: $run"
  [ "$data_driven_status" = succeeded ] && sql -v tenant="$tenant" -v id="$id" <<'SQL'
select format('markov fit %s ms (target < 2000 ms), shapley fit %s ms; whole run %s ms (read journeys, fit, store %s conversions'' credits)',
              markov_millis, shapley_millis, round(extract(epoch from finished_at - started_at) * 1000), conversions)
from data_driven_run where tenant_id = :'tenant' and id = :'id';
SQL
  return 0
}

# The roll-ups as they are seconds after a burst: the folder has moved their deltas (V14, V15, V16), the
# data-driven run's credits' too; then vacuumed, as autovacuum does within a minute of it. (A PostgreSQL run
# with autovacuum = off, as CI machines here are, would keep the dead rows: Tracker needs autovacuum, the
# default.)
settle_rollups() {
  wait_empty conversion_daily_delta credit_daily_delta visit_daily_delta
  sql -c "vacuum (analyze) credit_daily, credit_daily_delta, conversion, conversion_credit, data_driven_credit, visit_daily, visit_daily_delta, conversion_daily, conversion_daily_delta" >/dev/null
}
