package dev.imap4.camel;

/** How the connection is protected. */
public enum Imap4Security {
    /** Implicit TLS (IMAPS, port 993). */
    SSL,
    /** Plain port upgraded with STARTTLS; fails when the server cannot start TLS. */
    STARTTLS,
    /** No TLS at all: only for loopback or an already protected network, and only when chosen. */
    PLAIN
}
