package dev.imap4.camel;

import dev.imap4.client.ImapUtil;
import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.ImapClient;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.types.MailboxState;
import dev.imap4.client.types.NumberSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Runs the IMAP command named by the {@code CamelImap4Command} header (or the endpoint's
 * {@code command}) with the arguments of {@code CamelImap4Arguments}, on a pooled, authenticated
 * connection. The body becomes the typed result; headers carry the tagged response and the
 * untagged responses no command claimed. NO and BAD raise {@link Imap4CommandException}. Which
 * commands may run is {@link Imap4CommandPolicy}'s call; a connection whose state is not known
 * after an exchange (a raw verb, a BAD answer, an abort) is closed, never pooled.
 * Credentials and host come from the endpoint only, never from headers.
 */
@ManagedResource(description = "Managed IMAP4 producer")
public class Imap4Producer extends DefaultAsyncProducer {

    private final Imap4Configuration config;
    private final Imap4ProducerCounters counters = new Imap4ProducerCounters();
    private Imap4CommandPolicy policy;
    private volatile Imap4ConnectionPool pool;

    public Imap4Producer(Imap4Endpoint endpoint) {
        super(endpoint);
        this.config = endpoint.getConfiguration();
    }

    @Override
    public Imap4Endpoint getEndpoint() {
        return (Imap4Endpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        if (config.getMaxUntaggedResponses() < 0) {
            throw new IllegalArgumentException("maxUntaggedResponses must not be negative, was "
                    + config.getMaxUntaggedResponses());
        }
        if (config.getMaxUntaggedResponseBytes() < 0) {
            throw new IllegalArgumentException("maxUntaggedResponseBytes must not be negative, was "
                    + config.getMaxUntaggedResponseBytes());
        }
        policy = new Imap4CommandPolicy(config);
        super.doStart();
        Imap4Endpoint endpoint = getEndpoint();
        pool = new Imap4ConnectionPool(config.getPoolSize(),
                () -> endpoint.clientFactory().connect(config, endpoint.getCamelContext()));
        counters.bind(Imap4Metrics.bindProducer(endpoint.getCamelContext(), pool, endpoint.getServiceUrl(),
                config.getUsername()));
        endpoint.producerStarted(this, true);
    }

    @Override
    protected void doStop() throws Exception {
        getEndpoint().producerStarted(this, false);
        counters.unbind();
        if (pool != null) {
            pool.close();
        }
        super.doStop();
    }

    @ManagedAttribute(description = "The server, host:port (or stream)")
    public String getServer() {
        return getEndpoint().getServiceUrl();
    }

    @ManagedAttribute(description = "The most connections the pool holds at once")
    public int getPoolSize() {
        return config.getPoolSize();
    }

    @ManagedAttribute(description = "Connections lent to an exchange")
    public int getPoolInUse() {
        Imap4ConnectionPool p = pool;
        return p == null ? 0 : p.inUse();
    }

    @ManagedAttribute(description = "Connections kept open for the next exchange")
    public int getPoolIdle() {
        Imap4ConnectionPool p = pool;
        return p == null ? 0 : p.idleCount();
    }

    @ManagedAttribute(description = "Commands the producer was asked to run")
    public long getCommandsTotal() {
        return counters.total();
    }

    @ManagedAttribute(description = "Commands that did not end in OK (NO, BAD, an error, or refused by the policy)")
    public long getCommandsFailed() {
        return counters.failed();
    }

    @ManagedAttribute(description = "Commands by verb and outcome, as VERB outcome=count")
    public String getCommands() {
        StringBuilder sb = new StringBuilder();
        counters.byVerbAndOutcome().forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }

    /** The counts, for the dev console. */
    Imap4ProducerCounters counters() {
        return counters;
    }

    /** Logs out the idle connections now, and those lent to an exchange when it returns them. */
    @ManagedOperation(description = "Log out every pooled connection (those in use when their exchange ends)")
    public void reconnect() {
        Imap4ConnectionPool p = pool;
        if (p != null) {
            p.reconnect();
        }
    }

    /**
     * Runs the command on the caller's thread, as {@link #process(Exchange)}. The producer is an
     * AsyncProducer only so that Camel registers this object, not a bridge around it, in JMX.
     */
    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String verb = verb(in.getHeader(Imap4Constants.COMMAND, String.class));
        Imap4Operation op = Imap4Operation.of(verb);
        try {
            policy.check(op, verb);
        } catch (RuntimeException e) {
            counters.command(op, Imap4ProducerCounters.REFUSED, 0);
            throw e;
        }
        long started = System.nanoTime();
        Exception failure = null;
        try {
            run(exchange, in, verb, op);
        } catch (Exception e) {
            failure = e;
            throw e;
        } finally {
            counters.command(op, Imap4ProducerCounters.outcome(failure), System.nanoTime() - started);
        }
    }

