package io.tracker.interfaces.calltracking.web;

import io.tracker.application.calltracking.CallLogService;
import io.tracker.application.calltracking.RecordedCall;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Backs the call log of {@code /app/calls.xhtml}: the calls that started in the last 7 days (up to now),
 * newest first, at most {@value CallLogService#MAX_CALLS}; callers masked as stored ({@code +1 ••• 0123}).
 */
@Named
@ViewScoped
public class CallLogBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final Duration SPAN = Duration.ofDays(7);

    @Inject
    private CallLogService log;

    private List<CallRow> rows = List.of();

    @PostConstruct
    public void init() {
        load();
    }

    /** Reads the last 7 days again. */
    public void load() {
        Instant to = Instant.now();
        rows = log.calls(to.minus(SPAN), to).stream().map(CallRow::new).toList();
    }

    public List<CallRow> getRows() {
        return rows;
    }

    public int getMaxCalls() {
        return CallLogService.MAX_CALLS;
    }

    /** A duration as minutes and seconds: 70 → {@code "1:10"}, 3725 → {@code "62:05"}. */
    static String minutesAndSeconds(int seconds) {
        return (seconds / 60) + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
    }

    /** One call as the log shows it. */
    public static final class CallRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String providerCallId;
        private final String calledNumber;
        private final String caller;
        private final Instant startedAt;
        private final String duration;
        private final String status;
        private final String attribution;
        private final String channel;
        private final String sourceMedium;
        private final String campaign;
        private final String landingUrl;
        private final String gclid;
        private final boolean qualified;
        private final boolean firstTime;

        CallRow(RecordedCall c) {
            this.providerCallId = c.providerCallId();
            this.calledNumber = Phones.display(c.calledNumber());
            this.caller = c.callerMasked() == null ? "unknown" : c.callerMasked();
            this.startedAt = c.startedAt();
            this.duration = minutesAndSeconds(c.durationSeconds());
            this.status = c.status().name().toLowerCase(Locale.ROOT);
            this.attribution = c.attribution().name().toLowerCase(Locale.ROOT);
            this.channel = c.channel();
            this.sourceMedium = c.utmSource() == null && c.utmMedium() == null ? null
                    : (c.utmSource() == null ? "(none)" : c.utmSource()) + " / "
                    + (c.utmMedium() == null ? "(none)" : c.utmMedium());
            this.campaign = c.campaign();
            this.landingUrl = c.landingUrl();
            this.gclid = c.gclid();
            this.qualified = c.qualified();
            this.firstTime = c.firstTime();
        }

        /** The provider's id of the call: the row's stable key. */
        public String getProviderCallId() {
            return providerCallId;
        }

        public String getCalledNumber() {
            return calledNumber;
        }

        /** Masked: {@code +1 ••• 0123}; {@code unknown} for a withheld number. */
        public String getCaller() {
            return caller;
        }

        public Instant getStartedAt() {
            return startedAt;
        }

        /** Minutes and seconds, {@code 1:10}. */
        public String getDuration() {
            return duration;
        }

        public String getStatus() {
            return status;
        }

        public String getAttribution() {
            return attribution;
        }

        public String getChannel() {
            return channel;
        }

        public String getSourceMedium() {
            return sourceMedium;
        }

        public String getCampaign() {
            return campaign;
        }

        public String getLandingUrl() {
            return landingUrl;
        }

        public String getGclid() {
            return gclid;
        }

        public boolean isQualified() {
            return qualified;
        }

        public boolean isFirstTime() {
            return firstTime;
        }
    }
}
