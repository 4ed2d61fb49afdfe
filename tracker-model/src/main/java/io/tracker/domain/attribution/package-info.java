/**
 * Attribution: journeys ({@link io.tracker.domain.attribution.JourneyBuilder}) and the rule-based
 * models that share a conversion among its touches ({@link io.tracker.domain.attribution.AttributionModel}).
 * Pure logic; the application tier stores the credits per conversion per model.
 */
package io.tracker.domain.attribution;
