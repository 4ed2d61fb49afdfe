package io.tracker.domain.audit;

/** A file row that cannot be stored: the column at fault (the file's own header name, null for the row) and why. */
public class RowException extends Exception {

    private final String column;

    public RowException(String column, String message) {
        super(column == null ? message : "column " + column + ": " + message);
        this.column = column;
    }

    /** The column at fault as the file's header names it, or null when the row as a whole is. */
    public String column() {
        return column;
    }
}
