/**
 * Agencies, their client tenants and the tenants' API keys. A tenant is the unit of isolation:
 * every other capability's rows carry its id.
 */
package io.tracker.domain.tenant;
