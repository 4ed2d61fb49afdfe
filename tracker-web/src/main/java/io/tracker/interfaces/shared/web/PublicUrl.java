package io.tracker.interfaces.shared.web;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where browsers and providers reach Tracker, for URLs a page hands out (webhooks, short links): the
 * configured {@code tracker.public-url} ({@code TRACKER_PUBLIC_URL}) without trailing slashes, else the
 * scheme, host and port of the current request.
 */
public final class PublicUrl {

    private PublicUrl() {
    }

    /** The base URL without a trailing slash, such as {@code https://tracker.example}. */
    public static String base() {
        String configured = ConfigProvider.getConfig().getOptionalValue("tracker.public-url", String.class).orElse("");
        if (!configured.isBlank()) {
            return configured.trim().replaceAll("/+$", "");
        }
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length());
    }
}
