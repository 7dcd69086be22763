package dev.imap4.camel;

import dev.imap4.client.ImapUtil;
import dev.imap4.client.ImapClient;
import dev.imap4.client.ImapExtensions;
import dev.imap4.client.Literal;
import dev.imap4.client.types.FetchItems;
import dev.imap4.client.types.StoreMode;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.types.NumberSet;
import dev.imap4.client.types.SearchKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.converter.stream.CachedOutputStream;

/**
 * One short method per producer command: arguments from the imaplib-style argument list, a typed
 * result for the message body. Argument values are always encoded by the client core.
 */
final class Imap4ProducerCommands {

    private Imap4ProducerCommands() {
    }

    static Object run(Imap4Operation op, String verb, List<String> args, ImapClient c, Exchange exchange)
            throws Exception {
        return switch (op) {
            case SEARCH, UID_SEARCH -> search(op == Imap4Operation.UID_SEARCH, args, c, exchange);
            case SORT, UID_SORT -> sort(op == Imap4Operation.UID_SORT, args, c, exchange);
            case THREAD, UID_THREAD -> c.extensions().thread(op == Imap4Operation.UID_THREAD, arg(args, 0, "algorithm"),
                    arg(args, 1, "charset"), from(args, 2));
            case FETCH, UID_FETCH -> fetch(op == Imap4Operation.UID_FETCH, args, c, exchange);
            case STORE, UID_STORE -> store(op == Imap4Operation.UID_STORE, args, c);
            case COPY -> c.copy(seqs(args), arg(args, 1, "mailbox"));
            case UID_COPY -> c.uidCopy(uids(args), arg(args, 1, "mailbox"));
            case MOVE -> c.move(seqs(args), arg(args, 1, "mailbox"));
            case UID_MOVE -> c.uidMove(uids(args), arg(args, 1, "mailbox")).copyUid();
            case EXPUNGE -> c.expunge();
            case UID_EXPUNGE -> c.uidExpunge(uids(args));
            case CREATE -> voidResult(() -> c.create(arg(args, 0, "mailbox")));
            case DELETE -> voidResult(() -> c.delete(arg(args, 0, "mailbox")));
            case RENAME -> voidResult(() -> c.rename(arg(args, 0, "old name"), arg(args, 1, "new name")));
            case SUBSCRIBE -> voidResult(() -> c.subscribe(arg(args, 0, "mailbox")));
            case UNSUBSCRIBE -> voidResult(() -> c.unsubscribe(arg(args, 0, "mailbox")));
            case LIST -> Imap4ProducerList.list(args, c, exchange.getMessage());
            case LSUB -> c.lsub(args.size() > 0 ? unquote(args.get(0)) : "", args.size() > 1 ? unquote(args.get(1)) : "*");
            case STATUS -> c.status(arg(args, 0, "mailbox"), items(args, 1).toArray(new String[0]));
            case GETACL -> c.extensions().getAcl(arg(args, 0, "mailbox"));
            case SETACL -> voidResult(() -> c.extensions().setAcl(arg(args, 0, "mailbox"), arg(args, 1, "identifier"),
                    arg(args, 2, "rights")));
            case DELETEACL -> voidResult(() -> c.extensions().deleteAcl(arg(args, 0, "mailbox"),
                    arg(args, 1, "identifier")));
            case MYRIGHTS -> c.extensions().myRights(arg(args, 0, "mailbox"));
            case GETQUOTA -> c.extensions().getQuota(args.isEmpty() ? "" : unquote(args.get(0)));
            case GETQUOTAROOT -> c.extensions().getQuotaRoot(arg(args, 0, "mailbox"));
            case SETQUOTA -> c.extensions().setQuota(args.isEmpty() ? "" : unquote(args.get(0)), limits(args));
            case NAMESPACE -> c.extensions().namespace();
            case CAPABILITY -> List.copyOf(c.refreshCapabilities().names());
            case GETMETADATA -> c.extensions().getMetadata(arg(args, 0, "mailbox"),
                    items(args, 1).stream().map(Imap4ProducerCommands::unquote).toList(), null, null);
            case SETMETADATA -> voidResult(() -> c.extensions().setMetadata(arg(args, 0, "mailbox"), metadata(args)));
            case UNAUTHENTICATE -> voidResult(c::unauthenticate);
            case NOOP -> voidResult(c::noop);
            case CHECK -> voidResult(c::check);
            case APPEND -> throw new IllegalStateException("APPEND is handled with the message body");
            case RAW -> c.raw(verb, args).untagged();
        };
    }

    private static Object voidResult(Runnable r) {
        r.run();
        return null;
    }

