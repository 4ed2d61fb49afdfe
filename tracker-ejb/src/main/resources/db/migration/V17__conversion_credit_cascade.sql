-- Version 17 (issue #8, speed of rule-based credits). conversion_credit's foreign key to conversion
-- (V15) checked every credited conversion with a query of its own: 55-70 ms of each 4,000-conversion
-- statement of the attribution worker on the benchmark (tracker-launcher/bench/attribution-bench.sh),
-- a seventh of storing the credits. The worker writes credits only for conversions it has read and
-- locked (for update) in the same transaction, so the check never finds anything missing; what the
-- key still did is its "on delete cascade", which a statement trigger on conversion now does: a
-- conversion deleted takes its rule-based credits with it, and their roll-up deltas (V15's triggers on
-- conversion_credit) go too.
--
-- A conversion is deleted only after the worker's transaction that locked it ends, or the worker finds
-- it gone (its for update waits for the delete), so no credit outlives its conversion.

alter table conversion_credit drop constraint conversion_credit_tenant_id_conversion_id_fkey;

-- Runs as the owner, for deletes cascaded from elsewhere (a tenant's rows deleted by a maintenance job)
-- as much as the application's: it removes the credits of the conversions just deleted, nothing else.
create function conversion_credit_cascade()
    returns trigger
    language plpgsql
    security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
begin
    delete from conversion_credit c
    using gone g
    where c.tenant_id = g.tenant_id and c.conversion_id = g.id;
    return null;
end
$$;

create trigger conversion_credit_cascade after delete on conversion
    referencing old table as gone
    for each statement execute function conversion_credit_cascade();
