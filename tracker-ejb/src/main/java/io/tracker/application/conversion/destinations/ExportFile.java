package io.tracker.application.conversion.destinations;

import java.util.List;

/**
 * A file to upload by hand: the valid rows in the platform's format, and the rows left out with their reasons.
 *
 * @param csv      the file's text (UTF-8 when written)
 * @param rows     rows in it
 * @param problems rows left out
 */
public record ExportFile(String csv, int rows, List<ExportProblem> problems) {
}
