package io.tracker.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * What Keycloak's token endpoint answered.
 *
 * @param accessToken the access token (a JWT signed by the realm; audience {@code tracker-api})
 * @param idToken     the ID token (audience: the client), or null for the client-credentials grant
 * @param expiresAt   when the access token expires (the answer's {@code expires_in} from receipt)
 */
public record OidcTokens(String accessToken, String idToken, Instant expiresAt) {

    /** Reads a token endpoint answer, {@code {"access_token","expires_in","id_token"?,…}}. */
    static OidcTokens of(JsonObject answer, Instant received) {
        return new OidcTokens(answer.getString("access_token"),
                answer.containsKey("id_token") ? answer.getString("id_token") : null,
                received.plusSeconds(answer.getJsonNumber("expires_in").longValue()));
    }

    /** The claims of a JWT, decoded without checking anything (for assertions on what a token says). */
    public static JsonObject claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a signed JWT: " + jwt);
        }
        String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /**
     * The same JWT with one bit of its signature flipped (in the middle, so the base64url text stays
     * canonical): header and claims are untouched, the signature no longer matches.
     */
    public static String withTamperedSignature(String jwt) {
        int dot = jwt.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(jwt.substring(dot + 1));
        signature[signature.length / 2] ^= 0x01;
        return jwt.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }
}
