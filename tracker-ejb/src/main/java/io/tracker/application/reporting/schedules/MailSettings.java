package io.tracker.application.reporting.schedules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SMTP server scheduled summaries are sent through, from MicroProfile Config (environment variables in
 * brackets):
 *
 * <ul>
 *   <li>{@code tracker.mail.host} ({@code TRACKER_MAIL_HOST}): the server's name; unset, nothing is sent (the
 *       schedules wait, due, until it is set);</li>
 *   <li>{@code tracker.mail.port} ({@code TRACKER_MAIL_PORT}): default 587 (submission);</li>
 *   <li>{@code tracker.mail.user} ({@code TRACKER_MAIL_USER}): unset, no authentication;</li>
 *   <li>{@code tracker.mail.password-file} ({@code TRACKER_MAIL_PASSWORD_FILE}): a file holding the password (its
 *       first line; read at every send, so it can be rotated without a restart; never logged);</li>
 *   <li>{@code tracker.mail.from} ({@code TRACKER_MAIL_FROM}): the sender, {@code reports@agency.example} or
 *       {@code Agency reports <reports@agency.example>}; required with a host;</li>
 *   <li>{@code tracker.mail.starttls} ({@code TRACKER_MAIL_STARTTLS}): default true: the connection must switch to
 *       TLS (STARTTLS) before anything is sent, or the send fails; false only for a server on the same host or a
 *       test stand-in.</li>
 * </ul>
 */
@ApplicationScoped
public class MailSettings {

    @Inject
    @ConfigProperty(name = "tracker.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "tracker.mail.port", defaultValue = "587")
    int port;

    @Inject
    @ConfigProperty(name = "tracker.mail.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "tracker.mail.password-file")
    Optional<String> passwordFile;

    @Inject
    @ConfigProperty(name = "tracker.mail.from")
    Optional<String> from;

    @Inject
    @ConfigProperty(name = "tracker.mail.starttls", defaultValue = "true")
    boolean starttls;

    /** Whether summaries can be sent: a host and a sender are set. */
    public boolean configured() {
        return host.filter(h -> !h.isBlank()).isPresent() && from.filter(f -> !f.isBlank()).isPresent();
    }

    /** What {@link #configured()} lacks, for the page and the log; empty when configured. */
    public String missing() {
        if (configured()) {
            return "";
        }
        return host.filter(h -> !h.isBlank()).isEmpty() ? "TRACKER_MAIL_HOST is not set"
                : "TRACKER_MAIL_FROM is not set";
    }

    /** The settings of one send; empty when not configured. */
    public Optional<Smtp> smtp() {
        if (!configured()) {
            return Optional.empty();
        }
        return Optional.of(new Smtp(host.get().strip(), port, user.filter(u -> !u.isBlank()).orElse(null),
                passwordFile.filter(p -> !p.isBlank()).map(Path::of).orElse(null), from.get().strip(), starttls));
    }

    /**
     * One send's SMTP settings.
     *
     * @param user         null: no authentication
     * @param passwordFile null: no password (with a user: an empty one)
     */
    public record Smtp(String host, int port, String user, Path passwordFile, String from, boolean starttls) {

        /** The password file's first line. */
        String password() throws IOException {
            if (passwordFile == null) {
                return "";
            }
            String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).strip();
        }

        /** Where, for errors and logs: host and port, never the password. */
        public String where() {
            return host + ":" + port;
        }
    }
}
