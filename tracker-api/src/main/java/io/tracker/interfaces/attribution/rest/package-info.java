/** Attribution over HTTP: {@code /api/v1/path-analyses} (path data uploaded and every model side by side) and the re-attribution progress. */
package io.tracker.interfaces.attribution.rest;
