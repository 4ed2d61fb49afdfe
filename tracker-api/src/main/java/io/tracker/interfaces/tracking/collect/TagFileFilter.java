package io.tracker.interfaces.tracking.collect;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The headers of the static tag file {@code /t.js} (served by the container's default servlet, with its
 * {@code ETag}/{@code Last-Modified} revalidation): {@code Content-Type: }{@value #TYPE} whatever the
 * container's MIME table says, {@code Cache-Control: }{@value #CACHE} (a changed tag reaches every site
 * within an hour; browsers revalidate cheaply afterwards), {@code X-Content-Type-Options: nosniff} and
 * {@code Access-Control-Allow-Origin: *} (pages may load it with {@code crossorigin}). Mapped to exactly
 * that path: the file passes through nothing else of the API module (no session, no security mechanism).
 */
@WebFilter(urlPatterns = "/t.js", asyncSupported = true)
public class TagFileFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String TYPE = "text/javascript;charset=utf-8";
    static final String CACHE = "public, max-age=3600";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", CACHE);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setContentType(TYPE);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setContentType(String type) {
                // the default servlet's guess from the MIME table (often without charset) is replaced
                super.setContentType(TYPE);
            }

            @Override
            public void setCharacterEncoding(String charset) {
                // UTF-8, as the type says
            }
        });
    }
}
