#!/usr/bin/env bash
# Tracker's dashboard benchmark (issue #12: "a tenant with 1 million touchpoints gets its dashboard in under
# 300 ms server time"), against a running Tracker, its database and its Keycloak:
#
#   1. the tenant "Attribution bench" of attribution-bench.sh (1,000,000 touchpoints, 50,000 conversions,
#      12 channels over 90 days; bench-tenant.sh): reused when it is complete (every conversion credited,
#      a succeeded data-driven run, nothing waiting for the worker), else loaded, attributed by the worker
#      (every rule-based model) and given a data-driven run (Markov, Shapley), as attribution-bench.sh does;
#      then its roll-ups' deltas folded and vacuumed; it gets an industry so that the dashboard's benchmark
#      card runs its peer comparison too;
#   2. a Keycloak user of its own (dashboard-bench@tracker.example, made or given a new password through
#      Keycloak's admin REST API with the admin password ./run generated) as the tenant's viewer (an
#      invitation by e-mail, bound at sign-in: its only tenant, so the one selected);
#   3. signs in as a browser does, with curl and a cookie jar: opens the dashboard, follows the redirects
#      to Keycloak's login form, posts the user name and password to the form's action and follows the
#      redirects back to the dashboard;
#   4. requests the dashboard one at a time (PageLatency.java): 30 and 90 days, last touch by channel, and
#      90 days linear by campaign; printing p50/p95/p99/max of the server time (the Server-Timing header's
#      app entry, see ServerTimingFilter) and of the client's time, next to GET /v1/ping and the public
#      landing page (a trivial Faces page) measured the same way in the same run.
#
# Usage: tracker-launcher/bench/dashboard-bench.sh
# Environment:
#   BENCH_BASE_URL  Tracker's base URL for the API and the ping (default http://127.0.0.1:8080)
#   BENCH_UI_URL    Tracker's public URL (TRACKER_PUBLIC_URL), where Keycloak sends the browser back after
#                   the sign-in (default: BENCH_BASE_URL with localhost for 127.0.0.1, as ./run's default)
#   BENCH_KEYCLOAK_URL  the local Keycloak (default http://localhost:8180)
#   BENCH_KEYCLOAK_ADMIN_PASSWORD_FILE  its admin's password (default .tracker/keycloak/admin-password)
#   BENCH_DB        psql connection URI of Tracker's database as its owner
#                   (default postgresql://postgres@127.0.0.1:5432/tracker)
#   BENCH_SEED      the data's seed when it is loaded (default 20261205)
#   BENCH_RELOAD    1: load the tenant anew even if it is complete
#   BENCH_REQUESTS  measured requests per page (default 200), after BENCH_WARMUP (default 50)
# The stack must allow the data-driven run's API calls when the tenant is loaded: start it with
# TRACKER_RATE_CALLER_BURST and TRACKER_RATE_CALLER_PER_SECOND raised (e.g. 1000000), as for bench.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
base=${BENCH_BASE_URL:-http://127.0.0.1:8080}
ui=${BENCH_UI_URL:-${base/127.0.0.1/localhost}}
keycloak=${BENCH_KEYCLOAK_URL:-http://localhost:8180}
admin_password_file=${BENCH_KEYCLOAK_ADMIN_PASSWORD_FILE:-$root/.tracker/keycloak/admin-password}
db=${BENCH_DB:-postgresql://postgres@127.0.0.1:5432/tracker}
seed=${BENCH_SEED:-20261205}
requests=${BENCH_REQUESTS:-200}
warmup=${BENCH_WARMUP:-50}
tenant=attribution-bench
user=dashboard-bench@tracker.example
industry="Consumer goods"

for tool in java psql curl bc; do
  command -v $tool >/dev/null || { echo "dashboard-bench: $tool not found" >&2; exit 1; }
done
curl -fsS -o /dev/null "$base/v1/ping" || { echo "dashboard-bench: $base/v1/ping does not answer: is Tracker running?" >&2; exit 1; }
[ -r "$admin_password_file" ] || { echo "dashboard-bench: no Keycloak admin password in $admin_password_file" >&2; exit 1; }
today=$(date -u +%Y-%m-%d)
# sql, wait_empty, bench_load, bench_api_key, wait_worker_idle, attribute_all, data_driven_run, settle_rollups
. "$here/bench-tenant.sh"

echo "== tenant $tenant"
read -r touchpoints conversions credited pending data_driven first last <<<"$(sql -F ' ' -v tenant="$tenant" <<'SQL'
select (select count(*) from touchpoint where tenant_id = :'tenant'),
       (select count(*) from conversion where tenant_id = :'tenant'),
       (select count(*) from conversion_credit where tenant_id = :'tenant'),
       (select count(*) from attribution_pending where tenant_id = :'tenant'),
       (select count(*) from data_driven_run where tenant_id = :'tenant' and status = 'SUCCEEDED'),
       (select coalesce(min(occurred_at)::date::text, '-') from touchpoint where tenant_id = :'tenant'),
       (select coalesce(max(occurred_at)::date::text, '-') from touchpoint where tenant_id = :'tenant');
SQL
)"
if [ "${BENCH_RELOAD:-}" != 1 ] && [ "$touchpoints" = 1000000 ] && [ "$conversions" = 50000 ] \
  && [ "$credited" = "$conversions" ] && [ "$pending" = 0 ] && [ "$data_driven" -gt 0 ]; then
  echo "reused: $touchpoints touchpoints ($first to $last, UTC), $conversions conversions, all credited, a data-driven run"
else
  echo "found $touchpoints touchpoints, $conversions conversions, $credited credited, $pending waiting, $data_driven data-driven runs: loading it"
  bench_load
  wait_worker_idle
  report_rule_based "rule-based credits" "$(attribute_all)"
  echo "== data-driven run (markov, shapley)"
  data_driven_run
  [ "$data_driven_status" = succeeded ] || { echo "dashboard-bench: the data-driven run did not succeed" >&2; exit 1; }
fi
settle_rollups
sql -v tenant="$tenant" -v industry="$industry" >/dev/null <<<"update tenant set industry = :'industry' where id = :'tenant';"
read -r credit_rows visit_rows conversion_rows <<<"$(sql -F ' ' -v tenant="$tenant" <<<"select (select count(*) from credit_daily where tenant_id = :'tenant'), (select count(*) from visit_daily where tenant_id = :'tenant'), (select count(*) from conversion_daily where tenant_id = :'tenant');")"
echo "roll-ups: credit_daily $credit_rows rows, visit_daily $visit_rows, conversion_daily $conversion_rows (deltas folded)"

echo "== Keycloak user $user, viewer of $tenant"
admin_token=$(curl -fsS "$keycloak/realms/master/protocol/openid-connect/token" -d grant_type=password \
  -d client_id=admin-cli -d username=admin --data-urlencode "password=$(cat "$admin_password_file")" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
password="bench-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
users="$keycloak/admin/realms/tracker/users"
id=$(curl -fsS -H "Authorization: Bearer $admin_token" "$users?username=$user&exact=true" \
  | { grep -o '"id":"[^"]*"' || true; } | head -1 | sed -E 's/"id":"([^"]*)"/\1/')
if [ -z "$id" ]; then
  curl -fsS -o /dev/null -H "Authorization: Bearer $admin_token" -H "Content-Type: application/json" "$users" -d \
    "{\"username\":\"$user\",\"email\":\"$user\",\"emailVerified\":true,\"firstName\":\"Dashboard\",\"lastName\":\"Bench\",\"enabled\":true,\"credentials\":[{\"type\":\"password\",\"value\":\"$password\",\"temporary\":false}]}"
  echo "made the user"
else
  curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $admin_token" -H "Content-Type: application/json" \
    "$users/$id/reset-password" -d "{\"type\":\"password\",\"value\":\"$password\",\"temporary\":false}"
  echo "the user exists: new password"
fi
# An invitation by e-mail, bound to the user's subject at its first sign-in (a re-made user is a new subject).
sql -v tenant="$tenant" -v email="$user" >/dev/null <<'SQL'
delete from tenant_member where email = :'email';
insert into tenant_member (tenant_id, email, role) values (:'tenant', :'email', 'VIEWER');
SQL

echo "== signing in through Keycloak's login form"
jar=$(mktemp)
form=$(mktemp)
trap 'rm -f "$jar" "$form"' EXIT
dashboard="$ui/app/dashboard.xhtml"
curl -fsS -L -c "$jar" -b "$jar" -o "$form" "$dashboard?range=last_30_days"
action=$(grep -o '<form[^>]*id="kc-form-login"[^>]*>' "$form" | grep -o 'action="[^"]*"' | sed -E 's/action="(.*)"/\1/; s/&amp;/\&/g')
[ -n "$action" ] || { echo "dashboard-bench: no Keycloak login form at the end of $dashboard's redirects" >&2; exit 1; }
landed=$(curl -sS -L -c "$jar" -b "$jar" -o "$form" -w '%{http_code} %{url_effective}' \
  --data-urlencode "username=$user" --data-urlencode "password=$password" --data-urlencode "credentialId=" "$action")
grep -q 'report-body' "$form" && grep -q 'Attribution bench' "$form" \
  || { echo "dashboard-bench: signing in ended at $landed without the bench tenant's figures" >&2; exit 1; }
echo "signed in: $landed"

echo "== dashboard: $requests sequential requests each after $warmup warm-up ones (target: server time < 300 ms)"
java "$here/PageLatency.java" "$ui" "$jar" "$requests" "$warmup" \
  "/v1/ping" \
  "anon:/app/welcome.xhtml" \
  "/app/dashboard.xhtml?range=last_30_days&model=last_touch|report-body" \
  "/app/dashboard.xhtml?range=last_90_days&model=last_touch|report-body" \
  "/app/dashboard.xhtml?range=last_90_days&model=linear&dimension=campaign|report-body"
