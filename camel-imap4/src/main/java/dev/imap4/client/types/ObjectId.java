package dev.imap4.client.types;

/**
 * RFC 8474 object identifiers (OBJECTID): EMAILID and THREADID of a message, MAILBOXID of a mailbox.
 * The server sends them as {@code (objectid)}, THREADID as {@code NIL} for a message in no thread.
 */
public final class ObjectId {

    private ObjectId() {
    }

    /**
     * The identifier in {@code wire} ({@code (M6d99ac3275bb4e)}), or null for {@code NIL} or null.
     *
     * @throws IllegalArgumentException when it breaks RFC 8474 §4 {@code objectid = 1*255(ALPHA / DIGIT / "_" / "-")}
     */
    public static String parse(String wire) {
        if (wire == null || wire.equalsIgnoreCase("NIL")) {
            return null;
        }
        if (wire.length() < 3 || wire.charAt(0) != '(' || wire.charAt(wire.length() - 1) != ')') {
            throw new IllegalArgumentException("an object id is \"(\" objectid \")\", not '" + shown(wire) + "'");
        }
        String id = wire.substring(1, wire.length() - 1);
        if (id.length() > 255 || !id.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9' || c == '_' || c == '-')) {
            throw new IllegalArgumentException("objectid is 1 to 255 of ALPHA, DIGIT, '_' and '-', not '"
                    + shown(id) + "'");
        }
        return id;
    }

    private static String shown(String s) {
        String cut = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
