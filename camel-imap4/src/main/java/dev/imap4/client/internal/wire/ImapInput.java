package dev.imap4.client.internal.wire;

import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.Literal;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A response reader whose methods are named after the RFC 3501 / RFC 9051 grammar rules
 * ({@code atom}, {@code astring}, {@code nstring}, {@code literal}, {@code sp}, {@code crlf}).
 * It works on one line at a time; when a literal ends a line, it reads the literal from the source
 * and continues on the next line. Every failure is an {@link ImapProtocolException} naming the rule,
 * what was expected and what came.
 */
public final class ImapInput {

    /** The most lines of spaces after a literal that are joined to the line going on the response. */
    static final int MAX_SPACE_LINES = 4;

    private final ResponseSource source;
    private final int maxDepth;
    private byte[] line = new byte[0];
    private int pos;
    private int depth;
    private boolean utf8Names;

    public ImapInput(ResponseSource source, int maxDepth) {
        this.source = source;
        this.maxDepth = maxDepth;
    }

    /**
     * Whether mailbox names arrive as UTF-8 (RFC 6855 §3: after ENABLE UTF8=ACCEPT) rather than in
     * modified UTF-7 (RFC 3501 §5.1.3). The parsers of names ask it; the engine sets it.
     */
    public boolean utf8Names() {
        return utf8Names;
    }

    public void utf8Names(boolean on) {
        utf8Names = on;
    }

    /** Reads the next response line; returns false at end of stream. */
    public boolean nextLine() throws IOException {
        byte[] l = source.readLine();
        if (l == null) {
            return false;
        }
        line = l;
        pos = 0;
        depth = 0;
        return true;
    }

    // ---- position and inspection ----

    public boolean atLineEnd() {
        return pos >= line.length;
    }

    /** The next byte without consuming it, or -1 at the end of the line. */
    public int peek() {
        return pos < line.length ? line[pos] & 0xff : -1;
    }

    public boolean peekIs(char c) {
        return pos < line.length && line[pos] == c;
    }

    public int position() {
        return pos;
    }

    public void reset(int position) {
        pos = position;
    }

    /** Consumes the next byte, which the caller has looked at with {@link #peek()}. */
    public void skip() {
        if (pos >= line.length) {
            throw new IllegalStateException("nothing to skip at the end of the line");
        }
        pos++;
    }

    /** Whether the byte just consumed is {@code c}. */
    public boolean previousIs(char c) {
        return pos > 0 && pos <= line.length && line[pos - 1] == c;
    }

    /** The current line itself, for {@link LiteralRealignment}. */
    byte[] lineBytes() {
        return line;
    }

    /** The unread rest of the current line, without consuming it. */
    public byte[] restOfLine() {
        return Arrays.copyOfRange(line, Math.min(pos, line.length), line.length);
    }

    /** Whether the current line ends with a literal announcement {@code {n}} (imaplib's Literal). */
    public boolean lineEndsWithLiteral() {
        return literalStart() >= 0;
    }

    // ---- terminals ----

    /** RFC 3501 SP. One space; extra spaces are tolerated (Yahoo, Exchange send them). */
    public void sp() {
        if (!peekIs(' ')) {
            throw error("SP", "a space");
        }
        while (peekIs(' ')) {
            pos++;
        }
    }

    /** Consumes spaces if present; returns whether there were any. */
    public boolean maybeSp() {
        boolean any = false;
        while (peekIs(' ')) {
            pos++;
            any = true;
        }
        return any;
    }

    /** RFC 3501 CRLF: the response must end here (trailing spaces are tolerated, iCloud sends them). */
    public void crlf() {
        while (peekIs(' ')) {
            pos++;
        }
        if (!atLineEnd()) {
            throw error("CRLF", "the end of the response");
        }
    }

    public void expect(char c, String rule) {
        if (!peekIs(c)) {
            throw error(rule, "'" + c + "'");
        }
        pos++;
    }

