package dev.imap4.client.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Capabilities;
import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.Imap4Options;
import dev.imap4.testing.KerberosKdc;
import dev.imap4.testing.SaslServerPeer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.security.auth.Subject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * GSSAPI and NTLM through the JDK's SASL clients, each against the JDK's own SASL server for the
 * mechanism: GSSAPI with real tickets from an in-process Kerberos KDC on loopback.
 */
@Timeout(60)
class JdkSaslTest {

    private static final Imap4Options OPTIONS = Imap4Options.defaults().withReadTimeout(Duration.ofSeconds(20));

    @BeforeAll
    static void startKdc() throws Exception {
        KerberosKdc.start();
    }

    @Test
    void gssapiAuthenticatesWithATicketAndTheServerProvesItself() throws Exception {
        try (SaslServerPeer server = KerberosKdc.gssapiServer()) {
            Imap4 m = new Imap4("localhost", server.port(), OPTIONS);
            JdkSasl gssapi = JdkSasl.gssapi("localhost", null, KerberosKdc.user(KerberosKdc.PASSWORD));
            m.client().authenticate(gssapi);
            assertTrue(gssapi.isComplete(), "mutual authentication finished");
            assertEquals("AUTH", m.state());
            assertEquals(List.of(KerberosKdc.USER), server.authorizedIds());
            m.logout();
        }
    }

    @Test
    void gssapiWithoutCredentialsFailsOnTheClientNamingWhy() throws Exception {
        try (SaslServerPeer server = KerberosKdc.gssapiServer()) {
            Imap4 m = new Imap4("localhost", server.port(), OPTIONS);
            Imap4SaslException e = assertThrows(Imap4SaslException.class,
                    () -> m.client().authenticate(JdkSasl.gssapi("localhost", null, new Subject())));
            assertTrue(e.getMessage().startsWith("GSSAPI failed: "), e.getMessage());
            assertEquals(List.of(), server.authorizedIds());
        }
    }

    @Test
    void aWrongKerberosPasswordGetsNoTicket() {
        Exception e = assertThrows(Exception.class, () -> KerberosKdc.user("wrong-kerberos-password"));
        assertFalse(String.valueOf(e.getMessage()).contains("wrong-kerberos-password"), e.getMessage());
    }

    @Test
    void ntlmAuthenticatesAgainstTheJdksNtlmServer() throws Exception {
        try (SaslServerPeer server = KerberosKdc.ntlmServer("joes-windows-password")) {
            Imap4 m = new Imap4("localhost", server.port(), OPTIONS);
            m.client().authenticate(JdkSasl.ntlm("localhost", "CORP\\joe", "joes-windows-password"));
            assertEquals("AUTH", m.state());
            assertEquals(1, server.authorizedIds().size(), server.failures().toString());
            m.logout();
        }
    }

    @Test
    void aWrongNtlmPasswordIsRefusedAndNeverShown() throws Exception {
        try (SaslServerPeer server = KerberosKdc.ntlmServer("joes-windows-password")) {
            Imap4 m = new Imap4("localhost", server.port(), OPTIONS);
            Imap4CommandException e = assertThrows(Imap4CommandException.class,
                    () -> m.client().authenticate(JdkSasl.ntlm("localhost", "CORP\\joe", "not-the-password")));
            assertFalse(e.getMessage().contains("not-the-password"), e.getMessage());
            assertEquals(List.of(), server.authorizedIds());
            assertEquals(1, server.failures().size());
        }
    }

    @Test
    void saslChooseGivesGssapiAndNtlmOnlyWhenAskedFor() {
        Capabilities caps = new Capabilities(Set.of("IMAP4REV1", "AUTH=GSSAPI", "AUTH=NTLM", "AUTH=PLAIN"));
        assertEquals("PLAIN", Sasl.choose(caps, "joe", "pw", null, Sasl.AUTO, "localhost", 143).name(),
                "never picked automatically: GSSAPI and NTLM need the caller's intent");
        assertEquals("GSSAPI", Sasl.choose(caps, "joe", null, null, "gssapi", "localhost", 143).name());
        assertEquals("NTLM", Sasl.choose(caps, "CORP\\joe", "pw", null, "NTLM", "localhost", 143).name());
        Imap4Exception e = assertThrows(Imap4Exception.class, () -> Sasl.choose(caps, "joe", null, null, "NTLM", "localhost", 143));
        assertEquals("NTLM needs a password", e.getMessage());
        e = assertThrows(Imap4Exception.class, () -> Sasl.choose(caps, "joe", null, null, "GSSAPI", null, 0));
        assertEquals("GSSAPI needs the server's host name (its service principal is imap/host)", e.getMessage());
    }
}
