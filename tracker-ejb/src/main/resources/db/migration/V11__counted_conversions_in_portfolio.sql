-- Version 11 (issue #8, journeys): the agency portfolio counts only counted conversions, as
-- ReportService.kpis does. A conversion of a counting-"one" action that repeats an earlier one of the
-- same journey is kept with conversion.counted = false (set by attribution) and is not a conversion
-- in any total. Same function as V3 otherwise; create or replace keeps its owner and grants.
create or replace function agency_portfolio(p_agency_ids text[], p_days integer, p_now timestamptz)
    returns table (tenant_id text, name text, industry text, time_zone text, currency text,
                   touchpoints bigint, conversions bigint, revenue numeric)
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    with client as (
        select t.id, t.name, t.industry, t.time_zone, t.currency,
               (date_trunc('day', p_now at time zone t.time_zone) - (p_days - 1) * interval '1 day')
                   at time zone t.time_zone as period_start,
               (date_trunc('day', p_now at time zone t.time_zone) + interval '1 day')
                   at time zone t.time_zone as period_end
        from tenant t
        where t.agency_id = any(p_agency_ids)
    )
    select c.id, c.name, c.industry, c.time_zone, c.currency::text,
           (select count(*) from touchpoint p
            where p.tenant_id = c.id and p.occurred_at >= c.period_start and p.occurred_at < c.period_end),
           macro.conversions,
           macro.revenue
    from client c
    cross join lateral (
        select count(*) as conversions, coalesce(sum(v.value), 0) as revenue
        from conversion v
        join conversion_action a on a.tenant_id = v.tenant_id and a.id = v.action_id
        where v.tenant_id = c.id and a.category = 'MACRO' and v.counted
          and v.occurred_at >= c.period_start and v.occurred_at < c.period_end
    ) macro
    order by c.name, c.id
$$;
