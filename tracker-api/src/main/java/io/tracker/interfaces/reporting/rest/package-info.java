/** Report API: attribution by model and dimension, every model side by side, headline KPIs; dates in the tenant's time zone. */
package io.tracker.interfaces.reporting.rest;
