package dev.imap4.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.testing.Fault.Direction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The proxy itself, in front of an echo server: each fault does what it says and nothing else. */
@Timeout(30)
class FaultProxyTest {

    private ServerSocket echo;

    @BeforeEach
    void startEcho() throws IOException {
        echo = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    Thread c = new Thread(() -> echoAll(s));
                    c.setDaemon(true);
                    c.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private static void echoAll(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the proxy cut the connection
        }
    }

    @AfterEach
    void stopEcho() throws IOException {
        echo.close();
    }

    private FaultProxy proxy(Fault first) throws IOException {
        return FaultProxy.firstConnection("127.0.0.1", echo.getLocalPort(), first);
    }

    /** Sends {@code text} and half-closes, then reads until end of stream, a reset or 2 s of silence. */
    private static String exchange(FaultProxy p, String text) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), p.port())) {
            s.setSoTimeout(2000);
            s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            s.shutdownOutput();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            try {
                for (int n = s.getInputStream().read(buf); n >= 0; n = s.getInputStream().read(buf)) {
                    got.write(buf, 0, n);
                }
            } catch (SocketTimeoutException | SocketException e) {
                // silence or a reset: what arrived is the answer
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aCleanConnectionPassesEveryByte() throws IOException {
        try (FaultProxy p = proxy(Fault.none())) {
            String text = "a1 NOOP\r\n" + "x".repeat(20_000) + "\r\n";
            assertEquals(text, exchange(p, text));
            assertEquals(0, p.faultsFired());
        }
    }

    @Test
    void cutAfterStopsAtTheOffsetAndClosesBothSides() throws IOException {
        try (FaultProxy p = proxy(Fault.cutAfter(Direction.TO_CLIENT, 5))) {
            assertEquals("01234", exchange(p, "0123456789"));
            assertEquals(1, p.faultsFired());
        }
        // cut on the way in: the server got five bytes, but its echo has no connection to come back on
        try (FaultProxy p = proxy(Fault.cutAfter(Direction.TO_SERVER, 5))) {
            assertEquals("", exchange(p, "0123456789"));
        }
    }

    @Test
    void cutOnPassesTheTextButItsLastByte() throws IOException {
        try (FaultProxy p = proxy(Fault.cutOn(Direction.TO_CLIENT, "FETCH"))) {
            assertEquals("* 1 FETC", exchange(p, "* 1 FETCH (UID 1)\r\n"));
        }
    }

    @Test
    void aStallWithholdsTheRestWithoutClosing() throws IOException {
        try (FaultProxy p = proxy(Fault.stallAfter(Direction.TO_CLIENT, 3))) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), p.port())) {
                s.setSoTimeout(300);
                s.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
                byte[] three = s.getInputStream().readNBytes(3);
                assertEquals("hel", new String(three, StandardCharsets.US_ASCII));
                assertThrows(SocketTimeoutException.class, () -> s.getInputStream().read());
            }
        }
    }

    @Test
    void byeAnswersTheCommandInsteadOfTheServer() throws IOException {
        try (FaultProxy p = proxy(Fault.byeOn("NOOP"))) {
            assertEquals("* BYE the proxy ends this connection\r\n", exchange(p, "a1 NOOP\r\n"));
        }
    }

    @Test
    void truncateLiteralKeepsTheAnnouncementAndPartOfTheBytes() throws IOException {
        try (FaultProxy p = proxy(Fault.truncateLiteral(3))) {
            assertEquals("* 1 FETCH (BODY[] {10}\r\n012", exchange(p, "* 1 FETCH (BODY[] {10}\r\n0123456789)\r\n"));
        }
    }

    @Test
    void corruptionChangesExactlyOneByte() throws IOException {
        try (FaultProxy p = proxy(Fault.corruptOn(Direction.TO_CLIENT, "FETCH (", 'X'))) {
            assertEquals("* 1 FETCH XUID 1) FETCH (\r\n", exchange(p, "* 1 FETCH (UID 1) FETCH (\r\n"));
        }
        try (FaultProxy p = proxy(Fault.corruptAt(Direction.TO_SERVER, 1))) {
            assertEquals("a" + (char) (~'b' & 0xff) + "c", exchange(p, "abc"));
        }
    }

    @Test
    void aSlowLinkDeliversEverythingInDelayedChunks() throws IOException {
        try (FaultProxy p = proxy(Fault.none().slowLink(100, 20))) {
            String text = "y".repeat(1000);
            long start = System.nanoTime();
            assertEquals(text, exchange(p, text));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 9 * 20, "ten chunks of 100 bytes, 20 ms apart, took only " + millis + " ms");
        }
    }

    @Test
    void theFaultHitsOnlyTheConnectionsThePlanNames() throws IOException {
        try (FaultProxy p = proxy(Fault.cutAfter(Direction.TO_CLIENT, 2))) {
            assertEquals("ab", exchange(p, "abcdef"));
            assertEquals("abcdef", exchange(p, "abcdef"));
            assertEquals(2, p.connections());
            assertEquals(1, p.faultsFired());
        }
    }
}
