package dev.imap4.client.types;

/** A MYRIGHTS response (RFC 4314 §3.8): the rights the logged-in user has on a mailbox. */
public record MyRights(String mailbox, String rights) {
}
