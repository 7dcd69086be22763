package dev.imap4.client.internal.command;

import dev.imap4.client.internal.parse.ThreadParser;
import dev.imap4.client.types.ThreadNode;
import dev.imap4.client.internal.wire.CommandWriter;
import java.util.List;
import java.util.Map;

/**
 * THREAD and UID THREAD (RFC 5256): an algorithm, a charset and the search program, each token
 * encoded by imaplib's rule ({@link ImapArgs}). The result is the THREAD response's forest.
 */
public final class ThreadCommand extends DataCommand<List<ThreadNode>> {

    private final String algorithm;
    private final String charset;
    private final List<String> criteria;

    public ThreadCommand(boolean uid, String algorithm, String charset, List<String> criteria) {
        super(uid ? "UID THREAD" : "THREAD", Map.of("THREAD", ThreadParser::parse));
        this.algorithm = algorithm;
        this.charset = charset;
        this.criteria = List.copyOf(criteria);
    }

    /** THREAD in imaplib's raw form: algorithm, charset and search criteria as given. */
    public static RawCommand raw(String algorithm, String charset, String... criteria) {
        return new RawCommand("THREAD").args(algorithm, charset).args(criteria).answeredBy("THREAD");
    }

    @Override
    public void arguments(CommandWriter out) {
        out.atom(algorithm);
        out.atom(charset);
        for (String token : criteria) {
            ImapArgs.write(out, token);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    List<ThreadNode> result(List<Object> data) {
        return data.isEmpty() ? List.of() : (List<ThreadNode>) data.get(0);
    }
}
