package dev.imap4.client.internal.command;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.engine.Command;
import dev.imap4.client.internal.engine.Untagged;
import dev.imap4.client.internal.parse.SearchParser;
import dev.imap4.client.types.SearchKey;
import dev.imap4.client.types.SearchResult;
import dev.imap4.client.internal.wire.CommandWriter;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
    private final SearchKey key;
    private final boolean extended;
    private final boolean save;
    private final boolean relevancy;
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
        this(uid, sortCriteria, charset, criteria, extended, false);
    }

    /**
     * A SEARCH whose result the server keeps as {@code $} (RFC 5182 SEARCHRES): {@code RETURN (SAVE)}
     * and nothing comes back but the tagged OK.
     */
    public static SearchCommand saving(boolean uid, String charset, List<String> criteria) {
        return new SearchCommand(uid, null, charset, criteria, false, true);
    }

    private SearchCommand(boolean uid, String sortCriteria, String charset, List<String> criteria, boolean extended,
            boolean save) {
        this.save = save;
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
        this.key = null;
        this.extended = extended;
        this.relevancy = false;
    }

    /**
     * SEARCH or SORT with a typed program: every value is written by {@link CommandWriter} as a quoted
     * string or a literal, and {@code CHARSET UTF-8} is sent when a value is not ASCII (SORT always names
     * UTF-8, which RFC 5256 §3 makes every server support). The caller checks {@link #capabilitiesNeeded}
     * first.
     */
    public SearchCommand(boolean uid, String sortCriteria, SearchKey key, boolean extended) {
        this(uid, sortCriteria, key, extended, false);
    }

    /**
     * The same, on a connection with UTF8=ACCEPT enabled ({@code utf8Accept}): SEARCH then names no
     * charset, which RFC 6855 §3 forbids there (its strings are UTF-8 already); SORT, whose grammar
     * requires one, still names UTF-8.
     */
    public SearchCommand(boolean uid, String sortCriteria, SearchKey key, boolean extended, boolean utf8Accept) {
        if (key == null) {
            throw new IllegalArgumentException("search key must not be null (use SearchKey.ALL)");
        }
        this.uid = uid;
        this.sortCriteria = sortCriteria;
        this.charset = sortCriteria != null || (key.needsUtf8() && !utf8Accept) ? "UTF-8" : null;
        this.criteria = List.of();
        this.key = key;
        this.extended = extended;
        this.save = false;
        // RFC 6203 §4: a fuzzy SEARCH in ESEARCH form also asks for each match's relevancy score
        this.relevancy = extended && sortCriteria == null
                && key.flatten().stream().anyMatch(k -> k instanceof SearchKey.Fuzzy);
    }

    /**
     * The extensions a key needs: WITHIN for YOUNGER/OLDER (RFC 5032), CONDSTORE for MODSEQ (RFC 7162),
     * SEARCH=FUZZY for FUZZY (RFC 6203), FILTERS for FILTER (RFC 5466).
     */
    public static Set<String> capabilitiesNeeded(SearchKey key) {
        Set<String> out = new LinkedHashSet<>();
        for (SearchKey k : key.flatten()) {
            if (k instanceof SearchKey.Interval) {
                out.add("WITHIN");
            } else if (k instanceof SearchKey.ModSeq) {
                out.add("CONDSTORE");
            } else if (k instanceof SearchKey.Fuzzy) {
                out.add("SEARCH=FUZZY");
            } else if (k instanceof SearchKey.Filter) {
                out.add("FILTERS");
            }
        }
        return out;
    }

    /**
     * RFC 6855 §3: once UTF8=ACCEPT is enabled a SEARCH names no charset (its strings are UTF-8), and
     * servers answer one with BAD; refused here before anything is sent, as imaplib 3.14 refuses it.
     */
    public static void requireNoCharset(String charset, boolean utf8Accept) {
        if (charset != null && utf8Accept) {
            throw new Imap4Exception("SEARCH CHARSET " + charset + " is not valid once UTF8=ACCEPT is enabled"
                    + " (RFC 6855 §3): give no charset, the strings are UTF-8");
        }
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
        if (save) {
            out.raw("RETURN (SAVE)");
        } else if (relevancy) {
            out.raw("RETURN (ALL RELEVANCY)");
        } else if (extended) {
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
        if (key != null) {
            write(out, key, false);
        }
        for (String token : criteria) {
            ImapArgs.write(out, token);
        }
    }

    /** RFC 3501 §6.4.4 search-key; {@code nested} when inside OR, NOT or a list, where several keys need parentheses. */
    private static void write(CommandWriter out, SearchKey key, boolean nested) {
        if (key instanceof SearchKey.Flag f) {
            out.atom(f.name());
        } else if (key instanceof SearchKey.Keyword k) {
            out.atom(k.set() ? "KEYWORD" : "UNKEYWORD").atom(k.keyword());
        } else if (key instanceof SearchKey.Text t) {
            out.atom(t.name()).string(t.value());
        } else if (key instanceof SearchKey.Header h) {
            out.atom("HEADER").astring(h.field()).string(h.value());
        } else if (key instanceof SearchKey.Date d) {
            out.atom(d.name()).atom(d.imapDate());
        } else if (key instanceof SearchKey.Interval i) {
            out.atom(i.name()).number(i.seconds());
        } else if (key instanceof SearchKey.Size z) {
            out.atom(z.name()).number(z.bytes());
        } else if (key instanceof SearchKey.Numbers n) {
            if (n.set().isUid()) {
                out.atom("UID");
            }
            out.atom(n.set().toString());
        } else if (key instanceof SearchKey.ModSeq m) {
            out.atom("MODSEQ").number(m.modSeq());
        } else if (key instanceof SearchKey.Fuzzy f) {
            out.atom("FUZZY");
            write(out, f.key(), true);
        } else if (key instanceof SearchKey.Filter f) {
            out.atom("FILTER").atom(f.name());
        } else if (key instanceof SearchKey.Or o) {
            out.atom("OR");
            write(out, o.left(), true);
            write(out, o.right(), true);
        } else if (key instanceof SearchKey.Not n) {
            out.atom("NOT");
            write(out, n.key(), true);
        } else if (key instanceof SearchKey.And a) {
            list(out, nested && a.keys().size() > 1, () -> a.keys().forEach(k -> write(out, k, nested && a.keys().size() == 1)));
        } else if (key instanceof SearchKey.Program p) {
            list(out, nested && p.arguments().size() > 1, () -> p.arguments().forEach(arg -> ImapArgs.write(out, arg)));
        } else {
            throw new IllegalStateException("unknown search key " + key);
        }
    }

    private static void list(CommandWriter out, boolean parenthesise, Runnable items) {
        if (parenthesise) {
            out.openList();
        }
        items.run();
        if (parenthesise) {
            out.closeList();
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
