-- Version 14 (issue #8, speed of the summary): the dashboard's headline figures (ReportService.kpis,
-- GET /api/v1/reports/summary) and the agency portfolio read stored figures instead of counting the raw
-- tables. On the benchmark tenant (1,000,000 touchpoints; 30 days: 287,084 visits, 18,264 conversions)
-- the summary took 0.3 to 1 s in psql: count(*) of the period's touchpoints 0.05 to 0.25 s even
-- index-only, the look-up of each conversion's visit (its visitor's latest touchpoint at or before it)
-- 0.2 to 0.9 s. Now about 6 ms, nearly all of it reading the period's conversions:
--
-- * visits per tenant-local day in visit_daily. A statement trigger on touchpoint appends each
--   statement's counts per UTC minute to visit_daily_delta (append-only, no unique key: writers never
--   wait for each other there, and no tenant or zone is read on the collection path); visit_daily_fold()
--   moves the deltas into visit_daily every few seconds (VisitRollupFolder), one fold at a time. Readers
--   add the unfolded deltas of the period to the folded days in one statement (one snapshot), so the
--   count is exact at every instant. Deltas are by instant, not by day, so a time zone change only needs
--   visit_daily rebuilt, whatever the deltas still waiting.
-- * each conversion's visit on the conversion (visit_touchpoint_id, visit_at), written by the
--   attribution worker (ConversionVisitWriter) from the touches it has already read; converted visits
--   are then the distinct stored visits of the period's counted macro conversions.

-- The tenant-local date of an instant, as tenant_local_date computes it, for a caller that works out
-- the zone's fixed offset (tenant_zone_offset(p_zone), null for an IANA id) once per tenant: this one
-- has no SET clause, so the planner inlines it (tenant_local_date costs about 0.2 ms a row).
create function tenant_local_date_fast(p_at timestamptz, p_zone text, p_fixed interval)
    returns date
    language sql immutable parallel safe
as $$
    select case when p_fixed is null then (p_at at time zone p_zone)::date
                else ((p_at at time zone 'UTC') + p_fixed)::date end
$$;

-- Visits (touchpoints, any channel and interaction) per tenant and tenant-local day, folded from the
-- deltas below. A day whose visits were all removed may stay with 0.
create table visit_daily (
    tenant_id text   not null references tenant (id),
    day       date   not null,
    visits    bigint not null,
    primary key (tenant_id, day)
);

-- What a statement on touchpoint added (positive) or removed (negative), per UTC minute of the
-- touchpoints' time (minute_start, a whole minute), until folded into visit_daily. No foreign key: a
-- row is only ever written for touchpoints, whose tenant exists, and a check would lock the tenant row
-- on the collection path once more. A tenant-local day starts on a whole UTC minute for every zone
-- Tracker accepts except a fixed offset with seconds (such as +01:00:30, which no region uses): for such
-- a tenant, an unfolded touchpoint within the minute around midnight may count on the day before or
-- after until it is folded.
create table visit_daily_delta (
    tenant_id    text        not null,
    minute_start timestamptz not null,
    visits       bigint      not null
);
create index visit_daily_delta_tenant_idx on visit_daily_delta (tenant_id, minute_start);

create policy tenant_isolation on visit_daily
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table visit_daily enable row level security;
create policy tenant_isolation on visit_daily_delta
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table visit_daily_delta enable row level security;

