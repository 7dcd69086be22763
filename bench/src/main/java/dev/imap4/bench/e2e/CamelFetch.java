package dev.imap4.bench.e2e;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailMessage;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A route that consumes a whole folder in one poll: the time from CamelContext.start() until the
 * last of {@code expected} exchanges completed. The route reads every body as bytes.
 */
final class CamelFetch {

    /** Signals a run that did not finish within its time limit. */
    static final class TimedOut extends Exception {
        final long seen;

        TimedOut(long seen) {
            super("timed out after " + seen + " exchanges");
            this.seen = seen;
        }
    }

    private CamelFetch() {
    }

    static String imap4Uri(Server s, String folder, String extra) {
        return "imap4:" + s.host() + ":" + s.port() + "?security=PLAIN&username=" + s.user() + "&password="
                + s.password() + "&saslMechanism=login&folder=" + folder + "&initialDelay=0&delay=3600000" + extra;
    }

    /** Implicit TLS, the server's certificate the only one trusted, host name checked. */
    static String imap4TlsUri(Server s, String folder, String extra) {
        return "imap4:" + s.host() + ":" + s.tlsPort() + "?security=SSL&trustCertificates=file:" + s.cert() + "&username="
                + s.user() + "&password=" + s.password() + "&saslMechanism=login&folder=" + folder
                + "&initialDelay=0&delay=3600000" + extra;
    }

    /** Every message of the folder unseen again (UID STORE 1:* -FLAGS.SILENT (\Seen)), before a run of the defaults. */
    static void resetSeen(Server s, String folder, boolean tls) {
        dev.imap4.client.Imap4 imap = tls
                ? new dev.imap4.client.Imap4Ssl(s.host(), s.tlsPort(),
                        dev.imap4.client.Imap4Options.defaults().withSslContext(s.sslContext()))
                : new dev.imap4.client.Imap4(s.host(), s.port());
        dev.imap4.client.ImapClient client = imap.client();
        try {
            client.login(s.user(), s.password());
            client.select(folder);
            client.uidStore(dev.imap4.client.types.NumberSet.uidRange(1, dev.imap4.client.types.NumberSet.STAR),
                    dev.imap4.client.types.StoreMode.REMOVE, true, java.util.List.of("\\Seen"));
            client.logout();
        } finally {
            client.close();
        }
    }

    static String camelMailUri(Server s, String folder, String extra) {
        return "imap://" + s.host() + ":" + s.port() + "?username=" + s.user() + "&password=" + s.password()
                + "&folderName=" + folder + "&initialDelay=0&delay=3600000" + extra;
    }

    private static final boolean STREAM_BODY = "stream".equals(System.getProperty("bench.body"));

    /**
     * imap4: reads the body as byte[], the way a route would; with -Dbench.body=stream as an
     * InputStream read to the end instead (as the camel-mail raw case writes its message out).
     */
    static long imap4Body(Exchange e) throws Exception {
        if (STREAM_BODY) {
            try (InputStream in = e.getMessage().getBody(InputStream.class)) {
                return drain(in);
            }
        }
        return e.getMessage().getBody(byte[].class).length;
    }

    /**
     * camel-mail with mapMailMessage=true: the body as camel-mail mapped it; a multipart body (the
     * attachments' messages) is written out whole.
     */
    static long mappedBody(Exchange e) throws Exception {
        Object body = e.getMessage().getBody();
        if (body instanceof jakarta.mail.Multipart mp) {
            Counting c = new Counting();
            mp.writeTo(c);
            return c.count;
        }
        byte[] b = e.getMessage().getBody(byte[].class);
        return b == null ? 0 : b.length;
    }

    /** camel-mail with mapMailMessage=false: the message itself, written out whole. */
    static long rawMessage(Exchange e) throws Exception {
        Counting c = new Counting();
        e.getIn(MailMessage.class).getMessage().writeTo(c);
        return c.count;
    }

    interface BodyReader {
        long read(Exchange e) throws Exception;
    }

    static Timing.Outcome consume(String uri, long expected, BodyReader reader, long timeoutSeconds)
            throws Exception {
        AtomicLong count = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong first = new AtomicLong();
        CountDownLatch all = new CountDownLatch(1);
        try (CamelContext ctx = new DefaultCamelContext()) {
            ctx.getShutdownStrategy().setTimeout(5);
            if (uri.startsWith("floor:")) {
                ctx.addComponent("floor", new CamelFloor());
            }
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("bench").autoStartup(false).process(e -> {
                        if (first.get() == 0) {
                            first.compareAndSet(0, System.nanoTime());
                        }
                        bytes.addAndGet(reader.read(e));
                        if (count.incrementAndGet() == expected) {
                            done.set(System.nanoTime());
                            all.countDown();
                        }
                    });
                }
            });
            // the timer runs from CamelContext.start(), as a user's job or container starts it
            long t0 = System.nanoTime();
            ctx.start();
            long started = System.nanoTime();
            Sampler sampler = Sampler.maybe();
            ctx.getRouteController().startRoute("bench");
            boolean finished = all.await(timeoutSeconds, TimeUnit.SECONDS);
            if (sampler != null) {
                sampler.close();
            }
            if (!finished) {
                throw new TimedOut(count.get());
            }
            // where a run's time went: starting the context, the poll up to the first exchange, the rest
            System.out.printf("# phases_ms context=%.1f first_exchange=%.1f last_exchange=%.1f%n",
                    (started - t0) / 1e6, (first.get() - t0) / 1e6, (done.get() - t0) / 1e6);
            if (Main.THREADS) {
                Main.threadCpu();
            }
            return new Timing.Outcome(count.get(), bytes.get(), done.get() - t0);
        }
    }

    static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    static long drain(InputStream in) throws Exception {
        return in.transferTo(new Counting());
    }
}
