package dev.imap4.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.security.auth.Subject;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;

/**
 * An IMAP server on 127.0.0.1 (port 0) whose AUTHENTICATE is answered by a JDK {@link SaslServer}
 * (GSSAPI against a real KDC, NTLM): one connection at a time, the greeting, AUTHENTICATE,
 * CAPABILITY, NOOP and LOGOUT. It records
 * who authenticated ({@link #authorizedIds()}) and the server's failures ({@link #failures()}).
 *
 * <p>Not a transcript: each challenge is computed by the JDK's mechanism from the client's answer,
 * so no exchange can be written down in advance.
 */
public final class SaslServerPeer implements AutoCloseable {

    private final ServerSocket server;
    private final Supplier<SaslServer> factory;
    private final Subject subject;
    private final List<String> authorizedIds = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    /** Serves {@code mechanism}, each connection's SaslServer made by {@code factory} inside {@code subject} (or none). */
    public SaslServerPeer(String mechanism, Subject subject, Supplier<SaslServer> factory) throws IOException {
        this.factory = factory;
        this.subject = subject;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> acceptLoop(mechanism), "sasl-server-peer");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The authorization identity of each successful AUTHENTICATE. */
    public List<String> authorizedIds() {
        return authorizedIds;
    }

    /** The SaslServer's error for each failed AUTHENTICATE. */
    public List<String> failures() {
        return failures;
    }

    private void acceptLoop(String mechanism) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(20_000);
                serve(mechanism, s);
            } catch (Exception e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serve(String mechanism, Socket s) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = s.getOutputStream();
        send(out, "* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=" + mechanism + "] ready");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.split(" ");
            String tag = words[0];
            if (words[1].equalsIgnoreCase("LOGOUT")) {
                send(out, "* BYE bye");
                send(out, tag + " OK LOGOUT completed");
                return;
            }
            if (words[1].equalsIgnoreCase("NOOP")) {
                send(out, tag + " OK NOOP completed");
                continue;
            }
            if (words[1].equalsIgnoreCase("CAPABILITY")) {
                send(out, "* CAPABILITY IMAP4rev1");
                send(out, tag + " OK CAPABILITY completed");
                continue;
            }
            if (!words[1].equalsIgnoreCase("AUTHENTICATE") || !words[2].equalsIgnoreCase(mechanism)) {
                send(out, tag + " BAD unexpected");
                continue;
            }
            SaslServer sasl = inSubject(factory::get);
            byte[] response = words.length > 3 ? decode(words[3]) : null;
            try {
                if (response == null) {
                    send(out, "+ ");
                    response = decode(in.readLine());
                }
                while (true) {
                    byte[] r = response;
                    byte[] challenge = inSubject(() -> sasl.evaluateResponse(r));
                    if (sasl.isComplete()) {
                        if (challenge != null && challenge.length > 0) {
                            send(out, "+ " + Base64.getEncoder().encodeToString(challenge));
                            in.readLine();
                        }
                        break;
                    }
                    send(out, "+ " + Base64.getEncoder().encodeToString(challenge == null ? new byte[0] : challenge));
                    String answer = in.readLine();
                    if (answer == null || answer.equals("*")) {
                        throw new SaslException("the client cancelled");
                    }
                    response = decode(answer);
                }
                authorizedIds.add(sasl.getAuthorizationID());
                send(out, tag + " OK AUTHENTICATE completed");
            } catch (SaslException e) {
                failures.add(String.valueOf(e.getMessage()));
                send(out, tag + " NO [AUTHENTICATIONFAILED] authentication failed");
            }
        }
    }

    private <T> T inSubject(PrivilegedExceptionAction<T> action) throws Exception {
        if (subject == null) {
            return action.run();
        }
        try {
            return Subject.doAs(subject, action);
        } catch (java.security.PrivilegedActionException e) {
            throw e.getException();
        }
    }

    private static byte[] decode(String line) {
        return line.equals("=") ? new byte[0] : Base64.getDecoder().decode(line);
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
