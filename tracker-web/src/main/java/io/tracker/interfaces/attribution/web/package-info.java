/** The path analysis page ({@code /app/path-analyses.xhtml}): upload path data, compare every model. */
package io.tracker.interfaces.attribution.web;
