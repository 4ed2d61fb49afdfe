/** Attribution over HTTP: path analyses ({@code /api/v1/path-analyses}), data-driven runs asked for on demand, and the re-attribution progress. */
package io.tracker.interfaces.attribution.rest;
