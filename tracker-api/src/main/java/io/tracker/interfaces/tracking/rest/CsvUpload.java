package io.tracker.interfaces.tracking.rest;

import io.tracker.application.shared.RowError;
import io.tracker.application.tracking.imports.ImportSlots;
import io.tracker.application.tracking.imports.LimitedInputStream;
import io.tracker.interfaces.shared.limits.TooManyRequests;
import io.tracker.interfaces.shared.rest.BodyCharset;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.shared.rest.StrictJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every file import over HTTP checks before it reads a byte, and how it answers: {@code 415} for a
 * {@code charset} Java does not know (UTF-8 without one); {@code 413} when {@code Content-Length} is above
 * {@code TRACKER_IMPORTS_MAX_BYTES} (and again while streaming, through {@link LimitedInputStream}); {@code 429}
 * with {@code Retry-After} while the tenant already runs its maximum of imports; else {@code 200} with the
 * import's JSON report (whose shared parts are written here: the rejected rows, the list of uploads).
 */
public final class CsvUpload {

    private CsvUpload() {
    }

    /**
     * @param importer reads the (size-limited) body in its charset and answers the report as JSON text
     */
    public static Response run(String contentType, String contentLength, InputStream body, ImportSlots slots,
                               String tenantId, BiFunction<InputStream, Charset, String> importer) {
        Optional<Charset> charset = BodyCharset.of(contentType);
        if (charset.isEmpty()) {
            return Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unknown charset in the Content-Type; send "
                    + "UTF-8 (or name a charset such as ISO-8859-1 or windows-1252)");
        }
        long maxBytes = slots.maxBytes();
        if (declaredLength(contentLength) > maxBytes) {
            return Problem.of(413, LimitedInputStream.tooLarge("the import file", maxBytes).getMessage());
        }
        return inSlot(slots, tenantId, () -> importer.apply(new LimitedInputStream(body, maxBytes, "the import file"),
                charset.get()));
    }

    /** Runs an import in one of the tenant's import slots; {@code 429} when none is free. */
    public static Response inSlot(ImportSlots slots, String tenantId, Supplier<String> work) {
        Optional<ImportSlots.Slot> slot = slots.tryAcquire(tenantId);
        if (slot.isEmpty()) {
            return TooManyRequests.response(429, "this client already runs " + slots.max()
                    + " imports; wait until one has finished", ImportSlots.RETRY_AFTER_SECONDS * 1_000_000_000L);
        }
        try (ImportSlots.Slot held = slot.get()) {
            return Response.ok(work.get(), MediaType.APPLICATION_JSON_TYPE).build();
        }
    }

    /** The rejected rows of an upload's report as the API answers them: {@code [{"row","error","column"}]}. */
    public static JsonArrayBuilder errors(List<RowError> errors) {
        JsonArrayBuilder a = StrictJson.PROVIDER.createArrayBuilder();
        errors.forEach(e -> {
            JsonObjectBuilder o = StrictJson.PROVIDER.createObjectBuilder().add("row", e.row()).add("error", e.error());
            if (e.column() == null) {
                o.addNull("column");
            } else {
                o.add("column", e.column());
            }
            a.add(o);
        });
        return a;
    }

    /** The latest uploads' reports as the API lists them: {@code {"uploads":[…]}}. */
    public static <R> String uploads(List<R> reports, Function<R, JsonObjectBuilder> json) {
        JsonArrayBuilder a = StrictJson.PROVIDER.createArrayBuilder();
        reports.forEach(r -> a.add(json.apply(r)));
        return StrictJson.PROVIDER.createObjectBuilder().add("uploads", a).build().toString();
    }

    private static long declaredLength(String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
