-- The agency portfolio over any period with its change against the previous one, archived clients,
-- and where a person lands after signing in (the client they used last).

-- ------------------------------------------------------------------ archived clients
-- An archived client keeps its data, API keys and collection; it leaves the UI: its members no longer
-- see it in the switcher (memberships_of below), the portfolio hides it unless asked. Its agency's
-- admins archive and unarchive it on the clients page (agency_client_archive below).
alter table tenant add column archived_at timestamptz;

-- As V3's, without archived clients.
create or replace function memberships_of(p_subject text, p_platform_admin boolean)
    returns table (tenant_id text, tenant_name text, agency_id text, agency_name text, role text)
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select t.id, t.name, a.id, a.name, 'AGENCY_ADMIN'
    from tenant t join agency a on a.id = t.agency_id
    where p_platform_admin and t.archived_at is null
    union all
    select t.id, t.name, a.id, a.name, 'AGENCY_ADMIN'
    from agency_member m join agency a on a.id = m.agency_id join tenant t on t.agency_id = a.id
    where m.subject = p_subject and t.archived_at is null
    union all
    select t.id, t.name, a.id, a.name, m.role
    from tenant_member m join tenant t on t.id = m.tenant_id join agency a on a.id = t.agency_id
    where m.subject = p_subject and t.archived_at is null
$$;

-- Archives (p_archived) or unarchives one client of the given agencies (those TenantService found the
-- caller administers). Returns whether a row changed: false for a client of another agency, or one
-- already in that state.
create function agency_client_archive(p_agency_ids text[], p_tenant_id text, p_archived boolean, p_at timestamptz)
    returns boolean
    language sql volatile security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    with changed as (
        update tenant set archived_at = case when p_archived then p_at end
        where id = p_tenant_id and agency_id = any(p_agency_ids)
          and (archived_at is null) = p_archived
        returning 1
    )
    select exists (select 1 from changed)
$$;

-- ------------------------------------------------------------------ last client used
-- Per person (by the token's subject), the client they last switched to: where they land after the
-- next sign-in. A person's setting, above tenants like agency_member (no tenant_id column, no policy):
-- the id grants nothing, the UI selects it only if the person's memberships still hold it.
create table last_client (
    subject   text primary key,
    client_id text        not null,
    chosen_at timestamptz not null
);

-- Which of these clients have any visit stored (rolled up or not yet): a person without a remembered
-- client lands on the first client, by name, with data. The caller passes only ids from the person's
-- memberships; it learns only whether each has data.
create function clients_with_visits(p_tenant_ids text[])
    returns setof text
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select t.id from unnest(p_tenant_ids) as t(id)
    where exists (select 1 from visit_daily v where v.tenant_id = t.id)
       or exists (select 1 from visit_daily_delta v where v.tenant_id = t.id)
$$;

-- ------------------------------------------------------------------ portfolio over any days
-- Per (client, first day, last day) asked for, of clients of the given agencies: the headline KPIs as
-- agency_portfolio and agency_converted_visits of V16 count them over those tenant-local days:
-- touchpoints (visits), counted macro conversions, their value (in the client's currency), and the
-- visits that led to one. PortfolioService asks each client's period and the one before in one call.
create function agency_client_kpis(p_agency_ids text[], p_tenant_ids text[], p_first_days date[], p_last_days date[])
    returns table (tenant_id text, first_day date, touchpoints bigint, conversions bigint, revenue numeric,
                   converted_visits bigint)
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    with client as (
        select t.id, w.first_day, w.last_day,
               tenant_day_start(w.first_day, t.time_zone) as period_start,
               tenant_day_start(w.last_day + 1, t.time_zone) as period_end
        from unnest(p_tenant_ids, p_first_days, p_last_days) as w(tenant_id, first_day, last_day)
        join tenant t on t.id = w.tenant_id
        where t.agency_id = any(p_agency_ids) and w.first_day <= w.last_day
    )
    select c.id, c.first_day,
           ((select coalesce(sum(v.visits), 0) from visit_daily v
             where v.tenant_id = c.id and v.day >= c.first_day and v.day <= c.last_day)
            + (select coalesce(sum(v.visits), 0) from visit_daily_delta v
               where v.tenant_id = c.id and v.minute_start >= c.period_start and v.minute_start < c.period_end))::bigint,
           macro.conversions::bigint,
           macro.revenue,
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
$$;
