-- Version 3: PostgreSQL row-level security, the second wall behind the EJB interceptor.
--
-- The application connects as a role of its own (not the owner, not a superuser, no BYPASSRLS;
-- DatabaseMigration refuses to start otherwise), which is granted the tables in afterMigrate.sql.
-- Every tenant-owned table lets that role see and write only the rows of the tenant named by the
-- per-transaction setting app.tenant_id (set_config('app.tenant_id', ?, true), done by
-- TenantConnections at the start of each transaction and whenever the tenant changes). A query that
-- forgets its "where tenant_id = ?" returns the current tenant's rows, and without a tenant none.
-- current_setting(…, true) is null when the setting was never made, '' after a transaction that
-- made it: neither equals a tenant id.
--
-- The few lookups that must cross tenants go through the SECURITY DEFINER functions below, owned by
-- the schema owner (to whom the policies do not apply), each returning only what its one purpose
-- needs. Their search_path is fixed, so no object of another schema can stand in for a table.

create policy tenant_isolation on api_key
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
create policy tenant_isolation on campaign
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
create policy tenant_isolation on conversion_action
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
create policy tenant_isolation on event_receipt
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
create policy tenant_isolation on touchpoint
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
create policy tenant_isolation on conversion
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
create policy tenant_isolation on attribution_credit
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
create policy tenant_isolation on tenant_member
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
create policy tenant_isolation on audit_entry
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- The tenant row is the tenant: read and changed only while acting for it. Creating one reads
-- nothing of any tenant, so inserting is open; TenantService checks who may create a client (an
-- admin of its agency, or Tracker's own jobs). Tenants are never deleted (no delete policy: denied).
create policy tenant_self_read on tenant for select
    using (id = current_setting('app.tenant_id', true));
create policy tenant_self_update on tenant for update
    using (id = current_setting('app.tenant_id', true))
    with check (id = current_setting('app.tenant_id', true));
create policy tenant_create on tenant for insert
    with check (true);

-- agency and agency_member are the agency level, above tenants: no tenant_id, no policy. Only
-- AccessService (by subject) and the platform jobs read them.

alter table api_key enable row level security;
alter table campaign enable row level security;
alter table conversion_action enable row level security;
alter table event_receipt enable row level security;
alter table touchpoint enable row level security;
alter table conversion enable row level security;
alter table attribution_credit enable row level security;
alter table tenant_member enable row level security;
alter table audit_entry enable row level security;
alter table tenant enable row level security;

-- API key authentication (TenantSelection.asApiKey): before the tenant is known, one unrevoked key by
-- the SHA-256 hash of the presented secret (unique index api_key_hash_idx).
create function api_key_by_hash(p_key_hash bpchar)
    returns table (tenant_id text, id bigint, scopes text, key_prefix text)
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select k.tenant_id, k.id, k.scopes, k.key_prefix
    from api_key k
    where k.key_hash = p_key_hash and k.revoked_at is null
$$;

-- A signed-in person's tenants and roles (AccessService): by the token's subject; every tenant as
-- agency admin for a platform admin (the identity provider's realm role, checked by the caller).
create function memberships_of(p_subject text, p_platform_admin boolean)
    returns table (tenant_id text, tenant_name text, agency_id text, agency_name text, role text)
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select t.id, t.name, a.id, a.name, 'AGENCY_ADMIN'
    from tenant t join agency a on a.id = t.agency_id
    where p_platform_admin
    union all
    select t.id, t.name, a.id, a.name, 'AGENCY_ADMIN'
    from agency_member m join agency a on a.id = m.agency_id join tenant t on t.agency_id = a.id
    where m.subject = p_subject
    union all
    select t.id, t.name, a.id, a.name, m.role
    from tenant_member m join tenant t on t.id = m.tenant_id join agency a on a.id = t.agency_id
    where m.subject = p_subject
$$;

-- Binds a person's pending invitations (by verified e-mail address, across the clients that invited
-- them) to their subject, the first time they sign in (AccessService).
create function claim_invitations(p_subject text, p_email text)
    returns void
    language sql volatile security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    update agency_member set subject = p_subject, joined_at = now() where email = p_email and subject is null;
    update tenant_member set subject = p_subject, joined_at = now() where email = p_email and subject is null;
$$;

-- An agency's client list (TenantService.clientsOf, for agencies the caller administers): the tenant
-- rows, by name.
create function agency_clients(p_agency_ids text[])
    returns setof tenant
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select * from tenant where agency_id = any(p_agency_ids) order by name, id
$$;

-- The agency portfolio (PortfolioService): per client of the agencies, the headline KPIs of the last
-- p_days days up to and including the day of p_now, each client's days in its own time zone:
-- touchpoints, macro conversions and their value (as ReportService.kpis counts them). Aggregates only.
create function agency_portfolio(p_agency_ids text[], p_days integer, p_now timestamptz)
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
        where v.tenant_id = c.id and a.category = 'MACRO'
          and v.occurred_at >= c.period_start and v.occurred_at < c.period_end
    ) macro
    order by c.name, c.id
$$;
