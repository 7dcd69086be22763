package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.testing.KerberosKdc;
import dev.imap4.testing.SaslServerPeer;
import java.util.List;
import javax.security.auth.login.Configuration;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** saslMechanism=GSSAPI (with kerberosLoginContext) and NTLM, against the JDK's SASL servers. */
@Timeout(60)
class Imap4KerberosNtlmTest extends CamelTestSupport {

    private Configuration saved;

    @BeforeAll
    static void startKdc() throws Exception {
        KerberosKdc.start();
    }

    @AfterEach
    void restoreJaas() {
        if (saved != null) {
            Configuration.setConfiguration(saved);
        }
    }

    private static String uri(int port, String options) {
        return "imap4:localhost:" + port + "?security=PLAIN&command=NOOP&" + options;
    }

    @Test
    void gssapiLogsInThroughTheNamedJaasEntry() throws Exception {
        saved = Configuration.getConfiguration();
        Configuration.setConfiguration(KerberosKdc.krb5(KerberosKdc.userOptions()));
        try (SaslServerPeer server = KerberosKdc.gssapiServer()) {
            template.requestBody(uri(server.port(), "saslMechanism=GSSAPI&kerberosLoginContext=imap4-client"
                    + "&username=" + KerberosKdc.USER + "&password=RAW(" + KerberosKdc.PASSWORD + ")"), "");
            assertEquals(List.of(KerberosKdc.USER), server.authorizedIds());
        }
    }

    @Test
    void aFailedKerberosLoginSaysWhichEntryWithoutThePassword() throws Exception {
        saved = Configuration.getConfiguration();
        Configuration.setConfiguration(KerberosKdc.krb5(KerberosKdc.userOptions()));
        try (SaslServerPeer server = KerberosKdc.gssapiServer()) {
            CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(
                    uri(server.port(), "saslMechanism=GSSAPI&kerberosLoginContext=imap4-client&username="
                            + KerberosKdc.USER + "&password=not-joes-password"), ""));
            String text = String.valueOf(e.getCause());
            assertTrue(text.contains("Kerberos login through the JAAS entry imap4-client failed"), text);
            assertFalse(text.contains("not-joes-password"), text);
            assertEquals(List.of(), server.authorizedIds());
        }
    }

    @Test
    void ntlmLogsInAsDomainUser() throws Exception {
        try (SaslServerPeer server = KerberosKdc.ntlmServer("joes-windows-password")) {
            template.requestBody(uri(server.port(), "saslMechanism=NTLM&username=RAW(CORP\\joe)&password=joes-windows-password"), "");
            assertEquals(1, server.authorizedIds().size(), server.failures().toString());
        }
    }
}
