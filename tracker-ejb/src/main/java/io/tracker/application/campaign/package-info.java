/** Managing the tenant's campaigns. */
package io.tracker.application.campaign;
