/** {@code /api/v1/path-analyses}: path data uploaded and every attribution model side by side. */
package io.tracker.interfaces.attribution.rest;
