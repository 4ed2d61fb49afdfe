-- Version 12: the nightly data-driven schedule decides in Java which tenants are due
-- (NightlyRunSchedule: tenant-local time of day and calendar day, DST included, unit-tested), so the
-- database now only names the tenants that could be: no run queued or running, and a conversion newer
-- than their last successful run read (or conversions and no run yet), with their time zone and when
-- their latest scheduled run was asked for. Replaces data_driven_runs_due (V8), which compared
-- tenant-local times in SQL.
create function data_driven_schedule_candidates()
    returns table (tenant_id text, time_zone text, last_scheduled_at timestamptz)
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select t.id, t.time_zone,
           (select max(r.requested_at) from data_driven_run r where r.tenant_id = t.id and r.reason = 'SCHEDULE')
    from tenant t
    where not exists (select 1 from data_driven_run r where r.tenant_id = t.id and r.status in ('QUEUED', 'RUNNING'))
      and exists (select 1 from conversion c where c.tenant_id = t.id
                  and c.id > coalesce((select max(r.up_to_conversion) from data_driven_run r
                                       where r.tenant_id = t.id and r.status = 'SUCCEEDED'), 0))
$$;

drop function data_driven_runs_due(time);
