package io.tracker.application.shared;

import java.io.Serializable;

/**
 * A row an import rejected: where it stands in what was sent (a file's line from 1, or a JSON batch's index from 0,
 * as the import says), the column at fault as the header names it (null for the whole row), and why.
 */
public record RowError(long row, String column, String error) implements Serializable {
}