-- One function for the three triggers below: each statement's touchpoints counted per tenant and UTC
-- minute, in one insert. The collection core and the event store write a batch in one statement, so
-- this runs once per batch. An update counts only when it moves a touchpoint (its time or tenant).
create function visit_daily_delta_added()
    returns trigger
    language plpgsql
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
begin
    if tg_op = 'INSERT' then
        insert into visit_daily_delta (tenant_id, minute_start, visits)
        select n.tenant_id, date_bin('1 minute', n.occurred_at, timestamptz '2000-01-01 00:00:00+00'), count(*)
        from new_touchpoints n
        group by 1, 2;
    elsif tg_op = 'DELETE' then
        insert into visit_daily_delta (tenant_id, minute_start, visits)
        select o.tenant_id, date_bin('1 minute', o.occurred_at, timestamptz '2000-01-01 00:00:00+00'), -count(*)
        from old_touchpoints o
        group by 1, 2;
    else
        insert into visit_daily_delta (tenant_id, minute_start, visits)
        select m.tenant_id, date_bin('1 minute', m.occurred_at, timestamptz '2000-01-01 00:00:00+00'), sum(m.n)
        from (select n.tenant_id, n.occurred_at, 1 as n from new_touchpoints n
              union all
              select o.tenant_id, o.occurred_at, -1 from old_touchpoints o) m
        group by 1, 2
        having sum(m.n) <> 0;
    end if;
    return null;
end
$$;

create trigger visit_daily_insert after insert on touchpoint
    referencing new table as new_touchpoints
    for each statement execute function visit_daily_delta_added();
create trigger visit_daily_delete after delete on touchpoint
    referencing old table as old_touchpoints
    for each statement execute function visit_daily_delta_added();
create trigger visit_daily_update after update on touchpoint
    referencing old table as old_touchpoints new table as new_touchpoints
    for each statement execute function visit_daily_delta_added();

-- Moves every tenant's deltas into visit_daily, in one statement (one snapshot: a delta is either
-- folded and gone or still there, never both), days by each tenant's current zone. One fold at a time
-- (the others return at once: the running one takes their deltas too). Returns the number of delta rows
-- folded, or -1 when another fold was running. Runs as the owner: the two roll-up tables only, across
-- tenants, nothing returned but a count.
create function visit_daily_fold()
    returns bigint
    language plpgsql
    security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
declare
    folded bigint;
begin
    if not pg_try_advisory_xact_lock(hashtext('visit_daily_fold')) then
        return -1;
    end if;
    with taken as (
        delete from visit_daily_delta returning tenant_id, minute_start, visits
    ),
    zone as materialized (
        select t.id, t.time_zone, tenant_zone_offset(t.time_zone) as fixed
        from tenant t
        where t.id in (select tenant_id from taken)
    ),
    added as (
        insert into visit_daily as d (tenant_id, day, visits)
        select k.tenant_id, tenant_local_date_fast(k.minute_start, z.time_zone, z.fixed), sum(k.visits)
        from taken k join zone z on z.id = k.tenant_id
        group by 1, 2
        having sum(k.visits) <> 0
        on conflict (tenant_id, day) do update set visits = d.visits + excluded.visits
    )
    select count(*) into folded from taken;
    return folded;
end
$$;

-- A tenant's visit roll-up recomputed from its touchpoints (its time zone changed). Waits for a fold
-- under way and keeps the next one out until this transaction ends. Reading the touchpoints and dropping
-- the tenant's deltas is one statement, so one snapshot: the deltas dropped are exactly those of the
-- touchpoints counted; a writer still in progress has neither seen, and its deltas are folded later
-- under the new zone.
create function visit_daily_rebuild(p_tenant_id text)
    returns void
    language plpgsql
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
declare
    days visit_daily[];
begin
    perform pg_advisory_xact_lock(hashtext('visit_daily_fold'));
    with dropped as (
        delete from visit_daily_delta where tenant_id = p_tenant_id
    ),
    zone as materialized (
        select t.time_zone, tenant_zone_offset(t.time_zone) as fixed from tenant t where t.id = p_tenant_id
    )
    select array_agg(row(p_tenant_id, d.day, d.visits)::visit_daily) into days
    from (select tenant_local_date_fast(p.occurred_at, z.time_zone, z.fixed) as day, count(*) as visits
          from touchpoint p cross join zone z
          where p.tenant_id = p_tenant_id
          group by 1) d;
    delete from visit_daily where tenant_id = p_tenant_id;
    insert into visit_daily (tenant_id, day, visits)
    select u.tenant_id, u.day, u.visits from unnest(days) u;
