package io.tracker.interfaces.reporting.rest;

import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * Refuses query parameters a report does not take. Without it a misspelt or unsupported filter
 * ({@code &utm_source=…}) is silently ignored and the unfiltered report comes back as if filtered.
 */
public final class KnownParameters {

    /** Taken by every API request: the client tenant a person or agency token acts in (ApiAuthentication). */
    private static final String TENANT = "tenant";

    private KnownParameters() {
    }

    /**
     * @throws InvalidInputException (400) naming the first parameter of the request neither in
     *                               {@code known} nor {@code tenant}
     */
    public static void check(UriInfo uri, String... known) {
        List<String> allowed = List.of(known);
        for (String name : uri.getQueryParameters().keySet()) {
            if (!allowed.contains(name) && !TENANT.equals(name)) {
                throw new InvalidInputException("unknown parameter " + Text.echo(name) + ": this report takes "
                        + String.join(", ", allowed));
            }
        }
    }
}
