package dev.imap4.client.internal.parse;

import dev.imap4.client.ImapUtil;
import dev.imap4.client.Literal;
import dev.imap4.client.types.BodyStructure;
import dev.imap4.client.types.Envelope;
import dev.imap4.client.types.FetchResponse;
import dev.imap4.client.internal.wire.ImapInput;
import dev.imap4.client.internal.wire.Words;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 3501 §7.4.2 FETCH response data: {@code msg-att}, with RFC 7162 MODSEQ, RFC 3516 BINARY,
 * BINARY.SIZE and literal8. Body sections are kept as {@link Literal}s, never copied into memory
 * here; items this parser does not model are kept as wire text (see {@link FetchResponse}).
 */
public final class FetchParser {

    private FetchParser() {
    }

    /**
     * Reads {@code SP "(" msg-att ")"}: {@code in} stands right after the word FETCH and is left after
     * the closing {@code )}. On a protocol error, the literals read so far are released.
     *
     * @param sequence the message number that preceded FETCH (0 is accepted: Courier sends it)
     */
    public static FetchResponse parse(long sequence, ImapInput in) {
        in.sp();
        in.listStart("msg-att");
        Items items = new Items();
        try {
            items(in, items);
        } catch (RuntimeException e) {
            if (items.sections != null) {
                items.sections.values().forEach(Literal::close);
            }
            throw e;
        }
        return new FetchResponse(sequence, items.uid, items.flags, items.internalDate, items.size, items.envelope,
                items.bodyStructure, items.modSeq, orEmpty(items.sections), orEmpty(items.other), in.utf8Names());
    }

    private static <V> Map<String, V> orEmpty(Map<String, V> m) {
        return m == null ? Collections.emptyMap() : m;
    }

    /**
     * The items of a list whose '(' was just read, up to its ')'. Lotus Domino wraps an item (name and
     * value) in a redundant pair of parentheses, {@code (UID 14935 (ENVELOPE (...)) BODYSTRUCTURE ...)}:
     * an item name never starts with '(', so a '(' where a name belongs opens such a group, read like the
     * list itself (nesting capped by {@code maxNestingDepth}).
     */
    private static void items(ImapInput in, Items items) {
        boolean first = true;
        while (true) {
            // Yahoo and Exchange put stray spaces after '(' and before ')'
            boolean spaced = in.maybeSp();
            if (in.listEnd()) {
                return;
            }
            // the space between items may be missing next to a parenthesis, which delimits by itself
            if (!first && !spaced && !in.besideParenthesis()) {
                throw in.error("msg-att", "a space between items");
            }
            if (in.peekIs('(')) {
                in.listStart("msg-att");
                items(in, items);
            } else {
                item(in, items);
            }
            first = false;
        }
    }

    private static final class Items {
        Long uid;
        List<String> flags;
        ZonedDateTime internalDate;
        Long size;
        Envelope envelope;
        BodyStructure bodyStructure;
        Long modSeq;
        // made on the first section or other item: most responses have neither
        Map<String, Literal> sections;
        Map<String, String> other;

        void putOther(String key, String value) {
            if (other == null) {
                other = new LinkedHashMap<>();
            }
            other.put(key, value);
        }
    }

    private static void item(ImapInput in, Items items) {
        String name = itemName(in);
        (in.peekIs('[') ? Reader.WITH_SECTION : Reader.of(name)).read(name, in, items);
    }

