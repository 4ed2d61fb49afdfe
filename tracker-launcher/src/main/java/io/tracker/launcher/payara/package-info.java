/**
 * The Payara Server domain: created once with a generated admin password, started with the shared
 * pre-/post-boot command files ({@code docker/payara/}), which hold the whole domain configuration
 * apart from what cannot be a boot command (ports, JVM options: {@link io.tracker.launcher.payara.DomainXml}).
 */
package io.tracker.launcher.payara;
