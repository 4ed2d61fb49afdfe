-- The dashboard's statements (README, "Speed of the dashboard"), each with EXPLAIN (ANALYZE, BUFFERS) over a
-- tenant's last 90 days, as DashboardBacking.load and the benchmark card run them. Read-only. Run as the
-- database owner:
--
--   psql "$BENCH_DB" -X -v tenant=attribution-bench -v zone=America/Chicago -v last=2026-12-06 \
--        -f tracker-launcher/bench/dashboard-sql.sql
--
-- One view of the dashboard runs (before the change of the README): kpis and activity for the period and the
-- comparison period, trend, attributionByModel (every model at once), funnel (its counts and kpis again),
-- the attribution lag, and the benchmark card (kpis again, its industry's rows, industry_peer_comparison).
\set ON_ERROR_STOP on
select :'tenant' as t, (date :'last' - 89) as first_day, date :'last' as last_day,
       tenant_day_start(date :'last' - 89, :'zone') as s, tenant_day_start(date :'last' + 1, :'zone') as e,
       (date :'last' - 179) as before_first, (date :'last' - 90) as before_last,
       tenant_day_start(date :'last' - 179, :'zone') as bs, tenant_day_start(date :'last' - 89, :'zone') as be,
       (select array_agg(id) from conversion_action where tenant_id = :'tenant' and category = 'MACRO') as macro,
       coalesce((select array_agg(id) from conversion_action where tenant_id = :'tenant' and category = 'MICRO'), '{}') as micro
\gset
\echo period :first_day .. :last_day in :zone, instants [:s, :e), macro actions :macro, micro :micro
-- the statements read as the application reads: under its role's row-level security
select set_config('app.tenant_id', :'t', false) \gset

\echo == kpis (ReportService.KPIS)
explain (analyze, buffers, costs off) select
    (select coalesce(sum(d.visits), 0) from visit_daily d where d.tenant_id = :'t' and d.day >= :'first_day' and d.day <= :'last_day')
    + (select coalesce(sum(d.visits), 0) from visit_daily_delta d where d.tenant_id = :'t'
       and d.minute_start >= :'s' and d.minute_start < :'e'),
    coalesce(sum(r.conversions), 0), coalesce(sum(r.value), 0),
    coalesce(sum(r.converted_visits) filter (where r.visit_in_period), 0) from (
    select d.conversions, d.value, d.converted_visits, d.visit_day >= :'first_day' as visit_in_period
    from conversion_daily d where d.tenant_id = :'t' and d.action_id = any(:'macro'::bigint[])
    and d.day >= :'first_day' and d.day <= :'last_day'
    union all select d.conversions, d.value, d.converted_visits, d.visit_minute_start >= :'s'
    from conversion_daily_delta d where d.tenant_id = :'t' and d.action_id = any(:'macro'::bigint[])
    and d.minute_start >= :'s' and d.minute_start < :'e') r;

\echo == activity (ReportService.activity)
explain (analyze, buffers, costs off) select
    (select coalesce(sum(d.conversions), 0) from conversion_daily d where d.tenant_id = :'t'
     and d.action_id = any(:'micro'::bigint[]) and d.day >= :'first_day' and d.day <= :'last_day')
    + (select coalesce(sum(d.conversions), 0) from conversion_daily_delta d where d.tenant_id = :'t'
       and d.action_id = any(:'micro'::bigint[]) and d.minute_start >= :'s' and d.minute_start < :'e'),
    (select count(*) from call k where k.tenant_id = :'t' and k.started_at >= :'s' and k.started_at < :'e');

\echo == trend (TrendService.DAYS)
explain (analyze, buffers, costs off) select day, sum(visits), sum(conversions), sum(value) from (
    select d.day, d.visits, 0::bigint as conversions, 0::numeric as value from visit_daily d
    where d.tenant_id = :'t' and d.day >= :'first_day' and d.day <= :'last_day'
    union all select tenant_local_date(d.minute_start, :'zone'), d.visits, 0, 0 from visit_daily_delta d
    where d.tenant_id = :'t' and d.minute_start >= :'s' and d.minute_start < :'e'
    union all select d.day, 0, d.conversions, d.value from conversion_daily d
    where d.tenant_id = :'t' and d.action_id = any(:'macro'::bigint[]) and d.day >= :'first_day' and d.day <= :'last_day'
    union all select tenant_local_date(d.minute_start, :'zone'), 0, d.conversions, d.value
    from conversion_daily_delta d where d.tenant_id = :'t' and d.action_id = any(:'macro'::bigint[])
    and d.minute_start >= :'s' and d.minute_start < :'e') x group by day;

\echo == attributionByModel, every model, by channel (ReportService.reports)
explain (analyze, buffers, costs off) select model, value::text, sum(conversions), sum(revenue) from (
    select model, channel as value, conversions, revenue, credits from credit_daily
    where tenant_id = :'t' and model = any('{last_touch,first_touch,linear,position_based,time_decay,markov,shapley}'::text[])
    and action_id = any(:'macro'::bigint[]) and day >= :'first_day' and day <= :'last_day' and (null::text is null or channel = null)
    union all select model, channel as value, conversions, revenue, credits from credit_daily_delta
    where tenant_id = :'t' and model = any('{last_touch,first_touch,linear,position_based,time_decay,markov,shapley}'::text[])
    and action_id = any(:'macro'::bigint[]) and day >= :'first_day' and day <= :'last_day' and (null::text is null or channel = null)
    ) r group by model, value having sum(credits) > 0;

\echo == attributionByModel, every model, by campaign
explain (analyze, buffers, costs off) select model, value::text, sum(conversions), sum(revenue) from (
    select model, campaign as value, conversions, revenue, credits from credit_daily
    where tenant_id = :'t' and model = any('{last_touch,first_touch,linear,position_based,time_decay,markov,shapley}'::text[])
    and action_id = any(:'macro'::bigint[]) and day >= :'first_day' and day <= :'last_day'
    union all select model, campaign as value, conversions, revenue, credits from credit_daily_delta
    where tenant_id = :'t' and model = any('{last_touch,first_touch,linear,position_based,time_decay,markov,shapley}'::text[])
    and action_id = any(:'macro'::bigint[]) and day >= :'first_day' and day <= :'last_day'
    ) r group by model, value having sum(credits) > 0;

\echo == funnel counts (FunnelService.COUNTS)
explain (analyze, buffers, costs off) select action_id, sum(conversions) from (
    select d.action_id, d.conversions from conversion_daily d where d.tenant_id = :'t' and d.day >= :'first_day' and d.day <= :'last_day'
    union all select d.action_id, d.conversions from conversion_daily_delta d where d.tenant_id = :'t'
    and d.minute_start >= :'s' and d.minute_start < :'e') x group by action_id;

\echo == attribution lag (AttributionQueue.tenantLag)
explain (analyze, buffers, costs off) select count(*), coalesce(extract(epoch from now() - min(marked_at))::double precision, 0)
    from attribution_pending where tenant_id = :'t';

\echo == benchmark card: peers (industry_peer_comparison, V22)
explain (analyze, buffers, costs off) select peers, median, below, equal from industry_peer_comparison(:'t', :'first_day', :'last_day');
