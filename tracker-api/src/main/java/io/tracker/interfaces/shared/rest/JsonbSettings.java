package io.tracker.interfaces.shared.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** JSON on the wire uses snake_case names ({@code time_zone}, {@code created_at}), like the events API. */
@Provider
public class JsonbSettings implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(true));

    /** A value as the API writes it (for answers built as text, such as the file imports'). */
    public static String toJson(Object value) {
        return JSONB.toJson(value);
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
