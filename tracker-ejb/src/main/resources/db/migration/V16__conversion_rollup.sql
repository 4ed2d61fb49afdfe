-- Version 16 (issue #8, speed of the summary). Since V14 the summary (ReportService.kpis) read visits from
-- a roll-up but still read the period's conversions themselves: their count, value and distinct visits.
-- On the benchmark tenant (50,000 conversions) that was 32 ms at p95 over 30 days and 39 ms over 90,
-- against 20 ms. Distinct visits do not add up day by day, so this version makes them additive:
--
-- * conversion.first_of_visit marks, among the counted conversions of macro actions that share a visit
--   (conversion.visit_touchpoint_id), the earliest (by time, then id). A period's converted visits (the
--   distinct visits of its counted macro conversions that lie in the period too) are then exactly its
--   marked conversions whose visit is in the period: a visit is never after its conversions, so when
--   one of them is in the period and the visit is too, the earliest is in the period as well. Kept by
--   the attribution worker with each conversion's visit and counting, and by a change of an action's
--   category, through conversion_first_of_visit_mark().
-- * conversion_daily: per tenant, action, tenant-local day of the conversion and day of its visit, the
--   counted conversions, their value and the marked ones (converted visits). Kept like visit_daily
--   (V14): statement triggers on conversion append their sums per UTC minute to conversion_daily_delta
--   (no tenant or zone read on the collection path), conversion_daily_fold() moves them into
--   conversion_daily every few seconds, readers add the unfolded deltas of the period in the same
--   statement, and a time zone change rebuilds the tenant's days.

alter table conversion add column first_of_visit boolean not null default false;

-- Counted conversions per action and tenant-local day. visit_day is the day of the visit of the
-- converted visits counted in the row; rows without any have visit_day = day. A period's converted
-- visits are the rows' converted_visits with visit_day in the period (day in the period too).
create table conversion_daily (
    tenant_id        text    not null references tenant (id),
    action_id        bigint  not null,
    day              date    not null,
    visit_day        date    not null,
    conversions      bigint  not null,
    value            numeric not null,
    converted_visits bigint  not null,
    primary key (tenant_id, action_id, day, visit_day)
);

-- What a statement on conversion added (positive) or removed (negative), per UTC minute of the
-- conversions (minute_start) and, for marked ones, of their visits (visit_minute_start, else null),
-- until folded. No unique key and no foreign key, as visit_daily_delta; the same caveat for zones with
-- seconds in their offset.
create table conversion_daily_delta (
    tenant_id          text        not null,
    action_id          bigint      not null,
    minute_start       timestamptz not null,
    visit_minute_start timestamptz,
    conversions        bigint      not null,
    value              numeric     not null,
    converted_visits   bigint      not null
);
create index conversion_daily_delta_tenant_idx on conversion_daily_delta (tenant_id, minute_start);
alter table conversion_daily_delta set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000,
                                        autovacuum_vacuum_cost_delay = 0);

create policy tenant_isolation on conversion_daily
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table conversion_daily enable row level security;
create policy tenant_isolation on conversion_daily_delta
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table conversion_daily_delta enable row level security;

