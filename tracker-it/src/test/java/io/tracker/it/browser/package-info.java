/**
 * Browser tests: the JSF pages in real headless Chromium through Selenium, against the real EAR,
 * asserting what a user sees (figures as the pages print them, en-US format). Screenshots are
 * kept in {@code tracker-it/target/screenshots/}.
 */
package io.tracker.it.browser;
