-- The portfolio reads agency_client_kpis (V23) for any period and the one before it; the last-N-days
-- functions it replaced repeated the same sums and have had no caller since. One definition is left.
drop function agency_portfolio(text[], integer, timestamptz);
drop function agency_converted_visits(text[], integer, timestamptz);