-- One function for the three triggers: each statement's counted conversions summed per tenant, action
-- and UTC minute (and the visit's minute of marked ones), in one insert. The collection core and the
-- event store write a batch in one statement, so this runs once per batch. An update adds its new rows
-- and takes away its old ones in one sum, so one that changes none of these figures (the worker storing
-- the visit of an unmarked conversion) appends nothing.
create function conversion_daily_delta_added()
    returns trigger
    language plpgsql
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
begin
    if tg_op = 'INSERT' then
        insert into conversion_daily_delta (tenant_id, action_id, minute_start, visit_minute_start, conversions,
                                            value, converted_visits)
        select n.tenant_id, n.action_id, date_bin('1 minute', n.occurred_at, timestamptz '2000-01-01 00:00:00+00'),
               date_bin('1 minute', n.visit_at, timestamptz '2000-01-01 00:00:00+00'),
               count(*), coalesce(sum(n.value), 0), count(n.visit_at)
        from (select tenant_id, action_id, occurred_at, value, case when first_of_visit then visit_at end as visit_at
              from new_conversions where counted) n
        group by 1, 2, 3, 4;
    elsif tg_op = 'DELETE' then
        insert into conversion_daily_delta (tenant_id, action_id, minute_start, visit_minute_start, conversions,
                                            value, converted_visits)
        select o.tenant_id, o.action_id, date_bin('1 minute', o.occurred_at, timestamptz '2000-01-01 00:00:00+00'),
               date_bin('1 minute', o.visit_at, timestamptz '2000-01-01 00:00:00+00'),
               -count(*), -coalesce(sum(o.value), 0), -count(o.visit_at)
        from (select tenant_id, action_id, occurred_at, value, case when first_of_visit then visit_at end as visit_at
              from old_conversions where counted) o
        group by 1, 2, 3, 4;
    else
        insert into conversion_daily_delta (tenant_id, action_id, minute_start, visit_minute_start, conversions,
                                            value, converted_visits)
        select m.tenant_id, m.action_id, date_bin('1 minute', m.occurred_at, timestamptz '2000-01-01 00:00:00+00'),
               date_bin('1 minute', m.visit_at, timestamptz '2000-01-01 00:00:00+00'),
               sum(m.n), sum(m.n * m.value), coalesce(sum(m.n) filter (where m.visit_at is not null), 0)
        from (select tenant_id, action_id, occurred_at, coalesce(value, 0) as value,
                     case when first_of_visit then visit_at end as visit_at, 1 as n
              from new_conversions where counted
              union all
              select tenant_id, action_id, occurred_at, coalesce(value, 0),
                     case when first_of_visit then visit_at end, -1
              from old_conversions where counted) m
        group by 1, 2, 3, 4
        having sum(m.n) <> 0 or sum(m.n * m.value) <> 0;
    end if;
    return null;
end
$$;

create trigger conversion_daily_insert after insert on conversion
    referencing new table as new_conversions
    for each statement execute function conversion_daily_delta_added();
create trigger conversion_daily_delete after delete on conversion
    referencing old table as old_conversions
    for each statement execute function conversion_daily_delta_added();
create trigger conversion_daily_update after update on conversion
    referencing old table as old_conversions new table as new_conversions
    for each statement execute function conversion_daily_delta_added();

-- The counted conversions of a tenant's visits (all of their stored visits, counting and actions'
-- categories), summed per roll-up key in the tenant's current zone.
create function conversion_daily_sums(p_tenant_id text)
    returns setof conversion_daily
    language sql stable
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    with zone as materialized (
        select t.time_zone, tenant_zone_offset(t.time_zone) as fixed from tenant t where t.id = p_tenant_id
    )
    select p_tenant_id, k.action_id, k.day, coalesce(k.visit_day, k.day), count(*), coalesce(sum(k.value), 0),
           count(k.visit_day)
    from (select c.action_id, tenant_local_date_fast(c.occurred_at, z.time_zone, z.fixed) as day,
                 case when c.first_of_visit then tenant_local_date_fast(c.visit_at, z.time_zone, z.fixed) end as visit_day,
                 c.value
          from conversion c cross join zone z
          where c.tenant_id = p_tenant_id and c.counted) k
    group by 2, 3, 4
$$;

-- Moves every tenant's deltas into conversion_daily, in one statement (one snapshot), days by each
-- tenant's current zone; one fold at a time. Returns the number of delta rows folded, or -1 when another
-- fold was running. Runs as the owner: the two roll-up tables only, across tenants, nothing returned
-- but a count.
create function conversion_daily_fold()
    returns bigint
    language plpgsql
    security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
declare
    folded bigint;
