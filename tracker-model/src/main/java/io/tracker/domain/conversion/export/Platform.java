package io.tracker.domain.conversion.export;

import java.time.Duration;

/** SCRATCH STUB (reverted before merging branch export). */
public enum Platform {
    GOOGLE_ADS(2000, Duration.ofDays(90)), MICROSOFT_ADS(1000, Duration.ofDays(90)), META(1000, Duration.ofDays(7));

    private final int max;
    private final Duration window;

    Platform(int max, Duration window) {
        this.max = max;
        this.window = window;
    }

    public int maxRowsPerRequest() {
        return max;
    }

    public Duration clickWindow() {
        return window;
    }
}
