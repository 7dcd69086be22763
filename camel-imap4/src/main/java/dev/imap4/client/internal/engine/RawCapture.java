package dev.imap4.client.internal.engine;

import dev.imap4.client.ImapData;
import dev.imap4.client.Literal;
import dev.imap4.client.UntaggedResponse;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the rest of an untagged response into imaplib's data form: the text after the name (with
 * the message number in front for numbered responses), split into (header, literal) pairs wherever
 * a line ends in a literal announcement.
 */
final class RawCapture {

    private RawCapture() {
    }

    static UntaggedResponse capture(Untagged u, ImapInput in) {
        in.maybeSp();
        byte[] first = in.restOfLine();
        if (u.number() >= 0) {
            byte[] num = (Long.toString(u.number()) + (first.length > 0 ? " " : "")).getBytes();
            byte[] joined = Arrays.copyOf(num, num.length + first.length);
            System.arraycopy(first, 0, joined, num.length, first.length);
            first = joined;
        }
        List<ImapData> data = new ArrayList<>(2);
        byte[] dat = first;
        // status responses never carry literals; a trailing {n} there is text
        boolean literalsAllowed = u.status() == null;
        try {
            while (literalsAllowed && in.lineEndsWithLiteral()) {
                Literal literal = in.literalAtLineEnd();
                data.add(new ImapData.Pair(dat, literal));
                dat = in.restOfLine();
            }
        } catch (RuntimeException e) {
            // the response is lost with the connection: delete the literals already spooled
            for (ImapData d : data) {
                ((ImapData.Pair) d).literal().close();
            }
            throw e;
        }
        in.text();
        data.add(new ImapData.Line(dat));
        return new UntaggedResponse(u.name(), u.number(), u.status(), data);
    }
}
