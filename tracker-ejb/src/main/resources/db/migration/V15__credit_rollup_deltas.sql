-- Version 15 (issue #8, speed of rule-based credits). On the benchmark tenant (50,000 conversions,
-- 710,062 rule-based credit rows; tracker-launcher/bench/attribution-bench.sh) storing credits took
-- almost all of the attribution worker's time:
--
-- * V8's roll-up triggers computed tenant_local_date (a function with its own search_path, so never
--   inlined, with a regular expression inside) for every credit row, twice on removal: 1.35 s of
--   trigger for the 5,112 credits of 500 conversions;
-- * each statement upserted its groups into credit_daily, locking those rows until commit: a batch of
--   2,500 conversions touches about 10,000 of the tenant's roll-up rows, so two writers of a tenant
--   waited for each other and could deadlock (removal did not lock in key order);
-- * one row per conversion, model and key (14 per conversion): 710,062 rows with a six-column primary
--   key, a foreign key checked per row (1.5 s) and attribution_credit_report_idx, which nothing reads
--   since V8 (maintaining it was half the cost of inserting a credit).
--
-- Now:
-- * conversion_credit holds the rule-based credits of a conversion in one row (parallel arrays, one
--   element per model and key): 50,000 rows instead of 710,062;
-- * the old table keeps the data-driven models' credits as data_driven_credit (its runs replace them
--   by model); the view attribution_credit shows both as before, one row per conversion, model and key;
-- * the roll-up triggers append their statement's sums to credit_daily_delta: no unique key, so writers
--   never wait for each other there; each statement works out its tenants' zones once and computes the
--   day inline. credit_daily_fold() moves the deltas into credit_daily now and then (the attribution
--   worker calls it), one fold at a time. Reports read credit_daily plus the tenant's unfolded deltas in
--   one snapshot, so they stay exact at every instant.

alter table attribution_credit rename to data_driven_credit;
alter table data_driven_credit rename constraint attribution_credit_pkey to data_driven_credit_pkey;
drop index attribution_credit_report_idx;

-- The rule-based models' credits of one conversion: element i of the arrays is one credit (the model,
-- the key credited, its share of the conversion in [0, 1] and of its value in the tenant's currency).
create table conversion_credit (
    tenant_id     text        not null,
    conversion_id bigint      not null,
    action_id     bigint      not null,
    converted_at  timestamptz not null,
    model         text[]      not null,
    channel       text[]      not null,
    campaign      text[]      not null,
    source_medium text[]      not null,
    credit        float8[]    not null,
    revenue       numeric[]   not null,
    primary key (tenant_id, conversion_id),
    foreign key (tenant_id, conversion_id) references conversion (tenant_id, id) on delete cascade,
    check (cardinality(channel) = cardinality(model) and cardinality(campaign) = cardinality(model)
           and cardinality(source_medium) = cardinality(model) and cardinality(credit) = cardinality(model)
           and cardinality(revenue) = cardinality(model))
);

create policy tenant_isolation on conversion_credit
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table conversion_credit enable row level security;

-- What a statement added to (positive) or removed from (negative) the roll-up, until folded. Appended to
-- by every credit write and emptied by every fold. No foreign key (a check per row, on a table only the
-- credit triggers write). The index lets a report read its tenant's few rows: a burst of re-attribution
-- leaves hundreds of thousands of folded (dead) rows until vacuum, which a scan of the table would read
-- (162 ms on the benchmark), and the index skips once a scan has marked them dead.
create table credit_daily_delta (
    tenant_id     text    not null,
    model         text    not null,
    day           date    not null,
    action_id     bigint  not null,
    channel       text    not null,
    campaign      text    not null,
    source_medium text    not null,
    conversions   numeric not null,
    revenue       numeric not null,
    credits       integer not null
);

create policy tenant_isolation on credit_daily_delta
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table credit_daily_delta enable row level security;
create index credit_daily_delta_tenant_idx on credit_daily_delta (tenant_id, day);

-- Both delta tables are emptied every few seconds: vacuumed after every 10,000 dead rows, at full speed,
-- not after a fifth of a table that is almost always nearly empty.
alter table credit_daily_delta set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000,
                                    autovacuum_vacuum_cost_delay = 0);
alter table visit_daily_delta set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000,
                                   autovacuum_vacuum_cost_delay = 0);

