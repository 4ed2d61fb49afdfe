-- Version 7: conversion actions as Google Ads defines them (issue #8), and what attribution needs
-- to honour them.

-- What records a conversion of the action (trigger_type):
--   EVENT   an event with this name (trigger_event; null means the action key itself), for example
--           Segment's 'Order Completed';
--   URL     a page view whose URL matches url_pattern by url_match (EQUALS, STARTS_WITH or REGEX):
--           the thank-you page;
--   CALL    a qualified call: answered and lasting at least call_min_seconds;
--   OFFLINE an offline import row naming the action.
alter table conversion_action add column trigger_type text not null default 'EVENT'
    check (trigger_type in ('EVENT', 'URL', 'CALL', 'OFFLINE'));
alter table conversion_action add column trigger_event text;
alter table conversion_action add column url_match text check (url_match in ('EQUALS', 'STARTS_WITH', 'REGEX'));
alter table conversion_action add column url_pattern text;
alter table conversion_action add column call_min_seconds integer check (call_min_seconds >= 0);
-- Value: EVENT takes the event's value (default_value when it has none); FIXED always default_value.
-- currency null means the tenant's reporting currency.
alter table conversion_action add column value_source text not null default 'EVENT'
    check (value_source in ('EVENT', 'FIXED'));
alter table conversion_action add column currency char(3);
-- Windows, in days, measured back from each conversion: clicks (and other interactions) up to
-- lookback_days, impressions up to view_through_days.
alter table conversion_action add column lookback_days integer not null default 30
    check (lookback_days between 1 and 90);
alter table conversion_action add column view_through_days integer not null default 1
    check (view_through_days between 1 and 30);
-- Where a conversion's journey starts: LOOKBACK (the default, as Google Ads, GA4 and Matomo count:
-- the whole window, whatever converted before) or AFTER_PREVIOUS_CONVERSION (the window, cut after
-- the person's previous conversion of this action, as path data is often built).
alter table conversion_action add column journey_start text not null default 'LOOKBACK'
    check (journey_start in ('LOOKBACK', 'AFTER_PREVIOUS_CONVERSION'));
-- ACTIVE actions record conversions; PAUSED ones record nothing new and keep their history.
alter table conversion_action add column status text not null default 'ACTIVE'
    check (status in ('ACTIVE', 'PAUSED'));

-- Counting ONE is Google's "one": one conversion per ad interaction (per journey), decided by
-- attribution, not at ingestion. A conversion that attribution finds repeating an earlier counted
-- one of the same action and journey is kept but not counted (and gets no credit).
alter table conversion add column counted boolean not null default true;

-- Time decay's half-life per tenant, in hours (default 7 days).
alter table tenant add column time_decay_half_life_hours integer not null default 168
    check (time_decay_half_life_hours between 1 and 8760);

-- Credits also by source / medium ("google / cpc"; "(direct) / (none)" for direct), so reports
-- can be broken down that way.
alter table attribution_credit add column source_medium text not null default '';
alter table attribution_credit drop constraint attribution_credit_pkey;
alter table attribution_credit add primary key (tenant_id, conversion_id, model, channel, campaign, source_medium);

-- What kind of touch: a CLICK (any visit or interaction) or an ad IMPRESSION (a view), which
-- counts only within the action's view-through window.
alter table touchpoint add column interaction text not null default 'CLICK'
    check (interaction in ('CLICK', 'IMPRESSION'));
