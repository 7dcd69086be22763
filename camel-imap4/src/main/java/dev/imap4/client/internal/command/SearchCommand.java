package dev.imap4.client.internal.command;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.engine.Command;
import dev.imap4.client.internal.engine.Untagged;
import dev.imap4.client.internal.parse.SearchParser;
import dev.imap4.client.types.SearchResult;
import dev.imap4.client.internal.wire.CommandWriter;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.List;

/**
 * SEARCH / UID SEARCH (RFC 3501 §6.4.4) and SORT / UID SORT (RFC 5256), asking for ESEARCH /
 * ESORT results (RFC 4731, RFC 5267) when the server offers them, so a large result arrives as a
 * compact sequence-set instead of one number per message.
 */
public final class SearchCommand implements Command<SearchResult> {

    private final boolean uid;
    private final String sortCriteria;
    private final String charset;
    private final List<String> criteria;
    private final boolean extended;
    private SearchResult result;

    /**
     * @param sortCriteria e.g. {@code ARRIVAL} or {@code (REVERSE DATE)}; null for a plain SEARCH
     * @param charset      the search charset (mandatory for SORT; null sends none for SEARCH)
     * @param criteria     the search program as imaplib-style arguments, e.g. {@code UNSEEN},
     *                     {@code FROM}, {@code "Ann Lee"}; each is encoded by imaplib's rules
     *                     ({@link ImapArgs}), so a non-ASCII word goes as a literal and nothing can
     *                     inject a command
     * @param extended     ask for ESEARCH/ESORT form ({@code RETURN (ALL)})
     */
    public SearchCommand(boolean uid, String sortCriteria, String charset, List<String> criteria, boolean extended) {
        if (criteria == null || criteria.isEmpty()) {
            throw new IllegalArgumentException("search criteria must not be empty (use ALL)");
        }
        if (sortCriteria != null && charset == null) {
            throw new IllegalArgumentException("SORT needs a charset");
        }
        this.uid = uid;
        this.sortCriteria = sortCriteria;
        this.charset = charset;
        this.criteria = List.copyOf(criteria);
        this.extended = extended;
    }

    /** SEARCH in imaplib's raw form: {@code charset} may be null; criteria as given. */
    public static RawCommand raw(String charset, String... criteria) {
        RawCommand cmd = new RawCommand("SEARCH");
        if (charset != null) {
            cmd.args("CHARSET", charset);
        }
        return cmd.args(criteria).answeredBy("SEARCH");
    }

    /** SORT in imaplib's raw form: sort criteria in parentheses (added when missing), charset, criteria. */
    public static RawCommand rawSort(String sortCriteria, String charset, String... criteria) {
        return new RawCommand("SORT").list(sortCriteria).arg(charset).args(criteria).answeredBy("SORT");
    }

    @Override
    public String verb() {
        return (uid ? "UID " : "") + (sortCriteria != null ? "SORT" : "SEARCH");
    }

    @Override
    public void arguments(CommandWriter out) {
        if (extended) {
            out.raw("RETURN (ALL)");
        }
        if (sortCriteria != null) {
            String sc = sortCriteria.trim();
            out.raw(sc.startsWith("(") ? sc : "(" + sc + ")");
            out.atom(charset);
        } else if (charset != null) {
            out.atom("CHARSET");
            out.atom(charset);
        }
        for (String token : criteria) {
            ImapArgs.write(out, token);
        }
    }

    @Override
    public boolean untagged(Untagged u, ImapInput in) {
        if (u.number() >= 0) {
            return false;
        }
        SearchResult line;
        switch (u.name()) {
            case "SEARCH" -> line = SearchParser.parseSearch(in, uid);
            case "SORT" -> line = SearchParser.parseSort(in, uid);
            case "ESEARCH" -> line = SearchParser.parseEsearch(in);
            default -> {
                return false;
            }
        }
        // a server may split one answer over several lines (imaplib keeps them all): each adds to it
        result = result == null ? line : result.plus(line);
        return true;
    }

    @Override
    public SearchResult complete(StatusResponse tagged) {
        Imap4CommandException.requireOk(verb(), tagged);
        return result != null ? result : new SearchResult(uid, java.util.List.of(), null, null, null, null, null);
    }
}
