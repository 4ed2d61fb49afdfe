-- The dashboard's attribution table and model comparison read every model's rows of credit_daily for the period
-- at once (ReportService.reports: 19,667 rows for 90 days of a tenant with 1 million touchpoints). Through the
-- primary key each row was a visit to the heap, about 20,000 buffer hits scattered over the table; this index
-- holds every column the report reads, so the statement is an index-only scan of about 330 pages once vacuum has
-- marked them all-visible (README, "Speed of the dashboard"). Same leading columns as the primary key, so a
-- single-model report uses it too. The price: the fold's updates of conversions, revenue and credits change an
-- indexed column, so they are no longer HOT updates and write this index as well.
create index credit_daily_report_idx on credit_daily (tenant_id, model, day, action_id)
    include (channel, campaign, source_medium, conversions, revenue, credits);
