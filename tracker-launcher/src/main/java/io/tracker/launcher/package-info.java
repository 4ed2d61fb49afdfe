/**
 * The launcher: starts Tracker's local stack for {@code ./run} ({@link io.tracker.launcher.LocalStack},
 * state in {@code .tracker/}) and the integration tests' servers ({@link io.tracker.launcher.TestStack},
 * state in {@code tracker-it/target/it-stack}) the same way: PostgreSQL with an application role,
 * Keycloak with Tracker's realm, and a Payara domain configured only by the command files shared with
 * the container image ({@code docker/payara/}). Never part of the EAR.
 */
package io.tracker.launcher;
