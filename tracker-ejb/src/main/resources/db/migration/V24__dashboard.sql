-- The dashboard's drill-down lists a channel's credited conversions of a period (CreditedConversionService):
-- the rule-based credits by conversion time, as data_driven_credit already is (attribution_credit_report_idx).
create index conversion_credit_time_idx on conversion_credit (tenant_id, converted_at);
