package dev.imap4.client.internal.command;

import dev.imap4.client.ModifiedUtf7;

/**
 * A mailbox name (or LIST pattern) as the command carries it: UTF-8 once UTF8=ACCEPT is enabled
 * (RFC 6855 §3), modified UTF-7 before (RFC 3501 §5.1.3). The writer then quotes it or sends a
 * literal. A name with no form in the chosen encoding is refused before anything is sent.
 */
public final class MailboxNames {

    private MailboxNames() {
    }

    /**
     * @throws IllegalArgumentException for a lone surrogate, which has neither form (Java would send
     *                                  '?' in its place in UTF-8, naming another mailbox)
     */
    public static String wire(String name, boolean utf8) {
        if (!utf8) {
            return ModifiedUtf7.encode(name);
        }
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                throw new IllegalArgumentException("mailbox name holds a lone surrogate at index " + i
                        + " and has no UTF-8 form");
            }
        }
        return name;
    }
}
