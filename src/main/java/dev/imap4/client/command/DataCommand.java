package dev.imap4.client.command;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.engine.Command;
import dev.imap4.client.engine.Untagged;
import dev.imap4.client.wire.CommandWriter;
import dev.imap4.client.wire.ImapInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A command whose result is the untagged data it provokes, parsed by name: LIST and LSUB, STATUS,
 * NAMESPACE, GETQUOTA, GETQUOTAROOT, GETACL, MYRIGHTS, LISTRIGHTS, ENABLE, ID, THREAD. Each verb's
 * arguments and parsers are set where the typed API builds it, in one place per verb.
 *
 * @param <T> the element type collected
 */
public final class DataCommand<T> implements Command<List<T>> {

    private final String verb;
    private final Consumer<CommandWriter> args;
    private final Map<String, Function<ImapInput, ? extends T>> parsers;
    private final List<T> collected = new ArrayList<>();

    /**
     * @param parsers by response name; each is called with the input right after the name (at the
     *                space before the data) and must read the response to its end
     */
    public DataCommand(String verb, Consumer<CommandWriter> args, Map<String, Function<ImapInput, ? extends T>> parsers) {
        this.verb = verb;
        this.args = args;
        this.parsers = parsers;
    }

    @Override
    public String verb() {
        return verb;
    }

    @Override
    public void arguments(CommandWriter out) {
        args.accept(out);
    }

    @Override
    public boolean untagged(Untagged u, ImapInput in) {
        Function<ImapInput, ? extends T> p = parsers.get(u.name());
        if (p == null || u.number() >= 0) {
            return false;
        }
        T value = p.apply(in);
        if (value != null) {
            collected.add(value);
        }
        return true;
    }

    @Override
    public List<T> complete(StatusResponse tagged) {
        Imap4CommandException.requireOk(verb, tagged);
        return List.copyOf(collected);
    }
}
