package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream endpoint ({@code streamCommand}) needs no host, and the consumer's reconnect loop against
 * a child that fails its greeting leaves no process behind.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
class Imap4StreamEndpointTest {

    @TempDir
    Path dir;

    /** A minimal preauthenticated IMAP server in the shell: NOOP and LOGOUT. */
    private Path tinyServer() throws Exception {
        Path script = dir.resolve("server.sh");
        Files.writeString(script, """
                printf '* PREAUTH [CAPABILITY IMAP4rev1] shell server\\r\\n'
                while read -r tag verb rest; do
                  case "$verb" in
                    LOGOUT*) printf '* BYE bye\\r\\n%s OK bye\\r\\n' "$tag"; exit 0 ;;
                    *) printf '%s OK done\\r\\n' "$tag" ;;
                  esac
                done
                """);
        return script;
    }

    @Test
    void aStreamEndpointNeedsNoHost() throws Exception {
        Path script = tinyServer();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Imap4Component imap4 = new Imap4Component();
            imap4.setAllowStreamCommandInUri(true); // the application's own URI, built from no message data
            context.addComponent("imap4", imap4);
            context.start();
            String uri = "imap4:?streamCommand=RAW(sh " + script + ")";
            Imap4Endpoint endpoint = context.getEndpoint(uri, Imap4Endpoint.class);
            assertNull(endpoint.getConfiguration().getHost());
            assertEquals("sh " + script, endpoint.getConfiguration().getStreamCommand());
            ProducerTemplate template = context.createProducerTemplate();
            Exchange result = template.request(uri, e -> e.getMessage().setHeader(Imap4Constants.COMMAND, "NOOP"));
            assertNull(result.getException());
        }
    }

    @Test
    void anEndpointWithNeitherHostNorStreamIsStillRefused() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            Exception e = assertThrows(Exception.class, () -> context.getEndpoint("imap4:?folder=INBOX"));
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertTrue(root.getMessage().startsWith("imap4: needs a host"), root.getMessage());
        }
    }

    @Test
    void theConsumerReconnectLoopLeaksNoChild() throws Exception {
        // each poll starts a child that answers garbage and would never exit, with a background child
        Path pids = dir.resolve("pids");
        String command = "echo $$ >> " + pids + "; sleep 1000 & echo $! >> " + pids + ";"
                + " printf 'no greeting\\r\\n'; trap '' TERM; while :; do sleep 1; done";
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            // on the component, as an application would configure a trusted command line
            context.getComponent("imap4", Imap4Component.class).getConfiguration().setStreamCommand(command);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("imap4:?initialDelay=0&delay=50&readTimeout=5000").routeId("r").to("mock:out");
                }
            });
            context.start();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (lines(pids).size() < 6 && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            context.getRouteController().stopRoute("r");
        }
        List<Long> started = lines(pids).stream().map(Long::parseLong).toList();
        assertTrue(started.size() >= 6, "three polls, each a shell and its child: " + started);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Long> alive;
        do {
            Thread.sleep(50);
            alive = started.stream().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .toList();
        } while (!alive.isEmpty() && System.nanoTime() < until);
        assertEquals(List.of(), alive, "no child outlives its failed connection");
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file).stream().filter(s -> !s.isBlank()).toList() : List.of();
    }
}
