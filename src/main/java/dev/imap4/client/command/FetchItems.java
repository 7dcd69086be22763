package dev.imap4.client.command;

import dev.imap4.client.wire.ImapInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to FETCH (RFC 3501 §6.4.5). Body sections are always requested with {@code BODY.PEEK}, so
 * fetching never sets {@code \Seen}. UID is always included. Built with the {@code with...} methods:
 * {@code FetchItems.of().withFlags().withBody()}.
 */
public final class FetchItems {

    private final Set<String> items;
    private final Long changedSince;

    private FetchItems(Set<String> items, Long changedSince) {
        this.items = Collections.unmodifiableSet(items);
        this.changedSince = changedSince;
    }

    /** Just the UID. */
    public static FetchItems of() {
        Set<String> s = new LinkedHashSet<>();
        s.add("UID");
        return new FetchItems(s, null);
    }

    private FetchItems with(String item) {
        Set<String> s = new LinkedHashSet<>(items);
        s.add(item);
        return new FetchItems(s, changedSince);
    }

    public FetchItems withFlags() {
        return with("FLAGS");
    }

    public FetchItems withInternalDate() {
        return with("INTERNALDATE");
    }

    public FetchItems withSize() {
        return with("RFC822.SIZE");
    }

    public FetchItems withEnvelope() {
        return with("ENVELOPE");
    }

    public FetchItems withBodyStructure() {
        return with("BODYSTRUCTURE");
    }

    /** MODSEQ (RFC 7162); the server must support CONDSTORE. */
    public FetchItems withModSeq() {
        return with("MODSEQ");
    }

    /** The whole message, {@code BODY.PEEK[]}; it arrives as section {@code BODY[]}. */
    public FetchItems withBody() {
        return with("BODY.PEEK[]");
    }

    /** The header, {@code BODY.PEEK[HEADER]}; it arrives as section {@code BODY[HEADER]}. */
    public FetchItems withHeader() {
        return with("BODY.PEEK[HEADER]");
    }

    /**
     * A section by its RFC 3501 section spec, e.g. {@code 1.2}, {@code TEXT},
     * {@code HEADER.FIELDS (SUBJECT FROM)}; arrives as {@code BODY[<spec>]}.
     */
    public FetchItems withSection(String spec) {
        for (char c : spec.toCharArray()) {
            if (c == '\r' || c == '\n' || c == 0 || c == '[' || c == ']') {
                throw new IllegalArgumentException("section spec may not contain CR, LF, NUL or brackets: " + spec);
            }
        }
        return with("BODY.PEEK[" + spec + "]");
    }

    /**
     * Items given in FETCH syntax, as imaplib's {@code message_parts}: a parenthesised list such as
     * {@code (FLAGS BODY.PEEK[HEADER])}, a single item such as {@code RFC822}, or a macro (ALL,
     * FAST, FULL). Refused when it holds CR, LF or NUL. UID is added when missing.
     */
    public static FetchItems parse(String items) {
        String t = items == null ? "" : items.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("no FETCH items given");
        }
        for (char c : t.toCharArray()) {
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("FETCH items may not contain CR, LF or NUL");
            }
        }
        if (t.startsWith("(") && t.endsWith(")")) {
            t = t.substring(1, t.length() - 1).trim();
        }
        Set<String> s = new LinkedHashSet<>();
        s.add("UID");
        switch (t.toUpperCase(java.util.Locale.ROOT)) {
            case "ALL" -> s.addAll(List.of("FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE"));
            case "FAST" -> s.addAll(List.of("FLAGS", "INTERNALDATE", "RFC822.SIZE"));
            case "FULL" -> s.addAll(List.of("FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE", "BODY"));
            default -> {
                for (String item : ImapArgs.split(t)) {
                    s.add(item);
                }
            }
        }
        return new FetchItems(s, null);
    }

    /**
     * An item this class has no method for, named as the server's extension names it: Gmail's
     * {@code X-GM-MSGID}, {@code X-GM-THRID} and {@code X-GM-LABELS} (X-GM-EXT-1), RFC 8474
     * {@code EMAILID}. Its value arrives as wire text in {@link dev.imap4.client.types.FetchResponse#other()}.
     */
    public FetchItems withItem(String item) {
        if (item.isEmpty() || !item.chars().allMatch(c -> ImapInput.isAtomChar(c) || c == ']')) {
            throw new IllegalArgumentException("a fetch item must be an atom, e.g. X-GM-LABELS: '" + item + "'");
        }
        return with(item);
    }

    /** Only messages whose mod-sequence is above {@code modSeq} (RFC 7162 CHANGEDSINCE). */
    public FetchItems changedSince(long modSeq) {
        return new FetchItems(new LinkedHashSet<>(items), modSeq);
    }

    public Set<String> items() {
        return items;
    }

    public Long changedSinceValue() {
        return changedSince;
    }

    /** The item list as sent, e.g. {@code (UID FLAGS BODY.PEEK[])}. */
    public String toWire() {
        return "(" + String.join(" ", items) + ")";
    }

    /** Modifiers after the item list, e.g. {@code (CHANGEDSINCE 12)}; empty when none. */
    public List<String> modifiers() {
        List<String> m = new ArrayList<>();
        if (changedSince != null) {
            m.add("(CHANGEDSINCE " + changedSince + ")");
        }
        return m;
    }

    @Override
    public String toString() {
        return toWire();
    }
}
