package dev.imap4.camel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A message of {@link FakeImapServer}: in memory, or (for large ones) in a file streamed when
 * fetched; and the few SEARCH keys the consumer sends.
 */
record FakeMessage(long uid, Set<String> flags, byte[] bytes, Path file) {

    long size() {
        try {
            return file == null ? bytes.length : Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Subject field, as a quoted string's content (no quotes or backslashes), or empty. */
    String subject() {
        String text = bytes == null ? "" : new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String line : text.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, "Subject:", 0, 8)) {
                return line.substring(8).strip().replace("\"", "").replace("\\", "");
            }
        }
        return "";
    }

    /** Whether every key matches (RFC 3501 §6.4.4: keys are ANDed); NOT negates the next key. */
    boolean matches(List<String> keys, List<FakeMessage> folder) {
        for (int i = 0; i < keys.size(); i++) {
            boolean negate = keys.get(i).equalsIgnoreCase("NOT");
            if (negate) {
                i++;
            }
            String k = keys.get(i).toUpperCase();
            boolean hit = switch (k) {
                case "ALL" -> true;
                case "SEEN", "UNSEEN" -> flags.contains("\\Seen") == k.equals("SEEN");
                case "DELETED", "UNDELETED" -> flags.contains("\\Deleted") == k.equals("DELETED");
                case "KEYWORD", "UNKEYWORD" -> flags.contains(keys.get(++i)) == k.equals("KEYWORD");
                case "UID" -> inSet(uid, keys.get(++i), folder);
                // every fake message arrived just now: inside any window, after any past day
                case "YOUNGER", "SINCE" -> !keys.get(++i).isEmpty();
                default -> throw new IllegalArgumentException("fake server cannot search " + k);
            };
            if (hit == negate) {
                return false;
            }
        }
        return true;
    }

    /** '*' is the highest UID in use, and n:* covers it even when n is larger (as Dovecot answers). */
    static boolean inSet(long uid, String set, List<FakeMessage> folder) {
        long max = folder.isEmpty() ? 0 : folder.get(folder.size() - 1).uid();
        for (String part : set.split(",")) {
            String[] r = part.split(":");
            long a = r[0].equals("*") ? max : Long.parseLong(r[0]);
            long b = r.length == 1 ? a : r[1].equals("*") ? max : Long.parseLong(r[1]);
            if (uid >= Math.min(a, b) && uid <= Math.max(a, b)) {
                return true;
            }
        }
        return false;
    }
}
