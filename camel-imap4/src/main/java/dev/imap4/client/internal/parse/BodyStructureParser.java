package dev.imap4.client.internal.parse;

import dev.imap4.client.types.BodyStructure;
import dev.imap4.client.types.BodyStructure.Disposition;
import dev.imap4.client.types.Envelope;
import dev.imap4.client.internal.wire.ImapInput;
import dev.imap4.client.internal.wire.Words;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 3501 §7.4.2 / §9 {@code body}: body-type-1part, body-type-mpart and their extension data
 * (body-ext-1part, body-ext-mpart, recursive body-extension), assigning IMAP part numbers as
 * described in {@link BodyStructure}. Nesting is capped by the input's maximum depth.
 */
public final class BodyStructureParser {

    /** Media types, subtypes and parameter names that most parts have: read as constants, no copy. */
    private static final Words WORDS = new Words("text", "plain", "html", "multipart", "mixed", "alternative", "related",
        "application", "octet-stream", "pdf", "image", "jpeg", "png", "message", "rfc822", "delivery-status",
        "report", "signed", "calendar", "charset", "boundary", "name", "filename", "format");

    /** The common body-fld-enc values, read as constants. */
    private static final String[] ENCODING_WORDS = {"7BIT", "8BIT", "BASE64", "QUOTED-PRINTABLE", "BINARY"};
    private static final Words ENCODINGS = new Words(ENCODING_WORDS);

    /** Fields of a single part: type subtype params id desc enc octets. */
    private static final int SINGLE_PART_FIELDS = 7;

    private BodyStructureParser() {
    }

    /** Reads a body from its {@code (}; the top-level body of a message. */
    public static BodyStructure parse(ImapInput in) {
        return body(in, "1", "");
    }

    /** {@link #parse} or NIL ({@code null}). */
    public static BodyStructure parseOrNil(ImapInput in) {
        return in.maybeNil() ? null : parse(in);
    }

    /**
     * @param singleNumber the part number if this body is a single part
     * @param multiNumber  the part number if it is a multipart (its children are numbered under it)
     */
    private static BodyStructure body(ImapInput in, String singleNumber, String multiNumber) {
        if (!in.peekIs('(')) {
            throw in.error("body", "'('");
        }
        in.listStart("body");
        in.maybeSp(); // Yahoo
        if (in.peekIs('(')) {
            return multipart(in, multiNumber);
        }
        int elements = in.elementsAhead(SINGLE_PART_FIELDS);
        String first = in.nstring("media-type", WORDS);
        int afterFirst = in.position();
        boolean spaced = in.maybeSp();
        if (in.peekIs(')')) {
            // a multipart without children, reduced to its subtype: ("ALTERNATIVE")
            in.listEnd();
            return multipartNode(first, List.of(), new Ext(), multiNumber);
        }
        if (!spaced) {
            throw in.error("body", "a space");
        }
        // Dovecot, and Gmail for nested multiparts sharing a boundary, send a multipart without
        // children: ("ALTERNATIVE" ("BOUNDARY" "x") NIL NIL), or with a NIL first, (NIL "ALTERNATIVE" ...).
        // A single part has at least seven fields and a string or NIL subtype, never a list.
        if ((first != null && in.peekIs('(')) || (elements >= 0 && elements < SINGLE_PART_FIELDS)) {
            String subtype = first;
            if (first == null && !in.peekIs('(') && !in.maybeNil()) {
                subtype = in.string("media-subtype", WORDS);
            } else {
                in.reset(afterFirst);
            }
            return multipartNode(subtype, List.of(), Ext.read(in, false), multiNumber);
        }
        return singlePart(in, first, singleNumber);
    }

    private static BodyStructure multipart(ImapInput in, String number) {
        List<BodyStructure> parts = new ArrayList<>();
        int i = 1;
        while (true) {
            String n = partNumber(number, i);
            parts.add(body(in, n, n));
            i++;
            // children follow each other directly; Yahoo puts spaces between them
            int p = in.position();
            in.maybeSp();
            if (!in.peekIs('(')) {
                in.reset(p);
                break;
            }
        }
        in.maybeSp(); // after the last part's ')'
        String subtype = in.nstring("media-subtype", WORDS);
        return multipartNode(subtype, parts, Ext.read(in, false), number);
    }

