package dev.imap4.client.internal.command;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.engine.Command;
import dev.imap4.client.internal.engine.Untagged;
import dev.imap4.client.internal.wire.CommandWriter;
import dev.imap4.client.internal.wire.ImapInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The shared part of the commands whose result is the untagged data they provoke (LIST, STATUS,
 * NAMESPACE, ENABLE, ID, the QUOTA and ACL verbs, THREAD): it claims the responses it has a parser
 * for (by name, never a numbered one such as {@code * 3 FETCH}), keeps what they parse to, and
 * after a tagged OK hands them to the verb class, which builds its typed result. NO and BAD raise
 * {@link Imap4CommandException}.
 *
 * @param <R> the verb's typed result
 */
abstract class DataCommand<R> implements Command<R> {

    private final String verb;
    private final Map<String, Function<ImapInput, ?>> parsers;
    private final List<Object> collected = new ArrayList<>();
    private final Consumer<CommandWriter> args;
    private final Function<List<Object>, R> result;

    /**
     * For a verb class that writes its arguments and builds its result itself.
     *
     * @param parsers by response name; each is called with the input right after the name (at the
     *                space before the data) and must read the response to its end
     */
    DataCommand(String verb, Map<String, Function<ImapInput, ?>> parsers) {
        this(verb, parsers, null, null);
    }

    /** For a class of sibling verbs, one factory each: the factory gives the arguments and the result. */
    DataCommand(String verb, Map<String, Function<ImapInput, ?>> parsers, Consumer<CommandWriter> args,
            Function<List<Object>, R> result) {
        this.verb = verb;
        this.parsers = parsers;
        this.args = args;
        this.result = result;
    }

    @Override
    public void arguments(CommandWriter out) {
        args.accept(out);
    }

    @Override
    public final String verb() {
        return verb;
    }

    @Override
    public final boolean untagged(Untagged u, ImapInput in) {
        Function<ImapInput, ?> p = parsers.get(u.name());
        if (p == null || u.number() >= 0) {
            return false;
        }
        Object value = p.apply(in);
        if (value != null) {
            collected.add(value);
        }
        return true;
    }

    @Override
    public final R complete(StatusResponse tagged) {
        Imap4CommandException.requireOk(verb, tagged);
        return result(List.copyOf(collected));
    }

    /** The typed result from the parsed responses, in the order they came. */
    R result(List<Object> data) {
        return result.apply(data);
    }

    /** The parsed responses of one type, in order. */
    static <T> List<T> all(List<Object> data, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object o : data) {
            if (type.isInstance(o)) {
                out.add(type.cast(o));
            }
        }
        return List.copyOf(out);
    }

    /** The first parsed response of a type, or {@code none} when the server sent none. */
    static <T> T first(List<Object> data, Class<T> type, T none) {
        for (Object o : data) {
            if (type.isInstance(o)) {
                return type.cast(o);
            }
        }
        return none;
    }
}