    public boolean maybe(char c) {
        if (peekIs(c)) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes the keyword (case-insensitive) if it is next and ends there; returns whether it did. */
    public boolean maybeKeyword(String keyword) {
        if (!keywordAt(pos, keyword)) {
            return false;
        }
        pos += keyword.length();
        return true;
    }

    /** Whether the keyword (case-insensitive) stands at {@code at} and ends there. */
    private boolean keywordAt(int at, String keyword) {
        int n = keyword.length();
        if (at + n > line.length) {
            return false;
        }
        if (!matchesUpper(at, keyword)) {
            return false;
        }
        return at + n >= line.length || !isAtomChar(line[at + n] & 0xff);
    }

    /**
     * Whether the bytes at {@code at} are {@code upper} (ASCII, upper case) with ASCII letters in any
     * case; the caller checks that they are on the line. No other byte folds to ASCII.
     */
    private boolean matchesUpper(int at, String upper) {
        for (int i = 0, n = upper.length(); i < n; i++) {
            int c = line[at + i];
            if (c >= 'a' && c <= 'z') {
                c -= 'a' - 'A';
            }
            if (c != upper.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    // ---- atoms and numbers ----

    /** RFC 3501 atom: one or more ATOM-CHAR. */
    public String atom() {
        int s = pos;
        while (pos < line.length && isAtomChar(line[pos] & 0xff)) {
            pos++;
        }
        if (pos == s) {
            throw error("atom", "an atom");
        }
        return new String(line, s, pos - s, StandardCharsets.ISO_8859_1);
    }

    /**
     * An atom that also ends before {@code stop}, in ASCII upper case (such as a FETCH item name,
     * which ends at '['): the constant from {@code known} when it is one of them, else a new string;
     * {@code null}, consuming nothing, when no ATOM-CHAR is next.
     */
    public String upperAtom(char stop, Words known) {
        int s = pos;
        int e = pos;
        int h = 0;
        while (e < line.length && line[e] != stop && isAtomChar(line[e] & 0xff)) {
            h = Words.step(h, line[e]);
            e++;
        }
        int n = e - s;
        if (n == 0) {
            return null;
        }
        pos = e;
        String k = known.find(line, s, n, h);
        if (k != null) {
            return k;
        }
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            int b = line[s + i];
            c[i] = (char) (b >= 'a' && b <= 'z' ? b - ('a' - 'A') : b);
        }
        return new String(c);
    }

    /** RFC 3501 flag: {@code \}atom, {@code \*}, or an atom (keyword). */
    public String flag() {
        int s = pos;
        if (maybe('\\')) {
            if (maybe('*')) {
                return "\\*";
            }
        }
        while (pos < line.length && isFlagChar(line[pos] & 0xff)) {
            pos++;
        }
        if (pos == s || (pos == s + 1 && line[s] == '\\')) {
            pos = s;
            throw error("flag", "a flag");
        }
        return new String(line, s, pos - s, StandardCharsets.UTF_8);
    }

    /** RFC 3501 number: 1*DIGIT, up to 63 bits (mod-sequence values need them). */
    public long number() {
        int s = pos;
        long v = 0;
        while (pos < line.length && line[pos] >= '0' && line[pos] <= '9') {
            if (v > (Long.MAX_VALUE - 9) / 10) {
                throw error("number", "a number below 2^63");
            }
            v = v * 10 + (line[pos] - '0');
            pos++;
        }
        if (pos == s) {
            throw error("number", "a number");
        }
        return v;
    }

    /** RFC 3501 nz-number. */
    public long nzNumber() {
        int s = pos;
        long v = number();
        if (v == 0) {
            pos = s;
            throw error("nz-number", "a non-zero number");
        }
        return v;
    }

    public boolean peekDigit() {
        return pos < line.length && line[pos] >= '0' && line[pos] <= '9';
    }

    // ---- strings ----

    /** RFC 3501 quoted: DQUOTE *QUOTED-CHAR DQUOTE, with {@code \"} and {@code \\} escapes. */
    public byte[] quotedBytes() {
        expect('"', "quoted");
        // most strings hold no escape: one copy of the bytes between the quotes
        for (int i = pos; i < line.length; i++) {
            byte b = line[i];
            if (b == '"') {
                byte[] out = Arrays.copyOfRange(line, pos, i);
                pos = i + 1;
                return out;
            }
            if (b == '\\') {
                break;
            }
        }
        byte[] out = new byte[Math.min(64, line.length - pos)];
        int n = 0;
        while (true) {
            if (pos >= line.length) {
                throw error("quoted", "a closing '\"'");
            }
            byte b = line[pos++];
            if (b == '"') {
                break;
            }
            // only quoted-specials are escaped; servers that quote "\Seen" leave its backslash as is
            if (b == '\\' && pos < line.length && (line[pos] == '"' || line[pos] == '\\')) {
                b = line[pos++];
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, Math.max(16, n * 2));
            }
            out[n++] = b;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** RFC 3501 string: quoted or literal, as UTF-8; errors name the rule {@code string}. */
    public String string() {
        return string("string");
    }

    /**
     * RFC 3501 string (quoted or literal) as UTF-8, naming {@code rule} when something else comes. A
     * literal too large to hold in memory (it was spooled) is refused: text values are never that big.
     */
    public String string(String rule) {
        if (peekIs('"')) {
            return quotedUtf8();
        }
        if (literalAhead()) {
            try (Literal l = literal()) {
                if (l.isSpooled()) {
                    throw new ImapProtocolException("in " + rule + ": expected a string small enough to hold in memory,"
                            + " got a literal of " + l.size() + " bytes");
                }
                return l.asString(StandardCharsets.UTF_8);
            }
        }
        throw error(rule, "a quoted string or a literal");
    }

    /** {@link #quotedBytes()} as UTF-8, decoded from the line when the string holds no escape. */
    private String quotedUtf8() {
        for (int i = pos + 1; i < line.length; i++) {
            byte b = line[i];
            if (b == '"') {
                String s = new String(line, pos + 1, i - pos - 1, StandardCharsets.UTF_8);
                pos = i + 1;
                return s;
            }
            if (b == '\\') {
                break;
            }
        }
        return utf8(quotedBytes());
    }

    /**
     * {@link #string(String)}, for a value whose case the caller folds (a media type, a parameter
     * name, an encoding): a quoted string without escapes that is one of {@code known} (ASCII letters
     * in any case) comes back as that constant, without a copy.
     */
    public String string(String rule, Words known) {
        String s = simpleQuoted(known);
        return s != null ? s : string(rule);
    }

    /** {@link #nstring(String)} with the constants of {@link #string(String, Words)}. */
    public String nstring(String rule, Words known) {
        String s = simpleQuoted(known);
        return s != null ? s : nstring(rule);
    }

    /**
     * A quoted string without escapes that ends on this line: one of {@code known} when it matches
     * (ASCII letters in any case), else its UTF-8 text; {@code null}, consuming nothing, for anything
     * else.
     */
    private String simpleQuoted(Words known) {
        if (pos >= line.length || line[pos] != '"') {
            return null;
        }
        int s = pos + 1;
        int e = s;
        int h = 0;
        while (e < line.length && line[e] != '"') {
            if (line[e] == '\\') {
                return null;
            }
            h = Words.step(h, line[e]);
            e++;
        }
        if (e >= line.length) {
            return null;
        }
        int n = e - s;
        pos = e + 1;
        String k = known.find(line, s, n, h);
        return k != null ? k : new String(line, s, n, StandardCharsets.UTF_8);
    }

    /** RFC 3501 astring: 1*ASTRING-CHAR or string; errors name the rule {@code astring}. */
    public String astring() {
        return astring("astring");
    }

    /** RFC 3501 astring: 1*ASTRING-CHAR or string, naming {@code rule} when something else comes. */
    public String astring(String rule) {
        if (peekIs('"') || literalAhead()) {
            return string(rule);
        }
        int s = pos;
        while (pos < line.length && isAstringChar(line[pos] & 0xff)) {
            pos++;
        }
        if (pos == s) {
            throw error(rule, "an atom, a quoted string or a literal");
        }
        return new String(line, s, pos - s, StandardCharsets.UTF_8);
    }

    /** RFC 3501 nstring: string or NIL, {@code null} for NIL, naming {@code rule} when something else comes. */
    public String nstring(String rule) {
        if (maybeNil()) {
            return null;
        }
        if (peekIs('"') || literalAhead()) {
            return string(rule);
        }
        throw error(rule, "a quoted string, a literal or NIL");
    }

    /**
     * An nstring of header text in an envelope or address. Many servers copy double quotes from the
     * header into a quoted string unescaped ({@code "Joe "The Man" Smith"}): there a '"' ends the string
     * only where the envelope can go on, before ')', the line end, or a space and then NIL, '"', '(',
     * '{' or ')'; any other '"' is part of the text. Escapes are read as in {@link #quotedBytes()}.
     * Without such an ending on the line, the string is read strictly, for the right error.
     */
    public String envelopeNstring(String rule) {
        if (!peekIs('"')) {
            return nstring(rule);
        }
        // most strings hold neither an escape nor a stray quote: decoded from the line at once
        for (int i = pos + 1; i < line.length; i++) {
            byte b = line[i];
            if (b == '\\') {
                break;
            }
            if (b == '"') {
                if (envelopeGoesOn(i + 1)) {
                    String s = new String(line, pos + 1, i - pos - 1, StandardCharsets.UTF_8);
                    pos = i + 1;
                    return s;
                }
                break;
            }
        }
        byte[] out = new byte[Math.min(64, line.length - pos)];
        int n = 0;
        int i = pos + 1;
        while (i < line.length) {
            byte b = line[i++];
            if (b == '\\' && i < line.length && (line[i] == '"' || line[i] == '\\')) {
                b = line[i++];
            } else if (b == '"' && envelopeGoesOn(i)) {
                pos = i;
                return new String(out, 0, n, StandardCharsets.UTF_8);
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, Math.max(16, n * 2));
            }
            out[n++] = b;
        }
        return nstring(rule);
    }

    /** Whether an envelope can go on at {@code i}, right after a '"' (see {@link #envelopeNstring}). */
    private boolean envelopeGoesOn(int i) {
        if (i >= line.length || line[i] == ')') {
            return true;
        }
        if (line[i] != ' ') {
            return false;
        }
        while (i < line.length && line[i] == ' ') {
            i++;
        }
        if (i >= line.length) {
            return false;
        }
        byte b = line[i];
        return b == '"' || b == '(' || b == '{' || b == ')' || nilAt(i);
    }

    /** Consumes NIL if it is next. */
    public boolean maybeNil() {
        if (nilAt(pos)) {
            pos += 3;
            return true;
        }
        return false;
    }

    /** {@code keywordAt(at, "NIL")}, unrolled: it is asked before most strings. */
    private boolean nilAt(int at) {
        return at + 3 <= line.length && (line[at] | 0x20) == 'n' && (line[at + 1] | 0x20) == 'i'
                && (line[at + 2] | 0x20) == 'l' && (at + 3 == line.length || !isAtomChar(line[at + 3] & 0xff));
    }

    /**
     * RFC 3501 literal (and RFC 3516 literal8 {@code ~{n}}): the announcement must end the line; the
     * bytes are read from the source and parsing continues on the following line.
     */
    public Literal literal() {
        maybe('~');
        expect('{', "literal");
        long size = number();
        maybe('+');
        expect('}', "literal");
        if (!atLineEnd()) {
            throw error("literal", "CRLF right after the literal announcement");
        }
        try {
            Literal l = source.readLiteral(size);
            // the response continues on the next line inside the same lists: keep the nesting count
            int openLists = depth;
            boolean complete = false;
            try {
                if (!nextLine()) {
                    throw new EOFException("connection closed right after a literal");
                }
                depth = openLists;
                if (openLists > 0 && onlySpaces()) {
                    joinAfterSpaces();
                    depth = openLists;
                }
                // in a list a literal is followed by SP or ')'; anything else is a server's miscount
                if (openLists > 0 && !peekIs(' ') && !peekIs(')')) {
                    l = LiteralRealignment.realign(this, l, size);
                    depth = openLists;
                }
                complete = true;
                return l;
            } finally {
                if (!complete) {
                    l.close(); // a spooled literal must not outlive a failed read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean onlySpaces() {
        if (line.length == 0) {
            return false;
        }
        for (byte b : line) {
            if (b != ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * Gmail sends a space and then the line break after a literal inside a list, and the rest of the
     * response on the next line ({@code BODY[TEXT] {5}} CRLF {@code hello} SP CRLF {@code )}). A line
     * ends inside a list only after a literal announcement, so a line of nothing but spaces there can only
     * mean that the response goes on: up to {@value #MAX_SPACE_LINES} such or empty lines are joined
     * to the next one, keeping one space as the separator. Any line that does not go on the response
     * fails the parse as before, so nothing is read out of step.
     */
    private void joinAfterSpaces() throws IOException {
        for (int skipped = 0; line.length == 0 || onlySpaces(); skipped++) {
            if (skipped == MAX_SPACE_LINES) {
                throw error("literal", "the response to go on within " + MAX_SPACE_LINES + " lines of spaces");
            }
            if (!nextLine()) {
                throw new EOFException("connection closed in the middle of a response, after a literal");
            }
        }
        byte[] joined = new byte[line.length + 1];
        joined[0] = ' ';
        System.arraycopy(line, 0, joined, 1, line.length);
        line = joined;
        pos = 0;
    }

    /** Reads an IMAP string-or-atom continuing after a literal, as imaplib's raw capture needs. */
    public Literal literalAtLineEnd() {
        int ls = literalStart();
        if (ls < 0) {
            throw error("literal", "a literal announcement at the end of the line");
        }
        pos = ls;
        return literal();
    }

    /** Whether a literal ({@code {n}}) or literal8 ({@code ~{n}}) starts here. */
    public boolean literalAhead() {
        return peekIs('{') || (peekIs('~') && pos + 1 < line.length && line[pos + 1] == '{');
    }

    private int literalStart() {
        int n = line.length;
        if (n < 3 || line[n - 1] != '}') {
            return -1;
        }
        int i = n - 2;
        if (line[i] == '+') {
            i--;
        }
        int digitsEnd = i;
        while (i >= 0 && line[i] >= '0' && line[i] <= '9') {
            i--;
        }
        if (i == digitsEnd || i < 0 || line[i] != '{') {
            return -1;
        }
        return i > 0 && line[i - 1] == '~' ? i - 1 : i;
    }

    /**
     * Counts the elements of the list whose '(' was just consumed, up to {@code limit}, by looking
     * ahead on the current line without consuming anything: a quoted string, a nested list or a run of
     * other bytes is one element. -1 when the list does not end on this line before {@code limit}
     * elements (a literal follows).
     */
    public int elementsAhead(int limit) {
        int depth = 0;
        int count = 0;
        boolean inToken = false;
        int n = line.length;
        int i = pos;
        int c = i < n ? line[i] & 0xff : -1;
        while (c >= 0) {
            if (c == '"') {
                if (depth == 0) {
                    count++;
                }
                c = ++i < n ? line[i] & 0xff : -1;
                while (c >= 0 && c != '"') {
                    if (c == '\\' && i < n) {
                        i++;
                    }
                    c = i >= n ? -1 : ++i < n ? line[i] & 0xff : -1;
                }
                inToken = false;
            } else if (c == '(') {
                count += depth == 0 ? 1 : 0;
                depth++;
                inToken = false;
            } else if (c == ')') {
                if (depth == 0) {
                    return count;
                }
                depth--;
                inToken = false;
            } else if (c == ' ') {
                inToken = false;
            } else if (!inToken) {
                count += depth == 0 ? 1 : 0;
                inToken = true;
            }
            if (count >= limit) {
                return limit;
            }
            c = i >= n ? -1 : ++i < n ? line[i] & 0xff : -1;
        }
        return -1;
    }

    // ---- lists ----

    /** Opens a parenthesised list, enforcing the nesting cap. */
    public void listStart(String rule) {
        expect('(', rule);
        if (++depth > maxDepth) {
            throw error(rule, "nesting no deeper than " + maxDepth + " (maxNestingDepth)");
        }
    }

    /** Consumes ')' if next and returns true; otherwise requires a separating space unless at '('. */
    public boolean listEnd() {
        if (maybe(')')) {
            depth--;
            return true;
        }
        return false;
    }

    /** Requires the ')' that closes a list opened with {@link #listStart}, spaces before it tolerated. */
    public void expectListEnd(String rule) {
        maybeSp();
        if (!listEnd()) {
            throw error(rule, "')'");
        }
    }

    /**
     * Between list elements: consumes spaces; true if a further element follows, false at ')'. A missing
     * space is an error, except next to a parenthesis (see {@link #besideParenthesis}).
     */
    public boolean listMore(String rule) {
        boolean spaced = maybeSp();
        if (peekIs(')')) {
            return false;
        }
        if (!spaced && !besideParenthesis()) {
            throw error(rule, "a space or ')'");
        }
        return true;
    }

    /**
     * Whether the next element starts with '(' or the previous one ended with ')'. There a missing SP
     * between list elements leaves no doubt where each ends (GNU Mailutils imap4d sends
     * {@code NIL)("TEXT" ...} in a body structure), so it is tolerated; elsewhere the SP is required.
     */
    public boolean besideParenthesis() {
        return peekIs('(') || previousIs(')');
    }

    /** RFC 3501 text: the rest of the line as UTF-8 (RFC 9051 allows UTF-8 in resp-text). */
    public String text() {
        String t = utf8(Arrays.copyOfRange(line, Math.min(pos, line.length), line.length));
        pos = line.length;
        return t;
    }

    /** A protocol error naming the grammar rule, what was expected and where. */
    public ImapProtocolException error(String rule, String expected) {
        String got = pos >= line.length ? "the end of the line"
                : "'" + Ascii.printable(line, pos, Math.min(20, line.length - pos)) + "'";
        int from = Math.max(0, pos - 40);
        int to = Math.min(line.length, pos + 40);
        return new ImapProtocolException("in " + rule + ": expected " + expected + ", got " + got + " at column "
                + pos + " of: " + (from > 0 ? "..." : "") + Ascii.printable(line, from, to - from)
                + (to < line.length ? "..." : ""));
    }

    // ---- character classes (RFC 3501 §9) ----

    /** ATOM-CHAR by ASCII code: any CHAR except atom-specials ( ) { SP CTL % * " \ ]. */
    private static final boolean[] ATOM_CHARS = new boolean[128];

    static {
        for (int c = 0x21; c < 0x7f; c++) {
            ATOM_CHARS[c] = "(){%*\"\\]".indexOf(c) < 0;
        }
    }

    /** ATOM-CHAR: any CHAR except atom-specials ( ) { SP CTL % * " \ ]. */
    public static boolean isAtomChar(int c) {
        return (c & ~0x7f) == 0 && ATOM_CHARS[c];
    }

    /** ASTRING-CHAR: ATOM-CHAR or resp-specials (']'). */
    public static boolean isAstringChar(int c) {
        return isAtomChar(c) || c == ']';
    }

    /** Flag characters; ']' is tolerated inside keywords (Gmail), as are 8-bit bytes. */
    private static boolean isFlagChar(int c) {
        return (isAtomChar(c) || c == ']' || c == '\\' || c >= 0x80) && c != ')';
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
