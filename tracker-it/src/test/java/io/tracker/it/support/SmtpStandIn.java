package io.tracker.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in SMTP server (RFC 5321) for the scheduled summary e-mails, on 127.0.0.1 at the port the test stack
 * gave Tracker ({@code tracker.it.smtp-port}: port base + 25): no mail server is reachable from the test machines.
 * It speaks plain SMTP (no STARTTLS; Tracker is configured with {@code TRACKER_MAIL_STARTTLS=false} in tests) with
 * {@code AUTH PLAIN} (RFC 4616) and requires it: the user and password the stack gave Tracker
 * ({@code tracker.it.smtp-user}, {@code tracker.it.smtp-password}, the latter through a file). Each message accepted
 * is recorded with its envelope and its data (dot-unstuffed, CRLF line ends), as {@link Received}.
 *
 * <p>Anything out of protocol (a command out of order, MAIL before AUTH, a wrong password, a line over 1,000
 * characters) is answered with an error and listed in {@link #problems()}; a test asserts none.
 * {@link #failNextData} answers the next message's end of data with a temporary failure instead of accepting it.
 */
public final class SmtpStandIn implements AutoCloseable {

    private static final Pattern PATH = Pattern.compile("(?i)(MAIL FROM|RCPT TO):\\s*<([^>]*)>.*");

    /** A message as received. */
    public record Received(String authUser, String mailFrom, List<String> rcptTo, String data) {
    }

    private final ServerSocket server;
    private final String user;
    private final String password;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-stand-in");
        t.setDaemon(true);
        return t;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicInteger failData = new AtomicInteger();
    private volatile String failReply;

    private SmtpStandIn(ServerSocket server, String user, String password) {
        this.server = server;
        this.user = user;
        this.password = password;
    }

    /** Listens where the test stack pointed Tracker's mail settings. */
    public static SmtpStandIn start() {
        int port = Integer.parseInt(property("tracker.it.smtp-port"));
        try {
            ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            SmtpStandIn standIn = new SmtpStandIn(server, property("tracker.it.smtp-user"),
                    property("tracker.it.smtp-password"));
            standIn.threads.execute(standIn::accept);
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException("the stand-in SMTP server cannot listen on port " + port, e);
        }
    }

    /** The messages accepted so far, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** What was out of protocol. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The next {@code count} messages' end of data is answered with {@code reply} (e.g. a 451) instead. */
    public void failNextData(int count, String reply) {
        failReply = reply;
        failData.set(count);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        threads.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> session(socket));
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                problems.add("accept: " + e);
            }
        }
    }

    /** One connection: greeting, EHLO, AUTH, then any number of MAIL, RCPT, DATA; QUIT. */
    private void session(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                     StandardCharsets.UTF_8));
             OutputStream out = socket.getOutputStream()) {
            socket.setSoTimeout(60_000);
            reply(out, "220 stand-in.tracker.test ESMTP ready");
            boolean greeted = false;
            String authenticated = null;
            String from = null;
            List<String> to = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.length() > 1000) {
                    problem(out, "a command line of " + line.length() + " characters");
                    continue;
                }
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> {
                        greeted = true;
                        reply(out, "250-stand-in.tracker.test\r\n250-8BITMIME\r\n250-AUTH PLAIN\r\n250 SIZE 10485760");
                    }
                    case "HELO" -> {
                        greeted = true;
                        reply(out, "250 stand-in.tracker.test");
                    }
                    case "AUTH" -> {
                        String[] parts = line.split(" ");
                        if (!greeted || parts.length < 2 || !parts[1].equalsIgnoreCase("PLAIN")) {
                            problem(out, "AUTH out of order or not PLAIN: " + line);
                            continue;
                        }
                        String response = parts.length > 2 ? parts[2] : null;
                        if (response == null) {
                            reply(out, "334 ");
                            response = in.readLine();
                        }
                        String[] credentials = new String(Base64.getDecoder().decode(response.strip()),
                                StandardCharsets.UTF_8).split("\0", -1);
                        if (credentials.length == 3 && credentials[1].equals(user) && credentials[2].equals(password)) {
                            authenticated = credentials[1];
                            reply(out, "235 2.7.0 Authentication successful");
                        } else {
                            problems.add("AUTH PLAIN with wrong credentials for user '"
                                    + (credentials.length == 3 ? credentials[1] : "?") + "'");
                            reply(out, "535 5.7.8 Authentication credentials invalid");
                        }
                    }
                    case "MAIL" -> {
                        Matcher m = PATH.matcher(line);
                        if (authenticated == null || !m.matches()) {
                            problem(out, "MAIL without AUTH or malformed: " + line);
                            continue;
                        }
                        from = m.group(2);
                        to.clear();
                        reply(out, "250 2.1.0 OK");
                    }
                    case "RCPT" -> {
                        Matcher m = PATH.matcher(line);
                        if (from == null || !m.matches()) {
                            problem(out, "RCPT before MAIL or malformed: " + line);
                            continue;
                        }
                        to.add(m.group(2));
                        reply(out, "250 2.1.5 OK");
                    }
                    case "DATA" -> {
                        if (from == null || to.isEmpty()) {
                            problem(out, "DATA before MAIL and RCPT");
                            continue;
                        }
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        StringBuilder data = new StringBuilder();
                        String dataLine;
                        while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                            data.append(dataLine.startsWith(".") ? dataLine.substring(1) : dataLine).append("\r\n");
                        }
                        if (failData.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                            reply(out, failReply);
                        } else {
                            received.add(new Received(authenticated, from, List.copyOf(to), data.toString()));
                            reply(out, "250 2.0.0 OK queued as " + received.size());
                        }
                        from = null;
                        to.clear();
                    }
                    case "RSET" -> {
                        from = null;
                        to.clear();
                        reply(out, "250 2.0.0 OK");
                    }
                    case "NOOP" -> reply(out, "250 2.0.0 OK");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> problem(out, "unknown command: " + line);
                }
            }
        } catch (IOException e) {
            if (!server.isClosed()) {
                problems.add("connection: " + e);
            }
        }
    }

    private void problem(OutputStream out, String what) throws IOException {
        problems.add(what);
        reply(out, "503 5.5.1 " + what.replaceAll("[\\r\\n]", " "));
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set (written by the test stack)");
        }
        return value;
    }
}
