package dev.imap4.client.internal.engine;

import dev.imap4.client.Capabilities;
import dev.imap4.client.ImapState;
import dev.imap4.client.Imap4AbortException;
import dev.imap4.client.Imap4Exception;
import dev.imap4.client.Imap4Options;
import dev.imap4.client.Imap4ReadOnlyException;
import dev.imap4.client.ImapData;
import dev.imap4.client.ImapProtocolException;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.UntaggedResponse;
import dev.imap4.client.Transport;
import dev.imap4.client.internal.transport.DeflateTransport;
import dev.imap4.client.internal.wire.ByteSource;
import dev.imap4.client.internal.wire.CommandWriter;
import dev.imap4.client.internal.wire.ImapInput;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs commands over one connection: tags, the state table, the continuation loop, routing of
 * untagged responses to the running command or to the unsolicited-data listeners, BYE, and the
 * abort rule (any protocol or I/O failure closes the connection and reports the last exchanges).
 * One command is in flight at a time; the engine is not thread-safe except for
 * {@link #sendDone()}, which another thread may call to end an IDLE.
 */
public final class CommandEngine implements AutoCloseable {

    private final Imap4Options options;
    private final ProtocolTrace trace;
    private final ConnectionBudget budget;
    private final String tagPrefix;
    private final List<Consumer<UntaggedResponse>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> commandStartHooks = new CopyOnWriteArrayList<>();

    private Transport transport;
    private ByteSource bytes;
    private WireSource wire;
    private ImapInput in;
    /** RFC 6855 UTF8=ACCEPT is enabled: names are UTF-8 both ways. */
    private boolean utf8Accept;
    private OutputStream out;

    private int tagNumber;
    private ImapState state = ImapState.NONAUTH;
    private Capabilities capabilities = Capabilities.NONE;
    private StatusResponse greeting;
    private boolean aborted;
    private boolean closed;
    private boolean selectedWritable;
    private boolean becameReadOnly;
    private Command<?> running;
    private String runningTag;
    private StatusResponse bye;
    private StatusResponse lastTagged;
    private final CommandDeadline deadline = new CommandDeadline(this::unblockTransport);
    // the budget's scope marks taken before the current response's first line was read
    private long responseHeapMark;
    private int responseLiteralMark;
    private final GreetingWindow greetingWindow = new GreetingWindow();

    public CommandEngine(Transport transport, Imap4Options options, String connectionName) {
        this.options = options;
        this.trace = new ProtocolTrace(options.debug(), connectionName);
        this.budget = ConnectionBudget.of(options);
        // imaplib: tagpre = Int2AP(random.randint(4096, 65535))
        this.tagPrefix = dev.imap4.client.ImapUtil.int2ap(ThreadLocalRandom.current().nextInt(4096, 65536));
        attach(transport);
    }

    /**
     * Reads and writes through {@code t} from now on (the connection's start, STARTTLS, COMPRESS).
     * The modes set on the connection so far carry over to the new readers: UTF-8 names and a
     * lowered literal memory threshold.
     */
    private void attach(Transport t) {
        WireSource before = wire;
        this.transport = t;
        this.bytes = new ByteSource(t.input(), options.maxLineLength());
        this.wire = new WireSource(bytes, options, trace, budget);
        if (before != null) {
            wire.memoryThreshold(before.memoryThreshold());
        }
        this.in = new ImapInput(wire, options.maxNestingDepth());
        in.utf8Names(utf8Accept);
        this.out = t.output();
    }

    // ---- connection life cycle ----

    /** Reads the server greeting: OK leaves NONAUTH, PREAUTH enters AUTH, BYE aborts. */
    public StatusResponse readGreeting() {
        try {
            if (!in.nextLine()) {
                throw new EOFException("connection closed before the server greeting");
            }
            if (!in.peekIs('*')) {
                throw in.error("greeting", "'* OK', '* PREAUTH' or '* BYE'");
            }
            in.expect('*', "greeting");
            in.sp();
            String name = StatusParser.responseName(in);
            if (!name.equals("OK") && !name.equals("PREAUTH") && !name.equals("BYE")) {
                in.reset(2);
                throw in.error("greeting", "OK, PREAUTH or BYE");
            }
            StatusResponse st = StatusParser.parse(null, name, in);
            greeting = st;
            noteCode(st);
            trace.message(1, "greeting: " + st);
            if (name.equals("BYE")) {
                throw new Imap4AbortException("server refused the connection: " + st.rawText());
            }
            state = name.equals("PREAUTH") ? ImapState.AUTH : ImapState.NONAUTH;
            if (state == ImapState.NONAUTH) {
                greetingWindow.open();
                // what the server sent with its greeting is read now: it may be the real greeting
                while (bytes.buffered() > 0 && greetingWindow.isOpen()) {
                    nextResponseLine();
                    if (!in.peekIs('*')) {
                        throw in.error("greeting", "untagged responses before the first command");
                    }
                    untagged();
                }
            }
            return greeting;
        } catch (RuntimeException | IOException e) {
            throw abort(e);
        } finally {
            budget.handOver();
        }
    }

    /**
     * Replaces the transport after a STARTTLS handshake. Everything buffered from the plain
     * connection is thrown away and the capabilities are forgotten (RFC 3501 §6.2.1; the buffering
     * attacks of "NO STARTTLS", USENIX Security 2021).
     */
    public void upgrade(Transport tls) {
        int dropped = bytes.discardBuffered();
        if (dropped > 0) {
            trace.message(1, "discarded " + dropped + " bytes the server sent before the TLS handshake");
        }
        capabilities = Capabilities.NONE;
        greetingWindow.close(); // the greeting was before TLS: no later PREAUTH replaces it
        attach(tls);
    }

    /**
     * Compresses the connection from now on (RFC 4978 COMPRESS=DEFLATE), right after the tagged OK
     * of COMPRESS: the bytes already buffered behind that OK are the start of the server's
     * compressed stream, so they go to the inflater, never to the parser. Lines, literals and
     * budgets are read through the inflater with the same limits.
     */
    public void startCompression() {
        if (isCompressed()) {
            throw new IllegalStateException("COMPRESS is already active");
        }
        attach(DeflateTransport.over(transport, bytes.takeBuffered()));
        trace.message(1, "COMPRESS=DEFLATE active: the trace shows the uncompressed protocol");
    }

    /** Whether COMPRESS=DEFLATE is active on this connection. */
    public boolean isCompressed() {
        return transport instanceof DeflateTransport;
    }

    public Transport transport() {
        return transport;
    }

    public ByteSource byteSource() {
        return bytes;
    }

    public ProtocolTrace trace() {
        return trace;
    }

    /** What this connection holds from its server, against its heap and spool budgets. */
    public ConnectionBudget budget() {
        return budget;
    }

    /** How many commands this connection has started (the number in the last tag). */
    public int commandCount() {
        return tagNumber;
    }

    /** See {@code ImapClient.literalMemoryThreshold(int)}. */
    public void literalMemoryThreshold(int bytes) {
        wire.memoryThreshold(bytes);
    }

    public int literalMemoryThreshold() {
        return wire.memoryThreshold();
    }

    public Imap4Options options() {
        return options;
    }

    public StatusResponse greeting() {
        return greeting;
    }

    public ImapState state() {
        return state;
    }

    public Capabilities capabilities() {
        return capabilities;
    }

    public void capabilities(Capabilities c) {
        capabilities = c;
        trace.message(3, "CAPABILITIES: " + c);
    }

    /**
     * Whether RFC 6855 UTF8=ACCEPT is enabled on this connection: mailbox names then travel as
     * UTF-8 both ways, and quoted strings may hold UTF-8.
     */
    public boolean utf8Accept() {
        return utf8Accept;
    }

    /**
     * Records the outcome of ENABLE UTF8=ACCEPT (and its end, on UNAUTHENTICATE); the response
     * reader decodes names accordingly (a reader made later must be told too).
     */
    public void utf8Accept(boolean enabled) {
        utf8Accept = enabled;
        in.utf8Names(enabled);
    }

    public boolean isAborted() {
        return aborted || closed;
    }

    public String tagPrefix() {
        return tagPrefix;
    }

    /** The tagged response of the last command that completed, or null. */
    public StatusResponse lastTagged() {
        return lastTagged;
    }

    /** The BYE the server sent, if any. */
    public StatusResponse bye() {
        return bye;
    }

    /** Notes whether the selected mailbox was opened for writing (imaplib's is_readonly). */
    public void selected(boolean writable) {
        selectedWritable = writable;
        becameReadOnly = false;
    }

    public void addListener(Consumer<UntaggedResponse> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<UntaggedResponse> listener) {
        listeners.remove(listener);
    }

    /** Runs {@code hook} as each command starts, after its tag is numbered (the untagged store trims then). */
    public void addCommandStartHook(Runnable hook) {
        commandStartHooks.add(hook);
    }

    // ---- running commands ----

    /**
     * Runs {@code command} to its tagged completion and returns its result, within the configured
     * command deadline.
     */
    public <R> R execute(Command<R> command) {
        return execute(command, options.commandDeadline());
    }

    /**
     * Runs {@code command} within {@code limit} (zero: no deadline) from its first byte sent to its
     * tagged response; past it the connection is aborted, however slowly the server sends.
     */
    public <R> R execute(Command<R> command, Duration limit) {
        if (closed || aborted) {
            throw new Imap4AbortException("connection is closed");
        }
        String verb = command.verb();
        CommandTable.check(verb, state);
        if (becameReadOnly && state == ImapState.SELECTED && !endsSelection(verb)) {
            throw new Imap4ReadOnlyException("mailbox status changed to READ-ONLY");
        }
        String tag = tagPrefix + (++tagNumber);
        commandStartHooks.forEach(Runnable::run);
        CommandWriter w = new CommandWriter(literalMode(), utf8Accept);
        w.begin(tag, verb);
        command.arguments(w);
        List<CommandWriter.Segment> segments = w.finish();
        StatusResponse tagged;
        running = command;
        runningTag = tag;
        boolean authenticating = verb.equalsIgnoreCase("AUTHENTICATE");
        wire.redactContinuations(authenticating);
        deadline.arm("command " + verb, limit);
        try {
            trace.sent(w.trace());
            tagged = send(segments);
            if (tagged == null) {
                tagged = readUntilTagged();
            }
        } catch (RuntimeException | IOException e) {
            throw abort(e);
        } finally {
            deadline.disarm();
            running = null;
            runningTag = null;
            wire.redactContinuations(false);
            budget.handOver(); // the result goes to the caller
        }
        lastTagged = tagged;
        state = command.stateAfter(tagged, state);
        closeIfDeadlinePassed();
        if (trace.on(3)) {
            trace.message(3, verb + " => " + tagged.status() + " " + tagged.rawText());
        }
        try {
            return command.complete(tagged);
        } catch (ImapProtocolException e) {
            throw abort(e); // e.g. malformed APPENDUID data in the tagged OK: fatal like any protocol error
        }
    }

    private static boolean endsSelection(String verb) {
        String v = verb.toUpperCase(Locale.ROOT);
        return v.equals("SELECT") || v.equals("EXAMINE") || v.equals("CLOSE") || v.equals("UNSELECT")
                || v.equals("LOGOUT");
    }

    private CommandWriter.LiteralMode literalMode() {
        if (capabilities.has("LITERAL+")) {
            return CommandWriter.LiteralMode.NON_SYNCHRONIZING;
        }
        if (capabilities.has("LITERAL-")) {
            return CommandWriter.LiteralMode.NON_SYNCHRONIZING_UP_TO_4K;
        }
        return CommandWriter.LiteralMode.SYNCHRONIZING;
    }

    /** Sends the segments; returns the tagged response if the server ended the command early. */
    private StatusResponse send(List<CommandWriter.Segment> segments) throws IOException {
        for (CommandWriter.Segment seg : segments) {
            out.write(seg.bytes());
            if (!seg.hasLiteral()) {
                continue;
            }
            if (seg.waitForContinuation()) {
                out.flush();
                StatusResponse early = awaitLiteralContinuation();
                if (early != null) {
                    return early;
                }
            }
            CommandWriter.copyLiteral(seg, out);
        }
        out.flush();
        return null;
    }

    private StatusResponse awaitLiteralContinuation() throws IOException {
        while (true) {
            nextResponseLine();
            if (in.peekIs('+')) {
                return null;
            }
            StatusResponse tagged = dispatch();
            if (tagged != null) {
                return tagged;
            }
        }
    }

    private StatusResponse readUntilTagged() throws IOException {
        while (true) {
            nextResponseLine();
            if (in.peekIs('+')) {
                in.expect('+', "continue-req");
                in.maybeSp();
                String text = in.text();
                running.continuation(text, this::sendContinuationLine);
                budget.releaseTo(responseHeapMark, responseLiteralMark);
                continue;
            }
            StatusResponse tagged = dispatch();
            if (tagged != null) {
                return tagged;
            }
        }
    }

    private void nextResponseLine() throws IOException {
        if (deadline.passed()) {
            throw new Imap4AbortException(deadline.message());
        }
        responseHeapMark = budget.heapMark();
        responseLiteralMark = budget.literalMark();
        if (!in.nextLine()) {
            if (bye != null) {
                throw new Imap4AbortException("server closed the connection after BYE: " + bye.rawText());
            }
            throw new EOFException("connection closed by the server");
        }
    }

    private void sendContinuationLine(byte[] line, String traced) {
        try {
            trace.sent(traced);
            out.write(line);
            out.write('\r');
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ends an IDLE; may be called from another thread while the engine is reading. The server must
     * answer within the read timeout (a dead peer is noticed then), whatever it sends meanwhile.
     */
    public void sendDone() {
        synchronized (this) {
            deadline.tighten("DONE ending IDLE", options.readTimeout());
            try {
                trace.sent("DONE");
                out.write("DONE\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Reads and routes one response whose first line is current; returns it if it is our tagged one. */
    private StatusResponse dispatch() throws IOException {
        if (in.peekIs('*') || StatusParser.registeredCodeAhead(in)) {
            untagged();
            return null;
        }
        if (!ImapInput.isAtomChar(in.peek())) {
            // e.g. the rest of a response a miscounted literal cut short
            throw in.error("response", "'*', '+' or the tag " + runningTag);
        }
        String tag = in.atom();
        if (!tag.equals(runningTag)) {
            in.reset(0);
            throw in.error("response-tagged", "tag " + runningTag);
        }
        in.sp();
        String status = StatusParser.responseName(in);
        if (!status.equals("OK") && !status.equals("NO") && !status.equals("BAD")) {
            throw in.error("resp-cond-state", "OK, NO or BAD");
        }
        StatusResponse st = StatusParser.parse(tag, status, in);
        noteCode(st);
        return st;
    }

    private void untagged() throws IOException {
        long number = -1;
        // Exchange: "[COPYUID 55 31 6]", a registered response code on a line of its own (dispatch checked)
        if (!in.peekIs('[')) {
            in.expect('*', "response-data");
            in.sp();
            if (in.peekDigit()) {
                number = in.number();
                in.sp();
            }
        }
        // Exchange: "* [UIDNEXT 51] ..." without a status word; a bracketed code only starts a status
        // response, and only OK carries the codes it sends this way (UIDNEXT, UIDVALIDITY...)
        String name = number < 0 && in.peekIs('[') ? "OK" : StatusParser.responseName(in);
        int afterName = in.position();
        StatusResponse status = null;
        if (number < 0 && StatusParser.isStatus(name)) {
            status = StatusParser.parse(null, name, in);
            in.reset(afterName);
            noteCode(status);
            if (name.equals("BYE")) {
                bye = status;
            }
        } else if (name.equals("CAPABILITY")) {
            capabilities(Capabilities.parse(in.text()));
            in.reset(afterName);
        }
        greetingFollows(status);
        Untagged u = new Untagged(name, number, status);
        if (trace.on(5)) {
            trace.message(5, "untagged " + name + (number >= 0 ? " " + number : ""));
        }
        if (running != null && running.untagged(u, in)) {
            in.crlf();
            if (!running.retainsUntagged()) {
                budget.handOver();
            }
        } else {
            UntaggedResponse r = RawCapture.capture(u, in);
            for (Consumer<UntaggedResponse> l : listeners) {
                l.accept(r);
            }
            // handed to the listeners: what the untagged store keeps, it charges itself
            budget.releaseTo(responseHeapMark, responseLiteralMark);
        }
        if (status != null && name.equals("BYE") && (running == null || !running.verb().equals("LOGOUT"))) {
            throw new Imap4AbortException("server said BYE: " + status.rawText());
        }
    }

    /**
     * A PREAUTH after the OK greeting ({@link GreetingWindow}, Courier-IMAP): the connection is
     * authenticated, and the OK first taken for the greeting is delivered to the listeners with its
     * ALERT (which the trace already logged).
     */
    private void greetingFollows(StatusResponse st) {
        if (!greetingWindow.preauthIsGreeting(st, lastTagged != null) || state != ImapState.NONAUTH) {
            return;
        }
        StatusResponse superseded = greeting;
        greeting = st;
        state = ImapState.AUTH;
        trace.message(1, "greeting: " + st + " (after " + superseded + ")");
        UntaggedResponse r = new UntaggedResponse(superseded.status(), -1, superseded,
                List.of(new ImapData.Line(superseded.raw())));
        for (Consumer<UntaggedResponse> l : listeners) {
            l.accept(r);
        }
    }

    private void noteCode(StatusResponse st) {
        if (st.code() == null) {
            return;
        }
        switch (st.code()) {
            case "CAPABILITY" -> capabilities(Capabilities.parse(st.codeData()));
            case "READ-ONLY" -> {
                if (st.tag() == null && state == ImapState.SELECTED && selectedWritable) {
                    becameReadOnly = true;
                }
            }
            case "ALERT" -> trace.message(1, "ALERT: " + st.text());
            default -> {
            }
        }
    }

    /**
     * Runs {@code read} (the greeting, for example) within the command deadline; past it the
     * connection is aborted, as for a command.
     */
    public <R> R withDeadline(String what, Supplier<R> read) {
        deadline.arm(what, options.commandDeadline());
        try {
            return read.get();
        } finally {
            deadline.disarm();
            closeIfDeadlinePassed();
        }
    }

    /**
     * The watchdog may close the transport just as the last line arrived: the answer is whole, but
     * the connection is gone, so it is marked closed rather than left to fail the next command.
     */
    private void closeIfDeadlinePassed() {
        if (deadline.expired() && !aborted) {
            trace.message(1, deadline.message() + "; the connection is closed");
            aborted = true;
            closeQuietly();
        }
    }

    private void unblockTransport() {
        trace.message(1, deadline.message());
        transport.unblock();
    }

    private Imap4AbortException abort(Throwable e) {
        aborted = true;
        List<String> history = trace.recent();
        closeQuietly();
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (deadline.expired()) {
            // the deadline passed: checked before a line, or the watchdog failed a blocked read or write
            return new Imap4AbortException(deadline.message(), cause, history);
        }
        if (cause instanceof ImapProtocolException p) {
            return new ImapProtocolException(p.getMessage().split(System.lineSeparator(), 2)[0], p, history);
        }
        if (cause instanceof Imap4AbortException a) {
            return a.recentExchanges().isEmpty()
                    ? new Imap4AbortException(a.getMessage(), a, history) : a;
        }
        if (cause instanceof SocketTimeoutException) {
            return new Imap4AbortException("read timed out after " + options.readTimeout()
                    + " waiting for the server", cause, history);
        }
        if (cause instanceof IOException) {
            return new Imap4AbortException("connection failed: " + cause.getMessage(), cause, history);
        }
        if (cause instanceof Imap4Exception x && running == null) {
            return new Imap4AbortException(x.getMessage(), x, history);
        }
        return new Imap4AbortException("connection aborted: " + cause, cause, history);
    }

    private void closeQuietly() {
        closed = true;
        state = ImapState.LOGOUT;
        transport.close();
        budget.closeAll(); // spool files not yet handed to the caller
    }

    /** Closes the transport without LOGOUT (imaplib's shutdown). */
    @Override
    public void close() {
        if (!closed) {
            closeQuietly();
        }
    }
}
