package io.tracker.it.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Client side: a person's tokens, obtained the way Tracker's browser login obtains them, without a
 * browser. The realm allows {@code tracker-web} only the authorization-code flow (no password
 * grant), so this signs in on Keycloak's real login page with a plain HTTP client:
 *
 * <ol>
 *   <li>{@code GET} the authorization endpoint ({@code response_type=code}, {@code client_id=tracker-web},
 *       {@code redirect_uri=<Tracker>/Callback}, {@code scope=openid}, random {@code state});</li>
 *   <li>read the login form's {@code action} from Keycloak's HTML and {@code POST} username and
 *       password to it, with the cookies Keycloak set;</li>
 *   <li>take {@code code} (and check {@code state}) from the {@code 302} to the redirect URI, which
 *       is never followed: Tracker plays no part;</li>
 *   <li>exchange the code at the token endpoint with the client secret.</li>
 * </ol>
 *
 * Each sign-in starts with no cookies, so it is a fresh Keycloak session. {@link #accessToken}
 * keeps one token per demo user and signs in again when it has less than a minute left (the realm's
 * access tokens live five minutes).
 */
public final class KeycloakLogin {

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern ERROR = Pattern.compile(
            "id=\"input-error[^\"]*\"[^>]*>\\s*([^<]+)<|class=\"[^\"]*alert-error[^\"]*\"[^>]*>.*?<span[^>]*>([^<]+)<",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Map<DemoUser, OidcTokens> CACHE = new EnumMap<>(DemoUser.class);

    private KeycloakLogin() {
    }

    /** A valid access token of the demo user (at least a minute left), signing in when needed. */
    public static synchronized String accessToken(DemoUser user) {
        OidcTokens tokens = CACHE.get(user);
        if (tokens == null || tokens.expiresAt().isBefore(Instant.now().plusSeconds(60))) {
            tokens = signIn(user.email(), user.password());
            CACHE.put(user, tokens);
        }
        return tokens.accessToken();
    }

    /** Signs in through Keycloak's login page; fails with Keycloak's message when it refuses. */
    public static OidcTokens signIn(String username, String password) {
        String redirectUri = TrackerClient.BASE_URL.resolve("app/Callback").toString();
        String state = UUID.randomUUID().toString();
        Map<String, String> cookies = new LinkedHashMap<>();

        URI authorize = URI.create(Keycloak.authorizationEndpoint() + "?" + Keycloak.form(ordered(
                "response_type", "code", "client_id", Keycloak.WEB_CLIENT_ID, "redirect_uri", redirectUri,
                "scope", "openid", "state", state, "nonce", UUID.randomUUID().toString())));
        HttpResponse<String> page = Keycloak.send(HttpRequest.newBuilder(authorize).timeout(Duration.ofSeconds(30)).GET());
        keepCookies(page, cookies);
        if (page.statusCode() != 200) {
            throw new AssertionError("Keycloak's authorization endpoint answered HTTP " + page.statusCode()
                    + " instead of its login page: " + page.headers().map() + " " + page.body());
        }

        URI action = URI.create(loginFormAction(page.body()));
        HttpRequest.Builder post = HttpRequest.newBuilder(action).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Keycloak.form(ordered(
                        "username", username, "password", password, "credentialId", ""))));
        if (!cookies.isEmpty()) {
            post.header("Cookie", String.join("; ", cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        HttpResponse<String> login = Keycloak.send(post);
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || !location.startsWith(redirectUri + "?")) {
            throw new AssertionError("signing in as " + username + " failed: HTTP " + login.statusCode()
                    + (location.isEmpty() ? "" : " to " + location) + ", Keycloak says: " + errorOf(login.body()));
        }
        Map<String, String> callback = query(URI.create(location).getRawQuery());
        if (!state.equals(callback.get("state"))) {
            throw new AssertionError("Keycloak returned another state than it was sent: " + location);
        }
        String code = callback.get("code");
        if (code == null) {
            throw new AssertionError("Keycloak's redirect carries no code: " + location);
        }

        Instant sent = Instant.now();
        HttpResponse<String> token = Keycloak.send(HttpRequest.newBuilder(Keycloak.tokenEndpoint(Keycloak.REALM))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Keycloak.form(ordered(
                        "grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                        "client_id", Keycloak.WEB_CLIENT_ID, "client_secret", Keycloak.webClientSecret())))));
        if (token.statusCode() != 200) {
            throw new AssertionError("exchanging the code for tokens failed: HTTP " + token.statusCode() + " "
                    + token.body());
        }
        return OidcTokens.of(Keycloak.json(token.body()), sent);
    }

    /** The {@code action} of Keycloak's login form ({@code id="kc-form-login"}), HTML entities decoded. */
    static String loginFormAction(String html) {
        Matcher forms = FORM.matcher(html);
        String fallback = null;
        while (forms.find()) {
            Matcher action = ACTION.matcher(forms.group());
            if (!action.find()) {
                continue;
            }
            String url = unescape(action.group(1));
            if (forms.group().contains("id=\"kc-form-login\"")) {
                return url;
            }
            if (fallback == null && url.contains("/login-actions/authenticate")) {
                fallback = url;
            }
        }
        if (fallback == null) {
            throw new AssertionError("no login form on Keycloak's page: "
                    + (html.length() > 3000 ? html.substring(0, 3000) + "…" : html));
        }
        return fallback;
    }

    private static String errorOf(String html) {
        Matcher m = ERROR.matcher(html);
        if (m.find()) {
            return unescape((m.group(1) != null ? m.group(1) : m.group(2)).trim());
        }
        return html.length() > 1500 ? html.substring(0, 1500) + "…" : html;
    }

    private static void keepCookies(HttpResponse<?> response, Map<String, String> cookies) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(java.net.URLDecoder.decode(name, StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        List<String> list = List.of(namesAndValues);
        for (int i = 0; i < list.size(); i += 2) {
            map.put(list.get(i), list.get(i + 1));
        }
        return map;
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&lt;", "<").replace("&gt;", ">");
    }
}
