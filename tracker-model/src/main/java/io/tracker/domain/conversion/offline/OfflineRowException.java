package io.tracker.domain.conversion.offline;

/** A row that cannot be stored: its column and what is wrong with the value, for the match report. */
public class OfflineRowException extends Exception {

    private final String column;

    public OfflineRowException(String column, String message) {
        super(column == null ? message : "column " + column + ": " + message);
        this.column = column;
    }

    /** The column at fault, or null when the row as a whole is. */
    public String column() {
        return column;
    }
}
