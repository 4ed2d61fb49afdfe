package io.tracker.it.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a received e-mail (RFC 5322 with MIME, RFC 2045–2047) by hand, independently of Jakarta Mail which wrote it:
 * headers (unfolded; encoded words decoded), and the parts of a {@code multipart/*} body with their transfer
 * encoding ({@code base64}, {@code quoted-printable}, {@code 7bit}/{@code 8bit}) undone. Enough for the messages
 * Tracker sends; not a general MIME parser.
 */
public final class MimeMessageText {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=");

    /** One part: its headers (names lower-cased) and its decoded bytes. */
    public record Part(Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /**
         * A parameter of a header, such as {@code filename} of {@code Content-Disposition}: plain
         * ({@code filename="a.pdf"}) or split into RFC 2231 continuations ({@code filename*0="a";
         * filename*1=".pdf"}); null when absent.
         */
        public String parameter(String header, String name) {
            String value = header(header);
            if (value == null) {
                return null;
            }
            Matcher plain = Pattern.compile("(?i);\\s*" + Pattern.quote(name) + "=\"?([^\";]*)\"?").matcher(value);
            if (plain.find()) {
                return plain.group(1);
            }
            StringBuilder joined = new StringBuilder();
            for (int i = 0; ; i++) {
                Matcher piece = Pattern.compile("(?i);\\s*" + Pattern.quote(name) + "\\*" + i + "=\"?([^\";]*)\"?")
                        .matcher(value);
                if (!piece.find()) {
                    return i == 0 ? null : joined.toString();
                }
                joined.append(piece.group(1));
            }
        }

        /** The body as text in the part's charset (UTF-8 when not given). */
        public String text() {
            Matcher m = Pattern.compile("(?i)charset=\"?([^\";]+)").matcher(header("content-type") == null ? ""
                    : header("content-type"));
            return new String(body, m.find() ? Charset.forName(m.group(1)) : StandardCharsets.UTF_8);
        }
    }

    private final Map<String, String> headers;
    private final List<Part> parts;

    private MimeMessageText(Map<String, String> headers, List<Part> parts) {
        this.headers = headers;
        this.parts = parts;
    }

    /** Parses the message's data as the SMTP server received it (CRLF line ends). */
    public static MimeMessageText parse(String data) {
        String[] split = data.split("\r\n\r\n", 2);
        Map<String, String> headers = headers(split[0]);
        String body = split.length > 1 ? split[1] : "";
        List<Part> parts = new ArrayList<>();
        String type = headers.getOrDefault("content-type", "text/plain");
        Matcher boundary = Pattern.compile("(?i)boundary=\"?([^\";]+)\"?").matcher(type);
        if (type.toLowerCase(Locale.ROOT).startsWith("multipart/") && boundary.find()) {
            String delimiter = "--" + boundary.group(1);
            String[] sections = body.split(Pattern.quote(delimiter));
            // sections[0] is the preamble; the last one starts with "--" (the close delimiter).
            for (int i = 1; i < sections.length; i++) {
                String section = sections[i];
                if (section.startsWith("--")) {
                    break;
                }
                String[] part = section.replaceFirst("^\r\n", "").split("\r\n\r\n", 2);
                Map<String, String> partHeaders = headers(part[0]);
                String content = part.length > 1 ? part[1].replaceFirst("\r\n$", "") : "";
                parts.add(new Part(partHeaders, decode(content, partHeaders.get("content-transfer-encoding"))));
            }
        } else {
            parts.add(new Part(headers, decode(body, headers.get("content-transfer-encoding"))));
        }
        return new MimeMessageText(headers, List.copyOf(parts));
    }

    /** A header's value, unfolded, encoded words decoded; null when absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public List<Part> parts() {
        return parts;
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.replaceAll("\r\n[ \t]+", " ").split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        words(line.substring(colon + 1).strip()));
            }
        }
        return headers;
    }

    /** RFC 2047 encoded words; whitespace between two of them is dropped. */
    private static String words(String value) {
        String joined = value.replaceAll("\\?=\\s+=\\?", "?==?");
        Matcher m = ENCODED_WORD.matcher(joined);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Charset charset = Charset.forName(m.group(1));
            byte[] bytes = m.group(2).equalsIgnoreCase("B") ? Base64.getDecoder().decode(m.group(3))
                    : quotedPrintable(m.group(3).replace('_', ' '));
            m.appendReplacement(out, Matcher.quoteReplacement(new String(bytes, charset)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static byte[] decode(String content, String encoding) {
        String e = encoding == null ? "7bit" : encoding.strip().toLowerCase(Locale.ROOT);
        return switch (e) {
            case "base64" -> Base64.getMimeDecoder().decode(content);
            case "quoted-printable" -> quotedPrintable(content.replace("=\r\n", ""));
            default -> content.getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] quotedPrintable(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '=' && i + 2 < bytes.length) {
                out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toByteArray();
    }
}
