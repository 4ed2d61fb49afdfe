package io.tracker.application.reporting.schedules;

import jakarta.activation.DataHandler;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Sends one e-mail with Jakarta Mail (the server's implementation): a plain-text body and, for a summary, the PDF
 * attached (tag-health alerts send the text alone). Blocks for at most {@value #TIMEOUT_MILLIS} ms per network step;
 * call it outside a transaction.
 */
public final class SummaryMailer {

    static final int TIMEOUT_MILLIS = 30_000;

    private SummaryMailer() {
    }

    /**
     * One message.
     *
     * @param recipients plain addresses (checked by {@link Recipients})
     * @param fileName   the attachment's name; null with {@code pdf}
     * @param pdf        the attached PDF; null: a plain-text message without attachment
     */
    public record Mail(List<String> recipients, String subject, String text, String fileName, byte[] pdf) {
    }

    /**
     * Sends the message through the server.
     *
     * @throws MessagingException for a refused connection, a failed STARTTLS or sign-in, a rejected recipient …
     *                            (the message names the server's answer, never the password)
     * @throws IOException        when the password file cannot be read
     */
    public static void send(MailSettings.Smtp smtp, Mail mail) throws MessagingException, IOException {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", smtp.host());
        p.setProperty("mail.smtp.port", Integer.toString(smtp.port()));
        p.setProperty("mail.smtp.connectiontimeout", Integer.toString(TIMEOUT_MILLIS));
        p.setProperty("mail.smtp.timeout", Integer.toString(TIMEOUT_MILLIS));
        p.setProperty("mail.smtp.writetimeout", Integer.toString(TIMEOUT_MILLIS));
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(smtp.starttls()));
        if (smtp.starttls()) {
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        Authenticator authenticator = null;
        if (smtp.user() != null) {
            p.setProperty("mail.smtp.auth", "true");
            PasswordAuthentication credentials = new PasswordAuthentication(smtp.user(), smtp.password());
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return credentials;
                }
            };
        }
        Session session = Session.getInstance(p, authenticator);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(smtp.from(), true));
        for (String recipient : mail.recipients()) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
        }
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(Instant.now()));
        if (mail.pdf() == null) {
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
            message.saveChanges();
            Transport.send(message);
            return;
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.pdf(), "application/pdf")));
        attachment.setFileName(mail.fileName());
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        MimeMultipart body = new MimeMultipart("mixed");
        body.addBodyPart(text);
        body.addBodyPart(attachment);
        message.setContent(body);
        message.saveChanges();
        Transport.send(message);
    }
}
