package dev.imap4.client.internal.command;

import dev.imap4.client.internal.parse.AclParser;
import dev.imap4.client.types.Acl;
import dev.imap4.client.types.ListRights;
import dev.imap4.client.types.MyRights;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The ACL verbs (RFC 4314 §3): GETACL, SETACL, DELETEACL, MYRIGHTS and LISTRIGHTS, one factory
 * each. They take the same astring arguments (a mailbox, then an identifier and rights) and share
 * one parser, so they are one class rather than five. Mailbox names are given as sent (modified
 * UTF-7).
 *
 * @param <R> the verb's typed result
 */
public final class AclCommand<R> extends DataCommand<R> {

    private AclCommand(String verb, Map<String, Function<ImapInput, ?>> parsers, List<String> astrings,
            Function<List<Object>, R> result) {
        super(verb, parsers, w -> astrings.forEach(w::astring), result);
    }

    /**
     * GETACL: the mailbox's access control list; empty when the server sends no ACL response.
     *
     * @param mailbox the name as the caller knows it (for the empty result)
     * @param encoded the name as sent
     */
    public static AclCommand<Acl> getAcl(String mailbox, String encoded) {
        return new AclCommand<>("GETACL", Map.of("ACL", AclParser::parseAcl), List.of(encoded),
                data -> first(data, Acl.class, new Acl(mailbox, List.of())));
    }

    /** SETACL: {@code rights} like {@code lrs}, or {@code +w} / {@code -w} to add or remove. */
    public static AclCommand<Void> setAcl(String encoded, String identifier, String rights) {
        return new AclCommand<>("SETACL", Map.of(), List.of(encoded, identifier, rights), data -> null);
    }

    /** DELETEACL: removes every right of {@code identifier}. */
    public static AclCommand<Void> deleteAcl(String encoded, String identifier) {
        return new AclCommand<>("DELETEACL", Map.of(), List.of(encoded, identifier), data -> null);
    }

    /** MYRIGHTS: the rights of the logged-in user; none when the server sends no MYRIGHTS response. */
    public static AclCommand<MyRights> myRights(String mailbox, String encoded) {
        return new AclCommand<>("MYRIGHTS", Map.of("MYRIGHTS", AclParser::parseMyRights), List.of(encoded),
                data -> first(data, MyRights.class, new MyRights(mailbox, "")));
    }

    /**
     * LISTRIGHTS: the rights that may be granted to {@code identifier}; empty when the server sends
     * no LISTRIGHTS response.
     */
    public static AclCommand<ListRights> listRights(String mailbox, String encoded, String identifier) {
        return new AclCommand<>("LISTRIGHTS", Map.of("LISTRIGHTS", AclParser::parseListRights),
                List.of(encoded, identifier),
                data -> first(data, ListRights.class, new ListRights(mailbox, identifier, "", List.of())));
    }

    /** GETACL in imaplib's raw form. */
    public static RawCommand rawGetAcl(String mailbox) {
        return new RawCommand("GETACL").arg(mailbox).answeredBy("ACL");
    }

    /** SETACL in imaplib's raw form. */
    public static RawCommand rawSetAcl(String mailbox, String who, String what) {
        return new RawCommand("SETACL").args(mailbox, who, what);
    }

    /** DELETEACL in imaplib's raw form. */
    public static RawCommand rawDeleteAcl(String mailbox, String who) {
        return new RawCommand("DELETEACL").args(mailbox, who);
    }

    /** MYRIGHTS in imaplib's raw form. */
    public static RawCommand rawMyRights(String mailbox) {
        return new RawCommand("MYRIGHTS").arg(mailbox).answeredBy("MYRIGHTS");
    }
}
