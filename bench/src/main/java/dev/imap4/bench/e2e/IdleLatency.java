package dev.imap4.bench.e2e;

import dev.imap4.client.ImapClient;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * From the APPEND on another connection (just before it is sent) to the exchange reaching the
 * route, one message at a time, with the consumer in IDLE (default criteria UNSEEN, onSuccess SEEN).
 */
final class IdleLatency {

    private IdleLatency() {
    }

    /** The server's own part: a raw socket in IDLE, from the APPEND to the untagged EXISTS. */
    static void raw(Server s, String folder, int count, int warmups) throws Exception {
        try (java.net.Socket sock = new java.net.Socket(s.host(), s.port()); ImapClient appender = Messages.connect(s)) {
            sock.setTcpNoDelay(true);
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(sock.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            java.io.OutputStream out = sock.getOutputStream();
            in.readLine();
            for (String c : new String[] {"a LOGIN " + s.user() + " " + s.password(), "b SELECT " + folder}) {
                out.write((c + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String tag = c.substring(0, 2);
                String line;
                while (!(line = in.readLine()).startsWith(tag)) {
                    // untagged data
                }
            }
            out.write("c IDLE\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            in.readLine(); // + idling
            double[] ms = new double[count];
            for (int i = -warmups; i < count; i++) {
                long t0 = System.nanoTime();
                Messages.append(appender, folder, "rawidle", i + warmups, 1, 4000);
                String line;
                while (!(line = in.readLine()).contains("EXISTS")) {
                    // RECENT and the like
                }
                if (i >= 0) {
                    ms[i] = Timing.millis(System.nanoTime() - t0);
                }
                Thread.sleep(20);
            }
            out.write("DONE\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            System.out.printf(java.util.Locale.ROOT, "RESULT idle-raw %s median_ms=%.1f p99_ms=%.1f max_ms=%.1f items=%d%n",
                    folder, Timing.median(ms), Timing.percentile(ms, 99), Timing.percentile(ms, 100), count);
        }
    }

    static void run(Server s, String folder, int count, int warmups) throws Exception {
        BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
        try (CamelContext ctx = new DefaultCamelContext(); ImapClient appender = Messages.connect(s)) {
            ctx.getShutdownStrategy().setTimeout(5);
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(CamelFetch.imap4Uri(s, folder, "&idle=true")).routeId("idle").process(e -> {
                        CamelFetch.imap4Body(e);
                        arrivals.add(System.nanoTime());
                    });
                }
            });
            ctx.start();
            Thread.sleep(1500); // the first poll, then IDLE
            arrivals.clear();
            double[] ms = new double[count];
            for (int i = -warmups; i < count; i++) {
                long t0 = System.nanoTime();
                Messages.append(appender, folder, "idle", i + warmups, 1, 4000);
                Long t = arrivals.poll(30, TimeUnit.SECONDS);
                if (t == null) {
                    throw new IllegalStateException("message " + i + " did not arrive within 30 s");
                }
                if (i >= 0) {
                    ms[i] = Timing.millis(t - t0);
                }
                Thread.sleep(20); // lets the consumer settle back into IDLE, as between real deliveries
            }
            System.out.printf(java.util.Locale.ROOT, "RESULT idle-imap4 %s median_ms=%.1f p99_ms=%.1f max_ms=%.1f items=%d%n",
                    folder, Timing.median(ms), Timing.percentile(ms, 99), Timing.percentile(ms, 100), count);
        }
    }
}
