package dev.imap4.camel;

import dev.imap4.client.Capabilities;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A tiny in-memory IMAP server on a loopback port that answers the consumer's commands the way
 * Dovecot does, in particular {@code UID n:*} matching the highest UID even when it is below n
 * (RFC 3501 §6.4.8). It records every command line (without its tag) and lets a test recreate the
 * folder under a new UIDVALIDITY. Capabilities are chosen per test (MOVE, CONDSTORE...).
 *
 * <p>Not a transcript: it keeps a mailbox's state (UIDs, flags, folders, UIDVALIDITY) across
 * connections, and the consumer decides how often it polls and in which order it sends its commands,
 * which a transcript would have to know in advance. Consumer tests use it through
 * {@link FakeImapServerExtension}.
 */
final class FakeImapServer implements AutoCloseable {

    private final ServerSocket server;
    private final String capabilities;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final Map<String, List<FakeMessage>> folders = new LinkedHashMap<>();
    private long uidValidity = 1000;
    private long nextUid = 1;
    /** The UIDNEXT reported by SELECT: the real one, none (-1), or a frozen value (a lagging server). */
    private volatile long reportedUidNext;
    private long modSeq = 1;
    private final Map<Long, Long> expunged = new java.util.TreeMap<>();
    /** The MODSEQ of each message's last change (added, flags stored). */
    private final Map<Long, Long> changedAt = new HashMap<>();
    private volatile long floodChanges;

    private final List<Socket> sessions = new CopyOnWriteArrayList<>();
    private final Map<Long, Boolean> poisoned = new ConcurrentHashMap<>();
    private volatile String dropOn;
    private volatile boolean imap4dSearch;

    FakeImapServer(String extraCapabilities) throws IOException {
        this(extraCapabilities, 0);
    }

