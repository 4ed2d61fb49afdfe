/**
 * The local Keycloak (development mode, 127.0.0.1 only) with Tracker's realm imported from
 * {@code docker/keycloak/tracker-realm.json}, and the record of what the realm was imported from.
 */
package io.tracker.launcher.keycloak;
