package io.tracker.interfaces.tenant.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignOutServletTest {

    private static final String URL = "http://localhost:8080/sign-out";

    @Test
    void ownOriginIsAccepted() {
        assertThat(SignOutServlet.fromOwnPage("http://localhost:8080", null, URL, "")).isTrue();
        assertThat(SignOutServlet.fromOwnPage("HTTP://LocalHost:8080", null, URL, "")).isTrue();
        // No Origin header: the Referer's origin counts.
        assertThat(SignOutServlet.fromOwnPage(null, "http://localhost:8080/app/dashboard.xhtml", URL, "")).isTrue();
        // Behind a proxy: the public URL's origin.
        assertThat(SignOutServlet.fromOwnPage("https://tracker.example.com", null, URL, "https://tracker.example.com/"))
                .isTrue();
        assertThat(SignOutServlet.fromOwnPage("https://tracker.example.com", null, "https://tracker.example.com:443/sign-out", ""))
                .isTrue();
    }

    @Test
    void anotherOriginOrNoneIsRefused() {
        assertThat(SignOutServlet.fromOwnPage("http://evil.example", null, URL, "")).isFalse();
        assertThat(SignOutServlet.fromOwnPage("http://localhost:8081", null, URL, "")).isFalse();
        assertThat(SignOutServlet.fromOwnPage("https://localhost:8080", null, URL, "")).isFalse();
        // An Origin of another site wins over a Referer that looks like ours.
        assertThat(SignOutServlet.fromOwnPage("http://evil.example", "http://localhost:8080/app/", URL, "")).isFalse();
        assertThat(SignOutServlet.fromOwnPage("null", "http://evil.example/page", URL, "")).isFalse();
        assertThat(SignOutServlet.fromOwnPage(null, null, URL, "")).isFalse();
        assertThat(SignOutServlet.fromOwnPage("null", null, URL, "")).isFalse();
        assertThat(SignOutServlet.fromOwnPage("not a url", null, URL, "")).isFalse();
        assertThat(SignOutServlet.fromOwnPage("http://localhost:8080.evil.example", null, URL, "")).isFalse();
    }
}