    /**
     * How each item's value is read, after its name. One reader per kind of item on purpose: the call
     * in {@link #item} sees many of them and stays a call, so the JIT compiles each reader on its own
     * instead of all of them inlined into one large method (a single compilation of that method cost
     * about 200 ms of compiler time in every fresh JVM, docs/performance.md).
     */
    private enum Reader {
        FLAGS {
            @Override
            void value(String name, ImapInput in, Items items) {
                items.flags = FlagListParser.parse(in, "flag-fetch");
            }
        },
        UID {
            @Override
            void value(String name, ImapInput in, Items items) {
                items.uid = in.nzNumber();
            }
        },
        INTERNALDATE {
            @Override
            void value(String name, ImapInput in, Items items) {
                items.internalDate = internalDate(in);
            }
        },
        SIZE {
            @Override
            void value(String name, ImapInput in, Items items) {
                items.size = nonNegative(Lex.lenientNumberOrNil(in, "RFC822.SIZE"));
            }
        },
        ENVELOPE {
            @Override
            void value(String name, ImapInput in, Items items) {
                items.envelope = EnvelopeParser.parseOrNil(in);
            }
        },
        BODYSTRUCTURE {
            @Override
            void value(String name, ImapInput in, Items items) {
                items.bodyStructure = BodyStructureParser.parseOrNil(in);
            }
        },
        MODSEQ {
            @Override
            void value(String name, ImapInput in, Items items) {
                items.modSeq = modSeq(in);
            }
        },
        /** RFC822, RFC822.HEADER and RFC822.TEXT: message data without a section. */
        RFC822 {
            @Override
            void read(String name, ImapInput in, Items items) {
                if (valueMissing(in)) {
                    putSection(items, name, Literal.of(new byte[0]));
                    return;
                }
                super.read(name, in, items);
            }

            @Override
            void value(String name, ImapInput in, Items items) {
                section(in, items, name);
            }
        },
        BINARY_WITHOUT_SECTION {
            @Override
            void value(String name, ImapInput in, Items items) {
                throw in.error("msg-att", "'[' after BINARY");
            }
        },
        OTHER {
            @Override
            void value(String name, ImapInput in, Items items) {
                items.putOther(name, Lex.rawValue(in, "msg-att"));
            }
        },
        /** Any item with a section: BODY[...], BINARY[...] and the like, its key the name, section and origin. */
        WITH_SECTION {
            @Override
            void read(String name, ImapInput in, Items items) {
                String section = section(in);
                String key = sectionKey(name, section, origin(in));
                boolean bodyData = isBodyData(name);
                if (bodyData && valueMissing(in)) {
                    // Yandex: "BODY[2] )", body data with no value at all before the list ends: an empty section
                    putSection(items, key, Literal.of(new byte[0]));
                    return;
                }
                in.sp();
                // an unknown item with a section carries body data when its value is a string: keep it spooled
                if (bodyData || nstringAhead(in)) {
                    section(in, items, key);
                } else {
                    items.putOther(key, Lex.rawValue(in, "msg-att"));
                }
            }

            @Override
            void value(String name, ImapInput in, Items items) {
                throw new IllegalStateException("a section item is read whole by read()");
            }
        };

        /** Reads the item's value, after its name (and section); {@code in} stands before the space. */
        void read(String name, ImapInput in, Items items) {
            in.sp();
            value(name, in, items);
        }

        abstract void value(String name, ImapInput in, Items items);

        /** The reader of an item without a section. */
        static Reader of(String name) {
            return switch (name) {
                case "FLAGS" -> FLAGS;
                case "UID" -> UID;
                case "INTERNALDATE" -> INTERNALDATE;
                case "RFC822.SIZE" -> SIZE;
                case "ENVELOPE" -> ENVELOPE;
                case "BODYSTRUCTURE", "BODY" -> BODYSTRUCTURE;
                case "MODSEQ" -> MODSEQ;
                case "RFC822", "RFC822.HEADER", "RFC822.TEXT" -> RFC822;
                case "BINARY" -> BINARY_WITHOUT_SECTION;
                default -> OTHER;
            };
        }
    }

    /** The key of a section item: name, section and origin; "BODY[]", by far the most common, a constant. */
    private static String sectionKey(String name, String section, String origin) {
        if (section == EMPTY_SECTION && origin.isEmpty() && name.equals("BODY")) {
            return "BODY[]";
        }
        return name + section + origin;
    }

    private static final String EMPTY_SECTION = "[]";

    /** The item names read as constants, without a copy (any other name is read as well). */
    private static final Words ITEM_NAMES = new Words("UID", "FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE",
            "BODYSTRUCTURE", "BODY", "MODSEQ", "RFC822", "RFC822.HEADER", "RFC822.TEXT", "BINARY", "BINARY.SIZE");

    /** The item name: atom characters up to '[' (ATOM-CHAR includes '['), upper case. */
    private static String itemName(ImapInput in) {
        String name = in.upperAtom('[', ITEM_NAMES);
        if (name == null) {
            throw in.error("msg-att", "a FETCH item name");
        }
        return name;
    }

