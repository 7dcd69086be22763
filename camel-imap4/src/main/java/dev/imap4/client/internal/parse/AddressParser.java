package dev.imap4.client.internal.parse;

import dev.imap4.client.types.Address;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.ArrayList;
import java.util.List;

/** RFC 3501 §9 {@code address} and the address lists of an envelope. */
public final class AddressParser {

    private AddressParser() {
    }

    /**
     * An address list ({@code env-from}, {@code env-to}, ...): {@code "(" 1*address ")" / nil}, read
     * from {@code (} or NIL. Yahoo sends {@code ()} for an empty list; both forms give an empty list.
     *
     * @param rule the grammar rule to name in errors, e.g. {@code env-from}
     */
    public static List<Address> parseList(ImapInput in, String rule) {
        if (in.maybeNil()) {
            return List.of();
        }
        if (!in.peekIs('(')) {
            throw in.error(rule, "'(' or NIL");
        }
        in.listStart(rule);
        List<Address> out = null;
        Address first = null;
        while (true) {
            // addresses follow each other without spaces; some servers put spaces between them anyway
            in.maybeSp();
            if (in.listEnd()) {
                // immutable, as the Envelope keeps it: the record then holds it without a copy
                return out != null ? List.copyOf(out) : first != null ? List.of(first) : List.of();
            }
            Address a = parse(in);
            if (first == null) {
                first = a;
            } else {
                if (out == null) {
                    out = new ArrayList<>();
                    out.add(first);
                }
                out.add(a);
            }
        }
    }

    /** RFC 3501 address: {@code "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"}, from {@code (}. */
    public static Address parse(ImapInput in) {
        in.listStart("address");
        in.maybeSp(); // Yahoo: "( "Bob" NIL ...)"
        String name = in.envelopeNstring("addr-name");
        in.sp();
        String adl = in.envelopeNstring("addr-adl");
        in.sp();
        String mailbox = in.envelopeNstring("addr-mailbox");
        in.sp();
        String host = in.envelopeNstring("addr-host");
        in.expectListEnd("address");
        return new Address(name, adl, mailbox, host);
    }
}
