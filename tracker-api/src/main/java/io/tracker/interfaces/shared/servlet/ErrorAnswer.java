package io.tracker.interfaces.shared.servlet;

import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.shared.rest.StrictJson;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The API module's error page ({@code web.xml}: every status and exception) for what JAX-RS does not
 * answer itself, such as an unknown path or a failure in a plain servlet: a bare problem+json
 * ({@code type}, {@code title}, {@code status}) instead of the server's HTML error report, which
 * names the server and its version. Mapped under {@code /WEB-INF/}, which the container never serves
 * to a request, so only the error dispatch reaches it.
 */
@WebServlet(ErrorAnswer.PATH)
public class ErrorAnswer extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The error page's location in {@code web.xml}. */
    static final String PATH = "/WEB-INF/error";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(StrictJson.PROVIDER.createObjectBuilder()
                .add("type", "about:blank").add("title", Problem.title(status)).add("status", status)
                .build().toString());
    }
}