-- Every model's credits, one row per conversion, model and key, as attribution_credit was; read with the
-- reader's row-level security (security_invoker).
create view attribution_credit with (security_invoker = true) as
    select tenant_id, conversion_id, model, channel, campaign, source_medium, action_id, converted_at, credit,
           revenue
    from data_driven_credit
    union all
    select c.tenant_id, c.conversion_id, u.model, u.channel, u.campaign, u.source_medium, c.action_id,
           c.converted_at, u.credit, u.revenue::numeric(24, 6)
    from conversion_credit c
    cross join lateral unnest(c.model, c.channel, c.campaign, c.source_medium, c.credit, c.revenue)
        as u(model, channel, campaign, source_medium, credit, revenue);

-- The roll-up triggers, replacing V8's: each statement's credits (its transition table "credits") summed
-- per roll-up key into credit_daily_delta, times the trigger's sign (its argument: 1 for credits added,
-- -1 for credits removed; an update is both, two triggers). The tenant-local day as tenant_local_date
-- computes it, with each tenant's zone worked out once per statement: its fixed offset when it is one
-- (see tenant_zone_offset), else an IANA id. work_mem: a batch's groups (about 35,000 credits of 2,500
-- conversions) are hashed in memory, not sorted on disk. Credits (float8 shares) are summed as float8 and
-- cast to numeric once per group: a cast per credit was half the trigger's time (140 → 64 ms for a batch
-- of 35,456 credits); the sums differ from exact decimal ones in the 13th significant digit, and reports
-- print 6 decimals.
drop trigger credit_daily_insert on data_driven_credit;
drop trigger credit_daily_delete on data_driven_credit;
drop trigger credit_daily_update_old on data_driven_credit;
drop trigger credit_daily_update_new on data_driven_credit;
drop function credit_daily_added();
drop function credit_daily_removed();

-- data_driven_credit: one row per credit.
create function data_driven_credit_summed()
    returns trigger
    language plpgsql
    set search_path = ${flyway:defaultSchema}, pg_temp
    set work_mem = '64MB'
as $$
declare
    direction integer := TG_ARGV[0]::integer;
begin
    with zone as materialized (
        select t.id, t.time_zone, tenant_zone_offset(t.time_zone) as fixed
        from tenant t
        where t.id in (select distinct tenant_id from credits)
    )
    insert into credit_daily_delta (tenant_id, model, day, action_id, channel, campaign, source_medium,
                                    conversions, revenue, credits)
    select c.tenant_id, c.model,
           case when z.fixed is null then (c.converted_at at time zone z.time_zone)::date
                else ((c.converted_at at time zone 'UTC') + z.fixed)::date end,
           c.action_id, c.channel, c.campaign, c.source_medium,
           direction * sum(c.credit)::numeric, direction * sum(c.revenue), direction * count(*)
    from credits c join zone z on z.id = c.tenant_id
    group by 1, 2, 3, 4, 5, 6, 7;
    return null;
end
$$;

-- conversion_credit: one row per conversion, its credits the elements of its arrays.
create function conversion_credit_summed()
    returns trigger
    language plpgsql
    set search_path = ${flyway:defaultSchema}, pg_temp
    set work_mem = '64MB'
as $$
declare
    direction integer := TG_ARGV[0]::integer;
begin
    with zone as materialized (
        select t.id, t.time_zone, tenant_zone_offset(t.time_zone) as fixed
        from tenant t
        where t.id in (select distinct tenant_id from credits)
    )
    insert into credit_daily_delta (tenant_id, model, day, action_id, channel, campaign, source_medium,
                                    conversions, revenue, credits)
    select c.tenant_id, u.model,
           case when z.fixed is null then (c.converted_at at time zone z.time_zone)::date
                else ((c.converted_at at time zone 'UTC') + z.fixed)::date end,
           c.action_id, u.channel, u.campaign, u.source_medium,
           direction * sum(u.credit)::numeric, direction * sum(u.revenue), direction * count(*)
    from credits c join zone z on z.id = c.tenant_id
    cross join lateral unnest(c.model, c.channel, c.campaign, c.source_medium, c.credit, c.revenue)
        as u(model, channel, campaign, source_medium, credit, revenue)
    group by 1, 2, 3, 4, 5, 6, 7;
    return null;
end
$$;

do $$
declare
    t text;
