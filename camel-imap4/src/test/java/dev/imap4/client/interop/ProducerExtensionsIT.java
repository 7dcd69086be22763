package dev.imap4.client.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.camel.Imap4Component;
import dev.imap4.camel.Imap4Constants;
import dev.imap4.camel.Imap4ListedFolder;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.ImapClient;
import dev.imap4.client.types.AppendUid;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The producer's typed LIST-EXTENDED/LIST-STATUS, MULTIAPPEND and UNAUTHENTICATE operations on
 * each real server that offers them (each test checks the server's own CAPABILITY, and a server
 * without the extension must refuse with the capability named).
 */
class ProducerExtensionsIT {

    private static CamelContext context(ImapServer server) throws Exception {
        CamelContext context = new DefaultCamelContext();
        Imap4Component imap4 = new Imap4Component();
        imap4.setClientFactory(new TrustingClientFactory(server));
        imap4.setAllowStreamCommandInUri(true);
        context.addComponent("imap4", imap4);
        context.start();
        return context;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void listWithSelectionReturnAndStatusOptions(ImapServer server) throws Exception {
        ImapClient c = server.require(ImapServer.Feature.LIST_EXTENDED).client();
        String f = server.folder("plistx");
        String child = server.child(f, "sub");
        c.create(f);
        c.create(child);
        c.subscribe(f);
        c.append(f, List.of(), null, Fixtures.message("one"));
        c.append(f, List.of("\\Seen"), null, Fixtures.message("two"));
        try (CamelContext ctx = context(server)) {
            ProducerTemplate t = ctx.createProducerTemplate();
            String uri = server.camelUri("command=LIST");
            Exchange e = t.request(uri, x -> x.getMessage().setHeaders(new java.util.HashMap<>(Map.of(
                    Imap4Constants.ARGUMENTS, List.of("", f + "*"),
                    Imap4Constants.LIST_SELECTION, "SUBSCRIBED",
                    Imap4Constants.LIST_RETURN, List.of("CHILDREN"),
                    Imap4Constants.LIST_STATUS, "MESSAGES UNSEEN"))));
            if (!c.hasCapability("LIST-STATUS")) {
                assertTrue(e.getException().getMessage().contains("LIST-STATUS"), e.getException().getMessage());
                return;
            }
            assertNull(e.getException());
            @SuppressWarnings("unchecked")
            List<Imap4ListedFolder> folders = e.getMessage().getBody(List.class);
            // the child is not subscribed, so only the parent is listed
            assertEquals(1, folders.size(), folders.toString());
            Imap4ListedFolder parent = folders.get(0);
            assertEquals(f, parent.name());
            assertTrue(parent.isSubscribed(), parent.toString());
            assertTrue(parent.hasChildren(), parent.toString());
            assertEquals(2L, parent.status().messages());
            assertEquals(1L, parent.status().unseen());

            if (c.hasCapability("SPECIAL-USE")) {
                Exchange special = t.request(uri, x -> {
                    x.getMessage().setHeader(Imap4Constants.LIST_SELECTION, "SPECIAL-USE");
                    x.getMessage().setHeader(Imap4Constants.LIST_RETURN, "SPECIAL-USE");
                });
                assertNull(special.getException());
                @SuppressWarnings("unchecked")
                List<Imap4ListedFolder> roles = special.getMessage().getBody(List.class);
                assertFalse(roles.isEmpty());
                roles.forEach(r -> assertNotNull(r.specialUse(), r.toString()));
            }
            ctx.stop();
        } finally {
            c.unsubscribe(f);
            Fixtures.drop(c, child, f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void severalMessagesInOneAppend(ImapServer server) throws Exception {
        ImapClient c = server.require(ImapServer.Feature.NETWORK).client();
        String f = server.folder("pmulti");
        c.create(f);
        try (CamelContext ctx = context(server)) {
            ProducerTemplate t = ctx.createProducerTemplate();
            Exchange e = t.request(server.camelUri("command=APPEND&folder=" + f), x -> {
                x.getMessage().setHeader(Imap4Constants.FLAGS, "(\\Seen)");
                x.getMessage().setBody(List.of(new String(Fixtures.message("batch one"),
                        java.nio.charset.StandardCharsets.US_ASCII), Fixtures.message("batch two"),
                        new ByteArrayInputStream(Fixtures.message("batch three"))));
            });
            assertNull(e.getException());
            assertEquals(3, e.getMessage().getHeader(Imap4Constants.APPENDED_COUNT));
            c.select(f);
            List<Long> seen = c.uidSearch("SEEN SUBJECT batch").numbers();
            assertEquals(3, seen.size());
            if (c.hasCapability("UIDPLUS")) {
                assertEquals(seen, e.getMessage().getHeader(Imap4Constants.APPEND_UIDS));
                assertEquals(seen.get(0), e.getMessage().getBody(AppendUid.class).uid());
            }
            assertEquals(c.hasCapability("MULTIAPPEND"), server.supports(ImapServer.Feature.MULTIAPPEND));
            ctx.stop();
        } finally {
            Fixtures.drop(c, f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void unauthenticateWhenTheServerOffersIt(ImapServer server) throws Exception {
        ImapClient c = server.require(ImapServer.Feature.NETWORK).client();
        boolean offered = c.hasCapability("UNAUTHENTICATE");
        c.logout();
        try (CamelContext ctx = context(server)) {
            ProducerTemplate t = ctx.createProducerTemplate();
            String uri = server.camelUri("allowedCommands=UNAUTHENTICATE,NOOP");
            Exchange e = t.request(uri, x -> x.getMessage().setHeader(Imap4Constants.COMMAND, "UNAUTHENTICATE"));
            if (offered) {
                assertNull(e.getException());
            } else {
                Imap4Exception x = assertInstanceOf(Imap4Exception.class, e.getException());
                assertTrue(x.getMessage().contains("does not offer UNAUTHENTICATE"), x.getMessage());
            }
            // the next exchange runs on a logged-in connection either way
            assertNull(t.request(uri, x -> x.getMessage().setHeader(Imap4Constants.COMMAND, "NOOP")).getException());
            ctx.stop();
        }
    }
}
