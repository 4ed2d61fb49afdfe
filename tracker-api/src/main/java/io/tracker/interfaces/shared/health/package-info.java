/** MicroProfile Health checks: Tracker is ready only while its database answers. */
package io.tracker.interfaces.shared.health;
