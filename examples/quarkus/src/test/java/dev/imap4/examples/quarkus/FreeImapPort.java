package dev.imap4.examples.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/** Puts the demo server on a port nobody else uses, and polls often. */
public class FreeImapPort implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Map.of("imap.port", String.valueOf(socket.getLocalPort()), "imap.poll-delay", "500");
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    @Override
    public void stop() {
    }
}
