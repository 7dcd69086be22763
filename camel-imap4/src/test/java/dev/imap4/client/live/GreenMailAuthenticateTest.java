package dev.imap4.client.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapResult;
import dev.imap4.client.Capabilities;
import dev.imap4.client.sasl.CramMd5;
import dev.imap4.client.sasl.Login;
import dev.imap4.client.sasl.OAuthBearer;
import dev.imap4.client.sasl.Plain;
import dev.imap4.client.sasl.Sasl;
import dev.imap4.client.sasl.SaslMechanism;
import dev.imap4.client.sasl.Scram;
import dev.imap4.client.sasl.XOAuth2;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AUTHENTICATE against GreenMail, which implements XOAUTH2 only, and only with SASL-IR: it reads
 * the initial response from the command line and never sends a continuation (a bare
 * {@code AUTHENTICATE XOAUTH2} gets BAD). It checks the bearer token against the user's password.
 */
class GreenMailAuthenticateTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = LiveMail.imapServer();

    @RegisterExtension
    final LiveMail live = new LiveMail(MAIL);

    @Test
    void xoauth2SentInlineAuthenticates() {
        LiveMail.Account a = live.account();
        Imap4 m = live.connect();
        ImapResult r = m.authenticate(new XOAuth2(a.login(), a::password));
        assertEquals("OK", r.type());
        assertEquals(List.of("AUTHENTICATE completed."), r.texts());
        assertEquals("AUTH", m.state());
        assertEquals("OK", m.select().type(), "the authenticated session is usable");
    }

    @Test
    void xoauth2AsksTheTokenSupplierOncePerAuthentication() {
        LiveMail.Account a = live.account();
        AtomicInteger calls = new AtomicInteger();
        XOAuth2 mechanism = new XOAuth2(a.login(), () -> {
            calls.incrementAndGet();
            return a.password();
        });
        live.connect().authenticate(mechanism);
        assertEquals(1, calls.get());
        live.connect().authenticate(mechanism);
        assertEquals(2, calls.get(), "a second authentication asks for a fresh token");
    }

    @Test
    void xoauth2WithWrongTokenRaisesAndTheConnectionSurvives() {
        LiveMail.Account a = live.account();
        Imap4 m = live.connect();
        Imap4Exception e = assertThrows(Imap4Exception.class,
                () -> m.authenticate(new XOAuth2(a.login(), () -> "expired-token")));
        assertEquals("AUTHENTICATE failed. Invalid login/password for user id " + a.login(), e.getMessage());
        assertFalse(e.getMessage().contains("expired-token"));
        assertEquals("NONAUTH", m.state());
        assertEquals("OK", m.noop().type());
    }

    @Test
    void saslChooseWithATokenPicksXoauth2AndAuthenticates() {
        LiveMail.Account a = live.account();
        Imap4 m = live.connect();
        SaslMechanism chosen = Sasl.choose(new Capabilities(Set.copyOf(m.capabilities())), a.login(), a.password(),
                a::password, Sasl.AUTO);
        assertInstanceOf(XOAuth2.class, chosen);
        assertEquals("OK", m.authenticate(chosen).type());
    }

    @Test
    void saslChooseWithOnlyAPasswordNamesWhatGreenMailOffers() {
        Imap4 m = live.connect();
        Imap4Exception e = assertThrows(Imap4Exception.class,
                () -> Sasl.choose(new Capabilities(Set.copyOf(m.capabilities())), "joe", "secret", null, Sasl.AUTO));
        assertTrue(e.getMessage().startsWith("no usable SASL mechanism: the server offers AUTH=XOAUTH2;"), e.getMessage());
    }

    private static Arguments mechanism(String name, Function<LiveMail.Account, SaslMechanism> factory) {
        return Arguments.of(name, factory);
    }

    static Stream<Arguments> clientFirstMechanisms() {
        return Stream.of(
                mechanism("PLAIN", a -> new Plain(a.login(), a.password())),
                mechanism("SCRAM-SHA-1", a -> new Scram("SHA-1", a.login(), a.password())),
                mechanism("SCRAM-SHA-256", a -> new Scram("SHA-256", a.login(), a.password())),
                mechanism("OAUTHBEARER", a -> new OAuthBearer(a.login(), "127.0.0.1", 143, a::password)));
    }

    /** GreenMail quirk: it does not expect an initial response for any mechanism but XOAUTH2. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("clientFirstMechanisms")
    void otherMechanismWithInlineInitialResponseIsAnsweredBad(String name, Function<LiveMail.Account, SaslMechanism> mech) {
        LiveMail.Account a = live.account();
        Imap4 m = live.connect();
        SaslMechanism mechanism = mech.apply(a);
        assertEquals(name, mechanism.name());
        Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.authenticate(mechanism));
        assertTrue(e.getMessage().startsWith("Expected end-of-line, found more character(s)"), e.getMessage());
        assertEquals("NONAUTH", m.state());
        assertEquals("OK", m.noop().type());
    }

    static Stream<Arguments> serverFirstMechanisms() {
        return Stream.of(
                mechanism("LOGIN", a -> new Login(a.login(), a.password())),
                mechanism("CRAM-MD5", a -> new CramMd5(a.login(), a.password())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverFirstMechanisms")
    void otherMechanismWithoutInitialResponseIsAnsweredNo(String name, Function<LiveMail.Account, SaslMechanism> mech) {
        LiveMail.Account a = live.account();
        Imap4 m = live.connect();
        Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.authenticate(mech.apply(a)));
        assertEquals("AUTHENTICATE failed. Unsupported authentication mechanism '" + name + "'", e.getMessage());
        assertEquals("NONAUTH", m.state());
    }

    @Test
    void authobjectStyleAuthenticatePlainIsAnsweredNo() {
        Imap4 m = live.connect();
        Imap4Exception e = assertThrows(Imap4Exception.class,
                () -> m.authenticate("plain", challenge -> new byte[0]));
        assertEquals("AUTHENTICATE failed. Unsupported authentication mechanism 'PLAIN'", e.getMessage());
    }

    @Test
    void loginCramMd5IsRefusedByTheClientWithoutTheCapability() {
        Imap4 m = live.connect();
        Imap4Exception e = assertThrows(Imap4Exception.class, () -> m.loginCramMd5("joe", "secret"));
        assertEquals("CRAM-MD5 authentication is not supported by the server", e.getMessage());
    }
}
