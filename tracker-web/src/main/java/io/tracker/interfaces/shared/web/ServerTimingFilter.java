package io.tracker.interfaces.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The server time of a page, as the W3C Server Timing header {@code Server-Timing: app;dur=12.3}: milliseconds
 * (one decimal) from this filter's entry, before every other filter of the UI module (security headers, the
 * tenant's session, the Faces servlet), until the page has been written in full. Browsers show it in their
 * developer tools (Network, Timing); {@code tracker-launcher/bench/dashboard-bench.sh} reads it.
 *
 * <p>A header has to go before the body, and a Faces page flushes its writer (which commits the response) before it
 * ends, so the page is kept in memory until it is complete and then handed to the container in one piece, after
 * the header: one copy of a page of a few hundred kilobytes at most. Mapped to the Faces pages ({@code *.xhtml},
 * REQUEST dispatch) in {@code web.xml}; their scripts, styles and images ({@code /jakarta.faces.resource/…}) pass
 * through untouched. A redirect or an error sent by the application carries the time until then. When the chain
 * fails, nothing kept is written: the container's error page replaces it, as it would have.
 */
public class ServerTimingFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String HEADER = "Server-Timing";
    /** Faces resources (scripts, styles, images) under the Faces mapping: not pages. */
    static final String RESOURCES = "/jakarta.faces.resource/";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getServletPath().startsWith(RESOURCES)) {
            chain.doFilter(request, response);
            return;
        }
        TimedResponse timed = new TimedResponse(response, System.nanoTime());
        chain.doFilter(request, timed);
        timed.finish();
    }

    /** The header's value for a duration in nanoseconds: {@code app;dur=12.3} (milliseconds). */
    static String value(long nanos) {
        return String.format(Locale.ROOT, "app;dur=%.1f", nanos / 1e6);
    }

    /** Keeps what the page writes until {@link #finish}, so that the header can still be set then. */
    static final class TimedResponse extends HttpServletResponseWrapper {

        private final long start;
        private CharArrayWriter chars;
        private PrintWriter writer;
        private PrintWriter containerWriter;
        private ByteArrayOutputStream bytes;
        private ServletOutputStream stream;
        private ServletOutputStream containerStream;

        TimedResponse(HttpServletResponse response, long start) {
            super(response);
            this.start = start;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                // The container's writer is taken now, as the page would have: it fixes the character encoding
                // (and refuses after getOutputStream) exactly as without this filter.
                containerWriter = super.getWriter();
                chars = new CharArrayWriter(16384);
                writer = new PrintWriter(chars);
            }
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                containerStream = super.getOutputStream();
                bytes = new ByteArrayOutputStream(16384);
                stream = new KeptStream(bytes);
            }
            return stream;
        }

        /** Nothing is sent before the page is complete (a flush would commit the response without the header). */
        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void resetBuffer() {
            super.resetBuffer();
            discard();
        }

        @Override
        public void reset() {
            super.reset();
            discard();
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            discard();
            setTiming();
            super.sendRedirect(location);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            discard();
            setTiming();
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            discard();
            setTiming();
            super.sendError(sc);
        }

        /** Sets the header, then hands what the page wrote to the container. */
        void finish() throws IOException {
            setTiming();
            if (writer != null) {
                writer.flush();
                chars.writeTo(containerWriter);
            } else if (stream != null) {
                bytes.writeTo(containerStream);
            }
        }

        private void setTiming() {
            if (!isCommitted()) {
                setHeader(HEADER, value(System.nanoTime() - start));
            }
        }

        private void discard() {
            if (writer != null) {
                writer.flush();
                chars.reset();
            }
            if (bytes != null) {
                bytes.reset();
            }
        }
    }

    /** An output stream into memory (blocking only, as Faces writes). */
    static final class KeptStream extends ServletOutputStream {

        private final ByteArrayOutputStream bytes;

        KeptStream(ByteArrayOutputStream bytes) {
            this.bytes = bytes;
        }

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("non-blocking output is not supported on timed pages");
        }
    }
}
