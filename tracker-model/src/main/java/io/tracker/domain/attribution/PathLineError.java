package io.tracker.domain.attribution;

/**
 * A line of a path file that was not used.
 *
 * @param line   1-based line number in the file (the header is line 1 when there is one)
 * @param reason what is wrong, for the person who made the file
 */
public record PathLineError(long line, String reason) {
}
