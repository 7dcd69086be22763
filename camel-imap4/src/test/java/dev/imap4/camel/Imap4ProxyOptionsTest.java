package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.testing.TunnelProxy;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** proxyType, proxyHost, proxyPort, proxyUsername and proxyPassword: the consumer and producer through a proxy. */
@Timeout(60)
class Imap4ProxyOptionsTest extends CamelTestSupport {

    @RegisterExtension
    final FakeImapServerExtension fake = new FakeImapServerExtension("UIDPLUS");

    private static String uri(String options) {
        return "imap4:imap.example.invalid:143?security=PLAIN&username=joe&password=secret&initialDelay=0&delay=50&" + options;
    }

    @Test
    void theConsumerReachesItsServerThroughASocksProxy() throws Exception {
        fake.server().add(TestMailbox.message("through the proxy", "x"));
        try (TunnelProxy proxy = TunnelProxy.relay(TunnelProxy.Kind.SOCKS5, fake.server().port(), "pu", "proxy-secret")) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri("proxyType=SOCKS5&proxyHost=127.0.0.1&proxyPort=" + proxy.port()
                            + "&proxyUsername=pu&proxyPassword=proxy-secret")).to("mock:out");
                }
            });
            MockEndpoint out = getMockEndpoint("mock:out");
            out.expectedMessageCount(1);
            out.expectedHeaderReceived("Subject", "through the proxy");
            out.assertIsSatisfied(10_000);
            assertEquals("imap.example.invalid:143", proxy.targets().get(0), "the proxy resolves the server's name");
            String endpoints = context.getEndpoints().toString();
            assertFalse(endpoints.contains("proxy-secret"), endpoints);
        }
    }

    @Test
    void theProducerRunsItsCommandsThroughAnHttpProxy() throws Exception {
        fake.server().add(TestMailbox.message("one", "x"));
        try (TunnelProxy proxy = TunnelProxy.relay(TunnelProxy.Kind.HTTP, fake.server().port())) {
            Object result = template.requestBodyAndHeader(
                    uri("proxyType=HTTP&proxyHost=127.0.0.1&proxyPort=" + proxy.port() + "&command=UID_SEARCH"), null,
                    Imap4Constants.ARGUMENTS, "ALL");
            assertEquals(List.of(1L), result, "the producer's UID SEARCH answer came through the tunnel");
            assertEquals(List.of("imap.example.invalid:143"), proxy.targets());
        }
    }

    @Test
    void aPartialProxyConfigurationIsRefused() {
        Exception e = assertThrows(Exception.class,
                () -> template.requestBody(uri("proxyHost=127.0.0.1&command=NOOP"), ""));
        assertTrue(causes(e).contains("a proxy needs proxyType (SOCKS5 or HTTP), proxyHost and proxyPort"), causes(e));
        e = assertThrows(Exception.class,
                () -> template.requestBody(uri("proxyType=HTTP&proxyHost=127.0.0.1&proxyPort=3128&proxyUsername=u&command=NOOP"), ""));
        assertTrue(causes(e).contains("set both proxyUsername and proxyPassword, or neither"), causes(e));
    }

    private static String causes(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t).append(" | ");
        }
        return b.toString();
    }
}