begin
    foreach t in array array['data_driven_credit', 'conversion_credit'] loop
        execute format('create trigger credit_daily_insert after insert on %I referencing new table as credits '
                       'for each statement execute function %I(''1'')', t, t || '_summed');
        execute format('create trigger credit_daily_delete after delete on %I referencing old table as credits '
                       'for each statement execute function %I(''-1'')', t, t || '_summed');
        execute format('create trigger credit_daily_update_old after update on %I referencing old table as credits '
                       'for each statement execute function %I(''-1'')', t, t || '_summed');
        execute format('create trigger credit_daily_update_new after update on %I referencing new table as credits '
                       'for each statement execute function %I(''1'')', t, t || '_summed');
    end loop;
end
$$;

-- Moves every tenant's deltas into credit_daily, in one transaction: sums per key added, a roll-up row
-- whose credits reach 0 deleted. One fold at a time (the others return at once: the running one takes
-- their deltas too). Returns the number of delta rows folded, or -1 when another fold was running.
-- Runs as the owner: the roll-up tables only, across tenants, nothing returned but a count.
create function credit_daily_fold()
    returns bigint
    language plpgsql
    security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
declare
    folded bigint;
    sums credit_daily[];
begin
    if not pg_try_advisory_xact_lock(hashtext('credit_daily_fold')) then
        return -1;
    end if;
    with taken as (
        delete from credit_daily_delta returning *
    )
    select coalesce(sum(g.n), 0),
           array_agg(row(g.tenant_id, g.model, g.day, g.action_id, g.channel, g.campaign, g.source_medium,
                         g.conversions, g.revenue, g.credits)::credit_daily)
    into folded, sums
    from (select tenant_id, model, day, action_id, channel, campaign, source_medium,
                 sum(conversions) as conversions, sum(revenue) as revenue, sum(credits) as credits, count(*) as n
          from taken
          group by 1, 2, 3, 4, 5, 6, 7) g;
    -- MERGE, not INSERT … ON CONFLICT: a removal's negative sums would fail credit_daily's check before
    -- the conflict is seen
    merge into credit_daily d
    using unnest(sums) g
    on d.tenant_id = g.tenant_id and d.model = g.model and d.day = g.day and d.action_id = g.action_id
       and d.channel = g.channel and d.campaign = g.campaign and d.source_medium = g.source_medium
    when matched and d.credits + g.credits = 0 then delete
    when matched then update set conversions = d.conversions + g.conversions,
                                 revenue = d.revenue + g.revenue,
                                 credits = d.credits + g.credits
    when not matched and g.credits <> 0 then
        insert (tenant_id, model, day, action_id, channel, campaign, source_medium, conversions, revenue, credits)
        values (g.tenant_id, g.model, g.day, g.action_id, g.channel, g.campaign, g.source_medium,
                g.conversions, g.revenue, g.credits);
    return folded;
end
$$;

-- A tenant that changes its time zone: its roll-up rebuilt from its credits (V8), its deltas (days of the
-- old zone) dropped, after any fold under way.
create or replace function credit_daily_rebuild(p_tenant_id text)
    returns void
    language plpgsql
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
begin
    perform pg_advisory_xact_lock(hashtext('credit_daily_fold'));
    delete from credit_daily_delta where tenant_id = p_tenant_id;
    delete from credit_daily where tenant_id = p_tenant_id;
    insert into credit_daily (tenant_id, model, day, action_id, channel, campaign, source_medium,
                              conversions, revenue, credits)
    select c.tenant_id, c.model, tenant_local_date(c.converted_at, t.time_zone), c.action_id, c.channel,
           c.campaign, c.source_medium, sum(c.credit)::numeric, sum(c.revenue), count(*)
    from attribution_credit c join tenant t on t.id = c.tenant_id
    where c.tenant_id = p_tenant_id
    group by 1, 2, 3, 4, 5, 6, 7;
end
$$;

-- The rule-based credits stored so far move to conversion_credit (the triggers add and remove the same
-- sums, folded at once).
insert into conversion_credit (tenant_id, conversion_id, action_id, converted_at, model, channel, campaign,
                               source_medium, credit, revenue)
select tenant_id, conversion_id, min(action_id), min(converted_at), array_agg(model order by model, channel, campaign, source_medium),
       array_agg(channel order by model, channel, campaign, source_medium),
       array_agg(campaign order by model, channel, campaign, source_medium),
       array_agg(source_medium order by model, channel, campaign, source_medium),
       array_agg(credit order by model, channel, campaign, source_medium),
       array_agg(revenue order by model, channel, campaign, source_medium)
from data_driven_credit
where model not in ('markov', 'shapley')
group by tenant_id, conversion_id;
delete from data_driven_credit where model not in ('markov', 'shapley');
select credit_daily_fold();
