/**
 * Reports: attribution by channel or campaign and headline KPIs, per tenant, per period in the
 * tenant's time zone; and an agency admin's portfolio of all their clients' KPIs in one query.
 */
package io.tracker.application.reporting;
