package io.tracker.interfaces.shared.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The HTTP API lives under {@code /api}; version 1 under {@code /api/v1}. */
@ApplicationPath("/api")
public class TrackerApi extends Application {
}
