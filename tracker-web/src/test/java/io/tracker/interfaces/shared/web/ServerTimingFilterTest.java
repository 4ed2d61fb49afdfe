package io.tracker.interfaces.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerTimingFilterTest {

    private final ServerTimingFilter filter = new ServerTimingFilter();

    @Test
    void theValueIsMillisecondsWithOneDecimal() {
        assertThat(ServerTimingFilter.value(12_345_678)).isEqualTo("app;dur=12.3");
        assertThat(ServerTimingFilter.value(250_000_000)).isEqualTo("app;dur=250.0");
        assertThat(ServerTimingFilter.value(40_000)).isEqualTo("app;dur=0.0");
    }

    @Test
    void aPageThatFlushesBeforeItEndsStillGetsTheHeaderBeforeItsBody() throws Exception {
        Container container = new Container();
        filter.doFilter(request("/dashboard.xhtml"), container.response(), (req, res) -> {
            PrintWriter out = res.getWriter();
            out.write("<html>first part");
            out.flush();
            res.flushBuffer();
            out.write(" second part</html>");
            ((HttpServletResponse) res).addHeader("Content-Security-Policy", "default-src 'self'");
        });
        assertThat(container.body.toString()).isEqualTo("<html>first part second part</html>");
        assertThat(container.headersAtCommit).containsKey("Server-Timing")
                .containsEntry("Content-Security-Policy", "default-src 'self'");
        assertThat(container.headersAtCommit.get("Server-Timing")).matches("app;dur=\\d+\\.\\d");
    }

    @Test
    void aRedirectCarriesTheTimeUntilThenAndNothingWrittenBeforeIt() throws Exception {
        Container container = new Container();
        filter.doFilter(request("/dashboard.xhtml"), container.response(), (req, res) -> {
            res.getWriter().write("half a page");
            ((HttpServletResponse) res).sendRedirect("/app/no-access.xhtml");
        });
        assertThat(container.redirect).isEqualTo("/app/no-access.xhtml");
        assertThat(container.headers).containsKey("Server-Timing");
        assertThat(container.body.toString()).isEmpty();
    }

    @Test
    void resourcesPassThroughWithoutTheHeader() throws Exception {
        Container container = new Container();
        filter.doFilter(request("/jakarta.faces.resource/css/tracker.css.xhtml"), container.response(),
                (req, res) -> res.getWriter().write("body{}"));
        assertThat(container.body.toString()).isEqualTo("body{}");
        assertThat(container.headers).doesNotContainKey("Server-Timing");
    }

    @Test
    void aFailedPageWritesNothingSoTheContainersErrorPageReplacesIt() {
        Container container = new Container();
        FilterChain failing = (req, res) -> {
            res.getWriter().write("half a page");
            throw new ServletException("boom");
        };
        assertThatThrownBy(() -> filter.doFilter(request("/dashboard.xhtml"), container.response(), failing))
                .isInstanceOf(ServletException.class).hasMessage("boom");
        assertThat(container.body.toString()).isEmpty();
    }

    private static HttpServletRequest request(String servletPath) {
        return (HttpServletRequest) Proxy.newProxyInstance(ServerTimingFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServletPath" -> servletPath;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /**
     * The container's side: a response whose writer commits it (headers go out) at its first character, as a
     * servlet container's does once its buffer is flushed.
     */
    private static final class Container {

        final Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> headersAtCommit;
        final StringWriter body = new StringWriter();
        String redirect;
        PrintWriter writer;

        HttpServletResponse response() {
            return (HttpServletResponse) Proxy.newProxyInstance(ServerTimingFilterTest.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getWriter" -> writer();
                        case "isCommitted" -> headersAtCommit != null;
                        case "setHeader", "addHeader" -> {
                            if (headersAtCommit == null) {
                                headers.put((String) args[0], (String) args[1]);
                            }
                            yield null;
                        }
                        case "sendRedirect" -> {
                            redirect = (String) args[0];
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private PrintWriter writer() {
            if (writer == null) {
                writer = new PrintWriter(new Writer() {
                    @Override
                    public void write(char[] cbuf, int off, int len) {
                        if (headersAtCommit == null) {
                            headersAtCommit = new LinkedHashMap<>(headers);
                        }
                        body.write(cbuf, off, len);
                    }

                    @Override
                    public void flush() {
                    }

                    @Override
                    public void close() {
                    }
                });
            }
            return writer;
        }
    }
}
