package dev.imap4.client.internal.engine;

import dev.imap4.client.StatusResponse;

/**
 * What the engine knows of an untagged response before a command reads the rest of it.
 *
 * @param name   the response name in upper case
 * @param number the leading number (EXISTS, EXPUNGE, FETCH, RECENT), otherwise -1
 * @param status the parsed status response for OK/NO/BAD/BYE/PREAUTH, otherwise null
 */
public record Untagged(String name, long number, StatusResponse status) {
    public boolean is(String n) {
        return name.equals(n);
    }
}
