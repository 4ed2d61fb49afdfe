package io.tracker.interfaces.shared.rest;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads a request body as exactly one JSON document (RFC 8259), strictly: the bytes must be valid
 * UTF-8 (no silent U+FFFD), and nothing but white space may follow the document ({@code {…} xyz}
 * and two concatenated documents are malformed). Numbers longer than the JSON-P implementation's
 * limit (Parsson: 1,100 characters) are malformed too, so no number costs quadratic time.
 *
 * <p>Also holds the application's one {@link JsonProvider}: {@code Json.createReader} and friends
 * look the provider up through {@code ServiceLoader} on every call, which under load took a third
 * of the busy threads.
 */
public final class StrictJson {

    /** The JSON-P provider, looked up once. */
    public static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(Map.of());

    private StrictJson() {
    }

    /**
     * The document in these bytes.
     *
     * @param utf8 the body, UTF-8 encoded
     * @return the document's root value (object, array, string, number, true, false or null)
     * @throws MalformedJsonException with a sentence for the caller (no stack trace, no echo of the body)
     */
    public static JsonValue read(byte[] utf8) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedJsonException("the body is not valid UTF-8");
        }
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new MalformedJsonException("the body is empty");
            }
            parser.next();
            JsonValue root = parser.getValue();
            // Parsson's hasNext() fails on anything but white space after the document.
            if (parser.hasNext()) {
                throw new MalformedJsonException("more than one JSON value in the body");
            }
            return root;
        } catch (JsonParsingException e) {
            throw new MalformedJsonException(e.getMessage() != null && e.getMessage().startsWith("Expected EOF")
                    ? "more than one JSON value in the body, or text after it" : e.getMessage());
        } catch (MalformedJsonException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // Parsson reports some malformed documents with plain runtime exceptions: nesting deeper than
            // 1,000 levels, a number of more than 1,100 characters. Reading does nothing else, so any
            // failure here is the body's.
            String message = String.valueOf(e.getMessage());
            throw new MalformedJsonException(message.contains("BigDecimal") || message.contains("BigInteger")
                    ? "a number in the body is too long (at most 1,100 characters)"
                    : "the body is not valid JSON (too deeply nested or malformed)");
        }
    }

    /** The body is not one well-formed JSON document in UTF-8; the message says why. */
    public static class MalformedJsonException extends RuntimeException {
        public MalformedJsonException(String message) {
            super(message);
        }
    }
}
