package dev.imap4.client;

import java.util.List;

/**
 * An untagged response no running command claimed: delivered to the unsolicited-data listener
 * (EXISTS, EXPUNGE, FETCH flag updates, ALERT...).
 *
 * @param name   the response name in upper case (EXISTS, FETCH, OK, CAPABILITY...)
 * @param number the leading message number for numbered responses, otherwise -1
 * @param status the parsed status for OK/NO/BAD/BYE/PREAUTH, otherwise {@code null}
 * @param data   the response in imaplib's form: what follows the name (number first, for numbered
 *               ones), split at literals
 */
public record UntaggedResponse(String name, long number, StatusResponse status, List<ImapData> data) {

    /** Whether this is the response {@code n} (upper case: EXISTS, FETCH, OK...). */
    public boolean is(String n) {
        return name.equals(n);
    }
}
