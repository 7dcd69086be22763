package dev.imap4.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OAuth 2.0 token endpoint on a loopback port (com.sun.net.httpserver), answering each POST with
 * the next queued answer (status, body, and an optional delay before it), and recording each
 * request's form fields and Authorization header. Not a transcript: HTTP, not IMAP.
 */
public final class FakeTokenEndpoint implements AutoCloseable {

    /** One queued answer. */
    public record Answer(int status, String body, long delayMillis) {
    }

    /** One request as received. */
    public record Request(Map<String, String> form, String authorization) {
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool();
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeTokenEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/token", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The endpoint's URL, http on 127.0.0.1. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    /** Queues a 200 answer with a Bearer token valid for {@code expiresIn} seconds (none when negative). */
    public FakeTokenEndpoint token(String accessToken, long expiresIn) {
        return answer(200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\""
                + (expiresIn >= 0 ? ",\"expires_in\":" + expiresIn : "") + "}");
    }

    public synchronized FakeTokenEndpoint answer(int status, String body) {
        return answer(status, body, 0);
    }

    public synchronized FakeTokenEndpoint answer(int status, String body, long delayMillis) {
        answers.add(new Answer(status, body, delayMillis));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        requests.add(new Request(form, exchange.getRequestHeaders().getFirst("Authorization")));
        Answer a;
        synchronized (this) {
            a = answers.isEmpty() ? new Answer(500, "{\"error\":\"no answer queued\"}", 0) : answers.poll();
        }
        try {
            if (a.delayMillis() > 0) {
                Thread.sleep(a.delayMillis());
            }
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(a.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout or a size cap test)
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
