/**
 * Offline conversions: sales and leads recorded where no tag sees them (the till, the CRM, the phone), uploaded
 * as rows and matched to journeys by click id or by the hashed e-mail or phone of a person identified earlier.
 * Rows are read strictly (a malformed value is the row's error, naming its column) and their identifiers are
 * hashed on arrival ({@link io.tracker.domain.conversion.enhanced}); nothing raw leaves this package.
 */
package io.tracker.domain.conversion.offline;
