/** The JAX-RS application, JSON settings and problem+json (RFC 9457) error mapping shared by every API. */
package io.tracker.interfaces.shared.rest;
