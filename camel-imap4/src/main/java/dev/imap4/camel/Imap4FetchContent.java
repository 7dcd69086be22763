package dev.imap4.camel;

/** How much of each message the consumer fetches. */
public enum Imap4FetchContent {
    /** The whole RFC 5322 message (BODY.PEEK[]) as the body. */
    FULL,
    /** Only the header section (BODY.PEEK[HEADER]) as the body. */
    HEADERS,
    /** No content: ENVELOPE and BODYSTRUCTURE only, in headers; the body is the BodyStructure. */
    ENVELOPE,
    /**
     * BODYSTRUCTURE and the header (BODY.PEEK[HEADER]) first, then only the sections that mapAttachments
     * and textBody select (BINARY.PEEK[n] when the server offers BINARY, else BODY.PEEK[n]); the body
     * is the text when textBody asks for it, else the BodyStructure.
     */
    PARTS
}
