/**
 * Attribution: journeys ({@link io.tracker.domain.attribution.JourneyBuilder}) and the rule-based
 * models that share a conversion among its touches ({@link io.tracker.domain.attribution.AttributionModel}),
 * the data-driven models fitted on many journeys ({@link io.tracker.domain.attribution.MarkovModel},
 * {@link io.tracker.domain.attribution.ShapleyModel}) and path analysis of uploaded path data.
 * Pure logic; the application tier stores the credits per conversion per model.
 */
package io.tracker.domain.attribution;
