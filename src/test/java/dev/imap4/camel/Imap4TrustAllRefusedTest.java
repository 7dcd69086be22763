package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustAllTrustManager;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;

/** No configuration turns certificate verification off, not even Camel's trust-all manager. */
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

    @Test
    void ordinaryTrustStoreParametersAreAccepted() {
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setTrustManagers(new TrustManagersParameters());
        Imap4ClientFactory.refuseTrustAll(ssl);
    }
}
