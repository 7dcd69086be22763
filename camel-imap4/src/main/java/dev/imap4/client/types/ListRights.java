package dev.imap4.client.types;

import java.util.List;

/**
 * A LISTRIGHTS response (RFC 4314 §3.7).
 *
 * @param mailbox    the mailbox
 * @param identifier the identifier asked about
 * @param required   the rights always granted to the identifier (may be empty)
 * @param optional   the groups of rights that may be granted, each group granted together
 */
public record ListRights(String mailbox, String identifier, String required, List<String> optional) {

    public ListRights {
        optional = List.copyOf(optional);
    }
}
