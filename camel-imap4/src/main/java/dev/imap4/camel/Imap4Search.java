package dev.imap4.camel;

import dev.imap4.client.ImapUtil;
import dev.imap4.client.ImapClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's search: one UID SEARCH (or UID SORT) per poll, whatever the folder's size. The
 * configured criteria are ANDed with
 * <ul>
 * <li>{@code UNDELETED}, unless the criteria mention DELETED or UNDELETED themselves: a message
 * flagged \Deleted is on its way out (the consumer's own DELETE or MOVE without MOVE support may
 * have left it there until expunged) and must not be delivered again;</li>
 * <li>the failure flag's negation when onFailure is FLAG ({@code UNKEYWORD $Failed}), so a failed
 * message is parked instead of being retried on every poll;</li>
 * <li>{@code UID n:*} in incremental mode.</li>
 * </ul>
 */
final class Imap4Search {

    private static final Logger LOG = LoggerFactory.getLogger(Imap4Search.class);
    private static final long MAX_UID = 0xFFFFFFFFL;
    private static final String ATOM_SPECIALS = "(){ %*\"\\]";

    private final List<String> criteria;
    private final String charset;
    private final String sortCriteria;
    private final List<String> exclusion;
    private final boolean incremental;
    private boolean sortWarned;

    Imap4Search(Imap4Configuration config) {
        String text = config.getSearchCriteria() == null ? "" : config.getSearchCriteria().trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("searchCriteria must not be empty; use ALL to consume every message");
        }
        List<String> c = new ArrayList<>(ImapUtil.splitArgs(text));
        if (!mentionsDeleted(c)) {
            c.add("UNDELETED");
        }
        this.criteria = List.copyOf(c);
        this.charset = text.chars().allMatch(ch -> ch < 0x80) ? null : "UTF-8";
        this.sortCriteria = config.getSortCriteria() == null || config.getSortCriteria().isBlank() ? null
                : config.getSortCriteria().trim();
        this.exclusion = config.getOnFailure() == Imap4OnFailure.FLAG ? exclusion(config.getFailureFlag()) : List.of();
        this.incremental = config.isIncremental();
    }

    /** The search program for a poll, as separate arguments. */
    List<String> program(long watermark) {
        List<String> p = new ArrayList<>(criteria);
        p.addAll(exclusion);
        if (incremental && watermark > 0 && watermark < MAX_UID) {
            p.add("UID");
            p.add((watermark + 1) + ":*");
        }
        return p;
    }

    /** Runs the search: UIDs in delivery order (SORT order when sorting, otherwise ascending). */
    List<Long> run(ImapClient client, long watermark) {
        List<String> program = program(watermark);
        if (sortCriteria != null) {
            if (client.hasCapability("SORT")) {
                return client.sort(true, sortCriteria, charset == null ? "UTF-8" : charset, program).numbers();
            }
            if (!sortWarned) {
                sortWarned = true;
                LOG.info("The server does not offer SORT; delivering in UID order instead of {}", sortCriteria);
            }
        }
        List<Long> uids = new ArrayList<>(client.search(true, charset, program).numbers());
        Collections.sort(uids);
        return uids;
    }

    /** The search keys that leave out messages carrying {@code flag} (RFC 3501 §6.4.4). */
    static List<String> exclusion(String flag) {
        if (flag == null || flag.isEmpty()) {
            throw new IllegalArgumentException("failureFlag must be set when onFailure is FLAG");
        }
        String key = switch (flag.toLowerCase(Locale.ROOT)) {
            case "\\seen" -> "UNSEEN";
            case "\\answered" -> "UNANSWERED";
            case "\\flagged" -> "UNFLAGGED";
            case "\\draft" -> "UNDRAFT";
            case "\\deleted" -> "UNDELETED";
            default -> null;
        };
        if (key != null) {
            return List.of(key);
        }
        // RFC 3501 §9 flag-keyword = atom
        for (char ch : flag.toCharArray()) {
            if (ch <= 0x20 || ch >= 0x7f || ATOM_SPECIALS.indexOf(ch) >= 0) {
                throw new IllegalArgumentException("failureFlag '" + flag + "' is not a valid IMAP keyword"
                        + " (an atom such as $Failed) nor a settable system flag");
            }
        }
        return List.of("UNKEYWORD", flag);
    }

    private static boolean mentionsDeleted(List<String> args) {
        for (String a : args) {
            if (a.startsWith("\"")) {
                continue;
            }
            if (a.startsWith("(") && a.endsWith(")")) {
                if (mentionsDeleted(ImapUtil.splitArgs(a.substring(1, a.length() - 1)))) {
                    return true;
                }
            } else if (a.equalsIgnoreCase("DELETED") || a.equalsIgnoreCase("UNDELETED")) {
                return true;
            }
        }
        return false;
    }
}