    /** Part numbers 1 to 9 and 1.1 to 9.9, which most messages stay within, made once. */
    private static final String[][] PART_NUMBERS = new String[10][10];

    static {
        for (int p = 0; p < 10; p++) {
            for (int i = 1; i < 10; i++) {
                PART_NUMBERS[p][i] = p == 0 ? Integer.toString(i) : p + "." + i;
            }
        }
    }

    /** The number of child {@code i} of the part numbered {@code parent} ("" for the top level). */
    private static String partNumber(String parent, int i) {
        if (i < 10) {
            if (parent.isEmpty()) {
                return PART_NUMBERS[0][i];
            }
            char c = parent.charAt(0);
            if (parent.length() == 1 && c >= '1' && c <= '9') {
                return PART_NUMBERS[c - '0'][i];
            }
        }
        return parent.isEmpty() ? Integer.toString(i) : parent + "." + i;
    }

    private static BodyStructure multipartNode(String subtype, List<BodyStructure> parts, Ext ext, String number) {
        // RFC 2046 §5.1.3: an unrecognised (here: missing) subtype is treated as mixed
        String sub = subtype == null ? "mixed" : lower(subtype);
        return new BodyStructure("multipart", sub, ext.params, null, null, null, -1, -1, null, null, parts, null,
                ext.disposition, ext.language, ext.location, ext.extensions, number);
    }

    // body-type-1part: (body-type-basic / body-type-msg / body-type-text) [SP body-ext-1part]
    private static BodyStructure singlePart(ImapInput in, String mediaType, String number) {
        String mediaSubtype = in.nstring("media-subtype", WORDS);
        in.sp();
        Map<String, String> params = params(in);
        in.sp();
        String id = in.nstring("body-fld-id");
        in.sp();
        String description = in.nstring("body-fld-desc");
        in.sp();
        String encoding = encoding(in);
        in.sp();
        long size = count(in, "body-fld-octets");
        // Exchange sends all-NIL parts; NIL type and subtype mean "unknown": application/octet-stream
        String type = mediaType == null ? "application" : lower(mediaType);
        String subtype = mediaSubtype == null ? (type.equals("text") ? "plain" : "octet-stream") : lower(mediaSubtype);

        long lines = -1;
        Envelope envelope = null;
        BodyStructure message = null;
        int p = in.position();
        boolean spaced = in.maybeSp();
        if (type.equals("message") && (subtype.equals("rfc822") || subtype.equals("global")) && in.peekIs('(')) {
            // body-type-msg: envelope SP body SP body-fld-lines. The SP before a list is optional, as
            // between the parts of a multipart: GNU Mailutils imap4d sends the envelope and the body
            // glued together, "NIL)(\"TEXT\" ..."; where each list starts and ends is never in doubt
            envelope = EnvelopeParser.parse(in);
            in.maybeSp();
            message = body(in, number + ".1", number);
            in.maybeSp(); // after the body's ')'
            lines = count(in, "body-fld-lines");
        } else if (type.equals("text") && spaced && (in.peekDigit() || in.peekIs('-') || in.maybeNil())) {
            lines = in.peekDigit() || in.peekIs('-') ? count(in, "body-fld-lines") : -1;
        } else {
            // Gmail sends a base64-encoded message/rfc822 as a basic part, without envelope and body
            in.reset(p);
        }
        Ext ext = Ext.read(in, true);
        return new BodyStructure(type, subtype, params, id, description, encoding, size, lines, envelope, message,
                List.of(), ext.md5, ext.disposition, ext.language, ext.location, ext.extensions, number);
    }

    // body-fld-enc: a string; Exchange sends NIL or a value with trailing spaces
    private static String encoding(ImapInput in) {
        String e = in.nstring("body-fld-enc", ENCODINGS);
        for (String k : ENCODING_WORDS) {
            if (k == e) {
                return e; // a constant: upper case, no spaces
            }
        }
        if (e == null || e.isBlank()) {
            return "7BIT"; // RFC 2045 §6.1 default
        }
        return e.trim().toUpperCase(Locale.ROOT);
    }

