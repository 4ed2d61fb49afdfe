/** Report API: attribution by model and dimension, headline KPIs; dates in the tenant's time zone. */
package io.tracker.interfaces.reporting.rest;
