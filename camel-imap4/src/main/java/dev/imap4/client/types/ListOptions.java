package dev.imap4.client.types;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The options of an extended LIST (RFC 5258 LIST-EXTENDED): selection options before the
 * reference, return options after the patterns, and the STATUS items of RFC 5819 LIST-STATUS.
 * Immutable; each {@code with...} method returns a new value.
 *
 * <pre>{@code
 * ListOptions.none().select(ListOptions.Selection.SUBSCRIBED)
 *         .returning(ListOptions.Return.SPECIAL_USE).withStatus("MESSAGES", "UNSEEN")
 * }</pre>
 */
public final class ListOptions {

    /** RFC 5258 §3.1 and RFC 6154 §5 selection options. */
    public enum Selection {
        SUBSCRIBED("SUBSCRIBED"), REMOTE("REMOTE"), RECURSIVEMATCH("RECURSIVEMATCH"), SPECIAL_USE("SPECIAL-USE");

        private final String wire;

        Selection(String wire) {
            this.wire = wire;
        }

        /** The option as sent. */
        public String wire() {
            return wire;
        }
    }

    /** RFC 5258 §3.2 and RFC 6154 §5 return options (STATUS has its own method). */
    public enum Return {
        SUBSCRIBED("SUBSCRIBED"), CHILDREN("CHILDREN"), SPECIAL_USE("SPECIAL-USE");

        private final String wire;

        Return(String wire) {
            this.wire = wire;
        }

        /** The option as sent. */
        public String wire() {
            return wire;
        }
    }

    private static final ListOptions NONE = new ListOptions(Set.of(), Set.of(), List.of());

    private final Set<Selection> selection;
    private final Set<Return> returns;
    private final List<String> status;

    private ListOptions(Set<Selection> selection, Set<Return> returns, List<String> status) {
        this.selection = Set.copyOf(selection);
        this.returns = Set.copyOf(returns);
        this.status = List.copyOf(status);
    }

    /** No options: a plain LIST. */
    public static ListOptions none() {
        return NONE;
    }

    /** Adds selection options. RECURSIVEMATCH needs another selection option beside it (RFC 5258 §3.1). */
    public ListOptions select(Selection... options) {
        Set<Selection> s = new LinkedHashSet<>(selection);
        s.addAll(List.of(options));
        return new ListOptions(s, returns, status);
    }

    /** Adds return options. */
    public ListOptions returning(Return... options) {
        Set<Return> r = new LinkedHashSet<>(returns);
        r.addAll(List.of(options));
        return new ListOptions(selection, r, status);
    }

    /**
     * Asks for a STATUS response for each listed mailbox (RFC 5819 LIST-STATUS), e.g.
     * {@code MESSAGES}, {@code UNSEEN}, {@code SIZE}; each item must be an atom.
     */
    public ListOptions withStatus(String... items) {
        List<String> s = new ArrayList<>(status);
        for (String item : items) {
            if (item == null || !item.matches("[A-Za-z0-9.=-]+")) {
                throw new IllegalArgumentException("a STATUS item is a word such as MESSAGES, got '" + item + "'");
            }
            String upper = item.toUpperCase(Locale.ROOT);
            if (!s.contains(upper)) {
                s.add(upper);
            }
        }
        return new ListOptions(selection, returns, s);
    }

    public Set<Selection> selection() {
        return selection;
    }

    public Set<Return> returns() {
        return returns;
    }

    /** The STATUS items asked for; empty when none. */
    public List<String> status() {
        return status;
    }

    /** Whether any option is set (a plain LIST is sent when none is). */
    public boolean isEmpty() {
        return selection.isEmpty() && returns.isEmpty() && status.isEmpty();
    }

    /** Refuses RECURSIVEMATCH alone, which RFC 5258 §3.1 forbids (the server would answer BAD). */
    public void validate() {
        if (selection.contains(Selection.RECURSIVEMATCH) && selection.size() == 1) {
            throw new IllegalArgumentException("RECURSIVEMATCH needs another selection option, e.g. SUBSCRIBED");
        }
    }

    /** The selection options in a stable order, as sent. */
    public List<String> selectionWire() {
        List<String> out = new ArrayList<>();
        for (Selection s : Selection.values()) {
            if (selection.contains(s)) {
                out.add(s.wire());
            }
        }
        return out;
    }

    /** The return options in a stable order, as sent (STATUS not included). */
    public List<String> returnWire() {
        List<String> out = new ArrayList<>();
        for (Return r : Return.values()) {
            if (returns.contains(r)) {
                out.add(r.wire());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "ListOptions" + selectionWire() + " RETURN " + returnWire()
                + (status.isEmpty() ? "" : " STATUS " + status);
    }
}
