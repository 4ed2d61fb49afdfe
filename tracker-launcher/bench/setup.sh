#!/usr/bin/env bash
# Prepares a running Tracker for bench.sh and durability.sh: finds the tenant of the API key (default:
# the demo tenant's key in .tracker/demo-api-key), gives it a website with a public site key (no consent
# required, domain shop.example) for the pixel and the beacon, and prints the variables to export:
#
#   eval "$(tracker-launcher/bench/setup.sh)"
#
# Works in SQL through psql as the database's owner (BENCH_DB, default
# postgresql://postgres@127.0.0.1:5432/tracker), as SiteService does it; running it again reuses the site.
# Without an API key it creates one (scopes read and write) for the tenant named BENCH_TENANT
# (default "Demo Outdoor Shop"). A tracked link for /c/{code}, where the links module exists, is made in
# the UI or the API; export its code as BENCH_LINK_CODE. For call tracking it adds a number pool and an
# offline number (see below).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
db=${BENCH_DB:-postgresql://postgres@127.0.0.1:5432/tracker}
api_key=${BENCH_API_KEY:-$(cat "$root/.tracker/demo-api-key" 2>/dev/null || true)}
sql() { psql "$db" -XAtqv ON_ERROR_STOP=1 "$@"; }

if [ -n "$api_key" ]; then
  tenant=$(sql -v key="$api_key" <<'SQL'
select tenant_id from api_key where key_hash = encode(sha256(convert_to(:'key', 'UTF8')), 'hex') and revoked_at is null;
SQL
)
  [ -n "$tenant" ] || { echo "setup: the API key is unknown or revoked in $db" >&2; exit 1; }
else
  name=${BENCH_TENANT:-Demo Outdoor Shop}
  tenant=$(sql -v name="$name" <<<"select id from tenant where name = :'name';")
  [ -n "$tenant" ] || { echo "setup: no tenant named '$name' in $db" >&2; exit 1; }
  api_key="trk_bench$(head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 32)"
  sql -v tenant="$tenant" -v key="$api_key" >/dev/null <<'SQL'
insert into api_key (tenant_id, name, key_hash, key_prefix, scopes)
values (:'tenant', 'bench', encode(sha256(convert_to(:'key', 'UTF8')), 'hex'), left(:'key', 8), 'READ,WRITE');
SQL
fi

site_key=$(sql -v tenant="$tenant" <<<"select site_key from site where tenant_id = :'tenant' and name = 'bench' limit 1;")
if [ -z "$site_key" ]; then
  site_key="site_bench$(head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 17)"
  sql -v tenant="$tenant" -v key="$site_key" >/dev/null <<'SQL'
insert into site (tenant_id, name, domains, site_key, consent_required)
values (:'tenant', 'bench', '{shop.example}', :'key', false);
SQL
fi

# Call tracking (targets dni and calls): a pool "bench" of BENCH_POOL_SIZE numbers (default 50, +1 800 555 3000
# upwards) swapping +1 800 555 2999, and an offline number +1 800 555 2998 for a campaign "bench radio".
pool_size=${BENCH_POOL_SIZE:-50}
sql -v tenant="$tenant" -v size="$pool_size" >/dev/null <<'SQL'
insert into number_pool (tenant_id, name, swap_target, fallback_number)
values (:'tenant', 'bench', '+18005552999', '+18005552999') on conflict do nothing;
insert into campaign (tenant_id, name, channel) values (:'tenant', 'bench radio', 'Radio') on conflict do nothing;
insert into tracking_number (tenant_id, number, forwards_to, kind, pool_id)
select :'tenant', '+1800555' || (3000 + g), '+18005552999', 'POOL',
       (select id from number_pool where tenant_id = :'tenant' and name = 'bench')
from generate_series(0, :size - 1) g
on conflict (number) do nothing;
insert into tracking_number (tenant_id, number, forwards_to, kind, campaign_id)
values (:'tenant', '+18005552998', '+18005552999', 'OFFLINE',
        (select id from campaign where tenant_id = :'tenant' and name = 'bench radio'))
on conflict (number) do nothing;
SQL

cat <<OUT
export BENCH_DB='$db'
export BENCH_API_KEY='$api_key'
export BENCH_SITE_KEY='$site_key'
export BENCH_CALL_NUMBER='+18005552998'
# tenant $tenant
OUT
