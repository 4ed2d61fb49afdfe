package io.tracker.application.conversion.destinations;

import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.domain.conversion.export.GoogleAdsPayloads;
import io.tracker.domain.conversion.export.MetaPayloads;
import io.tracker.domain.conversion.export.OutgoingAdjustment;
import io.tracker.domain.conversion.export.OutgoingConversion;
import io.tracker.domain.conversion.export.Platform;
import io.tracker.domain.shared.ConflictException;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Sends the current tenant's conversions to Google Ads and Meta, and keeps each row's result.
 *
 * <p>A run ({@link #upload}): {@link DestinationUploads#prepare} picks the rows that are new, changed since their
 * result was kept, or waiting to be retried, and keeps those that {@code ExportValidator} refuses as INVALID with the
 * reasons (they are never sent); the others go out in requests of at most {@link Platform#maxRowsPerRequest()} rows
 * (Google Ads 2,000, Meta 1,000), one after the other, each answer kept at once ({@link DestinationUploads#record}:
 * one {@code destination_request} row per request, one {@code destination_upload} row per conversion) — so a run
 * stopped half-way loses nothing. The HTTP requests run outside any database transaction.
 *
 * <ul>
 *   <li>Google Ads: {@code POST {endpoint}/customers/{account id}:uploadClickConversions} (then
 *       {@code :uploadConversionAdjustments} for restatements and retractions) with {@code Authorization: Bearer
 *       {access token}}, {@code developer-token}, {@code login-customer-id} when a manager account acts, and the JSON
 *       body of {@code GoogleAdsPayloads} ({@code partialFailure: true}); {@code endpoint} defaults to
 *       {@value #GOOGLE_ADS_API}.</li>
 *   <li>Meta: {@code POST {endpoint}/{pixel id}/events?access_token={token}} with the body of
 *       {@code MetaPayloads.events}; {@code endpoint} defaults to {@value #META_API}.</li>
 *   <li>Microsoft Advertising: files only ({@link DestinationExports}); there is no uploader for it.</li>
 * </ul>
 *
 * <p>Results ({@link PlatformAnswers}): ACCEPTED; FAILED with the platform's own error text; RETRY for HTTP 429, 5xx,
 * 401/403, a timeout or a refused connection (sent again at the next run). ACCEPTED, FAILED and INVALID rows are not
 * sent again unless the conversion changes. Timeouts: {@value #CONNECT_TIMEOUT_SECONDS} s to connect,
 * {@value #REQUEST_TIMEOUT_SECONDS} s per request. One run per tenant and platform at a time on a server (a second
 * is refused with a conflict).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConversionUploader {

    static final String GOOGLE_ADS_API = "https://googleads.googleapis.com/v19";
    static final String META_API = "https://graph.facebook.com/v21.0";
    static final int CONNECT_TIMEOUT_SECONDS = 10;
    static final int REQUEST_TIMEOUT_SECONDS = 60;

    private static final Logger LOG = Logger.getLogger(ConversionUploader.class.getName());

    /** HTTP/1.1 for plain http endpoints (no h2c upgrade); TLS endpoints negotiate as usual. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS)).followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private static final Set<String> RUNNING = ConcurrentHashMap.newKeySet();

    @EJB
    private DestinationUploads uploads;

    @Inject
    private CurrentTenant currentTenant;

    /**
     * Uploads what is due now to the platform.
     *
     * @return the run's counts
     * @throws io.tracker.domain.shared.RuleViolationException when the destination cannot be sent to (not enabled,
     *                                                         Microsoft Advertising, credentials missing)
     * @throws ConflictException                               while another run for it is under way on this server
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public UploadRun upload(Platform platform) {
        String key = currentTenant.require() + "/" + platform;
        if (!RUNNING.add(key)) {
            throw new ConflictException("an upload to " + PlatformNames.label(platform) + " is under way");
        }
        try {
            UploadWork work = uploads.prepare(platform);
            int sent = 0;
            int accepted = 0;
            int failed = 0;
            int retry = 0;
            int requests = 0;
            for (Chunk chunk : chunks(platform, work)) {
                PlatformAnswer answer = send(platform, work, chunk);
                uploads.record(platform, chunk.kind, chunk.ids, chunk.fingerprints, answer);
                requests++;
                sent += chunk.ids.size();
                accepted += answer.count("ACCEPTED");
                failed += answer.count("FAILED");
                retry += answer.count("RETRY");
            }
            UploadRun run = new UploadRun(PlatformNames.path(platform), work.considered(), work.invalid(), sent, accepted,
                    failed, retry, requests);
            LOG.fine(() -> "upload of tenant " + key + ": " + run);
            return run;
        } finally {
            RUNNING.remove(key);
        }
    }

    /** Rows of one request. */
    private record Chunk(String kind, List<Long> ids, List<String> fingerprints, List<OutgoingConversion> conversions,
                         List<OutgoingAdjustment> adjustments) {
    }

    private static List<Chunk> chunks(Platform platform, UploadWork work) {
        int max = platform.maxRowsPerRequest();
        List<Chunk> chunks = new ArrayList<>();
        List<OutgoingConversion> conversions = work.conversions();
        for (int from = 0; from < conversions.size(); from += max) {
            int to = Math.min(conversions.size(), from + max);
            List<OutgoingConversion> part = List.copyOf(conversions.subList(from, to));
            chunks.add(new Chunk("CONVERSION", ids(part, OutgoingConversion::conversionId),
                    List.copyOf(work.fingerprints().subList(from, to)), part, List.of()));
        }
        List<OutgoingAdjustment> adjustments = work.adjustments();
        for (int from = 0; from < adjustments.size(); from += max) {
            List<OutgoingAdjustment> part = List.copyOf(adjustments.subList(from, Math.min(adjustments.size(), from + max)));
            chunks.add(new Chunk("ADJUSTMENT", ids(part, OutgoingAdjustment::adjustmentId), null, List.of(), part));
        }
        return chunks;
    }

    private static <T> List<Long> ids(List<T> rows, Function<T, Long> id) {
        return rows.stream().map(id).toList();
    }

    private static PlatformAnswer send(Platform platform, UploadWork work, Chunk chunk) {
        int rows = chunk.ids.size();
        HttpRequest request;
        if (platform == Platform.GOOGLE_ADS) {
            boolean adjustments = chunk.kind.equals("ADJUSTMENT");
            String body = adjustments
                    ? GoogleAdsPayloads.uploadConversionAdjustments(work.accountId(), chunk.adjustments, work.zone())
                    : GoogleAdsPayloads.uploadClickConversions(work.accountId(), chunk.conversions, work.zone());
            String base = work.endpoint() == null ? GOOGLE_ADS_API : work.endpoint();
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/customers/" + work.accountId()
                            + (adjustments ? ":uploadConversionAdjustments" : ":uploadClickConversions")))
                    .timeout(Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + work.accessToken())
                    .header("developer-token", work.developerToken())
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (work.loginCustomerId() != null) {
                b.header("login-customer-id", work.loginCustomerId());
            }
            request = b.build();
        } else {
            String base = work.endpoint() == null ? META_API : work.endpoint();
            request = HttpRequest.newBuilder(URI.create(base + "/" + work.accountId() + "/events?access_token="
                            + URLEncoder.encode(work.accessToken(), StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MetaPayloads.events(chunk.conversions, null),
                            StandardCharsets.UTF_8))
                    .build();
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return PlatformAnswers.noAnswer(rows, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PlatformAnswers.noAnswer(rows, e);
        }
        if (platform == Platform.GOOGLE_ADS) {
            return PlatformAnswers.google(response.statusCode(), response.body(),
                    response.headers().firstValue("request-id").orElse(null), rows,
                    chunk.kind.equals("ADJUSTMENT") ? "conversionAdjustments" : "conversions");
        }
        return PlatformAnswers.meta(response.statusCode(), response.body(), rows);
    }
}
