/** Reports: attribution by channel or campaign and headline KPIs, per tenant, per period in the tenant's time zone. */
package io.tracker.application.reporting;
