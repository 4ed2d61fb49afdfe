package io.tracker.interfaces.shared.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The HTTP API lives under {@code /api}; version 1 under {@code /api/v1}. */
@ApplicationPath("/api")
public class TrackerApi extends Application {

    /** No generated WADL: the API is described in the README, not advertised to anonymous callers. */
    @Override
    public java.util.Map<String, Object> getProperties() {
        return java.util.Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