    /**
     * RFC 3501 section / RFC 3516 section-binary, from '[' to the matching ']', normalised: upper case,
     * single spaces, none inside parentheses, header names unquoted when they are plain atoms.
     */
    private static String section(ImapInput in) {
        in.expect('[', "section");
        if (in.maybe(']')) {
            return EMPTY_SECTION;
        }
        StringBuilder sb = new StringBuilder("[");
        boolean space = false;
        while (true) {
            int c = in.peek();
            if (c < 0) {
                throw in.error("section", "']'");
            }
            if (c == ']') {
                in.skip();
                return sb.append(']').toString();
            }
            if (c == ' ') {
                space = true;
                in.skip();
                continue;
            }
            boolean afterOpen = sb.charAt(sb.length() - 1) == '(';
            if (space && c != ')' && !afterOpen && sb.length() > 1) {
                sb.append(' ');
            }
            space = false;
            if (c == '"') {
                String s = in.string();
                boolean plain = !s.isEmpty() && s.chars().allMatch(ch -> ImapInput.isAtomChar(ch) && ch != '[');
                sb.append(plain ? Lex.upper(s) : Lex.quote(Lex.upper(s)));
            } else {
                sb.append(Character.toUpperCase((char) c));
                in.skip();
            }
        }
    }

    /** The {@code <origin>} of a partial fetch, or "". */
    private static String origin(ImapInput in) {
        if (!in.maybe('<')) {
            return "";
        }
        long n = in.number();
        in.expect('>', "section");
        return "<" + n + ">";
    }

    private static void section(ImapInput in, Items items, String key) {
        Literal value;
        if (in.maybeNil()) {
            items.putOther(key, "NIL");
            return;
        } else if (in.peekIs('"')) {
            value = Literal.of(in.quotedBytes());
        } else if (in.literalAhead()) {
            value = in.literal();
        } else {
            throw in.error("nstring", "a quoted string, a literal or NIL for " + key);
        }
        putSection(items, key, value);
    }

    private static void putSection(Items items, String key, Literal value) {
        if (items.sections == null) {
            items.sections = new LinkedHashMap<>();
        }
        Literal previous = items.sections.put(key, value);
        if (previous != null) {
            previous.close();
        }
    }

    /** Whether an item with a section carries message data (an nstring): RFC 3501 / RFC 3516 names. */
    private static boolean isBodyData(String name) {
        return switch (name) {
            case "RFC822", "RFC822.HEADER", "RFC822.TEXT", "BODY", "BINARY" -> true;
            default -> false;
        };
    }

    /** Whether only spaces stand between a body data item's name and the ')' that ends its list. */
    private static boolean valueMissing(ImapInput in) {
        int p = in.position();
        in.maybeSp();
        if (in.peekIs(')')) {
            return true;
        }
        in.reset(p);
        return false;
    }

    private static boolean nstringAhead(ImapInput in) {
        int p = in.position();
        boolean nil = in.maybeNil();
        in.reset(p);
        return nil || in.peekIs('"') || in.literalAhead();
    }

    private static ZonedDateTime internalDate(ImapInput in) {
        if (in.maybeNil()) {
            return null;
        }
        int start = in.position();
        String text = in.string("date-time");
        try {
            return ImapUtil.parseInternalDate(text);
        } catch (IllegalArgumentException e) {
            in.reset(start);
            throw in.error("date-time", "\"dd-Mon-yyyy hh:mm:ss +zzzz\"");
        }
    }

    // RFC 7162 permsg-modsequence = "(" mod-sequence-value ")"; Zoho sends (-1): read as unknown
    private static Long modSeq(ImapInput in) {
        if (!in.peekIs('(')) {
            throw in.error("permsg-modsequence", "'('");
        }
        in.listStart("permsg-modsequence");
        in.maybeSp();
        Long v = Lex.lenientNumberOrNil(in, "mod-sequence-value");
        in.expectListEnd("permsg-modsequence");
        return nonNegative(v);
    }

    private static Long nonNegative(Long v) {
        return v == null || v < 0 ? null : v;
    }
}
