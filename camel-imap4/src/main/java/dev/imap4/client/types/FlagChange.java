package dev.imap4.client.types;

import java.util.List;

/**
 * A message whose flags changed since the modification sequence a QRESYNC resynchronisation named
 * (RFC 7162 §3.2.5.2: the server's {@code FETCH (UID FLAGS MODSEQ)}).
 *
 * @param uid    the message UID
 * @param flags  its flags now
 * @param modSeq its MODSEQ, or null when the server sent none
 */
public record FlagChange(long uid, List<String> flags, Long modSeq) {

    public FlagChange {
        flags = List.copyOf(flags);
    }
}
