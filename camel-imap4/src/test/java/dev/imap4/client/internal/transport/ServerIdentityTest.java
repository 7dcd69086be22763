package dev.imap4.client.internal.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host-name rules, on subjectAltName entries as the JDK hands them out. */
class ServerIdentityTest {

    private static Collection<List<?>> sans(String... entries) {
        List<List<?>> out = new ArrayList<>();
        for (String e : entries) {
            out.add(List.of(e.startsWith("IP:") ? 7 : 2, e.substring(e.indexOf(':') + 1)));
        }
        return out;
    }

    @Test
    void exactNamesMatchIgnoringCaseAndAFinalDot() {
        assertTrue(ServerIdentity.matches("imap.example.org", sans("DNS:IMAP.Example.org")));
        assertTrue(ServerIdentity.matches("imap.example.org.", sans("DNS:imap.example.org")));
        assertTrue(ServerIdentity.matches("imap.example.org", sans("DNS:other.example.org", "DNS:imap.example.org.")));
        assertFalse(ServerIdentity.matches("imap.example.org", sans("DNS:example.org")));
        assertFalse(ServerIdentity.matches("imap.example.org", sans("DNS:imap.example.org.evil")));
    }

    @Test
    void aWildcardCoversExactlyOneLeftMostLabel() {
        assertTrue(ServerIdentity.matches("imap.example.org", sans("DNS:*.example.org")));
        assertFalse(ServerIdentity.matches("example.org", sans("DNS:*.example.org")));
        assertFalse(ServerIdentity.matches("a.imap.example.org", sans("DNS:*.example.org")));
        assertFalse(ServerIdentity.matches("imap.example.org", sans("DNS:im*.example.org")));
        assertFalse(ServerIdentity.matches("imap.example.org", sans("DNS:imap.*.org")));
        assertFalse(ServerIdentity.matches("example.org", sans("DNS:*.org")), "too few labels after the wildcard");
        assertFalse(ServerIdentity.matches("a.b.example.org", sans("DNS:*.*.example.org")));
        assertFalse(ServerIdentity.matches("*.example.org", sans("DNS:imap.example.org")));
    }

    @Test
    void internationalNamesAreComparedAsALabels() {
        assertTrue(ServerIdentity.matches("mail.bücher.example", sans("DNS:mail.xn--bcher-kva.example")));
    }

    @Test
    void ipLiteralsMatchOnlyIpAddressEntries() {
        assertTrue(ServerIdentity.matches("127.0.0.1", sans("IP:127.0.0.1")));
        assertTrue(ServerIdentity.matches("::1", sans("IP:0:0:0:0:0:0:0:1")));
        assertTrue(ServerIdentity.matches("[::1]", sans("IP:0:0:0:0:0:0:0:1")));
        assertFalse(ServerIdentity.matches("127.0.0.1", sans("DNS:127.0.0.1")));
        assertFalse(ServerIdentity.matches("127.0.0.2", sans("IP:127.0.0.1")));
        assertFalse(ServerIdentity.matches("localhost", sans("IP:127.0.0.1")));
        assertFalse(ServerIdentity.matches("999.0.0.1", sans("IP:127.0.0.1", "DNS:999.0.0.1")));
    }

    @Test
    void noSubjectAltNameMeansNoMatch() {
        assertFalse(ServerIdentity.matches("imap.example.org", null), "the CN is never used");
        assertFalse(ServerIdentity.matches("imap.example.org", sans()));
        assertFalse(ServerIdentity.matches("", sans("DNS:imap.example.org")));
    }
}
