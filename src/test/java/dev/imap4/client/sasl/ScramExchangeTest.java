package dev.imap4.client.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.ImapResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SCRAM-SHA-256 through {@link Imap4#authenticate(SaslMechanism)} against a one-connection server
 * that replays the RFC 7677 §3 exchange over SASL-IR (RFC 4959).
 */
class ScramExchangeTest {

    private static final String GREETING = "* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=SCRAM-SHA-256] ready";

    /** What the server does after it has read the client-final-message. */
    private enum Ending { SIGNATURE, WRONG_SIGNATURE, OK_WITHOUT_SIGNATURE }

    private final List<String> received = new CopyOnWriteArrayList<>();

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String unb64(String s) {
        return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    }

    @Test
    void authenticatesWhenTheServerSignatureMatches() throws Exception {
        try (ServerSocket server = listen()) {
            CompletableFuture<Void> done = serve(server, Ending.SIGNATURE);
            Imap4 imap = connect(server);
            ImapResult r = imap.authenticate(new Scram("SHA-256", "user", "pencil", ScramTest.SHA256_NONCE));
            assertEquals("OK", r.type());
            assertEquals("AUTH", imap.state());
            imap.shutdown();
            done.get(10, TimeUnit.SECONDS);
        }
        String tag = received.get(0).split(" ")[0];
        assertEquals(tag + " AUTHENTICATE SCRAM-SHA-256 " + b64("n,,n=user,r=" + ScramTest.SHA256_NONCE), received.get(0));
        assertEquals(ScramTest.SHA256_CLIENT_FINAL, unb64(received.get(1)));
        assertEquals("", received.get(2));
    }

    @Test
    void wrongServerSignatureAbortsWithoutRevealingThePassword() throws Exception {
        try (ServerSocket server = listen()) {
            CompletableFuture<Void> done = serve(server, Ending.WRONG_SIGNATURE);
            Imap4 imap = connect(server);
            Imap4AbortException e = assertThrows(Imap4AbortException.class,
                    () -> imap.authenticate(new Scram("SHA-256", "user", "pencil", ScramTest.SHA256_NONCE)));
            done.get(10, TimeUnit.SECONDS);
            assertInstanceOf(Imap4SaslException.class, e.getCause());
            assertTrue(e.getMessage().contains("SCRAM-SHA-256: the server signature does not match"), e.getMessage());
            assertFalse(e.getMessage().contains("pencil"), e.getMessage());
            assertFalse(String.join("\n", e.recentExchanges()).contains(b64("pencil")), e.recentExchanges().toString());
            assertEquals("LOGOUT", imap.state());
        }
        assertEquals("*", received.get(2), "the client cancels the exchange");
    }

    @Test
    void serverSayingOkWithoutProvingItselfIsNotTrusted() throws Exception {
        try (ServerSocket server = listen()) {
            CompletableFuture<Void> done = serve(server, Ending.OK_WITHOUT_SIGNATURE);
            Imap4 imap = connect(server);
            Imap4AbortException e = assertThrows(Imap4AbortException.class,
                    () -> imap.authenticate(new Scram("SHA-256", "user", "pencil", ScramTest.SHA256_NONCE)));
            done.get(10, TimeUnit.SECONDS);
            assertEquals("SCRAM-SHA-256 authentication ended before the server proved its identity; connection closed",
                    e.getMessage());
            assertEquals("LOGOUT", imap.state());
        }
    }

    private static ServerSocket listen() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    private static Imap4 connect(ServerSocket server) {
        Imap4Options options = Imap4Options.defaults().withReadTimeout(Duration.ofSeconds(10));
        return new Imap4("127.0.0.1", server.getLocalPort(), options);
    }

    private CompletableFuture<Void> serve(ServerSocket server, Ending ending) {
        return CompletableFuture.runAsync(() -> {
            try (Socket s = server.accept()) {
                s.setSoTimeout(10_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = s.getOutputStream();
                send(out, GREETING);
                String tag = read(in).split(" ")[0];
                send(out, "+ " + b64(ScramTest.SHA256_SERVER_FIRST));
                read(in);
                switch (ending) {
                    case SIGNATURE -> send(out, "+ " + b64(ScramTest.SHA256_SERVER_FINAL));
                    case WRONG_SIGNATURE -> send(out, "+ " + b64(ScramTest.SHA1_SERVER_FINAL));
                    case OK_WITHOUT_SIGNATURE -> {
                        send(out, tag + " OK authenticated");
                        return;
                    }
                }
                if (!read(in).equals("*")) {
                    send(out, tag + " OK authenticated");
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private String read(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("client closed the connection");
        }
        received.add(line);
        return line;
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
