package io.tracker.domain.tenant;

/** What an API key may do: {@code WRITE} sends events and imports, {@code READ} reads reports. */
public enum ApiKeyScope {
    READ,
    WRITE
}