    // body-fld-octets / body-fld-lines: many servers send -1 for "unknown", Exchange NIL, mail.ru 9.37e+06
    private static long count(ImapInput in, String rule) {
        if (in.maybeNil()) {
            return -1;
        }
        long v = Lex.lenientNumber(in, rule);
        return v < 0 ? -1 : v;
    }

    // body-fld-param = "(" string SP string *(SP string SP string) ")" / nil
    static Map<String, String> params(ImapInput in) {
        if (in.maybeNil()) {
            return Map.of();
        }
        if (!in.peekIs('(')) {
            throw in.error("body-fld-param", "'(' or NIL");
        }
        in.listStart("body-fld-param");
        // most lists hold one parameter: an immutable singleton map, which BodyStructure keeps as it is
        String firstName = null;
        String firstValue = null;
        Map<String, String> m = null;
        while (true) {
            in.maybeSp();
            if (in.listEnd()) {
                return m != null ? m : firstName != null ? Collections.singletonMap(firstName, firstValue) : Map.of();
            }
            String name = lower(in.string("body-fld-param", WORDS));
            in.sp();
            // Gmail sends NIL where the value string belongs
            String value = in.nstring("body-fld-param");
            value = value == null ? "" : value;
            if (firstName == null) {
                firstName = name;
                firstValue = value;
            } else {
                if (m == null) {
                    m = new LinkedHashMap<>();
                    m.put(firstName, firstValue);
                }
                m.putIfAbsent(name, value);
            }
        }
    }

    // body-fld-dsp = "(" string SP body-fld-param ")" / nil
    private static Disposition disposition(ImapInput in) {
        if (in.maybeNil()) {
            return null;
        }
        if (in.peekIs('"') || in.literalAhead()) {
            // Exchange sends a bare "inline" where the list belongs
            return new Disposition(in.string("body-fld-dsp"), Map.of());
        }
        if (!in.peekIs('(')) {
            throw in.error("body-fld-dsp", "'(', a string or NIL");
        }
        in.listStart("body-fld-dsp");
        String type = in.nstring("body-fld-dsp");
        Map<String, String> params = Map.of();
        if (in.listMore("body-fld-dsp")) {
            params = params(in);
        }
        in.expectListEnd("body-fld-dsp");
        return type == null && params.isEmpty() ? null : new Disposition(type, params);
    }

    // body-fld-lang = nstring / "(" string *(SP string) ")"
    private static List<String> language(ImapInput in) {
        if (in.maybeNil()) {
            return List.of();
        }
        if (!in.peekIs('(')) {
            return List.of(in.string("body-fld-lang"));
        }
        in.listStart("body-fld-lang");
        List<String> out = new ArrayList<>();
        while (true) {
            in.maybeSp();
            if (in.listEnd()) {
                return out;
            }
            out.add(in.string("body-fld-lang"));
        }
    }

    private static String lower(String s) {
        return WORDS.holdsLowerCase(s) ? s : s.toLowerCase(Locale.ROOT);
    }

    /** body-ext-1part / body-ext-mpart, then the closing ')' of the body. */
    private static final class Ext {
        Map<String, String> params = Map.of();
        String md5;
        Disposition disposition;
        List<String> language = List.of();
        String location;
        List<String> extensions = List.of();

        /**
         * body-ext-1part = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]];
         * body-ext-mpart has body-fld-param in place of body-fld-md5.
         */
        static Ext read(ImapInput in, boolean singlePart) {
            String rule = singlePart ? "body-ext-1part" : "body-ext-mpart";
            Ext ext = new Ext();
            int field = 0;
            while (in.listMore(rule)) {
                switch (field++) {
                    case 0 -> {
                        if (singlePart) {
                            ext.md5 = in.nstring("body-fld-md5");
                        } else {
                            ext.params = params(in);
                        }
                    }
                    case 1 -> ext.disposition = disposition(in);
                    case 2 -> ext.language = language(in);
                    case 3 -> ext.location = in.nstring("body-fld-loc");
                    default -> {
                        if (ext.extensions.isEmpty()) {
                            ext.extensions = new ArrayList<>();
                        }
                        ext.extensions.add(Lex.rawValue(in, "body-extension"));
                    }
                }
            }
            in.listEnd();
            return ext;
        }
    }
}
