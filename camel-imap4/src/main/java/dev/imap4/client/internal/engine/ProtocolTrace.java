package dev.imap4.client.internal.engine;

import dev.imap4.client.internal.wire.Ascii;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * imaplib's debug tracing and its ring buffer of recent exchanges. Callers hand it text that is
 * already redacted (the command writer replaces secrets by {@code ***}; authentication exchanges
 * are never passed verbatim). Levels follow imaplib: 1 connection events, 3 capabilities and
 * command results, 4 and above every line sent and received, 5 untagged routing.
 */
public final class ProtocolTrace {

    private static final Logger LOG = LoggerFactory.getLogger("dev.imap4.client.trace");
    private static final int HISTORY = 10;

    private static final int KEPT_CHARS = 300;

    /** Entries are Strings, or received lines kept as bytes and rendered only if someone reads them. */
    private final ArrayDeque<Object> history = new ArrayDeque<>(HISTORY);
    private volatile int level;
    private final String connection;

    public ProtocolTrace(int level, String connection) {
        this.level = level;
        this.connection = connection;
    }

    public int level() {
        return level;
    }

    public void level(int newLevel) {
        this.level = Math.max(0, newLevel);
    }

    /** Whether messages at {@code atLevel} are logged; lets callers skip building them. */
    public boolean on(int atLevel) {
        return level >= atLevel;
    }

    public void sent(String redacted) {
        remember("C: " + redacted);
        if (level >= 4) {
            LOG.info("{} > {}", connection, redacted);
        }
    }

    /**
     * A line received from the server. On the hot path it is only remembered (its first bytes,
     * without rendering); it is made printable when traced at level 4 or read by {@link #recent()}.
     */
    public void received(byte[] line) {
        if (level >= 4) {
            received(Ascii.printable(line));
            return;
        }
        remember(line.length > KEPT_CHARS ? Arrays.copyOf(line, KEPT_CHARS + 1) : line);
    }

    public void received(String printable) {
        remember("S: " + printable);
        if (level >= 4) {
            LOG.info("{} < {}", connection, printable);
        }
    }

    /** A message at the given imaplib debug level. */
    public void message(int atLevel, String text) {
        if (level >= atLevel) {
            LOG.info("{} {}", connection, text);
        }
    }

    public synchronized List<String> recent() {
        List<String> out = new ArrayList<>(history.size());
        for (Object e : history) {
            out.add(e instanceof byte[] b ? clip("S: " + Ascii.printable(b)) : (String) e);
        }
        return out;
    }

    private static String clip(String entry) {
        return entry.length() > KEPT_CHARS ? entry.substring(0, KEPT_CHARS) + "..." : entry;
    }

    private synchronized void remember(String entry) {
        rememberEntry(clip(entry));
    }

    private synchronized void remember(byte[] line) {
        rememberEntry(line);
    }

    private void rememberEntry(Object entry) {
        if (history.size() == HISTORY) {
            history.removeFirst();
        }
        history.addLast(entry);
    }
}
