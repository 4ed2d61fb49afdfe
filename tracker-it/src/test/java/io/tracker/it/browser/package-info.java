/**
 * Browser tests: the JSF pages in real headless Chromium through Selenium, against the real EAR,
 * signed in on the real Keycloak login page of the build's test Keycloak as the realm's demo users
 * (agency admin, analyst, viewer, platform admin), asserting what a person sees (figures as the
 * pages print them, en-US format) and what the pages refuse. The demo users are shared by the whole
 * build, so each test first resets the memberships of the one it signs in as
 * ({@link io.tracker.it.browser.MembershipReset}, added to these tests' deployments only) and gives
 * it exactly the tenants it asserts. Screenshots are kept in {@code tracker-it/target/screenshots/}.
 *
 * <p>{@link io.tracker.it.browser.TagBrowserTest} is the exception: a surefire test of the tag alone on
 * {@link io.tracker.it.browser.DemoShop}, which stands in for Tracker's server.
 */
package io.tracker.it.browser;