    private static Object search(boolean uid, List<String> args, ImapClient c, Exchange exchange) {
        SearchKey key = searchKey(exchange);
        if (key == null) {
            return c.search(uid, null, from(args, 0)).numbers();
        }
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("the search program is given twice, as a SearchKey and as"
                    + " CamelImap4Arguments " + args + "; give one of them");
        }
        return c.search(uid, key).numbers();
    }

    private static Object sort(boolean uid, List<String> args, ImapClient c, Exchange exchange) {
        SearchKey key = searchKey(exchange);
        if (key == null) {
            return c.sort(uid, arg(args, 0, "sort criteria"), arg(args, 1, "charset"), from(args, 2)).numbers();
        }
        if (args.size() != 1) {
            throw new IllegalArgumentException("with a SearchKey, CamelImap4Arguments holds only the sort criteria,"
                    + " e.g. (REVERSE DATE); got " + args);
        }
        return c.sort(uid, args.get(0), key).numbers();
    }

    /** The typed search program: the CamelImap4SearchCriteria header, else a SearchKey body; null if neither. */
    private static SearchKey searchKey(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(Imap4Constants.SEARCH_CRITERIA);
        if (header != null) {
            if (header instanceof SearchKey key) {
                return key;
            }
            throw new IllegalArgumentException(Imap4Constants.SEARCH_CRITERIA + " must hold a " + SearchKey.class.getName()
                    + ", got a " + header.getClass().getName() + " (text criteria go in CamelImap4Arguments)");
        }
        return exchange.getMessage().getBody() instanceof SearchKey key ? key : null;
    }

    private static List<Imap4FetchedMessage> fetch(boolean uid, List<String> args, ImapClient c, Exchange exchange) {
        NumberSet set = NumberSet.parse(arg(args, 0, "message set"), uid);
        FetchItems items = FetchItems.parse(args.size() > 1 ? String.join(" ", args.subList(1, args.size())) : "(FLAGS)");
        List<Imap4FetchedMessage> out = new ArrayList<>();
        FetchItemsHandler handler = m -> out.add(copy(m, exchange));
        if (uid) {
            c.uidFetch(set, items, handler::accept);
        } else {
            c.fetch(set, items, handler::accept);
        }
        return out;
    }

    @FunctionalInterface
    private interface FetchItemsHandler {
        void accept(FetchResponse m) throws IOException;
    }

    /** Copies the sections out of the response before the client releases them. */
    private static Imap4FetchedMessage copy(FetchResponse m, Exchange exchange) throws IOException {
        Map<String, StreamCache> sections = new LinkedHashMap<>();
        for (Map.Entry<String, Literal> e : m.sections().entrySet()) {
            CachedOutputStream cos = new CachedOutputStream(exchange, false);
            try (InputStream in = e.getValue().openStream(); OutputStream o = cos) {
                in.transferTo(o);
            }
            sections.put(e.getKey(), cos.newStreamCache());
        }
        return new Imap4FetchedMessage(m.sequence(), m.uid(), m.flags(), m.internalDate(), m.size(), m.envelope(),
                m.bodyStructure(), m.modSeq(), sections, m.other());
    }

    private static Object store(boolean uid, List<String> args, ImapClient c) {
        NumberSet set = NumberSet.parse(arg(args, 0, "message set"), uid);
        String item = arg(args, 1, "+FLAGS, -FLAGS or FLAGS").toUpperCase(Locale.ROOT);
        boolean silent = item.endsWith(".SILENT");
        String base = silent ? item.substring(0, item.length() - ".SILENT".length()) : item;
        StoreMode mode = switch (base) {
            case "+FLAGS" -> StoreMode.ADD;
            case "-FLAGS" -> StoreMode.REMOVE;
            case "FLAGS" -> StoreMode.REPLACE;
            default -> throw new IllegalArgumentException("STORE item must be +FLAGS, -FLAGS or FLAGS"
                    + " (optionally .SILENT), got " + item);
        };
        List<String> flags = items(args, 2);
        return uid ? c.uidStore(set, mode, silent, flags) : c.store(set, mode, silent, flags);
    }

    // SETMETADATA mailbox (entry value ...): values unquoted, NIL removes the entry
    private static Map<String, String> metadata(List<String> args) {
        List<String> words = items(args, 1);
        if (words.isEmpty() || words.size() % 2 != 0) {
            throw new IllegalArgumentException("SETMETADATA entries come in pairs, e.g. (/private/comment \"text\"): "
                    + words);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i += 2) {
            String value = words.get(i + 1);
            values.put(unquote(words.get(i)), value.equalsIgnoreCase("NIL") ? null : unquote(value));
        }
        return values;
    }

    private static Map<String, Long> limits(List<String> args) {
        List<String> words = items(args, 1);
        if (words.size() % 2 != 0) {
            throw new IllegalArgumentException("SETQUOTA limits come in pairs, e.g. (STORAGE 512): " + words);
        }
        Map<String, Long> limits = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i += 2) {
            try {
                limits.put(words.get(i), Long.parseLong(words.get(i + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("SETQUOTA limit for " + words.get(i) + " is not a number: "
                        + words.get(i + 1));
            }
        }
        return limits;
    }

    /** The words from index {@code from} on, with one level of parentheses removed: {@code (\Seen \Flagged)}. */
    static List<String> items(List<String> args, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < args.size(); i++) {
            String a = args.get(i).trim();
            if (a.startsWith("(") && a.endsWith(")")) {
                a = a.substring(1, a.length() - 1);
            }
            for (String w : ImapUtil.splitArgs(a)) {
                out.add(w);
            }
        }
        return out;
    }

    private static NumberSet seqs(List<String> args) {
        return NumberSet.parse(arg(args, 0, "message set"), false);
    }

    private static NumberSet uids(List<String> args) {
        return NumberSet.parse(arg(args, 0, "UID set"), true);
    }

    /** Argument {@code i}, unquoted when given as a quoted string; a clear error when missing. */
    static String arg(List<String> args, int i, String what) {
        if (args.size() <= i) {
            throw new IllegalArgumentException("missing argument " + (i + 1) + " (" + what + ") in "
                    + args + "; set CamelImap4Arguments");
        }
        return unquote(args.get(i));
    }

    static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            return t.substring(1, t.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return t;
    }

    /** The arguments from {@code from} on: the search program, one argument each. */
    private static List<String> from(List<String> args, int from) {
        if (args.size() <= from) {
            throw new IllegalArgumentException("missing search criteria in " + args + "; set CamelImap4Arguments");
        }
        return args.subList(from, args.size());
    }
}