end
$$;

create function visit_daily_zone_changed()
    returns trigger
    language plpgsql
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
begin
    perform visit_daily_rebuild(new.id);
    return null;
end
$$;

create trigger visit_daily_time_zone after update of time_zone on tenant
    for each row when (old.time_zone is distinct from new.time_zone)
    execute function visit_daily_zone_changed();

-- Each conversion's visit: its visitor's latest touchpoint at or before it (of several at that instant,
-- the highest id), any channel or interaction; both null when it has none (no visitor id, or no
-- touchpoint of its visitor before it). Written by the attribution worker when it re-attributes the
-- visitor (every stored touchpoint or conversion with a visitor id marks it), so a conversion stored a
-- moment ago has none until then. No foreign key to touchpoint: nothing deletes touchpoints, and a
-- check per update would read the touchpoint index for nothing.
alter table conversion add column visit_touchpoint_id bigint;
alter table conversion add column visit_at timestamptz;
-- So each new conversion is updated once, seconds after it was stored. With room left on its page the
-- new row version stays there and no index changes (a HOT update; neither column is indexed): writing
-- 2,500 conversions' visits took 20 ms so, 145 ms with full pages, on the benchmark tenant. Applies to
-- pages filled from now on.
alter table conversion set (fillfactor = 75);

-- Stored before this version: the touchpoints (after the triggers exist, so that a touchpoint written
-- meanwhile is either counted here or waits for this migration's lock and then adds its delta), and
-- the conversions' visits.
insert into visit_daily (tenant_id, day, visits)
with zone as materialized (
    select t.id, t.time_zone, tenant_zone_offset(t.time_zone) as fixed from tenant t
)
select p.tenant_id, tenant_local_date_fast(p.occurred_at, z.time_zone, z.fixed), count(*)
from touchpoint p join zone z on z.id = p.tenant_id
group by 1, 2;

update conversion c
set visit_touchpoint_id = v.touchpoint_id, visit_at = v.occurred_at
from (select k.tenant_id, k.id, t.id as touchpoint_id, t.occurred_at
      from conversion k
      cross join lateral (select p.id, p.occurred_at from touchpoint p
                          where p.tenant_id = k.tenant_id and p.visitor_id = k.visitor_id
                            and p.occurred_at <= k.occurred_at
                          order by p.occurred_at desc, p.id desc limit 1) t
      where k.visitor_id is not null) v
where c.tenant_id = v.tenant_id and c.id = v.id;

-- The agency portfolio reads the same stored figures. Both functions keep their signatures (create or
-- replace keeps owner and grants); each client's period is its last p_days tenant-local days up to the
-- day of p_now, by tenant_local_date as the dashboard's days (V11 read fixed-offset zones such as
-- '+01:00' with PostgreSQL's opposite sign).
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

-- Converted visits as ReportService.kpis counts them: the distinct stored visits of the client's
-- counted macro conversions of the period that lie in the period too.
create or replace function agency_converted_visits(p_agency_ids text[], p_days integer, p_now timestamptz)
    returns table (tenant_id text, converted_visits bigint)
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    with client as (
        select t.id,
               tenant_day_start(tenant_local_date(p_now, t.time_zone) - (p_days - 1), t.time_zone) as period_start,
               tenant_day_start(tenant_local_date(p_now, t.time_zone) + 1, t.time_zone) as period_end
        from tenant t
        where t.agency_id = any(p_agency_ids)
    )
    select c.id,
           (select count(distinct v.visit_touchpoint_id)
            from conversion v
            join conversion_action a on a.tenant_id = v.tenant_id and a.id = v.action_id
            where v.tenant_id = c.id and a.category = 'MACRO' and v.counted
              and v.occurred_at >= c.period_start and v.occurred_at < c.period_end
              and v.visit_at >= c.period_start)
    from client c
$$;
