package io.tracker.interfaces.shared.servlet;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /} (exactly the root, the servlet pattern {@code ""}): 302 to the UI's public landing
 * page {@value #LANDING_PAGE}, in the other web module (tracker-web, context root {@code /app}).
 */
@WebServlet("")
public class RootRedirect extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The landing page of the browser UI. */
    public static final String LANDING_PAGE = "/app/welcome.xhtml";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(LANDING_PAGE);
    }
}
