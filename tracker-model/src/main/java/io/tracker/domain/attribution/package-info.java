/**
 * Attribution: journeys ({@link io.tracker.domain.attribution.JourneyBuilder}, under each conversion
 * action's {@link io.tracker.domain.attribution.JourneyRules}: windows, journey start, counting), the
 * rule-based models that share a conversion among its touches ({@link io.tracker.domain.attribution.AttributionModel}),
 * the data-driven models fitted on many journeys ({@link io.tracker.domain.attribution.MarkovModel},
 * {@link io.tracker.domain.attribution.ShapleyModel}) and path analysis of uploaded path data.
 * Pure logic; the application tier stores the credits per conversion per model. Invariants: a
 * journey's order never depends on arrival order or database ids; a conversion's credits add up to 1.
 */
package io.tracker.domain.attribution;
