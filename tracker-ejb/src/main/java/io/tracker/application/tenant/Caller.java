package io.tracker.application.tenant;

import java.util.Locale;
import java.util.Objects;

/**
 * A person or machine signed in through OpenID Connect, as the token says.
 *
 * @param subject       the token's {@code sub}: stable, unique per identity provider
 * @param email         the token's {@code email}, lower-cased; may be null (then no invitation can match)
 * @param emailVerified the token's {@code email_verified}; invitations are only claimed with a verified address
 * @param platformAdmin holds the {@code platform-admin} realm role (token claim {@code groups})
 */
public record Caller(String subject, String email, boolean emailVerified, boolean platformAdmin) {

    public Caller {
        Objects.requireNonNull(subject);
        email = email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** How the caller appears in the audit log: the e-mail address, else the subject. */
    public String actor() {
        return email != null ? email : "subject:" + subject;
    }
}
