-- Version 5: what the attribution worker (AttributionWorker) needs beside the contract's tables.
--
-- Writers mark visitors in attribution_pending in the same transaction as their events
-- (PendingAttribution.mark: insert ... on conflict do nothing, so the oldest mark stays and the lag
-- is now() - min(marked_at)). Each server's worker finds the tenants with work through
-- attribution_pending_tenants(), claims a tenant's oldest marks by deleting them (FOR UPDATE SKIP
-- LOCKED, so servers share the work) and re-attributes those visitors' persons in the same
-- transaction.

-- A visitor whose re-attribution failed is retried after a growing pause (AttributionQueue.defer),
-- so one failing visitor neither spins the worker nor holds up the tenant's other visitors. Its
-- marked_at stays: the lag keeps showing it.
alter table attribution_pending add column attempts integer not null default 0;
alter table attribution_pending add column retry_after timestamptz;

-- The claim: a tenant's oldest marks first.
create index attribution_pending_tenant_age_idx on attribution_pending (tenant_id, marked_at);

-- attribution_pending forces row-level security, which applies to its owner too, and the functions
-- below run as the owner (SECURITY DEFINER). This policy lets the owner, and only the owner (the role
-- running this migration), read the queue across tenants; the application role stays limited to
-- app.tenant_id. (A superuser owner, as in development, is not subject to policies anyway.)
create policy queue_owner_reads on attribution_pending for select to current_user using (true);

-- The tenants whose marks are ready to be claimed (no pending retry pause), for the worker's poll
-- (every ~0.5 s on each server). A loose index scan over the primary key: one probe per tenant with
-- marks, however long the queue.
create function attribution_pending_tenants()
    returns table (tenant_id text)
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    with recursive t(id) as (
        select min(p.tenant_id) from attribution_pending p
        union all
        select (select min(p.tenant_id) from attribution_pending p where p.tenant_id > t.id)
        from t where t.id is not null
    )
    select t.id from t
    where t.id is not null
      and exists (select 1 from attribution_pending p
                  where p.tenant_id = t.id and (p.retry_after is null or p.retry_after <= now()))
$$;

-- The platform's attribution lag, for /health: how many visitors wait and the age of the oldest mark
-- in seconds (0 when none waits). Aggregates only.
create function attribution_lag()
    returns table (pending bigint, lag_seconds double precision)
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select count(*), coalesce(extract(epoch from now() - min(marked_at))::double precision, 0)
    from attribution_pending
$$;
