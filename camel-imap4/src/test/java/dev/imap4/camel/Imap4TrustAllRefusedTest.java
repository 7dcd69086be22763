package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.ScriptedServer;
import dev.imap4.client.scripted.TestTls;
import dev.imap4.testing.PermissiveTrust.AcceptAll;
import dev.imap4.testing.PermissiveTrust.Permissive;
import javax.net.ssl.TrustManager;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustAllTrustManager;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No configuration turns certificate verification off: not Camel's trust-all manager, nor one of the user's. */
@Timeout(30)
class Imap4TrustAllRefusedTest {

    @Test
    void aTrustAllTrustManagerIsRefusedBeforeConnecting() throws Exception {
        SSLContextParameters ssl = new SSLContextParameters();
        TrustManagersParameters tm = new TrustManagersParameters();
        tm.setTrustManager(TrustAllTrustManager.INSTANCE);
        ssl.setTrustManagers(tm);
        Imap4Configuration config = new Imap4Configuration();
        config.setHost("127.0.0.1");
        config.setPort(1);
        config.setUsername("joe");
        config.setPassword("secret");
        config.setSslContextParameters(ssl);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Imap4ClientFactory().connect(config, context));
            assertTrue(e.getMessage().contains("trust-all"), e.getMessage());
        }
    }

    /** Any trust manager that accepts a certificate no one can trust is refused, naming the option. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aCustomAcceptAllTrustManagerIsRefused(boolean extended) throws Exception {
        TrustManager accepting = extended ? new Permissive(null) : new AcceptAll();
        SSLContextParameters ssl = new SSLContextParameters();
        TrustManagersParameters tm = new TrustManagersParameters();
        tm.setTrustManager(accepting);
        ssl.setTrustManagers(tm);
        try (ScriptedServer server = ScriptedServer.builder().implicitTls(TestTls.localhostServer()).transcript("""
                S: * PREAUTH [CAPABILITY IMAP4rev1] would be accepted
                C: {tag} LOGOUT
                S: * BYE
                S: {tag} OK bye
                """).start(); DefaultCamelContext context = new DefaultCamelContext()) {
            Imap4Configuration config = new Imap4Configuration();
            config.setHost("localhost");
            config.setPort(server.port());
            config.setSslContextParameters(ssl);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Imap4ClientFactory().connect(config, context).logout());
            assertTrue(e.getMessage().contains("sslContextParameters"), e.getMessage());
        }
    }

    @Test
    void ordinaryTrustStoreParametersAreAccepted() {
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setTrustManagers(new TrustManagersParameters());
        Imap4ClientFactory.refuseTrustAll(ssl);
    }
}
