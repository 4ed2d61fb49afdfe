/**
 * What the launcher's parts share: generated secrets in owner-only files, port checks, waiting for
 * conditions (never fixed sleeps), archives, child processes that outlive the launcher, and
 * {@link io.tracker.launcher.support.LaunchException} for failures the user can act on.
 */
package io.tracker.launcher.support;
