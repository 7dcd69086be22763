package dev.imap4.client.interop;

import dev.imap4.client.interop.ImapServer.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the servers the integration tests run against. Server {@code x} is the directory named by
 * the system property {@code imap4.it.x.dir} or the environment variable {@code IMAP4_IT_X_DIR}
 * ({@code scripts/interop.sh} sets them). A server that is not configured makes each test that
 * needs it report "NOT RUN" with the reason; when the environment says {@code CI=true}, it is a
 * failure instead: CI must never pass on a suite that did not run.
 */
public final class Servers {

    private static final Map<Kind, ImapServer> RESOLVED = new EnumMap<>(Kind.class);

    private Servers() {
    }

    public static ImapServer dovecot() {
        return get(Kind.DOVECOT);
    }

    public static ImapServer cyrus() {
        return get(Kind.CYRUS);
    }

    public static ImapServer mailutils() {
        return get(Kind.MAILUTILS);
    }

    public static ImapServer courier() {
        return get(Kind.COURIER);
    }

    /**
     * Every server, for {@code @MethodSource("dev.imap4.client.interop.Servers#all")}. JUnit asks
     * for them before each test method, which is when server processes an earlier test left
     * running are ended ({@link ImapServer#reapLeftovers()}).
     */
    public static Stream<ImapServer> all() {
        mailutils().reapLeftovers();
        courier().reapLeftovers();
        return Stream.of(dovecot(), cyrus(), mailutils(), courier());
    }


    static synchronized ImapServer get(Kind kind) {
        ImapServer s = RESOLVED.get(kind);
        if (s == null) {
            s = resolve(kind);
            RESOLVED.put(kind, s);
        }
        return s;
    }

    private static ImapServer resolve(Kind kind) {
        String name = kind.name().toLowerCase(Locale.ROOT);
        String property = "imap4.it." + name + ".dir";
        String env = "IMAP4_IT_" + kind.name() + "_DIR";
        String dir = System.getProperty(property);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(env);
        }
        String reason = null;
        if (dir == null || dir.isBlank()) {
            reason = name + " is not configured: set " + env + " (or -D" + property + ") to a directory started by"
                    + " scripts/" + name + ".sh, or run scripts/interop.sh, which starts the servers and the suite";
        } else if (!Files.isRegularFile(Path.of(dir, "server.properties"))) {
            reason = name + " directory " + dir + " holds no server.properties: start it with scripts/" + name
                    + ".sh start " + dir;
        }
        if (reason == null) {
            try {
                return ImapServer.load(kind, Path.of(dir));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir + "/server.properties", e);
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true and the interop suite cannot run: " + reason);
        }
        System.err.println("*** INTEROP TESTS AGAINST " + name.toUpperCase(Locale.ROOT) + " DID NOT RUN: " + reason);
        return ImapServer.missing(kind, reason);
    }
}
