package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The consumer's health as Camel's health-check registry reports it: camel-health on the classpath
 * and the checks registered the way Camel Main does for {@code camel.health.*} (context, routes
 * and consumers enabled by default), then read with {@link HealthCheckHelper}, as the health
 * endpoints of Camel Main, Spring Boot and Quarkus read the same registry. The imap4
 * consumer shows up as {@code consumer:<routeId>}, a readiness check: like every consumer and route
 * check in Camel it is not a liveness check, so a mail server that refuses or cannot be reached
 * makes the application not ready, never "dead" (a liveness probe would restart it for nothing).
 * At the default exposure level Camel lists every check that is DOWN, and only one result when all
 * are UP; at level "full" it lists every check.
 */
@Timeout(60)
class Imap4ConsumerHealthRegistryTest extends CamelTestSupport {

    private static final String PASSWORD = "hunter2-&RAW-x";
    private static final String CHECK = "consumer:inbox";

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS");

    /** What Camel Main does for camel.health.enabled (the default) with consumersEnabled left as it is. */
    private static void enableHealthChecks(CamelContext context) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        assertNotNull(registry, "camel-health on the classpath installs the registry");
        registry.register(registry.resolveById("context"));
        for (String id : List.of("routes", "consumers")) {
            HealthCheckRepository repository = registry.getRepository(id)
                    .orElse((HealthCheckRepository) registry.resolveById(id));
            assertNotNull(repository, id);
            registry.register(repository);
        }
    }

    private MockEndpoint route(String password) throws Exception {
        enableHealthChecks(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("imap4:127.0.0.1:" + fake.server().port() + "?security=PLAIN&username=joe&password=RAW(" + password
                        + ")&initialDelay=0&delay=50").routeId("inbox").to("mock:out");
            }
        });
        return getMockEndpoint("mock:out");
    }

    private static HealthCheck.Result check(Collection<HealthCheck.Result> results) {
        return results.stream().filter(r -> r.getCheck().getId().equals(CHECK)).findFirst()
                .orElseThrow(() -> new AssertionError(CHECK + " is not in the registry's results: " + results));
    }

    /**
     * Waits until the check reaches {@code state} in all checks and in the readiness checks (exposure
     * level full), and checks that liveness stays UP without it.
     */
    private HealthCheck.Result await(HealthCheck.State state) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            HealthCheck.Result all = check(HealthCheckHelper.invoke(context, "full"));
            HealthCheck.Result ready = check(HealthCheckHelper.invokeReadiness(context, "full"));
            if (reached(all, state) && reached(ready, state)) {
                Collection<HealthCheck.Result> live = HealthCheckHelper.invokeLiveness(context, "full");
                assertTrue(live.stream().noneMatch(r -> r.getCheck().getId().equals(CHECK)), "not a liveness check");
                assertTrue(HealthCheckHelper.isResultsUp(live, false), "alive whatever the mail server does");
                return ready;
            }
            assertTrue(System.nanoTime() < end, "waiting for " + state + ": all " + all.getState() + ", readiness "
                    + ready.getState() + " " + ready.getMessage().orElse(""));
            Thread.sleep(50);
        }
    }

    // DOWN because polls failed, not merely because none ran yet
    private static boolean reached(HealthCheck.Result r, HealthCheck.State state) {
        Object errors = r.getDetails().get(HealthCheck.FAILURE_ERROR_COUNT);
        return r.getState() == state && (state == HealthCheck.State.UP || errors instanceof Number n && n.longValue() > 0);
    }

    /** Everything a probe could print: message, details, the error and its causes. */
    private static String everything(HealthCheck.Result r) {
        StringBuilder sb = new StringBuilder(r.getMessage().orElse("")).append(' ').append(r.getDetails());
        for (Throwable t = r.getError().orElse(null); t != null; t = t.getCause()) {
            sb.append(' ').append(t);
        }
        return sb.toString();
    }

    @Test
    void aRefusedLoginIsDownInTheRegistryWithTheReasonAndWithoutThePasswordThenUpOnceFixed() throws Exception {
        fake.server().add(TestMailbox.message("waiting", "x"));
        MockEndpoint out = route(PASSWORD);

        HealthCheck.Result down = await(HealthCheck.State.DOWN);
        assertEquals("authentication failed", down.getDetails().get("reason"), String.valueOf(down.getDetails()));
        String message = down.getMessage().orElseThrow();
        assertTrue(message.startsWith("Consumer failed polling") && message.contains("route: inbox")
                && message.contains("imap4://127.0.0.1:" + fake.server().port()), message);
        assertTrue(down.getError().orElseThrow().getMessage().startsWith("authentication failed (joe at 127.0.0.1:"),
                down.getError().get().getMessage());
        assertFalse(everything(down).contains("hunter2"), everything(down));
        Collection<HealthCheck.Result> byDefault = HealthCheckHelper.invokeReadiness(context);
        assertFalse(HealthCheckHelper.isResultsUp(byDefault, true), "the application is not ready");
        assertEquals("authentication failed", check(byDefault).getDetails().get("reason"),
                "listed at the default exposure level, with its details");
        assertFalse(everything(check(byDefault)).contains("hunter2"), everything(check(byDefault)));

        ((Imap4Endpoint) context.getRoute("inbox").getEndpoint()).getConfiguration().setPassword("secret");
        HealthCheck.Result up = await(HealthCheck.State.UP);
        assertFalse(everything(up).contains("hunter2"), everything(up));
        assertTrue(HealthCheckHelper.isResultsUp(HealthCheckHelper.invokeReadiness(context), true), "ready");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
    }

    @Test
    void anUnreachableServerIsDownInTheRegistryAndUpWhenItIsBack() throws Exception {
        int port = fake.server().port();
        MockEndpoint out = route("secret");
        await(HealthCheck.State.UP);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fake.server().count("UID SEARCH") == 0) { // a whole poll ran, so the outage cuts a live connection
            assertTrue(System.nanoTime() < end, "no poll reached the server");
            Thread.sleep(20);
        }

        fake.server().close();
        HealthCheck.Result down = await(HealthCheck.State.DOWN);
        assertTrue(String.valueOf(down.getDetails().get("reason")).matches("cannot connect|connection lost"),
                String.valueOf(down.getDetails()));
        assertTrue(down.getMessage().orElseThrow().startsWith("Consumer failed polling"), down.getMessage().get());
        assertFalse(everything(down).contains("secret"), everything(down));
        assertFalse(HealthCheckHelper.isResultsUp(HealthCheckHelper.invokeReadiness(context), true), "not ready");
        assertEquals(HealthCheck.State.DOWN, check(HealthCheckHelper.invoke(context)).getState(), "listed by default");

        fake.startOn(port);
        fake.server().add(TestMailbox.message("after the outage", "x"));
        await(HealthCheck.State.UP);
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
    }
}
