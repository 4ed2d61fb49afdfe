/**
 * Offline conversion imports: rows from the till or the CRM (CSV or JSON) read strictly, matched to journeys
 * (a stored click id, else a person identified earlier by the same hashed e-mail or phone, within the
 * action's lookback window), stored as conversions with their hashed identifiers, and summed up in a match
 * report per upload. Works as the current tenant under row-level security; the attribution worker credits
 * matched conversions after the import commits.
 */
package io.tracker.application.conversion.offline;
