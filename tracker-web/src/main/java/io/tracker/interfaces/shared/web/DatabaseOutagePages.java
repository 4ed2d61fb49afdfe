package io.tracker.interfaces.shared.web;

import io.tracker.application.shared.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * A page that fails because the database cannot be reached ({@link DatabaseOutage}) answers 503 with
 * {@code Retry-After} and the friendly page {@code /errors/503.xhtml} ("back in a moment") instead of
 * the 500 page; any other failure passes on unchanged. (The API maps the same failures itself, to
 * problem+json; ajax requests of a page show the page's error dialog, whose "Reload" then leads
 * here.) Only while nothing of the failed page has been sent yet, which is the rule: pages load
 * their data before they write much.
 */
public class DatabaseOutagePages extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DatabaseOutagePages.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseOutage.isCause(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warning(() -> "the database is unreachable, answering 503 for " + request.getRequestURI() + ": " + e);
            response.resetBuffer();
            response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }
}
