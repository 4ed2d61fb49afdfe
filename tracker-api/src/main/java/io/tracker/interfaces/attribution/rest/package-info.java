/** Attribution over HTTP: its progress. */
package io.tracker.interfaces.attribution.rest;
