package dev.imap4.client.internal.command;

import dev.imap4.client.Imap4CommandException;
import dev.imap4.client.StatusResponse;
import dev.imap4.client.internal.engine.Command;
import dev.imap4.client.internal.wire.CommandWriter;
import java.util.List;
import java.util.Set;

/**
 * NOTIFY (RFC 5465 §5): {@code NOTIFY NONE}, or {@code NOTIFY SET (selected (events)) (mailboxes
 * (names) (events))}. The events the server then reports come unsolicited (STATUS for the other
 * mailboxes, EXISTS/EXPUNGE/VANISHED for the selected one) and go to the listeners; the command
 * itself claims no untagged data.
 */
public final class NotifyCommand implements Command<Void> {

    /** RFC 5465 §5 message-event and mailbox-event names. */
    public static final Set<String> EVENTS = Set.of("MessageNew", "MessageExpunge", "FlagChange",
            "AnnotationChange", "MailboxName", "SubscriptionChange", "MailboxMetadataChange", "ServerMetadataChange");

    private final boolean selected;
    private final List<String> encodedMailboxes;
    private final List<String> events;

    private NotifyCommand(boolean selected, List<String> encodedMailboxes, List<String> events) {
        this.selected = selected;
        this.encodedMailboxes = encodedMailboxes;
        this.events = events;
    }

    /** NOTIFY NONE: no more notifications. */
    public static NotifyCommand none() {
        return new NotifyCommand(false, List.of(), List.of());
    }

    /**
     * NOTIFY SET for {@code events} in the given mailboxes (already encoded for the wire) and, with
     * {@code selected}, in the selected mailbox.
     */
    public static NotifyCommand set(boolean selected, List<String> encodedMailboxes, List<String> events) {
        if (events.isEmpty() || !EVENTS.containsAll(events)) {
            throw new IllegalArgumentException("NOTIFY events are some of " + EVENTS + ", not " + events);
        }
        if (!selected && encodedMailboxes.isEmpty()) {
            throw new IllegalArgumentException("NOTIFY SET needs the selected mailbox or at least one other");
        }
        return new NotifyCommand(selected, List.copyOf(encodedMailboxes), List.copyOf(events));
    }

    @Override
    public String verb() {
        return "NOTIFY";
    }

    @Override
    public void arguments(CommandWriter out) {
        if (events.isEmpty()) {
            out.atom("NONE");
            return;
        }
        out.atom("SET");
        if (selected) {
            out.openList().atom("selected");
            events(out);
            out.closeList();
        }
        if (!encodedMailboxes.isEmpty()) {
            out.openList().atom("mailboxes").openList();
            for (String m : encodedMailboxes) {
                out.astring(m);
            }
            out.closeList();
            events(out);
            out.closeList();
        }
    }

    private void events(CommandWriter out) {
        out.openList();
        for (String e : events) {
            out.atom(e);
        }
        out.closeList();
    }

    @Override
    public Void complete(StatusResponse tagged) {
        Imap4CommandException.requireOk(verb(), tagged);
        return null;
    }
}
