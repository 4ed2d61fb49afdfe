package io.tracker.interfaces.tracking.segment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Segment request body with the module's one Jackson {@link ObjectMapper} (made once:
 * thread-safe and expensive to build), strictly: one JSON document, valid UTF-8, no repeated key in an
 * object, nothing but white space after it; floating-point numbers are read exactly
 * ({@code BigDecimal}).
 *
 * <p>A batch ({@code /v1/batch}, {@code /v1/import}) is an object with {@code batch}, an array of
 * messages, and optionally {@code context} (merged into every message's), {@code sentAt} and
 * {@code writeKey}; any other member is ignored. Each message's size is its exact span of bytes in
 * the body, so a message over {@value #MAX_MESSAGE_BYTES} bytes is found without serialising it
 * again. A single call ({@code /v1/track} …) is one message object.
 */
final class SegmentJson {

    /** Segment's limit for a request: 500 KB (of 1,024 bytes). */
    static final int MAX_BATCH_BYTES = 500 * 1024;
    /** Segment's limit for one message: 32 KB (of 1,024 bytes). */
    static final int MAX_MESSAGE_BYTES = 32 * 1024;

    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private SegmentJson() {
    }

    /**
     * One message of a request.
     *
     * @param index   its place in the batch, from 0
     * @param message the message; null when it is not a JSON object
     * @param bytes   its size in the body, in bytes
     */
    record Item(int index, ObjectNode message, long bytes) {
    }

    /**
     * A request's messages and envelope.
     *
     * @param writeKey the body's {@code writeKey} (analytics-java and analytics.js send it there), or null
     * @param context  the batch's {@code context}, or null
     * @param sentAt   the batch's {@code sentAt} as sent, or null
     * @param items    the messages in order
     */
    record Body(String writeKey, ObjectNode context, String sentAt, List<Item> items) {
    }

    /** A body that is not what the endpoint reads; the message is a sentence for the sender. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** The batch in this body. */
    static Body batch(byte[] body) throws Malformed {
        empty(body);
        try (JsonParser p = MAPPER.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Malformed("the body must be a JSON object with a \"batch\" array of messages");
            }
            String writeKey = null;
            ObjectNode context = null;
            String sentAt = null;
            List<Item> items = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "batch" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw new Malformed("\"batch\" must be an array of messages");
                        }
                        items = messages(p);
                    }
                    case "context" -> context = value == JsonToken.START_OBJECT ? MAPPER.readTree(p) : skip(p);
                    case "writeKey" -> writeKey = value == JsonToken.VALUE_STRING ? p.getText() : skip(p);
                    case "sentAt" -> sentAt = value == JsonToken.VALUE_STRING ? p.getText() : skip(p);
                    default -> p.skipChildren();
                }
            }
            end(p);
            if (items == null) {
                throw new Malformed("the body has no \"batch\" array of messages");
            }
            return new Body(writeKey, context, sentAt, items);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new Malformed("the body could not be read: " + e.getMessage());
        }
    }

    /** The one message of a single call ({@code /v1/track} …). */
    static Body single(byte[] body) throws Malformed {
        empty(body);
        try (JsonParser p = MAPPER.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Malformed("the body must be one message, a JSON object");
            }
            ObjectNode message = MAPPER.readTree(p);
            end(p);
            JsonNode key = message.get("writeKey");
            return new Body(key != null && key.isTextual() ? key.asText() : null, null, null,
                    List.of(new Item(0, message, body.length)));
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new Malformed("the body could not be read: " + e.getMessage());
        }
    }

    private static List<Item> messages(JsonParser p) throws IOException, Malformed {
        List<Item> items = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new Malformed("the body ends inside the \"batch\" array");
            }
            long start = p.currentTokenLocation().getByteOffset();
            if (t == JsonToken.START_OBJECT) {
                ObjectNode message = MAPPER.readTree(p);
                items.add(new Item(items.size(), message, p.currentLocation().getByteOffset() - start));
            } else {
                p.skipChildren();
                items.add(new Item(items.size(), null, p.currentLocation().getByteOffset() - start));
            }
        }
        return items;
    }

    private static void empty(byte[] body) throws Malformed {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
        }
        throw new Malformed("the body is empty");
    }

    private static <T> T skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private static void end(JsonParser p) throws IOException, Malformed {
        if (p.nextToken() != null) {
            throw new Malformed("more than one JSON value in the body");
        }
    }

    /** Jackson's own sentence and where, without the excerpt of the body it may add. */
    private static Malformed malformed(JsonProcessingException e) {
        var at = e.getLocation();
        String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        String what = e.getOriginalMessage();
        if (what != null && what.length() > 200) {
            what = what.substring(0, 200) + "…";
        }
        return new Malformed("the body is not valid JSON: " + what + where);
    }
}
