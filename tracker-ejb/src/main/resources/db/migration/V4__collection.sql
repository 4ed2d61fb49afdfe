-- Version 4 (this branch's copy): only the two tables the attribution worker needs, verbatim from
-- the collection contract; the collection writer's V4__collection.sql holds the same DDL and
-- replaces this file at merge.

-- A visitor id known to belong to a person (identify): a user id or a normalised, hashed e-mail.
create table identity_link (
    tenant_id  text        not null references tenant (id),
    visitor_id text        not null,
    person_key text        not null, -- 'user:' || user id, or 'email:' || lowercase hex SHA-256
    linked_at  timestamptz not null default now(),
    primary key (tenant_id, visitor_id, person_key)
);
create index identity_link_person_idx on identity_link (tenant_id, person_key);

-- Visitors whose attribution must be recomputed; the attribution worker consumes them.
create table attribution_pending (
    tenant_id  text        not null references tenant (id),
    visitor_id text        not null,
    marked_at  timestamptz not null default now(),
    primary key (tenant_id, visitor_id)
);
create index attribution_pending_age_idx on attribution_pending (marked_at);

create policy tenant_isolation on identity_link
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
create policy tenant_isolation on attribution_pending
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

alter table identity_link enable row level security;
alter table identity_link force row level security;
alter table attribution_pending enable row level security;
alter table attribution_pending force row level security;
