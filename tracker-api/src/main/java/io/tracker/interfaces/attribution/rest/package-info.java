/** Attribution API: data-driven runs (markov, shapley) asked for on demand and followed to their end. */
package io.tracker.interfaces.attribution.rest;
