package dev.imap4.client;

import dev.imap4.client.internal.command.EnableCommand;
import dev.imap4.client.internal.engine.CommandEngine;
import java.util.Set;

/**
 * RFC 6855 for the typed client: ENABLE UTF8=ACCEPT once the session is authenticated (after LOGIN
 * or AUTHENTICATE, or after a PREAUTH greeting), and refuse a UTF8=ONLY server when the options
 * forbid UTF-8 names. The engine then writes and reads mailbox names as UTF-8.
 */
final class Utf8Accept {

    private Utf8Accept() {
    }

    /**
     * Sends ENABLE UTF8=ACCEPT when the server offers it (UTF8=ACCEPT with ENABLE, or UTF8=ONLY) and
     * the options allow it. Only an ENABLED answer naming it switches names to UTF-8 (iCloud sends no
     * ENABLED at all), except on a UTF8=ONLY server, which has no other mode: there a tagged OK is
     * enough, and a refusal is an error.
     *
     * @throws Imap4Exception on a UTF8=ONLY server when UTF8=ACCEPT is turned off or refused
     */
    static void enable(CommandEngine engine) {
        Capabilities caps = engine.capabilities();
        boolean only = caps.has("UTF8=ONLY");
        if (!only && !(caps.has("UTF8=ACCEPT") && caps.has("ENABLE"))) {
            return;
        }
        if (!engine.options().utf8Accept()) {
            if (only) {
                throw new Imap4Exception("the server offers UTF8=ONLY (RFC 6855 §6) and refuses modified UTF-7"
                        + " mailbox names, but UTF8=ACCEPT is turned off (Imap4Options.withUtf8Accept(false))");
            }
            return;
        }
        Set<String> enabled;
        try {
            enabled = engine.execute(new EnableCommand("UTF8=ACCEPT"));
        } catch (Imap4CommandException e) {
            if (only) {
                throw new Imap4CommandException("ENABLE UTF8=ACCEPT on a UTF8=ONLY server (RFC 6855 §6, it has"
                        + " no modified UTF-7 mode)", engine.lastTagged());
            }
            return;
        }
        engine.utf8Accept(only || EnableCommand.enablesUtf8(enabled));
    }
}
