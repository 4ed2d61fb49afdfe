package io.tracker.application.tracking.imports;

import io.tracker.domain.shared.ContentTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that may be at most {@code limit} bytes long, checked while it streams: the read
 * that would pass the limit throws {@link ContentTooLargeException} (HTTP 413) instead, so a
 * reader of any size of body holds no more than it needs and the work in progress is rolled back.
 */
public final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final String what;
    private long count;

    /**
     * @param in    the body
     * @param limit largest accepted size in bytes
     * @param what  the thing being read, for the message (e.g. "the import file")
     */
    public LimitedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // Asking for one byte more than is left is how the limit is found exactly, not late.
        int n = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, limit - count + 1));
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw tooLarge(what, limit);
        }
    }

    /** The 413 for a body over the limit, in the words every path uses. */
    public static ContentTooLargeException tooLarge(String what, long limit) {
        return new ContentTooLargeException(what + " is larger than " + limit + " bytes ("
                + Math.round(limit / 1048576.0) + " MiB), the most one import accepts; split it into smaller files");
    }
}
