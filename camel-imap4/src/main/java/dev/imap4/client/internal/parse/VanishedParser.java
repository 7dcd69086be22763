package dev.imap4.client.internal.parse;

import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.Vanished;
import dev.imap4.client.internal.wire.ImapInput;

/** RFC 7162 §3.2.10 VANISHED response data: {@code ["(EARLIER)" SP] known-uids}. */
public final class VanishedParser {

    private VanishedParser() {
    }

    /** Reads {@code SP ["(EARLIER)" SP] sequence-set}: {@code in} stands right after the word VANISHED. */
    public static Vanished parse(ImapInput in) {
        in.sp();
        boolean earlier = false;
        if (in.peekIs('(')) {
            in.listStart("message-data");
            if (!in.maybeKeyword("EARLIER")) {
                throw in.error("message-data", "EARLIER");
            }
            in.expectListEnd("message-data");
            earlier = true;
            in.sp();
        }
        int start = in.position();
        NumberSet uids = Lex.sequenceSet(in, "known-uids", true);
        if (Lex.count(uids) < 0) {
            in.reset(start);
            throw in.error("known-uids", "UIDs without '*'");
        }
        return new Vanished(earlier, uids);
    }
}
