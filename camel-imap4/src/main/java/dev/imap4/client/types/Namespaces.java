package dev.imap4.client.types;

import java.util.List;

/** A NAMESPACE response (RFC 2342 §5); each list is empty when the server sent NIL. */
public record Namespaces(List<Namespace> personal, List<Namespace> otherUsers, List<Namespace> shared) {

    public Namespaces {
        personal = List.copyOf(personal);
        otherUsers = List.copyOf(otherUsers);
        shared = List.copyOf(shared);
    }
}
