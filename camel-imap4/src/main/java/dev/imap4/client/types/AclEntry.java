package dev.imap4.client.types;

/** One identifier and its rights in an ACL response (RFC 4314 §3.6). */
public record AclEntry(String identifier, String rights) {
}
