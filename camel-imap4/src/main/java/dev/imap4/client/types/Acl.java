package dev.imap4.client.types;

import java.util.List;

/** An ACL response (RFC 4314 §3.6): a mailbox and its access control list. */
public record Acl(String mailbox, List<AclEntry> entries) {

    public Acl {
        entries = List.copyOf(entries);
    }
}