    /** On a given port (0: any), so a test can bring a server "back" where it was. */
    FakeImapServer(String extraCapabilities, int port) throws IOException {
        this.capabilities = ("IMAP4rev1 " + extraCapabilities).trim();
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10);
        folders.put("INBOX", new ArrayList<>());
        Thread t = new Thread(this::acceptLoop, "fake-imap");
        t.setDaemon(true);
        t.start();
    }

    /** SELECT reports no UIDNEXT (optional before RFC 3501): the consumer searches at every poll. */
    FakeImapServer withoutUidNext() {
        reportedUidNext = -1;
        return this;
    }

    /** SELECT reports UIDNEXT {@code n} whatever arrives: a server whose UIDNEXT lags. */
    FakeImapServer withUidNextFrozenAt(long n) {
        reportedUidNext = n;
        return this;
    }

    int port() {
        return server.getLocalPort();
    }

    synchronized long add(String raw) {
        long uid = nextUid++;
        folders.get("INBOX").add(new FakeMessage(uid, new LinkedHashSet<>(), raw.getBytes(StandardCharsets.UTF_8), null));
        modSeq++;
        changedAt.put(uid, modSeq);
        return uid;
    }

    /** Adds a message whose bytes stay in {@code file}: a FETCH streams them, never holding them in memory. */
    synchronized long addFile(Path file) {
        long uid = nextUid++;
        folders.get("INBOX").add(new FakeMessage(uid, new LinkedHashSet<>(), null, file));
        return uid;
    }

    /**
     * From now on every FETCH of {@code uid} that asks for more than its raw bytes gets an answer
     * the grammar does not allow: a BODYSTRUCTURE whose size is an atom when BODYSTRUCTURE is asked
     * for, else an RFC822.SIZE that is an atom. With {@code evenRaw}, a FETCH of {@code BODY.PEEK[]}
     * alone gets an unterminated quoted string instead of the literal.
     */
    void poison(long uid, boolean evenRaw) {
        poisoned.put(uid, evenRaw);
    }

    /** From now on UID SEARCH answers the UID key as GNU Mailutils imap4d 3.15 does (see the SEARCH case). */
    void searchLikeImap4d() {
        imap4dSearch = true;
    }

    /** Sets the flags of {@code uid} in INBOX, as another client would. */
    synchronized void setFlags(long uid, String... flags) {
        modSeq++;
        for (FakeMessage m : folders.get("INBOX")) {
            if (m.uid() == uid) {
                m.flags().clear();
                m.flags().addAll(List.of(flags));
                changedAt.put(uid, modSeq);
            }
        }
    }

    /**
     * From now on a SELECT with QRESYNC parameters is answered first with {@code n} FETCH responses
     * of changed flags (UIDs 1 to n, whatever the folder holds), written as they are generated: a
     * hostile server reporting more changes than any client should hold.
     */
    void floodChangesOnResync(long n) {
        floodChanges = n;
    }

    /** A resynchronisation's FETCH responses of the messages changed since the MODSEQ the command names. */
    private String changedSince(String command) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(QRESYNC \\((\\d+) (\\d+)").matcher(command);
        if (!m.find() || Long.parseLong(m.group(1)) != uidValidity) {
            return "";
        }
        long since = Long.parseLong(m.group(2));
        StringBuilder sb = new StringBuilder();
        List<FakeMessage> inbox = folders.get("INBOX");
        for (int i = 0; i < inbox.size(); i++) {
            FakeMessage msg = inbox.get(i);
            long at = changedAt.getOrDefault(msg.uid(), 0L);
            if (at > since) {
                sb.append("* ").append(i + 1).append(" FETCH (UID ").append(msg.uid()).append(" FLAGS (")
                        .append(String.join(" ", msg.flags())).append(") MODSEQ (").append(at).append("))\r\n");
            }
        }
        return sb.toString();
    }

    /** Expunges {@code uid} from INBOX, as another client would. */
    synchronized void expunge(long uid) {
        modSeq++;
        if (folders.get("INBOX").removeIf(m -> m.uid() == uid)) {
            expunged.put(uid, modSeq);
        }
    }

    // RFC 7162 §3.2.5.2: SELECT name (QRESYNC (uidvalidity modseq)) reports what was expunged since
    private String vanishedSince(String command) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(QRESYNC \\((\\d+) (\\d+)").matcher(command);
        if (!m.find() || Long.parseLong(m.group(1)) != uidValidity) {
            return "";
        }
        long since = Long.parseLong(m.group(2));
        String uids = expunged.entrySet().stream().filter(e -> e.getValue() > since).map(e -> Long.toString(e.getKey()))
                .collect(Collectors.joining(","));
        return uids.isEmpty() ? "" : "* VANISHED (EARLIER) " + uids + "\r\n";
    }

    /** Deletes and recreates INBOX: empty, UIDs from 1 again, a new UIDVALIDITY. */
    synchronized void recreate(long newUidValidity) {
        folders.put("INBOX", new ArrayList<>());
        uidValidity = newUidValidity;
        nextUid = 1;
    }

    synchronized Set<String> flags(long uid) {
        return folders.get("INBOX").stream().filter(m -> m.uid() == uid).findFirst().map(FakeMessage::flags).orElse(null);
    }

    /** The UIDs in INBOX that carry {@code flag}. */
    synchronized Set<Long> withFlag(String flag) {
        return folders.get("INBOX").stream().filter(m -> m.flags().contains(flag)).map(FakeMessage::uid)
                .collect(Collectors.toSet());
    }

    synchronized List<Long> uids(String folder) {
        return folders.getOrDefault(folder, List.of()).stream().map(FakeMessage::uid).toList();
    }

    List<String> commands() {
        return List.copyOf(commands);
    }

    long count(String prefix) {
        return commands.stream().filter(c -> c.startsWith(prefix)).count();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sessions.add(s);
                if (server.isClosed()) { // accepted while close() ran: dropConnections may have missed it
                    s.close();
                    return;
                }
                Thread t = new Thread(() -> serve(s), "fake-imap-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = s.getOutputStream()) {
            write(out, "* OK [CAPABILITY " + capabilities + "] fake ready\r\n");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int sp = line.indexOf(' ');
                String tag = line.substring(0, sp);
                String command = line.substring(sp + 1);
                commands.add(command);
                String drop = dropOn;
                if (drop != null && command.startsWith(drop)) {
                    dropOn = null;
                    return;
                }
                synchronized (this) {
                    for (Object part : answer(tag, command)) {
                        if (part instanceof Path file) {
                            Files.copy(file, out);
                        } else if (part instanceof Flood flood) {
                            flood.writeTo(out);
                        } else {
                            out.write(part.toString().getBytes(StandardCharsets.ISO_8859_1));
                        }
                    }
                }
                out.flush();
                if (command.equalsIgnoreCase("LOGOUT")) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The reply: text, and files to stream where a large message's literal goes. */
    private List<Object> answer(String tag, String command) {
        String[] w = command.split(" ");
        if (w[0].equalsIgnoreCase("UID")) {
            return uid(tag, w, folders.get("INBOX"));
        }
        long flood = floodChanges;
        if (flood > 0 && w[0].equalsIgnoreCase("SELECT") && command.contains("(QRESYNC (")) {
            return List.of(new Flood(flood), simple(tag, command));
        }
        return List.of(simple(tag, command));
    }

    private String simple(String tag, String command) {
        String[] w = command.split(" ");
        String verb = w[0].toUpperCase();
        List<FakeMessage> inbox = folders.get("INBOX");
        return switch (verb) {
            case "CAPABILITY" -> "* CAPABILITY " + capabilities + "\r\n" + tag + " OK done\r\n";
            case "LOGIN" -> w.length == 3 && unquote(w[1]).equals("joe") && unquote(w[2]).equals("secret")
                    ? tag + " OK [CAPABILITY " + capabilities + "] logged in\r\n"
                    : tag + " NO [AUTHENTICATIONFAILED] invalid credentials\r\n";
            case "SELECT", "EXAMINE" -> "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"
                    + "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] ok\r\n"
                    + "* " + inbox.size() + " EXISTS\r\n* 0 RECENT\r\n* OK [UIDVALIDITY " + uidValidity + "] ok\r\n"
                    + (reportedUidNext < 0 ? "" : "* OK [UIDNEXT " + (reportedUidNext > 0 ? reportedUidNext : nextUid)
                            + "] ok\r\n")
                    + (capabilities.contains("CONDSTORE") || capabilities.contains("QRESYNC")
                            ? "* OK [HIGHESTMODSEQ " + modSeq + "] ok\r\n" : "")
                    + vanishedSince(command)
                    + changedSince(command)
                    + tag + " OK [" + (verb.equals("SELECT") ? "READ-WRITE" : "READ-ONLY") + "] done\r\n";
            case "CREATE" -> {
                folders.putIfAbsent(unquote(w[1]), new ArrayList<>());
                yield tag + " OK created\r\n";
            }
            case "NOOP" -> tag + " OK noop\r\n";
            case "ENABLE" -> (capabilities.contains("QRESYNC") ? "* ENABLED QRESYNC\r\n" : "")
                    + (command.contains("UTF8=ACCEPT") && capabilities.contains("UTF8=ACCEPT") ? "* ENABLED UTF8=ACCEPT\r\n" : "")
                    + tag + " OK enabled\r\n";
            case "LOGOUT" -> "* BYE bye\r\n" + tag + " OK bye\r\n";
            default -> tag + " BAD unsupported\r\n";
        };
    }

    private List<Object> uid(String tag, String[] w, List<FakeMessage> inbox) {
        String verb = w[1].toUpperCase();
        List<Object> parts = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        switch (verb) {
            case "SEARCH" -> {
                List<String> keys = new ArrayList<>(Arrays.stream(w).skip(2).map(k -> k.replace("(", "").replace(")", ""))
                        .filter(k -> !k.isEmpty()).toList());
                String bySeq = null;
                int at = keys.indexOf("UID");
                if (imap4dSearch && at >= 0) {
                    // GNU Mailutils imap4d 3.15: the UID key's set is matched against sequence numbers, and
                    // '*' in it is not resolved ("UID *" is refused, "UID n:*" matches nothing)
                    bySeq = keys.get(at + 1);
                    if (bySeq.equals("*")) {
                        return List.of(tag + " BAD UID SEARCH Bogus number set\r\n");
                    }
                    keys.subList(at, at + 2).clear();
                    if (keys.isEmpty()) {
                        keys.add("ALL");
                    }
                }
                String seqs = bySeq;
                String found = inbox.stream().filter(m -> m.matches(keys, inbox))
                        .filter(m -> seqs == null || !seqs.contains("*") && FakeMessage.inSet(inbox.indexOf(m) + 1, seqs, List.of()))
                        .map(m -> Long.toString(m.uid()))
                        .collect(Collectors.joining(" "));
                sb.append("* SEARCH").append(found.isEmpty() ? "" : " " + found).append("\r\n");
            }
            case "FETCH" -> {
                String items = String.join(" ", Arrays.copyOfRange(w, 3, w.length));
                for (int i = 0; i < inbox.size(); i++) {
                    FakeMessage m = inbox.get(i);
                    if (FakeMessage.inSet(m.uid(), w[2], inbox)) {
                        fetch(i + 1, m, items, sb, parts);
                    }
                }
            }
            case "STORE" -> {
                List<String> flags = Arrays.stream(w).skip(4).map(f -> f.replace("(", "").replace(")", "")).toList();
                inbox.stream().filter(m -> FakeMessage.inSet(m.uid(), w[2], inbox)).forEach(m -> {
                    if (w[3].startsWith("-")) {
                        flags.forEach(m.flags()::remove);
                    } else {
                        m.flags().addAll(flags);
                    }
                    changedAt.put(m.uid(), modSeq + 1);
                });
                modSeq++;
            }
            case "COPY" -> {
                List<FakeMessage> target = folders.get(unquote(w[3]));
                if (target == null) {
                    return List.of(tag + " NO [TRYCREATE] no such folder\r\n");
                }
                inbox.stream().filter(m -> FakeMessage.inSet(m.uid(), w[2], inbox)).forEach(m ->
                        target.add(new FakeMessage(target.size() + 1, new LinkedHashSet<>(m.flags()), m.bytes(), m.file())));
            }
            case "EXPUNGE" -> {
                for (int i = inbox.size() - 1; i >= 0; i--) {
                    FakeMessage m = inbox.get(i);
                    if (FakeMessage.inSet(m.uid(), w[2], inbox) && m.flags().contains("\\Deleted")) {
                        inbox.remove(i);
                        expunged.put(m.uid(), ++modSeq);
                        sb.append("* ").append(i + 1).append(" EXPUNGE\r\n");
                    }
                }
            }
            default -> {
                return List.of(tag + " BAD unsupported\r\n");
            }
        }
        parts.add(sb.append(tag).append(" OK done\r\n").toString());
        return parts;
    }

    private void fetch(int seq, FakeMessage m, String items, StringBuilder sb, List<Object> parts) {
        Boolean poison = poisoned.get(m.uid());
        boolean rawOnly = !items.contains("FLAGS");
        sb.append("* ").append(seq).append(" FETCH (UID ").append(m.uid());
        if (poison == null || !rawOnly) {
            sb.append(" FLAGS (").append(String.join(" ", m.flags()))
                    .append(") INTERNALDATE \"01-Jan-2026 10:00:00 +0000\" RFC822.SIZE ")
                    .append(poison != null && !items.contains("BODYSTRUCTURE") ? "twelve" : m.size());
        }
        if (items.contains("MODSEQ")) {
            sb.append(" MODSEQ (").append(modSeq).append(')');
        }
        if (items.contains("EMAILID") && m.bytes() != null) {
            // RFC 8474: a copy of a message has its EMAILID; here the same bytes give the same id
            sb.append(" EMAILID (M").append(Integer.toHexString(Arrays.hashCode(m.bytes()))).append(')');
        }
        if (items.contains("THREADID")) {
            sb.append(" THREADID NIL");
        }
        if (items.contains("ENVELOPE")) {
            sb.append(" ENVELOPE (\"Thu, 01 Jan 2026 10:00:00 +0000\" \"").append(m.subject())
                    .append("\" NIL NIL NIL NIL NIL NIL NIL NIL)");
        }
        if (items.contains("BODYSTRUCTURE")) {
            sb.append(" BODYSTRUCTURE (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" ")
                    .append(poison != null ? "twelve" : m.size()).append(" 1)");
        }
        if (items.contains("BODY.PEEK[]") && poison != null && poison && rawOnly) {
            sb.append(" BODY[] \"unterminated");
        } else if (items.contains("BODY.PEEK[]")) {
            sb.append(" BODY[] {").append(m.size()).append("}\r\n");
            if (m.file() == null) {
                sb.append(new String(m.bytes(), StandardCharsets.ISO_8859_1));
            } else {
                parts.add(sb.toString());
                sb.setLength(0);
                parts.add(m.file());
            }
        }
        sb.append(")\r\n");
    }

    /** {@code n} FETCH responses of changed flags, generated while written. */
    private record Flood(long n) {
        void writeTo(OutputStream out) throws IOException {
            java.io.BufferedOutputStream b = new java.io.BufferedOutputStream(out, 1 << 16);
            for (long k = 1; k <= n; k++) {
                b.write(("* " + k + " FETCH (UID " + k + " FLAGS (\\Seen $Mirrored) MODSEQ (" + (k + 1) + "))\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            b.flush();
        }
    }

    private static String unquote(String s) {
        return s.startsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** The next command starting with {@code prefix} gets no answer: the connection is closed instead. */
    void dropConnectionOn(String prefix) {
        dropOn = prefix;
    }

    /** Closes every client connection, as a server restart or an idle timeout would. */
    void dropConnections() throws IOException {
        for (Socket s : sessions) {
            s.close();
        }
        sessions.clear();
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
    }
}
