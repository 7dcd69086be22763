package dev.imap4.camel;

import dev.imap4.client.types.ListEntry;
import dev.imap4.client.types.MailboxStatus;
import java.util.Objects;
import java.util.Set;

/**
 * One folder of the producer's extended LIST (RFC 5258 LIST-EXTENDED): its LIST response and, when
 * STATUS items were asked for (RFC 5819 LIST-STATUS), its status.
 *
 * @param entry  the LIST response: name, delimiter, attributes, extended data ({@code CHILDINFO})
 * @param status the STATUS the server sent for it, or {@code null}: none asked for, or the folder
 *               cannot be selected
 */
public record Imap4ListedFolder(ListEntry entry, MailboxStatus status) {

    public Imap4ListedFolder {
        Objects.requireNonNull(entry, "entry");
    }

    /** The folder name, decoded. */
    public String name() {
        return entry.name();
    }

    /** The name attributes as sent ({@code \HasChildren}, {@code \Subscribed}, {@code \Sent}...). */
    public Set<String> attributes() {
        return entry.attributes();
    }

    /** The hierarchy delimiter, {@code null} for a flat namespace. */
    public String delimiter() {
        return entry.delimiter();
    }

    /** The RFC 6154 special use ({@code \Sent}, {@code \Trash}...), or {@code null}. */
    public String specialUse() {
        return entry.specialUse();
    }

    /** Whether the server marked the folder {@code \Subscribed} (selection or return option SUBSCRIBED). */
    public boolean isSubscribed() {
        return entry.hasAttribute("\\Subscribed");
    }

    /** Whether the server marked the folder {@code \HasChildren} (return option CHILDREN). */
    public boolean hasChildren() {
        return entry.hasAttribute("\\HasChildren");
    }

    /** Whether the folder can be selected: neither {@code \Noselect} nor {@code \NonExistent}. */
    public boolean isSelectable() {
        return entry.isSelectable();
    }
}
