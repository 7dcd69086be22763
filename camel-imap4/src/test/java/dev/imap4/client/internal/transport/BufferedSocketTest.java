package dev.imap4.client.internal.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.TestTls;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** JSSE layered over a {@link BufferedSocket}: whole records read many at a time; the rest is the socket's. */
@Timeout(30)
class BufferedSocketTest {

    private static final int RECORDS = 20;
    private static final int RECORD_SIZE = 100;

    private SSLServerSocket server;
    private Thread serverThread;
    private final CountDownLatch sent = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = (SSLServerSocket) TestTls.localhostServer().getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        serverThread = new Thread(() -> {
            try (Socket s = server.accept()) {
                OutputStream out = s.getOutputStream();
                for (int i = 0; i < RECORDS; i++) {
                    out.write(record(i)); // one flushed write, one TLS record
                    out.flush();
                }
                sent.countDown();
                done.await(20, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException ignored) {
                // the test has failed already or closed the connection
            }
        }, "tls-server");
        serverThread.start();
    }

    @AfterEach
    void stop() throws Exception {
        done.countDown();
        server.close();
        serverThread.join(5000);
    }

    private static byte[] record(int i) {
        byte[] b = new byte[RECORD_SIZE];
        Arrays.fill(b, (byte) ('a' + i % 26));
        return b;
    }

    private SSLSocket layered(Socket plain) throws IOException {
        SSLSocket tls = (SSLSocket) TestTls.clientTrustingLocalhost().getSocketFactory()
                .createSocket(new BufferedSocket(plain), "localhost", server.getLocalPort(), true);
        SSLParameters params = tls.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(params);
        tls.startHandshake();
        return tls;
    }

    private Socket connect() throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 5000);
        plain.setSoTimeout(10_000);
        return plain;
    }

    @Test
    void oneReadFromTheSocketTakesEveryRecordTheKernelHolds() throws Exception {
        try (Socket plain = connect(); SSLSocket tls = layered(plain)) {
            assertTrue(sent.await(10, TimeUnit.SECONDS));
            InputStream socketIn = plain.getInputStream();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (socketIn.available() < RECORDS * RECORD_SIZE && System.nanoTime() < deadline) {
                Thread.sleep(10); // until loopback has delivered every record
            }
            assertTrue(socketIn.available() > RECORDS * RECORD_SIZE, "records not delivered: " + socketIn.available());

            byte[] first = new byte[RECORD_SIZE];
            new DataInputStream(tls.getInputStream()).readFully(first);

            // JSSE asked for one record; the buffer took everything the kernel held
            assertEquals(0, socketIn.available());
            assertArrayEquals(record(0), first);
            for (int i = 1; i < RECORDS; i++) {
                byte[] next = new byte[RECORD_SIZE];
                new DataInputStream(tls.getInputStream()).readFully(next);
                assertArrayEquals(record(i), next, "record " + i);
            }
            done.countDown(); // the server closes first: a layered socket's close waits for its close_notify
        }
    }

    @Test
    void timeoutAddressesAndCloseAreTheSocketsOwn() throws Exception {
        Socket plain = connect();
        SSLSocket tls = layered(plain);
        assertEquals(server.getLocalPort(), tls.getPort());
        assertEquals(plain.getInetAddress(), tls.getInetAddress());
        assertEquals(plain.getLocalPort(), tls.getLocalPort());

        tls.setSoTimeout(200);
        assertEquals(200, plain.getSoTimeout());
        byte[] all = new byte[RECORDS * RECORD_SIZE];
        new DataInputStream(tls.getInputStream()).readFully(all);
        assertThrows(SocketTimeoutException.class, () -> tls.getInputStream().read()); // the server is silent now

        tls.close();
        assertTrue(plain.isClosed());
    }
}
