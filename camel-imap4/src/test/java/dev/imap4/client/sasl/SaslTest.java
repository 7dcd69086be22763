package dev.imap4.client.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4Exception;
import dev.imap4.client.Capabilities;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SaslTest {

    private static final Supplier<String> TOKEN = () -> "tok";

    private static Capabilities caps(String words) {
        return Capabilities.parse("IMAP4rev1 " + words);
    }

    @ParameterizedTest
    @CsvSource({
        "AUTH=LOGIN AUTH=PLAIN AUTH=CRAM-MD5 AUTH=SCRAM-SHA-1 AUTH=SCRAM-SHA-256, SCRAM-SHA-256",
        "AUTH=LOGIN AUTH=PLAIN AUTH=CRAM-MD5 AUTH=SCRAM-SHA-1, SCRAM-SHA-1",
        "AUTH=LOGIN AUTH=PLAIN AUTH=CRAM-MD5, CRAM-MD5",
        "AUTH=LOGIN AUTH=PLAIN, PLAIN",
        "AUTH=LOGIN, LOGIN"})
    void autoPicksTheStrongestOfferedPasswordMechanism(String offered, String expected) {
        assertEquals(expected, Sasl.choose(caps(offered), "joe", "secret", null, Sasl.AUTO).name());
    }

    @Test
    void tokenSupplierMakesOAuthBearerFirstChoice() {
        SaslMechanism m = Sasl.choose(caps("AUTH=SCRAM-SHA-256 AUTH=XOAUTH2 AUTH=OAUTHBEARER"), "joe", "secret",
                TOKEN, Sasl.AUTO, "imap.example.com", 993);
        assertInstanceOf(OAuthBearer.class, m);
        assertTrue(new String(m.initialResponse(), StandardCharsets.UTF_8).contains("\u0001host=imap.example.com"
                + "\u0001port=993\u0001"));
    }

    @Test
    void xoauth2WhenItIsTheOnlyTokenMechanism() {
        assertInstanceOf(XOAuth2.class, Sasl.choose(caps("AUTH=PLAIN AUTH=XOAUTH2"), "joe", null, TOKEN, null));
    }

    @Test
    void oauthMechanismsAreSkippedWithoutATokenSupplier() {
        assertEquals("PLAIN", Sasl.choose(caps("AUTH=XOAUTH2 AUTH=PLAIN"), "joe", "secret", null, "AUTO").name());
    }

    @Test
    void nothingFittingNamesWhatTheServerOffersAndNeverThePassword() {
        Imap4Exception e = assertThrows(Imap4Exception.class,
                () -> Sasl.choose(caps("AUTH=XOAUTH2 SASL-IR"), "joe", "secret", null, Sasl.AUTO));
        assertTrue(e.getMessage().contains("the server offers AUTH=XOAUTH2"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void serverWithoutAuthMechanismsIsReported() {
        Imap4Exception e = assertThrows(Imap4Exception.class,
                () -> Sasl.choose(caps("LITERAL+"), "joe", "secret", null, Sasl.AUTO));
        assertTrue(e.getMessage().contains("the server offers no AUTH= mechanisms"), e.getMessage());
    }

    @Test
    void preferredMechanismIsHonouredOverStrongerOnes() {
        assertInstanceOf(Plain.class, Sasl.choose(caps("AUTH=SCRAM-SHA-256 AUTH=PLAIN"), "joe", "secret", null, "plain"));
    }

    @Test
    void preferredMechanismTheServerLacksIsRefusedNamingTheOffer() {
        Imap4Exception e = assertThrows(Imap4Exception.class,
                () -> Sasl.choose(caps("AUTH=PLAIN AUTH=LOGIN"), "joe", "secret", null, "SCRAM-SHA-1"));
        assertEquals("the server does not offer AUTH=SCRAM-SHA-1; it offers AUTH=PLAIN AUTH=LOGIN", e.getMessage());
    }

    @Test
    void preferredMechanismWithoutItsCredentialIsRefused() {
        Imap4Exception e = assertThrows(Imap4Exception.class,
                () -> Sasl.choose(caps("AUTH=XOAUTH2"), "joe", "secret", null, "XOAUTH2"));
        assertEquals("XOAUTH2 needs an OAuth access token supplier", e.getMessage());
    }

    @Test
    void unknownPreferredMechanismIsRefused() {
        Imap4Exception e = assertThrows(Imap4Exception.class,
                () -> Sasl.choose(caps("AUTH=KERBEROS_V4"), "joe", "secret", null, "KERBEROS_V4"));
        assertTrue(e.getMessage().startsWith("unsupported SASL mechanism 'KERBEROS_V4'"), e.getMessage());
    }
}
