package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Options that contradict each other stop the route from starting; Camel's own polling options apply. */
class Imap4ConsumerOptionsTest extends CamelTestSupport {

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "onSuccess=MOVE | onSuccess=MOVE needs moveTo",
        "onSuccess=COPY | onSuccess=COPY needs copyTo",
        "onFailure=MOVE | onFailure=MOVE needs errorFolder",
        "onFailure=MOVE&errorFolder=Bad&maxFailedAttempts=0 | maxFailedAttempts must be at least 1",
        "fetchBatchSize=0 | fetchBatchSize must be at least 1",
        "batchMemoryLimit=-1 | batchMemoryLimit must not be negative",
        "idle=true&idleInterval=0 | idleInterval must be positive",
        "onFailure=FLAG&failureFlag=\\Recent | is not a valid IMAP keyword",
        "searchCriteria=  | searchCriteria must not be empty",
    })
    void inconsistentOptionsStopTheRouteFromStarting(String options, String message) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri(options)).routeId("r").autoStartup(false).to("mock:out");
            }
        });
        Exception e = assertThrows(Exception.class, () -> context.getRouteController().startRoute("r"));
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains(message), cause.getMessage());
        assertTrue(fake.server().commands().isEmpty(), "refused before connecting");
    }

    @Test
    void sendEmptyMessageWhenIdleSendsAnEmptyExchangeForAnEmptyPoll() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fake.uri("sendEmptyMessageWhenIdle=true")).routeId("r").to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMinimumMessageCount(1);
        out.assertIsSatisfied(5000);
        assertNull(out.getReceivedExchanges().get(0).getMessage().getBody());
    }
}
