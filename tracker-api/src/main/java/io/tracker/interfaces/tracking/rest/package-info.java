/** Collection endpoints: the events API (touchpoints and conversions) and file imports. */
package io.tracker.interfaces.tracking.rest;
