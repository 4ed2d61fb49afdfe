-- Version 26 (issue #12, conversion paths). The dashboard's conversion paths (the top channel sequences, the
-- time lag from the first touch and the path length) need each conversion's journey as attribution cut it. The
-- attribution worker already builds that journey to credit it, so it stores it beside the credits, in the same
-- row and statement: no other table, no other round trip, the same life (replaced on re-attribution, removed
-- with the credits and with the conversion) and row-level security as the credits.
--
-- path:           the channel of each touch of the journey, oldest first (the touches the credits were split
--                 over: within the action's lookback windows, from its journey start);
-- first_touch_at: when the first of them happened (the time lag is converted_at - first_touch_at).
--
-- Both are null for a conversion credited before this version, until the worker re-attributes it: every
-- visitor with a conversion is marked for re-attribution below, so the worker fills them in the background
-- (reports read only rows with a path).
alter table conversion_credit add column path text[], add column first_touch_at timestamptz,
    add constraint conversion_credit_path_check check ((path is null) = (first_touch_at is null)
                                                      and (path is null or cardinality(path) > 0));

-- attribution_pending forces row-level security on its owner too: marked tenant by tenant, each under its
-- own setting (transaction-local, so it ends with the migration's transaction).
do $$
declare
    t record;
begin
    for t in select distinct tenant_id from conversion_credit loop
        perform set_config('app.tenant_id', t.tenant_id, true);
        insert into attribution_pending (tenant_id, visitor_id)
        select distinct c.tenant_id, c.visitor_id
        from conversion c
        where c.tenant_id = t.tenant_id
        on conflict (tenant_id, visitor_id) do nothing;
    end loop;
    perform set_config('app.tenant_id', '', true);
end
$$;
