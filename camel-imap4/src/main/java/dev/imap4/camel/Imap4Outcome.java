package dev.imap4.camel;

/**
 * How the route finished with one message, recorded by its exchange's completion hook (on whatever
 * thread completed it) and applied to the server later by the polling thread.
 *
 * @param uidValidity the folder's UIDVALIDITY when the message was fetched; an outcome for another
 *                    one is dropped, since its UID may name a different message now
 * @param uid         the message UID
 * @param success     whether the exchange completed without failure
 * @param moveTo      the {@link Imap4Constants#MOVE_TO} header at completion, or null
 * @param copyTo      the {@link Imap4Constants#COPY_TO} header at completion, or null
 * @param delete      the {@link Imap4Constants#DELETE} header at completion, or null
 */
record Imap4Outcome(long uidValidity, long uid, boolean success, String moveTo, String copyTo, Boolean delete) {

    static Imap4Outcome failure(long uidValidity, long uid) {
        return new Imap4Outcome(uidValidity, uid, false, null, null, null);
    }
}
