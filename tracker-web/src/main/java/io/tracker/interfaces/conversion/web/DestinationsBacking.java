package io.tracker.interfaces.conversion.web;

import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.conversion.destinations.ActionMapping;
import io.tracker.application.conversion.destinations.ConversionUploader;
import io.tracker.application.conversion.destinations.DestinationChange;
import io.tracker.application.conversion.destinations.DestinationExports;
import io.tracker.application.conversion.destinations.DestinationService;
import io.tracker.application.conversion.destinations.DestinationSettings;
import io.tracker.application.conversion.destinations.ExportFile;
import io.tracker.application.conversion.destinations.PlatformNames;
import io.tracker.application.conversion.destinations.UploadRequest;
import io.tracker.application.conversion.destinations.UploadResult;
import io.tracker.application.conversion.destinations.UploadRun;
import io.tracker.domain.conversion.ConversionAction;
import io.tracker.domain.conversion.export.Platform;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * Backs {@code /app/destinations.xhtml}: per platform (Google Ads, Microsoft Advertising, Meta) the destination's
 * settings and action mapping (changed by analysts and agency admins; the tokens are password fields that keep
 * the stored value when left empty, never shown), "Upload now", the files of the last 30 days (the tenant's days),
 * the latest requests and each row's latest result (at most {@value #RESULTS} newest, filterable by status). Every
 * call delegates to {@code application.conversion.destinations}, which checks the permissions again.
 */
@Named
@ViewScoped
public class DestinationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int RESULTS = 500;
    static final int REQUESTS = 10;
    static final int FILE_DAYS = 30;

    @Inject
    private DestinationService destinations;

    @Inject
    private ConversionUploader uploader;

    @Inject
    private DestinationExports exports;

    @Inject
    private ConversionActionService actions;

    @Inject
    private SignedInUser user;

    private String tenantId;
    private String platform = PlatformNames.path(Platform.GOOGLE_ADS);
    private DestinationSettings settings;
    private List<UploadRequest> requests = List.of();
    private List<UploadResult> results = List.of();
    private String statusFilter;

    // The form.
    private boolean enabled;
    private String accountId;
    private String loginCustomerId;
    private String endpoint;
    private String accessToken;
    private String developerToken;
    private Integer uploadEveryMinutes;
    private List<MappingLine> mapping = new ArrayList<>();

    /** One of the tenant's conversion actions and its name at the platform (empty: not sent). */
    public static class MappingLine implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final String label;
        private String name;

        MappingLine(String key, String label, String name) {
            this.key = key;
            this.label = label;
            this.name = name;
        }

        public String getKey() {
            return key;
        }

        public String getLabel() {
            return label;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    @PostConstruct
    public void init() {
        tenantId = user.getTenantId();
        load();
    }

    /** Reads the selected platform's settings, requests and results again. */
    public void load() {
        Platform p = selected();
        settings = destinations.settings(p);
        enabled = settings.enabled();
        accountId = settings.accountId();
        loginCustomerId = settings.loginCustomerId();
        endpoint = settings.endpoint();
        uploadEveryMinutes = settings.uploadEveryMinutes();
        accessToken = null;
        developerToken = null;
        Map<String, String> mapped = new HashMap<>();
        settings.actions().forEach(a -> mapped.put(a.action(), a.name()));
        mapping = new ArrayList<>();
        for (ConversionAction a : actions.list()) {
            mapping.add(new MappingLine(a.getKey(), a.getName(), mapped.getOrDefault(a.getKey(), "")));
        }
        requests = destinations.requests(p, REQUESTS);
        loadResults();
    }

    /** Reads the results again with the status filter. */
    public void loadResults() {
        results = destinations.results(selected(), statusFilter, RESULTS);
    }

    /** Saves the form as the platform's settings. */
    public void save() {
        if (!user.confirmStill(tenantId)) {
            return;
        }
        List<ActionMapping> actionMapping = mapping.stream().filter(m -> m.getName() != null && !m.getName().isBlank())
                .map(m -> new ActionMapping(m.getKey(), m.getName())).toList();
        try {
            destinations.save(selected(), new DestinationChange(enabled, accountId, loginCustomerId, endpoint, accessToken,
                    developerToken, uploadEveryMinutes, actionMapping));
            Messages.info("Saved the settings for " + getPlatformLabel() + ".");
            load();
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }

    /** Uploads what is due now, and shows the run's counts. */
    public void uploadNow() {
        if (!user.confirmStill(tenantId)) {
            return;
        }
        try {
            UploadRun run = uploader.upload(selected());
            Messages.info("Uploaded to " + getPlatformLabel() + ": " + run.sent() + " sent in " + run.requests()
                    + " request(s), " + run.accepted() + " accepted, " + run.failed() + " failed, " + run.retry()
                    + " to retry, " + run.invalid() + " invalid (not sent).");
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
        load();
    }

    /** Google Ads' click conversions file of the last 30 days. */
    public StreamedContent getGoogleClickConversions() {
        return file(Platform.GOOGLE_ADS, false, "google-ads-click-conversions");
    }

    /** Google Ads' conversion adjustments file of the last 30 days. */
    public StreamedContent getGoogleAdjustments() {
        return file(Platform.GOOGLE_ADS, true, "google-ads-conversion-adjustments");
    }

    /** Microsoft Advertising's click conversions file of the last 30 days. */
    public StreamedContent getMicrosoftClickConversions() {
        return file(Platform.MICROSOFT_ADS, false, "microsoft-ads-click-conversions");
    }

    private StreamedContent file(Platform p, boolean adjustments, String name) {
        if (!user.isStill(tenantId)) {
            Messages.error("Reload this page: it is not the selected client's.");
            return null;
        }
        ZoneId zone = user.getTimeZone();
        LocalDate to = LocalDate.now(zone);
        LocalDate from = to.minusDays(FILE_DAYS - 1);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        ExportFile file = adjustments ? exports.adjustments(p, start, end) : exports.clickConversions(p, start, end);
        byte[] bytes = file.csv().getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder().name(name + "-" + from + "-" + to + ".csv")
                .contentType("text/csv; charset=UTF-8").contentLength((long) bytes.length)
                .stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    private Platform selected() {
        return PlatformNames.parse("platform", platform);
    }

    /** The platforms by URL name, with their labels. */
    public Map<String, String> getPlatforms() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Platform p : Platform.values()) {
            out.put(PlatformNames.path(p), PlatformNames.label(p));
        }
        return out;
    }

    /** {@code enabled, every 60 min}, {@code enabled, on demand}, {@code not enabled}. */
    public String getStateText() {
        if (settings == null || !settings.enabled()) {
            return "not enabled";
        }
        if (isMicrosoft()) {
            return "enabled (files)";
        }
        return settings.uploadEveryMinutes() == null ? "enabled, on demand"
                : "enabled, every " + settings.uploadEveryMinutes() + " min";
    }

    public String getPlatformLabel() {
        return PlatformNames.label(selected());
    }

    public boolean isGoogle() {
        return selected() == Platform.GOOGLE_ADS;
    }

    public boolean isMicrosoft() {
        return selected() == Platform.MICROSOFT_ADS;
    }

    public boolean isMeta() {
        return selected() == Platform.META;
    }

    /** Whether the uploader sends to the platform (Microsoft Advertising: files only). */
    public boolean isUploads() {
        return !isMicrosoft();
    }

    public String getAccountLabel() {
        return switch (selected()) {
            case GOOGLE_ADS -> "Customer id";
            case MICROSOFT_ADS -> "Account id";
            case META -> "Pixel (dataset) id";
        };
    }

    public String getPlatformNameLabel() {
        return switch (selected()) {
            case GOOGLE_ADS -> "Google Ads conversion action (customers/…/conversionActions/… for uploads)";
            case MICROSOFT_ADS -> "Microsoft conversion goal name";
            case META -> "Meta event name (Purchase, Lead…)";
        };
    }

    public DestinationSettings getSettings() {
        return settings;
    }

    public List<UploadRequest> getRequests() {
        return requests;
    }

    public List<UploadResult> getResults() {
        return results;
    }

    public String getPlatform() {
        return platform;
    }

    public void setPlatform(String platform) {
        this.platform = platform;
    }

    public String getStatusFilter() {
        return statusFilter;
    }

    public void setStatusFilter(String statusFilter) {
        this.statusFilter = statusFilter == null || statusFilter.isBlank() ? null : statusFilter;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getLoginCustomerId() {
        return loginCustomerId;
    }

    public void setLoginCustomerId(String loginCustomerId) {
        this.loginCustomerId = loginCustomerId;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getDeveloperToken() {
        return developerToken;
    }

    public void setDeveloperToken(String developerToken) {
        this.developerToken = developerToken;
    }

    public Integer getUploadEveryMinutes() {
        return uploadEveryMinutes;
    }

    public void setUploadEveryMinutes(Integer uploadEveryMinutes) {
        this.uploadEveryMinutes = uploadEveryMinutes;
    }

    public List<MappingLine> getMapping() {
        return mapping;
    }
}