    private void run(Exchange exchange, Message in, String verb, Imap4Operation op) throws Exception {
        List<String> args = arguments(in.getHeader(Imap4Constants.ARGUMENTS));
        String folder = in.getHeader(Imap4Constants.FOLDER, String.class);
        ImapClient client = pool.borrow();
        Imap4UntaggedCollector capture = new Imap4UntaggedCollector(config.getMaxUntaggedResponses(),
                config.getMaxUntaggedResponseBytes());
        client.addUnsolicitedListener(capture);
        // a raw verb's effect on the connection is unknown, so that connection is not pooled again; a
        // typed command keeps the client's state in step, and an abort closes the connection anyway.
        // UNAUTHENTICATE leaves it logged out, and it is closed rather than logged in again here: the
        // client factory (which tests and users may replace) is the one place that authenticates.
        boolean reusable = op != Imap4Operation.RAW && op != Imap4Operation.UNAUTHENTICATE;
        try {
            if (op.needsFolder()) {
                selectFolder(client, folder == null ? config.getFolder() : folder);
            }
            Object result = op == Imap4Operation.APPEND ? append(client, args, folder, exchange)
                    : Imap4ProducerCommands.run(op, verb, args, client, exchange);
            in.setBody(result);
            setResponseHeaders(in, client.lastResponse());
            if (op.isSearch()) {
                setMessageSet(in, result);
            }
        } catch (Imap4CommandException e) {
            setResponseHeaders(in, client.lastResponse());
            // NO leaves the connection as it was; BAD says client and server disagree (syntax or state)
            if (client.lastResponse() == null || !"NO".equals(client.lastResponse().status())) {
                reusable = false;
            }
            throw e;
        } finally {
            in.setHeader(Imap4Constants.UNTAGGED_RESPONSES, capture.responses());
            in.setHeader(Imap4Constants.UNTAGGED_RESPONSES_DROPPED, capture.dropped());
            client.removeUnsolicitedListener(capture);
            pool.release(client, reusable);
        }
    }

    /**
     * The normalised verb to run: the {@code CamelImap4Command} header (a typed operation's verb, or an
     * extension verb), else the endpoint's {@code command}.
     */
    private String verb(String header) {
        if (header != null && !header.isBlank()) {
            String verb = Imap4Operation.normalise(header);
            if (verb.equals(Imap4Operation.RAW.name())) {
                throw new IllegalArgumentException("CamelImap4Command names the extension verb itself, e.g. XLIST,"
                        + " not RAW");
            }
            return verb;
        }
        Imap4Operation command = config.getCommand();
        if (command == Imap4Operation.RAW) {
            throw new IllegalArgumentException("command=RAW runs the extension verb named by the CamelImap4Command"
                    + " header, and the message has none");
        }
        return Imap4Operation.normalise(command == null ? null : command.verb());
    }

    /** The search result as a compact sequence set, for the next command's arguments. */
    private static void setMessageSet(Message in, Object result) {
        List<Long> numbers = new ArrayList<>();
        if (result instanceof Collection<?> c) {
            c.forEach(n -> numbers.add(((Number) n).longValue()));
        }
        if (numbers.isEmpty()) {
            in.removeHeader(Imap4Constants.MESSAGE_SET);
        } else {
            in.setHeader(Imap4Constants.MESSAGE_SET, NumberSet.uids(numbers).toString());
        }
    }

    private static void setResponseHeaders(Message in, StatusResponse tagged) {
        if (tagged == null) {
            return;
        }
        in.setHeader(Imap4Constants.RESPONSE_TYPE, tagged.status());
        // server text, like a mail's header fields, never carries CR, LF or NUL into a Camel header
        in.setHeader(Imap4Constants.RESPONSE_CODE, tagged.code() == null ? null : Imap4MailHeaders.clean(tagged.code()));
        in.setHeader(Imap4Constants.RESPONSE_TEXT, tagged.text() == null ? null : Imap4MailHeaders.clean(tagged.text()));
    }

    /** Selects {@code folder} unless this connection already has it selected for writing. */
    private static void selectFolder(ImapClient client, String folder) {
        MailboxState current = client.selected();
        if (current == null || !current.name().equals(folder) || current.readOnly()) {
            client.select(folder);
        }
    }

    private Object append(ImapClient client, List<String> args, String folderHeader, Exchange exchange)
            throws Exception {
        String folder = !args.isEmpty() ? Imap4ProducerCommands.unquote(args.get(0))
                : folderHeader != null ? folderHeader : config.getFolder();
        return Imap4ProducerAppend.append(client, folder, exchange);
    }

    /** {@code CamelImap4Arguments}: a List (one element per argument) or a String split like imaplib args. */
    static List<String> arguments(Object header) {
        if (header == null) {
            return List.of();
        }
        if (header instanceof Collection<?> c) {
            List<String> out = new ArrayList<>(c.size());
            for (Object o : c) {
                out.add(String.valueOf(o));
            }
            return out;
        }
        if (header instanceof Object[] a) {
            List<String> out = new ArrayList<>(a.length);
            for (Object o : a) {
                out.add(String.valueOf(o));
            }
            return out;
        }
        return ImapUtil.splitArgs(String.valueOf(header).trim());
    }
}
