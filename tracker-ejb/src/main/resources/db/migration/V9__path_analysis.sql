-- Version 9: path analyses (issue #8). A tenant uploads path-level data in ChannelAttribution's
-- layout (path;total_conversions;total_conversion_value;total_null) and gets every model side by
-- side (PathAnalysisService). The file itself is not kept: only its totals and the credits.

create table path_analysis (
    tenant_id   text        not null references tenant (id),
    -- Random (not a sequence): an id says nothing about other analyses or tenants.
    id          uuid        not null,
    -- The caller's name for it (the uploaded file's name in the UI), at most 200 characters.
    name        text        not null check (length(name) between 1 and 200),
    created_at  timestamptz not null default now(),
    created_by  text        not null,
    -- Data lines used and skipped, distinct paths (repeated lines summed) and channels.
    lines       bigint      not null check (lines > 0),
    rejected    bigint      not null check (rejected >= 0),
    paths       integer     not null check (paths > 0),
    channels    integer     not null check (channels > 0),
    -- Totals of the used lines: converting journeys, their value (exact, as in the file), and
    -- journeys that did not convert.
    conversions bigint      not null check (conversions >= 0),
    revenue     numeric     not null check (revenue >= 0),
    nulls       bigint      not null check (nulls >= 0),
    primary key (tenant_id, id)
);
create index path_analysis_created_idx on path_analysis (tenant_id, created_at desc);

-- What one model gives one channel: conversions (fractional) and value. removal_effect is the
-- Markov removal effect, on the markov row only. time_decay has no row: path data has no times.
create table path_analysis_credit (
    tenant_id      text             not null,
    analysis_id    uuid             not null,
    channel        text             not null,
    model          text             not null
        check (model in ('first_touch', 'last_touch', 'linear', 'position_based', 'markov', 'shapley')),
    conversions    double precision not null check (conversions >= 0),
    revenue        double precision not null check (revenue >= 0),
    removal_effect double precision check (removal_effect between 0 and 1),
    primary key (tenant_id, analysis_id, channel, model),
    foreign key (tenant_id, analysis_id) references path_analysis (tenant_id, id) on delete cascade,
    check ((model = 'markov') = (removal_effect is not null))
);

-- Row-level security as in V3/V6.
create policy tenant_isolation on path_analysis
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
create policy tenant_isolation on path_analysis_credit
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
alter table path_analysis enable row level security;
alter table path_analysis_credit enable row level security;
