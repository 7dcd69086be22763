package dev.imap4.client.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imap4.client.Imap4;
import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.Imap4ReadOnlyException;
import dev.imap4.client.ImapClient;
import dev.imap4.client.ImapExtensions;
import dev.imap4.client.ImapResult;
import dev.imap4.client.QuotaRootResult;
import dev.imap4.client.types.Acl;
import dev.imap4.client.types.AclEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ACL (RFC 4314), QUOTA (RFC 9208) and METADATA (RFC 5464), raw and typed. Quota and metadata
 * differ by server: Dovecot 2.3 as configured refuses SETQUOTA and has METADATA disabled; Cyrus
 * does both; Courier has ACL and an empty QUOTA; imap4d has none of them. Each test states what
 * each server does.
 */
class AclQuotaMetadataIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void setaclSharesAMailboxAndDeleteaclTakesItBack(ImapServer server) {
        Imap4 m = server.require(ImapServer.Feature.ACL).login();
        String f = server.folder("acl");
        String own = switch (server.kind()) {
            case DOVECOT -> "lrwstipekxacd";
            case COURIER -> "acdilrsw";
            default -> "lrswipkxtecdan";
        };
        // Courier quotes every name and lists its two built-in identifiers, not the user
        String initialAcl = server.is(ImapServer.Kind.COURIER)
                ? "\"" + f + "\" \"owner\" \"acdilrsw\" \"administrators\" \"acdilrsw\""
                : f + " " + server.user() + " " + own;
        try {
            m.create(f);
            assertEquals(List.of(initialAcl), m.getacl(f).texts());
            assertEquals("OK", m.setacl(f, server.user2(), "lr").type());
            String acl = m.getacl(f).firstText();
            assertTrue(acl.contains(server.user2() + " lr") || acl.contains("\"" + server.user2() + "\" \"lr\""), acl);

            if (server.supports(ImapServer.Feature.SHARED_FOLDERS)) {
                sharedWithTheSecondUser(server, f);
            }

            ImapClient typed = m.client();
            Acl parsed = typed.extensions().getAcl(f);
            assertTrue(parsed.entries().contains(new AclEntry(server.user2(), "lr")), parsed.toString());
            typed.extensions().deleteAcl(f, server.user2());
            assertEquals(List.of(initialAcl), m.getacl(f).texts());
            assertEquals(own, typed.extensions().myRights(f).rights());
        } finally {
            m.delete(f);
            Fixtures.quietly(m);
        }
    }

    /** The second user sees, through the other-users namespace, the mailbox shared with him read-only. */
    private static void sharedWithTheSecondUser(ImapServer server, String f) {
        String shared = (server.is(ImapServer.Kind.DOVECOT) ? "shared/" : "Other Users/") + server.user() + "/" + f;
        String sharedOnWire = shared.contains(" ") ? "\"" + shared + "\"" : shared;
        Imap4 other = server.login(server.user2(), server.password2());
        try {
            assertTrue(other.list("\"\"", "*" + f).texts().stream().anyMatch(l -> l.endsWith(" " + sharedOnWire)),
                    "the owner's mailbox appears in the other user's namespace");
            assertEquals(List.of(sharedOnWire + " lr"), other.myrights(shared).texts());
            assertEquals("OK", other.select(shared, true).type());
            // without write rights a SELECT comes back [READ-ONLY]: imaplib's readonly error
            assertThrows(Imap4ReadOnlyException.class, () -> other.select(shared));
            assertTrue(other.client().select(shared).readOnly(), "the typed SELECT reports it");
            assertEquals("OK", other.noop().type());
        } finally {
            Fixtures.quietly(other);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void quotaAsEachServerAllows(ImapServer server) {
        switch (server.require(ImapServer.Feature.QUOTA).kind()) {
            case DOVECOT -> dovecotQuota(server);
            case COURIER -> courierQuota(server);
            default -> cyrusQuota(server);
        }
    }

    /** Dovecot 2.3: GETQUOTA(ROOT) work; SETQUOTA is NO for users and BAD for the admin (no quota_set). */
    private static void dovecotQuota(ImapServer server) {
        Imap4 m = server.login();
        try {
            QuotaRootResult qr = m.getquotaroot("INBOX");
            assertEquals("OK", qr.type());
            assertEquals("INBOX \"User quota\"", qr.quotaRoot().get(0).toString());
            assertTrue(qr.quota().get(0).toString().matches("\"User quota\" \\(STORAGE \\d+ 10485760\\)"),
                    qr.toString());
            assertTrue(m.getquota("\"User quota\"").firstText().startsWith("\"User quota\" (STORAGE "));
            ImapResult refused = m.setquota("\"User quota\"", "(STORAGE 100)");
            assertEquals("NO", refused.type(), "NO is returned, as imaplib returns it");
            assertTrue(refused.firstText().startsWith("Quota can be changed only by admin"), refused.firstText());
            Imap4CommandException typed = assertThrows(Imap4CommandException.class,
                    () -> m.client().extensions().setQuota("User quota", Map.of("STORAGE", 100L)));
            assertEquals("NO", typed.status());
        } finally {
            Fixtures.quietly(m);
        }
        Imap4 admin = server.login(server.admin(), server.adminPassword());
        try {
            Imap4Exception bad = assertThrows(Imap4Exception.class,
                    () -> admin.setquota("\"User quota\"", "(STORAGE 100)"));
            assertTrue(bad.getMessage().startsWith("SETQUOTA command error: BAD Error in IMAP command SETQUOTA:"
                    + " Permission denied"), "BAD raises, as imaplib raises it: " + bad.getMessage());
            assertEquals("OK", admin.noop().type());
        } finally {
            Fixtures.quietly(admin);
        }
        Imap4 tiny = server.login("tiny", "tinypw");
        try {
            ImapResult over = tiny.append("INBOX", null, null, bigMessage());
            assertEquals("NO", over.type());
            assertTrue(over.firstText().startsWith("[OVERQUOTA] "), over.firstText());
        } finally {
            Fixtures.quietly(tiny);
        }
    }

    /** Cyrus: the admin sets a quota on a user's root; the user reads it and cannot change it. */
    private static void cyrusQuota(ImapServer server) {
        String root = "user/" + server.user2();
        Imap4 admin = server.login(server.admin(), server.adminPassword());
        Imap4 user = null;
        try {
            assertEquals("OK", admin.setquota(root, "(STORAGE 1000)").type());
            assertEquals(List.of(root + " (STORAGE 0 1000)"), admin.getquota(root).texts());
            user = server.login(server.user2(), server.password2());
            QuotaRootResult qr = user.getquotaroot("INBOX");
            assertEquals(List.of("INBOX INBOX"), qr.quotaRoot().stream().map(Object::toString).toList(),
                    "altnamespace: the user sees his root as INBOX");
            assertTrue(qr.quota().get(0).toString().matches("INBOX \\(STORAGE \\d+ 1000\\)"), qr.quota().toString());
            ImapResult refused = user.setquota("INBOX", "(STORAGE 5)");
            assertEquals(List.of("NO", "Permission denied"), List.of(refused.type(), refused.firstText()));
            ImapExtensions.QuotaRootResult typed = user.client().extensions().getQuotaRoot("INBOX");
            assertEquals(1000L, typed.quotas().get(0).resources().get(0).limit());
            ImapResult over = user.append("INBOX", null, null, bigMessage());
            assertEquals(List.of("NO", "Over quota"), List.of(over.type(), over.firstText()),
                    "Cyrus 3.6 sends no [OVERQUOTA] code");
        } finally {
            admin.setquota(root, "()");
            Fixtures.quietly(admin);
            Fixtures.quietly(user);
        }
    }

    /**
     * Courier without a maildirsize quota: one root, "ROOT", with no resources. Courier writes
     * {@code * QUOTA "ROOT"} with no list at all, where RFC 9208 wants {@code ()}.
     */
    private static void courierQuota(ImapServer server) {
        Imap4 m = server.login();
        try {
            QuotaRootResult qr = m.getquotaroot("INBOX");
            assertEquals("OK", qr.type());
            assertEquals(List.of("\"INBOX\" \"ROOT\""), qr.quotaRoot().stream().map(Object::toString).toList());
            ImapExtensions.QuotaRootResult typed = m.client().extensions().getQuotaRoot("INBOX");
            assertEquals(List.of("ROOT"), typed.root().roots());
            assertTrue(typed.quotas().get(0).resources().isEmpty(), typed.toString());
            assertEquals("OK", m.noop().type());
        } finally {
            Fixtures.quietly(m);
        }
    }

    private static byte[] bigMessage() {
        StringBuilder sb = new StringBuilder("From: a@example.org\r\nSubject: big\r\n\r\n");
        String line = "x".repeat(76) + "\r\n";
        while (sb.length() < 2_000_000) {
            sb.append(line);
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void metadataThroughXatomWhereOffered(ImapServer server) {
        // there is no typed METADATA API: GETMETADATA/SETMETADATA go through xatom and response()
        Imap4 m = server.require().login();
        try {
            if (server.is(ImapServer.Kind.MAILUTILS)) {
                assertTrue(!m.capabilities().contains("METADATA"), m.capabilities().toString());
                Imap4Exception e = assertThrows(Imap4Exception.class,
                        () -> m.xatom("GETMETADATA", "INBOX", "/private/comment"));
                assertEquals("GETMETADATA command error: BAD Invalid command", e.getMessage());
                return;
            }
            if (server.is(ImapServer.Kind.COURIER)) {
                assertTrue(!m.capabilities().contains("METADATA"), m.capabilities().toString());
                ImapResult r = m.xatom("GETMETADATA", "INBOX", "/private/comment");
                assertEquals(List.of("NO", "Error in IMAP command received by server."),
                        List.of(r.type(), r.firstText()));
                return;
            }
            if (server.is(ImapServer.Kind.DOVECOT)) {
                assertTrue(!m.capabilities().contains("METADATA"), m.capabilities().toString());
                ImapResult r = m.xatom("GETMETADATA", "INBOX", "/private/comment");
                assertEquals("NO", r.type());
                assertTrue(r.firstText().startsWith("[CANNOT] Generic mailbox attributes not enabled"), r.firstText());
                return;
            }
            assertTrue(m.capabilities().contains("METADATA"));
            String comment = "note " + System.nanoTime();
            assertEquals("OK", m.xatom("SETMETADATA", "INBOX", "(/private/comment \"" + comment + "\")").type());
            assertEquals("OK", m.xatom("GETMETADATA", "INBOX", "/private/comment").type());
            assertEquals(List.of("INBOX (\"/private/comment\" \"" + comment + "\")"), m.response("METADATA").texts());
            assertEquals("OK", m.xatom("SETMETADATA", "INBOX", "(/private/comment NIL)").type());
            m.xatom("GETMETADATA", "INBOX", "/private/comment");
            assertEquals(List.of("INBOX (\"/private/comment\" NIL)"), m.response("METADATA").texts());
            assertNull(m.response("METADATA").data().get(0), "response() removes what it returns");
        } finally {
            Fixtures.quietly(m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.imap4.client.interop.Servers#all")
    void imaplibsAnnotationCommandsAreRefused(ImapServer server) {
        // GETANNOTATION/SETANNOTATION (draft ANNOTATEMORE, imaplib's getannotation/setannotation):
        // Dovecot and imap4d do not know them (BAD, raised); Cyrus 3.6 answers NO, even to its admin,
        // and Courier NO to any verb it does not know
        Imap4 m = server.require().login();
        try {
            if (server.is(ImapServer.Kind.COURIER)) {
                ImapResult get = m.getannotation("INBOX", "\"/comment\"", "\"value.priv\"");
                assertEquals(List.of("NO", "Error in IMAP command received by server."),
                        List.of(get.type(), get.firstText()));
                ImapResult set = m.setannotation("INBOX", "\"/comment\"", "(\"value.priv\" \"x\")");
                assertEquals("NO", set.type());
            } else if (server.is(ImapServer.Kind.DOVECOT) || server.is(ImapServer.Kind.MAILUTILS)) {
                Imap4Exception e = assertThrows(Imap4Exception.class,
                        () -> m.getannotation("INBOX", "\"/comment\"", "\"value.priv\""));
                assertTrue(e.getMessage().startsWith("GETANNOTATION command error: BAD"), e.getMessage());
                e = assertThrows(Imap4Exception.class,
                        () -> m.setannotation("INBOX", "\"/comment\"", "(\"value.priv\" \"x\")"));
                assertTrue(e.getMessage().startsWith("SETANNOTATION command error: BAD"), e.getMessage());
            } else {
                ImapResult get = m.getannotation("INBOX", "\"/comment\"", "\"value.priv\"");
                assertEquals(List.of("NO", "Permission denied"), List.of(get.type(), get.firstText()));
                ImapResult set = m.setannotation("INBOX", "\"/comment\"", "(\"value.priv\" \"x\")");
                assertEquals(List.of("NO", "Permission denied"), List.of(set.type(), set.firstText()));
            }
            assertEquals("OK", m.noop().type());
        } finally {
            Fixtures.quietly(m);
        }
    }
}
