-- The agency portfolio's ad cost: per client and period (as agency_client_kpis, V23), the imported ad cost
-- (ad_cost, V21) of the client's days in the period; a client without any cost in it has no row (its cost
-- and ROAS are unknown, not 0). Aggregates only, of clients of the given agencies: the caller's agencies,
-- found by PortfolioService (AccessService).
create function agency_client_costs(p_agency_ids text[], p_tenant_ids text[], p_first_days date[], p_last_days date[])
    returns table (tenant_id text, first_day date, cost numeric)
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select t.id, w.first_day, sum(c.cost)
    from unnest(p_tenant_ids, p_first_days, p_last_days) as w(tenant_id, first_day, last_day)
    join tenant t on t.id = w.tenant_id
    join ad_cost c on c.tenant_id = t.id and c.day >= w.first_day and c.day <= w.last_day
    where t.agency_id = any(p_agency_ids) and w.first_day <= w.last_day
    group by t.id, w.first_day
$$;
