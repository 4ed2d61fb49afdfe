package io.tracker.interfaces.shared.servlet;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /v1/ping}: 200 {@code text/plain} "ok", nothing else (no database, no headers, no
 * session). The baseline for benchmarks: what a request costs this web module before any work.
 */
@WebServlet("/v1/ping")
public class PingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=US-ASCII");
        response.setContentLength(OK.length);
        response.getOutputStream().write(OK);
    }
}
