package io.tracker.domain.conversion.export;

/** SCRATCH STUB (reverted before merging branch export). */
public record GoogleClick(String field, String value) {
    public static GoogleClick of(OutgoingConversion.Clicks c) {
        if (c.gclid() != null) {
            return new GoogleClick("gclid", c.gclid());
        }
        if (c.gbraid() != null) {
            return new GoogleClick("gbraid", c.gbraid());
        }
        if (c.wbraid() != null) {
            return new GoogleClick("wbraid", c.wbraid());
        }
        return null;
    }
}
