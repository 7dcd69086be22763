package dev.imap4.client;

/** RFC 3501 §3 connection states, named as imaplib names them. */
public enum ImapState {
    NONAUTH, AUTH, SELECTED, LOGOUT
}
