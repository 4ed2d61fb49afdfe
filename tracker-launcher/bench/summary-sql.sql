-- The summary's SQL before V14 and since V16, timed in psql on a tenant's last 30 days (README, "Speed of
-- attribution"). Read-only. Run as the database owner, on a database at V16 or later:
--
--   psql "$BENCH_DB" -X -v tenant=attribution-bench -v zone=America/Chicago -v last=2026-12-04 \
--        -f tracker-launcher/bench/summary-sql.sql
--
-- Prints the figures both ways (they must be equal) and each query's time, every query run five times
-- (the first runs pay for the session's catalog caches; read the later ones).
\set ON_ERROR_STOP on
\timing off
select :'tenant' as t, (date :'last' - 29) as first_day, date :'last' as last_day,
       tenant_day_start(date :'last' - 29, :'zone') as s, tenant_day_start(date :'last' + 1, :'zone') as e,
       (select array_agg(id) from conversion_action where tenant_id = :'tenant' and category = 'MACRO') as macro
\gset
\echo period :first_day .. :last_day in :zone, instants [:s, :e), macro actions :macro

-- before V14 (ReportService.kpis then): three statements on the raw tables
prepare touchpoints_before as select count(*) from touchpoint where tenant_id = :'t' and occurred_at >= :'s' and occurred_at < :'e';
prepare conversions_before as select count(*), coalesce(sum(value), 0) from conversion where tenant_id = :'t'
    and occurred_at >= :'s' and occurred_at < :'e' and counted and action_id = any(:'macro'::bigint[]);
prepare converted_before as select count(distinct v.id) from conversion k
    cross join lateral (select t.id, t.occurred_at from touchpoint t where t.tenant_id = k.tenant_id
                        and t.visitor_id = k.visitor_id and t.occurred_at <= k.occurred_at
                        order by t.occurred_at desc, t.id desc limit 1) v
    where k.tenant_id = :'t' and k.occurred_at >= :'s' and k.occurred_at < :'e' and k.counted
      and k.action_id = any(:'macro'::bigint[]) and k.visitor_id is not null and v.occurred_at >= :'s';
-- since V16 (ReportService.KPIS): one statement on the roll-ups of visits and conversions
prepare kpis_after as select
    (select coalesce(sum(d.visits), 0) from visit_daily d where d.tenant_id = :'t' and d.day >= :'first_day' and d.day <= :'last_day')
    + (select coalesce(sum(d.visits), 0) from visit_daily_delta d where d.tenant_id = :'t'
       and d.minute_start >= :'s' and d.minute_start < :'e') as visits,
    coalesce(sum(r.conversions), 0) as conversions, coalesce(sum(r.value), 0) as revenue,
    coalesce(sum(r.converted_visits) filter (where r.visit_in_period), 0) as converted_visits
    from (select d.conversions, d.value, d.converted_visits, d.visit_day >= :'first_day' as visit_in_period
          from conversion_daily d where d.tenant_id = :'t' and d.action_id = any(:'macro'::bigint[])
            and d.day >= :'first_day' and d.day <= :'last_day'
          union all
          select d.conversions, d.value, d.converted_visits, d.visit_minute_start >= :'s'
          from conversion_daily_delta d where d.tenant_id = :'t' and d.action_id = any(:'macro'::bigint[])
            and d.minute_start >= :'s' and d.minute_start < :'e') r;

\timing on
execute touchpoints_before; execute touchpoints_before; execute touchpoints_before; execute touchpoints_before; execute touchpoints_before;
execute conversions_before; execute conversions_before; execute conversions_before; execute conversions_before; execute conversions_before;
execute converted_before; execute converted_before; execute converted_before; execute converted_before; execute converted_before;
execute kpis_after; execute kpis_after; execute kpis_after; execute kpis_after; execute kpis_after;
