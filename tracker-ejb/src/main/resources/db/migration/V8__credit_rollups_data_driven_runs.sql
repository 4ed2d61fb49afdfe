-- Version 8 (issue #8): daily roll-ups of the attribution credits, so that a report over whole days
-- reads a few hundred rows instead of every credit; and the runs of the data-driven models.

-- The tenant-local date and time of an instant, for a zone id as Java's ZoneId.of accepts it. IANA ids
-- (America/Chicago, Etc/GMT+6) mean the same in PostgreSQL; fixed offsets do not: PostgreSQL reads
-- '+01:00' as a POSIX zone, one hour WEST of UTC, where Java means one hour east. So an offset
-- ('Z', '+01:00', '-0530', 'UTC+1', 'GMT-03:00') is added to UTC here by hand.
create function tenant_zone_offset(p_zone text)
    returns interval
    language sql immutable parallel safe
as $$
    select case
        when p_zone in ('Z', 'UTC', 'GMT', 'UT') then interval '0'
        when m is null then null
        else (case when m[2] = '-' then -1 else 1 end)
             * make_interval(hours => m[3]::int, mins => coalesce(m[4], '0')::int, secs => coalesce(m[5], '0')::int)
    end
    from (select regexp_match(p_zone, '^(UTC|GMT|UT)?([+-])([0-9]{1,2}):?([0-9]{2})?:?([0-9]{2})?$') as m) o
$$;

create function tenant_local_time(p_at timestamptz, p_zone text)
    returns timestamp
    language sql stable parallel safe
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select case when o is null then p_at at time zone p_zone else (p_at at time zone 'UTC') + o end
    from (select tenant_zone_offset(p_zone) as o) z
$$;

-- The instant a tenant-local day starts (the inverse of tenant_local_time at midnight).
create function tenant_day_start(p_day date, p_zone text)
    returns timestamptz
    language sql stable parallel safe
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select case when o is null then p_day::timestamp at time zone p_zone else (p_day::timestamp - o) at time zone 'UTC' end
    from (select tenant_zone_offset(p_zone) as o) z
$$;

-- The tenant-local calendar day of an instant (see tenant_local_time): the day reports count it on.
create function tenant_local_date(p_at timestamptz, p_zone text)
    returns date
    language sql stable parallel safe
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select tenant_local_time(p_at, p_zone)::date
$$;

-- One row per tenant, model, conversion action, tenant-local day of the conversion, channel, campaign
-- and source / medium: the sums of the attribution_credit rows with those values. Kept in step by the
-- statement-level triggers below in the same transaction as the credits, so a report never sees the
-- credits and the roll-up disagree. Sums are numeric (the double credits converted exactly as stored),
-- so removing a credit takes away exactly what adding it put in; a row whose last credit is gone
-- (credits = 0) is deleted.
create table credit_daily (
    tenant_id     text           not null references tenant (id),
    model         text           not null,
    day           date           not null,
    action_id     bigint         not null,
    channel       text           not null,
    campaign      text           not null,
    source_medium text           not null,
    -- sum of the credits: credited conversions
    conversions   numeric        not null,
    -- sum of the credited revenue, in the tenant's currency
    revenue       numeric        not null,
    -- how many attribution_credit rows are summed here
    credits       integer        not null check (credits >= 0),
    primary key (tenant_id, model, day, action_id, channel, campaign, source_medium)
);

create policy tenant_isolation on credit_daily
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table credit_daily enable row level security;

-- Rows are added in key order, so that two transactions adding to the same keys lock them in the same
-- order.
create function credit_daily_added()
    returns trigger
    language plpgsql
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
begin
    insert into credit_daily as d (tenant_id, model, day, action_id, channel, campaign, source_medium,
                                   conversions, revenue, credits)
    select n.tenant_id, n.model, tenant_local_date(n.converted_at, t.time_zone), n.action_id, n.channel,
           n.campaign, n.source_medium, sum(n.credit::numeric), sum(n.revenue), count(*)
    from new_credits n join tenant t on t.id = n.tenant_id
    group by 1, 2, 3, 4, 5, 6, 7
    order by 1, 2, 3, 4, 5, 6, 7
    on conflict (tenant_id, model, day, action_id, channel, campaign, source_medium) do update
        set conversions = d.conversions + excluded.conversions,
            revenue = d.revenue + excluded.revenue,
            credits = d.credits + excluded.credits;
    return null;
end
$$;

create function credit_daily_removed()
    returns trigger
    language plpgsql
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
begin
    update credit_daily d
    set conversions = d.conversions - g.conversions,
        revenue = d.revenue - g.revenue,
        credits = d.credits - g.credits
    from (select o.tenant_id, o.model, tenant_local_date(o.converted_at, t.time_zone) as day, o.action_id,
                 o.channel, o.campaign, o.source_medium, sum(o.credit::numeric) as conversions,
                 sum(o.revenue) as revenue, count(*) as credits
          from old_credits o join tenant t on t.id = o.tenant_id
          group by 1, 2, 3, 4, 5, 6, 7) g
    where d.tenant_id = g.tenant_id and d.model = g.model and d.day = g.day and d.action_id = g.action_id
      and d.channel = g.channel and d.campaign = g.campaign and d.source_medium = g.source_medium;

    delete from credit_daily d
    using (select distinct o.tenant_id, o.model, tenant_local_date(o.converted_at, t.time_zone) as day,
                  o.action_id, o.channel, o.campaign, o.source_medium
           from old_credits o join tenant t on t.id = o.tenant_id) g
    where d.tenant_id = g.tenant_id and d.model = g.model and d.day = g.day and d.action_id = g.action_id
      and d.channel = g.channel and d.campaign = g.campaign and d.source_medium = g.source_medium
      and d.credits = 0;
    return null;
end
$$;

create trigger credit_daily_insert after insert on attribution_credit
    referencing new table as new_credits
    for each statement execute function credit_daily_added();
create trigger credit_daily_delete after delete on attribution_credit
    referencing old table as old_credits
    for each statement execute function credit_daily_removed();
-- An update is a removal of the old rows and an addition of the new ones (two triggers: a trigger
-- function sees only the transition tables its own trigger names).
create trigger credit_daily_update_old after update on attribution_credit
    referencing old table as old_credits
    for each statement execute function credit_daily_removed();
create trigger credit_daily_update_new after update on attribution_credit
    referencing new table as new_credits
    for each statement execute function credit_daily_added();

-- A tenant that changes its time zone changes which day each conversion falls on: its roll-up is
-- rebuilt from its credits in the same transaction.
create function credit_daily_rebuild(p_tenant_id text)
    returns void
    language sql
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    delete from credit_daily where tenant_id = p_tenant_id;
    insert into credit_daily (tenant_id, model, day, action_id, channel, campaign, source_medium,
                              conversions, revenue, credits)
    select c.tenant_id, c.model, tenant_local_date(c.converted_at, t.time_zone), c.action_id, c.channel,
           c.campaign, c.source_medium, sum(c.credit::numeric), sum(c.revenue), count(*)
    from attribution_credit c join tenant t on t.id = c.tenant_id
    where c.tenant_id = p_tenant_id
    group by 1, 2, 3, 4, 5, 6, 7;
$$;

create function credit_daily_zone_changed()
    returns trigger
    language plpgsql
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
begin
    perform credit_daily_rebuild(new.id);
    return null;
end
$$;

create trigger credit_daily_time_zone after update of time_zone on tenant
    for each row when (old.time_zone is distinct from new.time_zone)
    execute function credit_daily_zone_changed();

-- Credits stored before this version.
insert into credit_daily (tenant_id, model, day, action_id, channel, campaign, source_medium,
                          conversions, revenue, credits)
select c.tenant_id, c.model, tenant_local_date(c.converted_at, t.time_zone), c.action_id, c.channel,
       c.campaign, c.source_medium, sum(c.credit::numeric), sum(c.revenue), count(*)
from attribution_credit c join tenant t on t.id = c.tenant_id
group by 1, 2, 3, 4, 5, 6, 7;

-- Runs of the data-driven models (markov, shapley) per tenant: requested on demand
-- (POST /api/v1/attribution/data-driven) or by the nightly schedule, carried out by
-- DataDrivenScheduler off the request path (QUEUED → RUNNING → SUCCEEDED | FAILED).
create table data_driven_run (
    tenant_id          text        not null references tenant (id),
    id                 bigint generated by default as identity,
    reason             text        not null check (reason in ('ON_DEMAND', 'SCHEDULE')),
    status             text        not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    requested_at       timestamptz not null default now(),
    started_at         timestamptz,
    finished_at        timestamptz,
    -- the newest conversion id the run read: the schedule runs again only after newer ones
    up_to_conversion   bigint,
    -- what was fitted and credited
    conversions        integer,
    converting_paths   bigint,
    null_paths         bigint,
    channels           integer,
    markov_millis      bigint,
    shapley_millis     bigint,
    error              text,
    primary key (tenant_id, id)
);
create index data_driven_run_open_idx on data_driven_run (status, requested_at)
    where status in ('QUEUED', 'RUNNING');

create policy tenant_isolation on data_driven_run
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table data_driven_run enable row level security;

-- The scheduler's poll (every few seconds on each server): queued runs, oldest first, of tenants that
-- have no run under way (a RUNNING run started more than p_stale_after ago counts as dead: its
-- server stopped). Ids only.
create function data_driven_runs_ready(p_stale_after interval)
    returns table (tenant_id text, run_id bigint)
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select q.tenant_id, q.id
    from data_driven_run q
    where q.status = 'QUEUED'
      and not exists (select 1 from data_driven_run r where r.tenant_id = q.tenant_id and r.status = 'RUNNING'
                      and r.started_at > now() - p_stale_after)
    order by q.requested_at, q.id
$$;

-- The schedule: tenants whose local time of day is past p_local_time, that had no scheduled run yet
-- on their local today, and that have a conversion newer than their last successful run read (or
-- have conversions and never ran). Ids only.
create function data_driven_runs_due(p_local_time time)
    returns table (tenant_id text)
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select t.id
    from tenant t
    where tenant_local_time(now(), t.time_zone)::time >= p_local_time
      and not exists (select 1 from data_driven_run r where r.tenant_id = t.id and r.reason = 'SCHEDULE'
                      and tenant_local_date(r.requested_at, t.time_zone) = tenant_local_date(now(), t.time_zone))
      and not exists (select 1 from data_driven_run r where r.tenant_id = t.id and r.status in ('QUEUED', 'RUNNING'))
      and exists (select 1 from conversion c where c.tenant_id = t.id
                  and c.id > coalesce((select max(r.up_to_conversion) from data_driven_run r
                                       where r.tenant_id = t.id and r.status = 'SUCCEEDED'), 0))
$$;

-- The agency portfolio's converted visits (agency_portfolio of V3 gives the other figures; a function of
-- its own so that agency_portfolio keeps its signature): per client of the caller's agencies, the visits
-- of its last p_days days that are their visitor's latest visit at or before one of its counted macro
-- conversions of the same days, as ReportService.kpis counts them for the dashboard's conversion rate
-- (converted visits ÷ visits). Aggregates only; days by tenant_local_date.
create function agency_converted_visits(p_agency_ids text[], p_days integer, p_now timestamptz)
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
           (select count(distinct last_visit.id)
            from conversion v
            join conversion_action a on a.tenant_id = v.tenant_id and a.id = v.action_id
            cross join lateral (select p.id, p.occurred_at from touchpoint p
                                where p.tenant_id = v.tenant_id and p.visitor_id = v.visitor_id
                                  and p.occurred_at <= v.occurred_at
                                order by p.occurred_at desc, p.id desc limit 1) last_visit
            where v.tenant_id = c.id and a.category = 'MACRO' and v.counted and v.visitor_id is not null
              and v.occurred_at >= c.period_start and v.occurred_at < c.period_end
              and last_visit.occurred_at >= c.period_start)
    from client c
$$;
