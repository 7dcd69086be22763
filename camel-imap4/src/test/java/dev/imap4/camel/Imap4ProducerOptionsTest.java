package dev.imap4.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.scripted.ScriptedServer;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The producer's command, allowedCommands and saslMechanism options: typed, in every documented spelling. */
@Timeout(30)
class Imap4ProducerOptionsTest {

    private static final String PREAUTH = "S: * PREAUTH [CAPABILITY IMAP4rev1] ready\n";
    private static final String LOGOUT = """
            C: {tag} LOGOUT
            S: * BYE bye
            S: {tag} OK bye
            """;

    private static Imap4Configuration endpoint(DefaultCamelContext context, String options) {
        return context.getEndpoint("imap4:127.0.0.1:1?security=PLAIN&" + options, Imap4Endpoint.class)
                .getConfiguration();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        return cause;
    }

    @ParameterizedTest
    @ValueSource(strings = {"UID SEARCH", "UID+SEARCH", "uid%20search", "UID_SEARCH", "uid_search", "uid-search",
            "uidSearch"})
    void commandIsReadInEveryDocumentedSpelling(String spelling) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertEquals(Imap4Operation.UID_SEARCH, endpoint(context, "command=" + spelling).getCommand());
        }
    }

    @Test
    void anExtensionVerbAsCommandIsRefusedWithTheExplicitForm() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Exception e = assertThrows(Exception.class, () -> endpoint(context, "command=XLIST"));
            assertTrue(rootCause(e).getMessage().contains("allowedCommands=RAW:XLIST"), rootCause(e).getMessage());
        }
    }

    @ParameterizedTest
    @CsvSource({"auto,AUTO", "login,LOGIN", "LOGIN,LOGIN", "PLAIN,PLAIN", "CRAM-MD5,CRAM_MD5", "cram_md5,CRAM_MD5",
            "scram-sha-256,SCRAM_SHA_256", "SCRAM-SHA-1,SCRAM_SHA_1", "XOAUTH2,XOAUTH2", "oauthbearer,OAUTHBEARER"})
    void saslMechanismIsReadAsWrittenOrAsTheConstant(String spelling, Imap4SaslMechanism expected) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertEquals(expected, endpoint(context, "saslMechanism=" + spelling).getSaslMechanism());
        }
        assertEquals(Imap4SaslMechanism.AUTO, new Imap4Configuration().getSaslMechanism());
    }

    @Test
    void anUnknownSaslMechanismIsRefused() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertThrows(Exception.class, () -> endpoint(context, "saslMechanism=KERBEROS_V4"));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "XPING,NOOP | RAW:XPING",
            "RAW | RAW:XLIST",
            "RAW:UID SEARCH | without RAW:",
            "RAW:LOGOUT | never run",
            "RAW:X(Y | not a command name",
            "FETCH,BOGUS VERB | BOGUS VERB"})
    void badAllowedCommandsAreRefusedWhenTheProducerStarts(String list, String expected) {
        Imap4Configuration config = new Imap4Configuration();
        config.setAllowedCommands(list);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Imap4CommandPolicy(config));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void allowedCommandsTakeOperationsInAnySpellingAndRawVerbsByName() {
        Imap4Configuration config = new Imap4Configuration();
        config.setAllowedCommands("UID SEARCH, uid_store,raw:xping");
        Imap4CommandPolicy policy = new Imap4CommandPolicy(config);
        policy.check(Imap4Operation.UID_SEARCH, "UID SEARCH");
        policy.check(Imap4Operation.UID_STORE, "UID STORE");
        policy.check(Imap4Operation.RAW, "XPING");
        assertThrows(IllegalArgumentException.class, () -> policy.check(Imap4Operation.FETCH, "FETCH"));
        assertThrows(IllegalArgumentException.class, () -> policy.check(Imap4Operation.RAW, "XPONG"));
    }

    @Test
    void allowRawCommandsDoesNotWidenATypedCommandOrAList() {
        Imap4Configuration typed = new Imap4Configuration();
        typed.setCommand(Imap4Operation.NOOP);
        typed.setAllowRawCommands(true);
        assertThrows(IllegalArgumentException.class, () -> new Imap4CommandPolicy(typed).check(Imap4Operation.RAW, "XPING"));
        Imap4Configuration listed = new Imap4Configuration();
        listed.setAllowedCommands("NOOP");
        listed.setAllowRawCommands(true);
        assertThrows(IllegalArgumentException.class, () -> new Imap4CommandPolicy(listed).check(Imap4Operation.RAW, "XPING"));
        Imap4Configuration raw = new Imap4Configuration();
        raw.setCommand(Imap4Operation.RAW);
        assertThrows(IllegalArgumentException.class, () -> new Imap4CommandPolicy(raw).check(Imap4Operation.RAW, "XPING"));
        assertThrows(IllegalArgumentException.class, () -> new Imap4CommandPolicy(raw).check(Imap4Operation.NOOP, "NOOP"));
        raw.setAllowRawCommands(true);
        new Imap4CommandPolicy(raw).check(Imap4Operation.RAW, "XPING");
    }

    @Test
    void commandRawSendsTheVerbOfTheHeaderAndNeedsOne() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(PREAUTH + """
                C: {tag} XPING
                S: * XPONG
                S: {tag} OK pong
                """ + LOGOUT); DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            ProducerTemplate t = context.createProducerTemplate();
            String uri = "imap4:127.0.0.1:" + server.port() + "?security=PLAIN&readTimeout=10000&command=RAW"
                    + "&allowRawCommands=true";
            Exchange none = t.request(uri, e -> { });
            IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class, none.getException());
            assertTrue(e.getMessage().contains("CamelImap4Command"), e.getMessage());
            Exchange named = t.request(uri, x -> x.getMessage().setHeader(Imap4Constants.COMMAND, "RAW"));
            assertInstanceOf(IllegalArgumentException.class, named.getException());
            Exchange ping = t.request(uri, x -> x.getMessage().setHeader(Imap4Constants.COMMAND, "XPING"));
            assertNull(ping.getException());
            context.stop();
            server.verify();
        }
    }
}
