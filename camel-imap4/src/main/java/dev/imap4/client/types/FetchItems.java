package dev.imap4.client.types;

import dev.imap4.client.ImapUtil;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What to FETCH (RFC 3501 §6.4.5). Body sections are typed ({@link BodySection}) and always
 * requested with PEEK, so fetching never sets {@code \Seen}; the data comes back under the same
 * value in {@link FetchResponse#section(BodySection)}. UID is always included. Built with the
 * {@code with...} methods: {@code FetchItems.of().withFlags().withSection(BodySection.part(2).withHeader())}.
 * Items given as text ({@link #parse(String)}) keep the PEEK guarantee too.
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

    /** The whole message, {@code BODY.PEEK[]}; read it back with {@link FetchResponse#message()}. */
    public FetchItems withBody() {
        return withSection(BodySection.whole());
    }

    /** The header, {@code BODY.PEEK[HEADER]}; read it back with {@code section(BodySection.header())}. */
    public FetchItems withHeader() {
        return withSection(BodySection.header());
    }

    /**
     * A body section, always with PEEK; its data comes back under the same value,
     * {@link FetchResponse#section(BodySection)}.
     */
    public FetchItems withSection(BodySection section) {
        return with(section.toWire());
    }

    /**
     * RFC 3516 {@code BINARY.SIZE[path]}: the decoded size of a part, read back with
     * {@link FetchResponse#binarySize(int...)}; the server must support BINARY.
     */
    public FetchItems withBinarySize(int... path) {
        String section = BodySection.binary(path).responseKey().substring("BINARY".length());
        return with("BINARY.SIZE" + section);
    }

    /** RFC 8514 SAVEDATE: when the message was saved in this mailbox; read with {@link FetchResponse#saveDate()}. */
    public FetchItems withSaveDate() {
        return with("SAVEDATE");
    }

    /**
     * RFC 8970 PREVIEW: a plain-text abstract of at most 256 characters, made by the server;
     * read with {@link FetchResponse#preview()}.
     */
    public FetchItems withPreview() {
        return with("PREVIEW");
    }

    /**
     * Gmail's X-GM-EXT-1 items: {@code X-GM-MSGID}, {@code X-GM-THRID} and {@code X-GM-LABELS}, read
     * with {@link FetchResponse#gmailMessageId()}, {@link FetchResponse#gmailThreadId()} and
     * {@link FetchResponse#gmailLabels()}.
     */
    public FetchItems withGmail() {
        return with("X-GM-MSGID").with("X-GM-THRID").with("X-GM-LABELS");
    }

    /**
     * Items given in FETCH syntax, as imaplib's {@code message_parts}: a parenthesised list such as
     * {@code (FLAGS BODY.PEEK[HEADER])}, a single item such as {@code ENVELOPE}, or a macro (ALL,
     * FAST, FULL). Refused when it holds CR, LF or NUL. UID is added when missing.
     *
     * <p>Fetching never sets {@code \Seen} this way either: {@code BODY[...]} and {@code BINARY[...]}
     * are sent as {@code BODY.PEEK[...]} and {@code BINARY.PEEK[...]} (their data still comes back
     * under {@code BODY[...]}, as the server names it), and {@code RFC822} and {@code RFC822.TEXT},
     * which have no PEEK form, are refused with a pointer to {@code BODY.PEEK[]} and
     * {@code BODY.PEEK[TEXT]}. {@link #parseMarkingSeen(String)} sends the items as given.
     */
    public static FetchItems parse(String items) {
        return parse(items, false);
    }

    /**
     * Items in FETCH syntax sent exactly as given, as {@link #parse(String)} but without the PEEK
     * guarantee: {@code BODY[]}, {@code RFC822} and {@code RFC822.TEXT} set {@code \Seen} on the
     * fetched messages (RFC 3501 §6.4.5).
     */
    public static FetchItems parseMarkingSeen(String items) {
        return parse(items, true);
    }

    private static FetchItems parse(String items, boolean markSeen) {
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
        switch (t.toUpperCase(Locale.ROOT)) {
            case "ALL" -> s.addAll(List.of("FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE"));
            case "FAST" -> s.addAll(List.of("FLAGS", "INTERNALDATE", "RFC822.SIZE"));
            case "FULL" -> s.addAll(List.of("FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE", "BODY"));
            default -> {
                for (String item : ImapUtil.splitArgs(t)) {
                    s.add(markSeen ? item : peek(item));
                }
            }
        }
        return new FetchItems(s, null);
    }

    // RFC 3501 §6.4.5: BODY[...] and RFC822(.TEXT) set \Seen; BODY.PEEK[...] does not
    private static String peek(String item) {
        String upper = item.toUpperCase(Locale.ROOT);
        for (String name : new String[] {"BODY[", "BINARY["}) {
            if (upper.startsWith(name)) {
                return item.substring(0, name.length() - 1) + ".PEEK" + item.substring(name.length() - 1);
            }
        }
        if (upper.equals("RFC822") || upper.equals("RFC822.TEXT")) {
            String instead = upper.equals("RFC822") ? "BODY.PEEK[]" : "BODY.PEEK[TEXT]";
            throw new IllegalArgumentException("FETCH item " + item + " marks messages \\Seen; ask for " + instead
                    + " instead (its data comes back as " + instead.replace(".PEEK", "") + ")");
        }
        return item;
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
        String upper = item.toUpperCase(Locale.ROOT);
        if (upper.startsWith("BODY[") || upper.startsWith("BODY.PEEK[") || upper.startsWith("BINARY[")
                || upper.startsWith("BINARY.PEEK[") || upper.equals("RFC822") || upper.equals("RFC822.TEXT")) {
            // these have a typed form, which keeps the PEEK promise; BODY[] and RFC822 would set \Seen
            throw new IllegalArgumentException("ask for body sections with withSection(BodySection), not withItem: '"
                    + item + "'");
        }
        return with(item);
    }

    /** EMAILID (RFC 8474 OBJECTID), read back with {@link FetchResponse#emailId()}. */
    public FetchItems withEmailId() {
        return with("EMAILID");
    }

    /** THREADID (RFC 8474 OBJECTID), read back with {@link FetchResponse#threadId()}. */
    public FetchItems withThreadId() {
        return with("THREADID");
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
