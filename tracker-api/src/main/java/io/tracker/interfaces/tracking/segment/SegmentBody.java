package io.tracker.interfaces.tracking.segment;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a request body, bounded before anything is parsed: at most {@code limit} bytes, counted after
 * decompression when the body is {@code Content-Encoding: gzip} (as several Segment libraries send it),
 * so a small compressed body cannot unpack into a large one (and the compressed bytes are bounded by
 * the same limit).
 */
final class SegmentBody {

    private SegmentBody() {
    }

    /** The body is larger than the limit. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }

    /** The body cannot be read as its encoding says; the message is for the sender. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The body's bytes.
     *
     * @param in       the request's stream
     * @param encoding the {@code Content-Encoding} header: null or {@code identity}, or {@code gzip}
     * @param limit    most bytes allowed (after decompression)
     */
    static byte[] read(InputStream in, String encoding, int limit) throws IOException, TooLarge, Unreadable {
        String e = encoding == null ? "identity" : encoding.strip().toLowerCase(Locale.ROOT);
        if (e.equals("gzip") || e.equals("x-gzip")) {
            Capped raw = new Capped(in, limit);
            try (InputStream unzipped = new GZIPInputStream(raw, 8192)) {
                return bounded(unzipped, limit);
            } catch (ZipException | EOFException ex) {
                if (raw.over) {
                    throw new TooLarge();
                }
                throw new Unreadable("the body is not valid gzip: " + ex.getMessage());
            }
        }
        if (!e.equals("identity") && !e.isEmpty()) {
            throw new Unreadable("Content-Encoding " + e + " is not supported; send gzip or none");
        }
        return bounded(in, limit);
    }

    /** The compressed bytes are bounded too: stops (as an early end) after {@code limit} of them. */
    private static final class Capped extends FilterInputStream {
        private long left;
        private boolean over;

        Capped(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                over = in.read() != -1;
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    private static byte[] bounded(InputStream in, int limit) throws IOException, TooLarge {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 16 * 1024));
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > limit) {
                throw new TooLarge();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
