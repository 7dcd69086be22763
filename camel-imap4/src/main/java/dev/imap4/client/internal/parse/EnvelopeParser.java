package dev.imap4.client.internal.parse;

import dev.imap4.client.types.Address;
import dev.imap4.client.types.Envelope;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.List;

/** RFC 3501 §7.4.2 / §9 {@code envelope}. */
public final class EnvelopeParser {

    private EnvelopeParser() {
    }

    /**
     * Reads {@code "(" env-date SP env-subject SP env-from SP env-sender SP env-reply-to SP env-to SP
     * env-cc SP env-bcc SP env-in-reply-to SP env-message-id ")"} from its {@code (}.
     */
    public static Envelope parse(ImapInput in) {
        in.listStart("envelope");
        // Domino wraps the envelope in a second pair of parentheses; env-date never starts with '('
        boolean wrapped = in.peekIs('(');
        if (wrapped) {
            in.listStart("envelope");
        }
        String date = in.envelopeNstring("env-date");
        in.sp();
        String subject = in.envelopeNstring("env-subject");
        in.sp();
        List<Address> from = AddressParser.parseList(in, "env-from");
        in.sp();
        List<Address> sender = AddressParser.parseList(in, "env-sender");
        in.sp();
        List<Address> replyTo = AddressParser.parseList(in, "env-reply-to");
        in.sp();
        List<Address> to = AddressParser.parseList(in, "env-to");
        in.sp();
        List<Address> cc = AddressParser.parseList(in, "env-cc");
        in.sp();
        List<Address> bcc = AddressParser.parseList(in, "env-bcc");
        in.sp();
        String inReplyTo = in.envelopeNstring("env-in-reply-to");
        in.sp();
        String messageId = in.envelopeNstring("env-message-id");
        in.expectListEnd("envelope");
        if (wrapped) {
            in.expectListEnd("envelope");
        }
        return new Envelope(date, subject, from, sender, replyTo, to, cc, bcc, inReplyTo, messageId);
    }

    /** {@link #parse} or NIL ({@code null}). */
    public static Envelope parseOrNil(ImapInput in) {
        return in.maybeNil() ? null : parse(in);
    }
}