begin
    if not pg_try_advisory_xact_lock(hashtext('conversion_daily_fold')) then
        return -1;
    end if;
    with taken as (
        delete from conversion_daily_delta returning *
    ),
    zone as materialized (
        select t.id, t.time_zone, tenant_zone_offset(t.time_zone) as fixed
        from tenant t
        where t.id in (select tenant_id from taken)
    ),
    added as (
        insert into conversion_daily as d (tenant_id, action_id, day, visit_day, conversions, value, converted_visits)
        select g.tenant_id, g.action_id, g.day, coalesce(g.visit_day, g.day), sum(g.conversions), sum(g.value),
               sum(g.converted_visits)
        from (select k.tenant_id, k.action_id, tenant_local_date_fast(k.minute_start, z.time_zone, z.fixed) as day,
                     tenant_local_date_fast(k.visit_minute_start, z.time_zone, z.fixed) as visit_day,
                     k.conversions, k.value, k.converted_visits
              from taken k join zone z on z.id = k.tenant_id) g
        group by 1, 2, 3, 4
        having sum(g.conversions) <> 0 or sum(g.value) <> 0 or sum(g.converted_visits) <> 0
        on conflict (tenant_id, action_id, day, visit_day) do update
            set conversions = d.conversions + excluded.conversions,
                value = d.value + excluded.value,
                converted_visits = d.converted_visits + excluded.converted_visits
    )
    select count(*) into folded from taken;
    return folded;
end
$$;

-- A tenant's conversion roll-up recomputed from its conversions (its time zone changed), as
-- visit_daily_rebuild: after any fold under way, its deltas dropped in the statement that reads the
-- conversions (one snapshot).
create function conversion_daily_rebuild(p_tenant_id text)
    returns void
    language plpgsql
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
declare
    sums conversion_daily[];
begin
    perform pg_advisory_xact_lock(hashtext('conversion_daily_fold'));
    with dropped as (
        delete from conversion_daily_delta where tenant_id = p_tenant_id
    )
    select array_agg(s) into sums from conversion_daily_sums(p_tenant_id) s;
    delete from conversion_daily where tenant_id = p_tenant_id;
    insert into conversion_daily select * from unnest(sums);
end
$$;

create function conversion_daily_zone_changed()
    returns trigger
    language plpgsql
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
begin
    perform conversion_daily_rebuild(new.id);
    return null;
end
$$;

create trigger conversion_daily_time_zone after update of time_zone on tenant
    for each row when (old.time_zone is distinct from new.time_zone)
    execute function conversion_daily_zone_changed();

-- Marks the first conversion of each visit (first_of_visit, above) among all conversions of these
-- visitors of the tenant, writing only the flags that change. A visit is its own visitor's touchpoint,
-- so the conversions sharing it are all among them. Called in the transaction that changed the visits,
-- counting or categories in question: by re-attribution for the visitors it re-attributed, and by a
-- change of an action's category for every visitor with a conversion of the action. Returns the number
-- of flags changed.
create function conversion_first_of_visit_mark(p_tenant_id text, p_visitor_ids text[])
    returns bigint
    language sql
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    with marked as (
        update conversion c set first_of_visit = f.first
        from (select k.id,
                     coalesce(k.eligible and row_number() over (partition by k.visit_touchpoint_id, k.eligible
                                                               order by k.occurred_at, k.id) = 1, false) as first
              from (select v.id, v.visit_touchpoint_id, v.occurred_at,
                           v.visit_touchpoint_id is not null and v.counted and a.category = 'MACRO' as eligible
                    from conversion v
                    join conversion_action a on a.tenant_id = v.tenant_id and a.id = v.action_id
                    where v.tenant_id = p_tenant_id and v.visitor_id = any(p_visitor_ids)) k) f
        where c.tenant_id = p_tenant_id and c.id = f.id and c.first_of_visit <> f.first
        returning 1
    )
    select count(*) from marked
$$;

