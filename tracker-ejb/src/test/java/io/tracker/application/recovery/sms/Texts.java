package io.tracker.application.recovery.sms;

/** Texts for the tests. */
final class Texts {

    static final String KEY = "3f2b8c1e-9d4a-4e6b-8f1c-2a7d5e9b0c41";
    static final String LINK = "https://trk.example/r/Ab3dE";
    /** Non-ASCII on purpose: the signature and the form must be over UTF-8 bytes. */
    static final String BODY = "Ihr Warenkorb wartet – 10 % Rabatt bis Sonntag: " + LINK;

    private Texts() {
    }

    static OutgoingText text(String statusCallback) {
        return new OutgoingText(KEY, "+4915112345678", BODY, LINK, 42L, "Abandoned checkout – DE", 9_000_000_001L, 2,
                statusCallback);
    }
}
