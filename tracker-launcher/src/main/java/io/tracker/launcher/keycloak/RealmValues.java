package io.tracker.launcher.keycloak;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The values for the realm file's placeholders, which Keycloak replaces when it imports the realm
 * ({@code ${TRACKER_PUBLIC_URL}}, {@code ${TRACKER_OIDC_CLIENT_SECRET}},
 * {@code ${TRACKER_AUTOMATION_CLIENT_SECRET}}).
 *
 * @param publicUrl Tracker's URL as browsers see it, without a trailing slash
 * @param webClientSecret secret of the {@code tracker-web} client
 * @param automationClientSecret secret of the {@code tracker-automation} client
 */
public record RealmValues(String publicUrl, String webClientSecret, String automationClientSecret) {

    /**
     * SHA-256 (hex) of the realm file's text together with these values: equal exactly when an import
     * now would give the same realm as the recorded one.
     */
    public String checksum(String realmFile) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((realmFile + "\n" + publicUrl + "\n" + webClientSecret + "\n" + automationClientSecret + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
