package dev.imap4.camel;

import dev.imap4.client.ImapClient;
import dev.imap4.client.types.ListOptions;
import dev.imap4.client.types.ListResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.camel.Message;

/**
 * The producer's LIST: a plain LIST (RFC 3501 §6.3.8) when no option is asked for, else an extended
 * LIST (RFC 5258) with the selection and return options of {@link Imap4Constants#LIST_SELECTION} and
 * {@link Imap4Constants#LIST_RETURN} and the RFC 5819 STATUS items of {@link Imap4Constants#LIST_STATUS}.
 * The client refuses an option the server does not offer before anything is sent; there is no
 * fallback, since a plain LIST would answer a different question (every folder, not the subscribed
 * ones; no status).
 */
final class Imap4ProducerList {

    private Imap4ProducerList() {
    }

    /** {@code List<ListEntry>} for a plain LIST, {@code List<Imap4ListedFolder>} for an extended one. */
    static Object list(List<String> args, ImapClient c, Message in) {
        ListOptions options = options(in);
        String reference = args.isEmpty() ? "" : Imap4ProducerCommands.unquote(args.get(0));
        List<String> patterns = patterns(args);
        if (options.isEmpty() && patterns.size() == 1) {
            return c.list(reference, patterns.get(0));
        }
        options.validate();
        ListResult result = c.list(reference, patterns, options);
        List<Imap4ListedFolder> out = new ArrayList<>(result.entries().size());
        result.entries().forEach(e -> out.add(new Imap4ListedFolder(e, result.status(e.name()))));
        return out;
    }

    /** The options the headers ask for; none when no header is set. */
    static ListOptions options(Message in) {
        ListOptions options = ListOptions.none();
        List<String> selection = words(in.getHeader(Imap4Constants.LIST_SELECTION), Imap4Constants.LIST_SELECTION);
        options = options.select(named(selection, ListOptions.Selection.values(), ListOptions.Selection::wire,
                Imap4Constants.LIST_SELECTION).toArray(new ListOptions.Selection[0]));
        List<String> returns = words(in.getHeader(Imap4Constants.LIST_RETURN), Imap4Constants.LIST_RETURN);
        options = options.returning(named(returns, ListOptions.Return.values(), ListOptions.Return::wire,
                Imap4Constants.LIST_RETURN).toArray(new ListOptions.Return[0]));
        List<String> status = words(in.getHeader(Imap4Constants.LIST_STATUS), Imap4Constants.LIST_STATUS);
        return status.isEmpty() ? options : options.withStatus(status.toArray(new String[0]));
    }

    // the patterns: argument 2 on, each one pattern, or a parenthesised list of them; "*" when none
    private static List<String> patterns(List<String> args) {
        if (args.size() < 2) {
            return List.of("*");
        }
        List<String> out = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i).trim();
            if (a.startsWith("(")) {
                Imap4ProducerCommands.items(List.of(a), 0).forEach(p -> out.add(Imap4ProducerCommands.unquote(p)));
            } else {
                out.add(Imap4ProducerCommands.unquote(a));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("LIST needs at least one pattern, got " + args.subList(1, args.size()));
        }
        return out;
    }

    // a header of option names: a String ("A B", "A,B", "(A B)"), or a List or array of Strings or enum values
    private static List<String> words(Object header, String name) {
        if (header == null) {
            return List.of();
        }
        Collection<?> values;
        if (header instanceof CharSequence || header instanceof Enum<?>) {
            values = List.of(header);
        } else if (header instanceof Collection<?> c) {
            values = c;
        } else if (header instanceof Object[] a) {
            values = Arrays.asList(a);
        } else {
            throw new IllegalArgumentException(name + " holds a " + header.getClass().getName()
                    + "; give a List of names or a String such as \"MESSAGES UNSEEN\"");
        }
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof Enum<?> e) {
                out.add(e.name());
            } else if (v instanceof CharSequence s) {
                String text = s.toString().trim();
                if (text.startsWith("(") && text.endsWith(")")) {
                    text = text.substring(1, text.length() - 1);
                }
                for (String w : text.split("[\\s,]+")) {
                    if (!w.isEmpty()) {
                        out.add(w);
                    }
                }
            } else {
                throw new IllegalArgumentException(name + " holds a " + (v == null ? "null" : v.getClass().getName())
                        + " element; each is a name such as " + (name.equals(Imap4Constants.LIST_STATUS) ? "MESSAGES"
                        : "SUBSCRIBED"));
            }
        }
        return out;
    }

    // each word as one of the options, matched on its wire form (SPECIAL-USE) or constant (SPECIAL_USE)
    private static <E extends Enum<E>> List<E> named(List<String> words, E[] all, Function<E, String> wire,
            String header) {
        List<E> out = new ArrayList<>();
        for (String w : words) {
            String upper = w.toUpperCase(Locale.ROOT).replace('_', '-');
            E found = null;
            for (E e : all) {
                if (wire.apply(e).equals(upper)) {
                    found = e;
                }
            }
            if (found == null) {
                List<String> names = new ArrayList<>();
                for (E e : all) {
                    names.add(wire.apply(e));
                }
                throw new IllegalArgumentException(header + ": unknown option " + w + "; one of " + names);
            }
            out.add(found);
        }
        return out;
    }
}
