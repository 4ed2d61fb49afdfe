#!/usr/bin/env bash
# Speed of the offline conversion import (POST /api/v1/imports/offline-conversions) on a running Tracker,
# next to the trivial endpoint measured in the same run (machines are noisy: compare the ratio).
#
#   tracker-launcher/bench/offline-import-bench.sh [ROWS]      (default 20000)
#
# Makes a CSV of ROWS sales of the tenant of BENCH_API_KEY (default: the demo key in .tracker/demo-api-key):
# half carry a gclid of one of the tenant's stored touchpoints (read through psql, BENCH_DB, default
# postgresql://postgres@127.0.0.1:5432/tracker), a quarter only an e-mail, a quarter nothing. Uploads it once
# (everything new: matched, hashed, stored) and again (everything a duplicate), and prints rows per second of
# each next to the median of 50 calls of GET /v1/ping. BASE (default http://localhost:8080).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows=${1:-20000}
base=${BASE:-http://localhost:8080}
db=${BENCH_DB:-postgresql://postgres@127.0.0.1:5432/tracker}
key=${BENCH_API_KEY:-$(cat "$root/.tracker/demo-api-key")}
tenant=$(psql "$db" -XAtq -v key="$key" <<'SQL'
select tenant_id from api_key where key_hash = encode(sha256(convert_to(:'key', 'UTF8')), 'hex') and revoked_at is null;
SQL
)
[ -n "$tenant" ] || { echo "offline-import-bench: unknown API key" >&2; exit 1; }
action=$(psql "$db" -XAtq -v t="$tenant" <<<"select default_action_key from tenant where id = :'t';")
file=$(mktemp --suffix=.csv)
trap 'rm -f "$file"' EXIT
run=$(date +%s)
psql "$db" -XAtq -v t="$tenant" -v n="$rows" -v action="$action" -v run="$run" > "$file" <<'SQL'
with clicks as (select gclid, occurred_at, row_number() over () as k from touchpoint
                where tenant_id = :'t' and gclid is not null and occurred_at > now() - interval '25 days' limit 5000),
     c as (select count(*) as n from clicks)
select 'order_id,time,value,currency,action,gclid,email,store_id'
union all
select * from (
  select format('B%s-%s,%s,%s,,%s,%s,%s,store-1', :'run', i,
                to_char((coalesce(k.occurred_at, now() - interval '2 days') + interval '1 hour') at time zone 'UTC',
                        'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                (10 + i % 90)::text || '.50', :'action',
                case when i % 2 = 0 then k.gclid else '' end,
                case when i % 4 = 1 then 'buyer' || i || '@example.com' else '' end)
  from generate_series(1, :n) as i
  cross join c
  left join clicks k on c.n > 0 and k.k = 1 + i % c.n) r;
SQL
post() {
  curl -sS -o /tmp/offline-bench-answer.json -w '%{http_code} %{time_total}' -H "Authorization: Bearer $key" \
    -H 'Content-Type: text/csv' --data-binary @"$file" "$base/api/v1/imports/offline-conversions"
}
seconds() { # the time of a 2xx answer; anything else stops the bench (a refused upload measures nothing)
  case "$1" in 2??\ *) echo "${1#* }" ;; *) echo "offline-import-bench: upload answered ${1%% *}: $(head -c 300 /tmp/offline-bench-answer.json)" >&2; exit 1 ;; esac
}
ping_ms=$(for _ in $(seq 50); do curl -sS -o /dev/null -w '%{time_total}\n' "$base/v1/ping"; done \
  | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)] * 1000}')
first=$(seconds "$(post)"); first_answer=$(head -c 300 /tmp/offline-bench-answer.json)
again=$(seconds "$(post)"); again_answer=$(head -c 200 /tmp/offline-bench-answer.json)
awk -v r="$rows" -v f="$first" -v a="$again" -v p="$ping_ms" 'BEGIN {
  printf "%-34s %10s %12s %14s\n", "upload", "seconds", "rows/s", "× ping";
  printf "%-34s %10.2f %12.0f %14.0f\n", "new rows (match, hash, store)", f, r / f, f * 1000 / p;
  printf "%-34s %10.2f %12.0f %14.0f\n", "the same again (all duplicates)", a, r / a, a * 1000 / p;
  printf "ping median %.2f ms\n", p }'
echo "first answer: $first_answer"
echo "second answer: $again_answer"
