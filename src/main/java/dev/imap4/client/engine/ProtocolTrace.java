package dev.imap4.client.engine;

import java.util.ArrayDeque;
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

    private final ArrayDeque<String> history = new ArrayDeque<>(HISTORY);
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

    public void sent(String redacted) {
        remember("C: " + redacted);
        if (level >= 4) {
            LOG.info("{} > {}", connection, redacted);
        }
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
        return new ArrayList<>(history);
    }

    private synchronized void remember(String entry) {
        if (entry.length() > 300) {
            entry = entry.substring(0, 300) + "...";
        }
        if (history.size() == HISTORY) {
            history.removeFirst();
        }
        history.addLast(entry);
    }
}
