package io.tracker.interfaces.tenant.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * The header's "Sign out": {@code POST /sign-out} (a POST, so no other site can sign a person out
 * with a link or an image; the session cookie is {@code SameSite=Lax}, so it does not travel with
 * another site's POST either).
 *
 * <p>{@code request.logout()} lets the OpenID Connect mechanism ({@link SingleSignOn}) end the HTTP
 * session and redirect the browser to the provider's end-session endpoint with the identity token
 * as {@code id_token_hint}; the provider ends its own session (so the next visit to {@code /app}
 * shows its login form again) and returns to {@code /}. Without a sign-in (an expired session)
 * the browser simply goes to {@code /}.
 */
@WebServlet("/sign-out")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        if (!response.isCommitted()) {
            response.sendRedirect(request.getContextPath() + "/");
        }
    }
}
