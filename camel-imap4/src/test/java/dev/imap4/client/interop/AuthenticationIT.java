package dev.imap4.client.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.sasl.Login;
import dev.imap4.client.sasl.Plain;
import dev.imap4.client.sasl.Scram;
import dev.imap4.client.ImapResult;
import dev.imap4.client.ImapState;
import dev.imap4.client.sasl.CramMd5;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** LOGIN, login_cram_md5 and AUTHENTICATE with PLAIN, LOGIN, CRAM-MD5 and SCRAM on each server. */
class AuthenticationIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void loginAndAWrongPasswordAsImaplibReportsThem(ImapServer server) {
        Imap4 m = server.require().connect();
        try {
            Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.login(server.user(), "wrong"));
            if (server.is(ImapServer.Kind.DOVECOT)) {
                assertTrue(e.getMessage().contains("[AUTHENTICATIONFAILED]"), e.getMessage());
            } else {
                // Cyrus 3.6 answers NO without a response code
                assertTrue(e.getMessage().contains("authentication failure"), e.getMessage());
            }
            assertEquals("NONAUTH", m.state(), "a failed LOGIN leaves the connection usable");
            ImapResult ok = m.login(server.user(), server.password());
            assertEquals("OK", ok.type());
            assertEquals("AUTH", m.state());
        } finally {
            Fixtures.quietly(m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void typedLoginFailureCarriesStatusAndCode(ImapServer server) {
        ImapClient c = server.require().connect().client();
        try {
            Imap4CommandException e = assertThrows(Imap4CommandException.class, () -> c.login(server.user(), "wrong"));
            assertEquals("NO", e.status());
            assertEquals(server.is(ImapServer.Kind.DOVECOT) ? "AUTHENTICATIONFAILED" : null, e.code());
            c.login(server.user(), server.password());
            assertEquals(ImapState.AUTH, c.state());
            assertTrue(c.hasCapability("UIDPLUS"), "capabilities were learned again after login");
        } finally {
            Fixtures.quietly(c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void loginCramMd5(ImapServer server) {
        Imap4 m = server.require().connect();
        try {
            assertEquals("OK", m.loginCramMd5(server.user(), server.password()).type());
            assertEquals("AUTH", m.state());
        } finally {
            Fixtures.quietly(m);
        }
        Imap4 bad = server.connect();
        try {
            assertThrows(Imap4Exception.class, () -> bad.loginCramMd5(server.user(), "wrong"));
            assertEquals("NONAUTH", bad.state());
        } finally {
            Fixtures.quietly(bad);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void authenticatePlainWithAnImaplibCallback(ImapServer server) {
        Imap4 m = server.require().connect();
        List<Integer> challengeSizes = new ArrayList<>();
        try {
            ImapResult r = m.authenticate("plain", challenge -> {
                challengeSizes.add(challenge.length);
                return ("\0" + server.user() + "\0" + server.password()).getBytes(StandardCharsets.UTF_8);
            });
            assertEquals("OK", r.type());
            assertEquals(List.of(0), challengeSizes, "one empty challenge, answered with the credentials");
            assertEquals("AUTH", m.state());
        } finally {
            Fixtures.quietly(m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void authenticatePlainSendsTheInitialResponseInlineUnderSaslIr(ImapServer server) {
        Recorder rec = new Recorder();
        Imap4 m = new Recorder.RecordingImap4(server.require().host(), server.port(), server.options(), rec);
        try {
            assertTrue(m.capabilities().contains("SASL-IR"));
            m.authenticate(new Plain(server.user(), server.password()));
            assertEquals("AUTH", m.state());
            String ir = Base64.getEncoder().encodeToString(
                    ("\0" + server.user() + "\0" + server.password()).getBytes(StandardCharsets.UTF_8));
            List<String> auth = rec.commands("AUTHENTICATE");
            assertEquals(1, auth.size(), rec.sentText());
            assertTrue(auth.get(0).endsWith("AUTHENTICATE PLAIN " + ir), auth.get(0));
        } finally {
            Fixtures.quietly(m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void authenticateLoginMechanism(ImapServer server) {
        Imap4 m = server.require().connect();
        try {
            assertTrue(m.capabilities().contains("AUTH=LOGIN"));
            assertEquals("OK", m.authenticate(new Login(server.user(), server.password())).type());
            assertEquals("AUTH", m.state());
        } finally {
            Fixtures.quietly(m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void typedAuthenticateCramMd5OverImplicitTls(ImapServer server) {
        ImapClient c = server.require().connectTls().client();
        try {
            c.authenticate(new CramMd5(server.user(), server.password()));
            assertEquals(ImapState.AUTH, c.state());
            assertTrue(c.select("INBOX").uidValidity() > 0);
        } finally {
            Fixtures.quietly(c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void scramSha256AndSha1VerifyTheServer(ImapServer server) {
        for (String mech : List.of("SCRAM-SHA-256", "SCRAM-SHA-1")) {
            ImapClient c = server.require().connect().client();
            try {
                assertTrue(c.hasCapability("AUTH=" + mech), c.capabilities().toString());
                Scram scram = new Scram(mech.substring("SCRAM-".length()), server.user(), server.password());
                c.authenticate(scram);
                assertEquals(ImapState.AUTH, c.state(), mech);
                assertTrue(scram.isComplete(), mech + ": the server's signature was checked");
            } finally {
                Fixtures.quietly(c);
            }
        }
        ImapClient bad = server.connect().client();
        try {
            Imap4CommandException e = assertThrows(Imap4CommandException.class,
                    () -> bad.authenticate(new Scram("SHA-256", server.user(), "wrong")));
            assertEquals("NO", e.status());
            assertEquals(ImapState.NONAUTH, bad.state());
            bad.login(server.user(), server.password());
        } finally {
            Fixtures.quietly(bad);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void passwordsNeedingEscapesOrALiteral(ImapServer server) {
        server.require(ImapServer.Feature.NETWORK);
        // p"a\ss word goes as a quoted string with escapes; pässwörd (8-bit) only fits a literal
        Map<String, String> wire = Map.of("odd", "LOGIN odd \"p\\\"a\\\\ss word\"",
                "utf", "LOGIN utf {10+}\r\npässwörd");
        for (String who : List.of("odd", "utf")) {
            String user = server.prop(who + ".user");
            String password = server.prop(who + ".password");
            Recorder rec = new Recorder();
            Imap4 m = new Recorder.RecordingImap4(server.host(), server.port(), server.options(), rec);
            try {
                assertEquals("OK", m.login(user, password).type(), who);
                String sent = new String(rec.sentText().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                assertTrue(sent.contains(wire.get(who) + "\r\n"), sent);
            } finally {
                Fixtures.quietly(m);
            }
            Imap4 cram = server.connect();
            try {
                assertEquals("OK", cram.loginCramMd5(user, password).type(), who + " CRAM-MD5");
            } finally {
                Fixtures.quietly(cram);
            }
            ImapClient typed = server.connect().client();
            try {
                typed.authenticate(new Plain(user, password));
                assertEquals(ImapState.AUTH, typed.state(), who + " PLAIN");
            } finally {
                Fixtures.quietly(typed);
            }
        }
    }
}