-- Stored before this version: the flags of every conversion (the triggers exist: their deltas are
-- folded below), then the roll-up.
select conversion_first_of_visit_mark(t.id, array(select distinct visitor_id from conversion where tenant_id = t.id))
from tenant t;
insert into conversion_daily select s.* from tenant t cross join lateral conversion_daily_sums(t.id) s;
delete from conversion_daily_delta;

-- The agency portfolio reads the same stored figures (signatures kept): each client's counted macro
-- conversions, their value and its converted visits over its last p_days tenant-local days.
create or replace function agency_portfolio(p_agency_ids text[], p_days integer, p_now timestamptz)
    returns table (tenant_id text, name text, industry text, time_zone text, currency text,
                   touchpoints bigint, conversions bigint, revenue numeric)
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    with client as (
        select t.id, t.name, t.industry, t.time_zone, t.currency, d.first_day, d.last_day,
               tenant_day_start(d.first_day, t.time_zone) as period_start,
               tenant_day_start(d.last_day + 1, t.time_zone) as period_end
        from tenant t
        cross join lateral (select tenant_local_date(p_now, t.time_zone) - (p_days - 1) as first_day,
                                   tenant_local_date(p_now, t.time_zone) as last_day) d
        where t.agency_id = any(p_agency_ids)
    )
    select c.id, c.name, c.industry, c.time_zone, c.currency::text,
           ((select coalesce(sum(v.visits), 0) from visit_daily v
             where v.tenant_id = c.id and v.day >= c.first_day and v.day <= c.last_day)
            + (select coalesce(sum(v.visits), 0) from visit_daily_delta v
               where v.tenant_id = c.id and v.minute_start >= c.period_start and v.minute_start < c.period_end))::bigint,
           macro.conversions::bigint,
           macro.revenue
    from client c
    cross join lateral (
        select coalesce(sum(r.conversions), 0) as conversions, coalesce(sum(r.value), 0) as revenue
        from (select d.conversions, d.value from conversion_daily d
              join conversion_action a on a.tenant_id = d.tenant_id and a.id = d.action_id
              where d.tenant_id = c.id and a.category = 'MACRO' and d.day >= c.first_day and d.day <= c.last_day
              union all
              select d.conversions, d.value from conversion_daily_delta d
              join conversion_action a on a.tenant_id = d.tenant_id and a.id = d.action_id
              where d.tenant_id = c.id and a.category = 'MACRO'
                and d.minute_start >= c.period_start and d.minute_start < c.period_end) r
    ) macro
    order by c.name, c.id
$$;

create or replace function agency_converted_visits(p_agency_ids text[], p_days integer, p_now timestamptz)
    returns table (tenant_id text, converted_visits bigint)
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    with client as (
        select t.id, d.first_day, d.last_day,
               tenant_day_start(d.first_day, t.time_zone) as period_start,
               tenant_day_start(d.last_day + 1, t.time_zone) as period_end
        from tenant t
        cross join lateral (select tenant_local_date(p_now, t.time_zone) - (p_days - 1) as first_day,
                                   tenant_local_date(p_now, t.time_zone) as last_day) d
        where t.agency_id = any(p_agency_ids)
    )
    select c.id,
           (select coalesce(sum(r.converted_visits), 0)::bigint
            from (select d.converted_visits from conversion_daily d
                  join conversion_action a on a.tenant_id = d.tenant_id and a.id = d.action_id
                  where d.tenant_id = c.id and a.category = 'MACRO' and d.day <= c.last_day
                    and d.visit_day >= c.first_day and d.day >= c.first_day
                  union all
                  select d.converted_visits from conversion_daily_delta d
                  join conversion_action a on a.tenant_id = d.tenant_id and a.id = d.action_id
                  where d.tenant_id = c.id and a.category = 'MACRO' and d.minute_start < c.period_end
                    and d.visit_minute_start >= c.period_start and d.minute_start >= c.period_start) r)
    from client c
$$;
