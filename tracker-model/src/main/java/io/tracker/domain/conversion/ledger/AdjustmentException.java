package io.tracker.domain.conversion.ledger;

/**
 * An adjustment that cannot be applied, with the field (JSON) or column (CSV) at fault when one is, and a
 * sentence for the sender. The message starts with the field: {@code "time: '2026-12-1 9:05:00' is not a time…"}.
 */
public class AdjustmentException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String field;

    public AdjustmentException(String field, String message) {
        super(field == null ? message : field + ": " + message, null, false, false);
        this.field = field;
    }

    /** The field or column at fault, or null when the adjustment as a whole is. */
    public String field() {
        return field;
    }
}
