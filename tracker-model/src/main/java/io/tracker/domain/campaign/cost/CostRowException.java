package io.tracker.domain.campaign.cost;

/** A cost row that cannot be stored: its column (the file's own header name) and what is wrong, for the upload report. */
public class CostRowException extends Exception {

    private final String column;

    public CostRowException(String column, String message) {
        super(column == null ? message : "column " + column + ": " + message);
        this.column = column;
    }

    /** The column at fault as the file's header names it, or null when the row as a whole is. */
    public String column() {
        return column;
    }
}
