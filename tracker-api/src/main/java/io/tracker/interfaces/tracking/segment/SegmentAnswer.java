package io.tracker.interfaces.tracking.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracker.interfaces.shared.rest.ApiSecurityHeaders;
import io.tracker.interfaces.shared.rest.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Segment endpoints' answers (JSON, UTF-8, never cached, {@code nosniff}, nothing may run in them;
 * {@code Access-Control-Allow-Origin: *}, so analytics.js in a browser may read them):
 *
 * <ul>
 *   <li>every message accepted (stored, a duplicate, a robot's, or an ignored call): {@code 200
 *       {"success":true}}, as Segment answers;</li>
 *   <li>some accepted, some not: {@code 200 {"success":false,"accepted":2,"rejected":[{"index":1,
 *       "messageId":"…","reason":"…"}]}}; the accepted ones are stored, sending the batch again stores
 *       nothing twice (their {@code messageId}s);</li>
 *   <li>none accepted: {@code 400} {@code application/problem+json} with the same {@code rejected} list;</li>
 *   <li>a stored message that did not do what the sender may expect (an event or page of a paused
 *       conversion action: stored, no conversion) adds {@code "notes":[{"index":0,"messageId":"…","note":
 *       "conversion action 'purchase' is paused: no conversion recorded"}]} to the 200 answer;</li>
 *   <li>other problems: problem+json ({@code 400}, {@code 401} with {@code WWW-Authenticate: Basic},
 *       {@code 403}, {@code 413}, {@code 429}/{@code 503} with {@code Retry-After}).</li>
 * </ul>
 */
final class SegmentAnswer {

    private static final byte[] SUCCESS = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);

    private SegmentAnswer() {
    }

    /**
     * A message that was not accepted.
     *
     * @param index     its place in the request, from 0
     * @param messageId its {@code messageId}, or null
     * @param reason    why, for the sender
     */
    record Rejection(int index, String messageId, String reason) {
    }

    /** The headers of every answer. */
    static void headers(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", ApiSecurityHeaders.NOTHING);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Access-Control-Allow-Origin", "*");
    }

    /** The answer for a request of {@code messages} messages of which these were rejected. */
    static void outcome(HttpServletResponse response, int messages, List<Rejection> rejected) throws IOException {
        outcome(response, messages, rejected, List.of());
    }

    /** The same, with the notes of stored messages ({@link Rejection#reason()} is the note). */
    static void outcome(HttpServletResponse response, int messages, List<Rejection> rejected, List<Rejection> notes)
            throws IOException {
        if (rejected.isEmpty() && notes.isEmpty()) {
            write(response, 200, "application/json", SUCCESS);
            return;
        }
        if (rejected.isEmpty()) {
            ObjectNode body = SegmentJson.MAPPER.createObjectNode().put("success", true);
            body.set("notes", notes(notes));
            write(response, 200, "application/json", bytes(body));
            return;
        }
        ArrayNode list = SegmentJson.MAPPER.createArrayNode();
        for (Rejection r : rejected) {
            ObjectNode item = list.addObject().put("index", r.index());
            if (r.messageId() != null) {
                item.put("messageId", r.messageId());
            }
            item.put("reason", r.reason());
        }
        if (rejected.size() < messages) {
            ObjectNode body = SegmentJson.MAPPER.createObjectNode().put("success", false)
                    .put("accepted", messages - rejected.size());
            body.set("rejected", list);
            if (!notes.isEmpty()) {
                body.set("notes", notes(notes));
            }
            write(response, 200, "application/json", bytes(body));
            return;
        }
        String detail = messages == 1 ? rejected.get(0).reason()
                : "none of the " + messages + " messages was accepted";
        ObjectNode problem = problemBody(400, detail);
        problem.set("rejected", list);
        write(response, 400, Problem.MEDIA_TYPE, bytes(problem));
    }

    private static ArrayNode notes(List<Rejection> notes) {
        ArrayNode list = SegmentJson.MAPPER.createArrayNode();
        for (Rejection n : notes) {
            ObjectNode item = list.addObject().put("index", n.index());
            if (n.messageId() != null) {
                item.put("messageId", n.messageId());
            }
            item.put("note", n.reason());
        }
        return list;
    }

    /** A problem+json answer. */
    static void problem(HttpServletResponse response, int status, String detail) throws IOException {
        write(response, status, Problem.MEDIA_TYPE, bytes(problemBody(status, detail)));
    }

    /** A {@code 401}: with {@code WWW-Authenticate}, as HTTP requires. */
    static void unauthorized(HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Tracker\", charset=\"UTF-8\"");
        problem(response, 401, detail);
    }

    /** A {@code 429} or {@code 503} with {@code Retry-After} in seconds. */
    static void retryLater(HttpServletResponse response, int status, String detail, long seconds) throws IOException {
        response.setHeader("Retry-After", Long.toString(Math.max(1, seconds)));
        problem(response, status, detail + "; retry after " + Math.max(1, seconds) + " s");
    }

    private static ObjectNode problemBody(int status, String detail) {
        return SegmentJson.MAPPER.createObjectNode().put("type", "about:blank").put("title", Problem.title(status))
                .put("status", status).put("detail", detail);
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return SegmentJson.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers is always JSON", e);
        }
    }

    private static void write(HttpServletResponse response, int status, String type, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
