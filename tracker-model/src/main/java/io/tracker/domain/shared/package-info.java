/**
 * What every capability shares: the tenant-owned base entity (where isolation is declared once)
 * and the domain exceptions that the web tier maps to problem+json statuses.
 */
package io.tracker.domain.shared;
