package dev.imap4.client.internal.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every spool file of this JVM that still exists and that no caller has taken with
 * {@code Literal.release()}: one shutdown hook deletes what is left at exit. A file leaves the set
 * when it is deleted or released, so the set holds only live files (unlike
 * {@code File.deleteOnExit}, which remembers every file ever registered).
 */
final class SpoolFiles {

    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Thread hook = new Thread(SpoolFiles::deleteAll, "imap4-spool-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private SpoolFiles() {
    }

    static void add(Path file) {
        LIVE.add(file);
    }

    static void remove(Path file) {
        LIVE.remove(file);
    }

    /** How many spool files are live now (for tests). */
    static int count() {
        return LIVE.size();
    }

    private static void deleteAll() {
        for (Path p : LIVE) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException | RuntimeException ignored) {
                // exiting: nothing better to do with a file that will not go
            }
        }
    }
}
