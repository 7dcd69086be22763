package dev.imap4.client.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * Finds a TLS context whose trust manager accepts anything. It runs a TLS handshake in memory
 * between the context (as the client, checking the host name as a connection does) and a server
 * presenting a self-signed certificate for {@code untrusted.trust-probe.invalid} that ships with
 * this library, private key included: since that key is public, no trust store can legitimately
 * trust the certificate, so a context that completes the handshake trusts any server. The answer
 * is remembered per context.
 */
public final class TrustProbe {

    static final String PROBE_HOST = "untrusted.trust-probe.invalid";
    private static final String RESOURCE = "trust-probe.p12";
    private static final char[] PASSWORD = "trust-probe".toCharArray();
    private static final int MAX_STEPS = 200;

    private static final Map<SSLContext, Boolean> VERDICTS = Collections.synchronizedMap(new WeakHashMap<>());
    private static volatile SSLContext probeServer;

    private TrustProbe() {
    }

    /** Whether {@code client} accepts a certificate nobody can trust. */
    public static boolean acceptsAnything(SSLContext client) {
        Boolean known = VERDICTS.get(client);
        if (known != null) {
            return known;
        }
        boolean verdict = handshakeCompletes(client);
        VERDICTS.put(client, verdict);
        return verdict;
    }

    private static boolean handshakeCompletes(SSLContext clientContext) {
        SSLEngine client = clientContext.createSSLEngine(PROBE_HOST, 993);
        client.setUseClientMode(true);
        SSLParameters params = client.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        client.setSSLParameters(params);
        SSLEngine server = server().createSSLEngine();
        server.setUseClientMode(false);
        int packet = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        int app = Math.max(client.getSession().getApplicationBufferSize(), server.getSession().getApplicationBufferSize());
        ByteBuffer toServer = ByteBuffer.allocate(4 * packet);
        ByteBuffer toClient = ByteBuffer.allocate(4 * packet);
        ByteBuffer sink = ByteBuffer.allocate(4 * app);
        ByteBuffer empty = ByteBuffer.allocate(0);
        try {
            client.beginHandshake();
            server.beginHandshake();
            boolean clientDone = false;
            for (int step = 0; step < MAX_STEPS && !clientDone; step++) {
                clientDone |= finished(client.wrap(empty, toServer), client);
                server.wrap(empty, toClient);
                runTasks(server);
                toClient.flip();
                clientDone |= finished(client.unwrap(toClient, sink), client);
                toClient.compact();
                sink.clear();
                toServer.flip();
                server.unwrap(toServer, sink);
                runTasks(server);
                toServer.compact();
                sink.clear();
                clientDone |= client.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING
                        && client.getSession().getPeerCertificates().length > 0;
            }
            return clientDone;
        } catch (SSLException e) {
            return false; // the client refused the probe certificate (or could not negotiate at all)
        } finally {
            client.closeOutbound();
            server.closeOutbound();
        }
    }

    private static boolean finished(SSLEngineResult result, SSLEngine engine) {
        runTasks(engine);
        return result.getHandshakeStatus() == HandshakeStatus.FINISHED;
    }

    private static void runTasks(SSLEngine engine) {
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            task.run();
        }
    }

    private static SSLContext server() {
        SSLContext ctx = probeServer;
        if (ctx != null) {
            return ctx;
        }
        try (InputStream in = TrustProbe.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + TrustProbe.class);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            probeServer = ctx;
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the trust probe's key material", e);
        }
    }
}
