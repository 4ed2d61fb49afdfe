/**
 * Integration tests ({@code *IT}, run by failsafe): the real EAR in a real Payara domain against a
 * real PostgreSQL database, exercised through the public HTTP API as a client would. Each test
 * makes its own tenant ({@link io.tracker.it.support.TrackerClient#createTenant}), so tests never
 * see each other's data and need no clean-up. Expected numbers are computed in the tests from
 * the inputs (by hand or with {@link io.tracker.it.support.ReferenceAttribution}), never copied
 * from the product's output.
 */
package io.tracker.it;
