package io.tracker.interfaces.shared.rest;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;

/**
 * The character set a request body declares with the {@code charset} parameter of its
 * {@code Content-Type}. JSON bodies must be UTF-8 (RFC 8259 §8.1: JSON exchanged between systems
 * is UTF-8), so the event API refuses any other charset with 415 rather than read the bytes as
 * something they are not; CSV files may come in any charset Java knows (spreadsheets often save
 * ISO-8859-1 or windows-1252) and are decoded strictly in it.
 */
public final class BodyCharset {

    private BodyCharset() {
    }

    /**
     * The declared charset; UTF-8 when none is declared.
     *
     * @param contentType the request's {@code Content-Type} header (may be null)
     * @return empty when the charset is unknown to Java (answer 415)
     */
    public static Optional<Charset> of(String contentType) {
        String name = contentType == null ? null : parameter(contentType);
        if (name == null || name.isBlank()) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        try {
            return Optional.of(Charset.forName(name.trim()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** True when the body is declared UTF-8 or declares no charset. */
    public static boolean isUtf8(String contentType) {
        return of(contentType).filter(StandardCharsets.UTF_8::equals).isPresent();
    }

    /** The {@code charset} parameter (RFC 9110 §8.3.1: case-insensitive name, value maybe quoted). */
    private static String parameter(String contentType) {
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                return part.substring(eq + 1).trim().replace("\"", "");
            }
        }
        return null;
    }
}
