/**
 * The demo agency and tenant that {@code ./run} shows, and the generator of their traffic.
 * Product code, not test fixtures: it is how a newcomer sees Tracker work.
 */
package io.tracker.application.demo;
