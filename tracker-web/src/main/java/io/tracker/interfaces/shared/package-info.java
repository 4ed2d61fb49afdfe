/** What all interfaces share: the JAX-RS application, problem+json errors and the health check. */
package io.tracker.interfaces.shared;
