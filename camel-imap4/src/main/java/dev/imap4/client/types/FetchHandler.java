package dev.imap4.client.types;

/** Receives each fetched message. */
@FunctionalInterface
public interface FetchHandler {
    void onMessage(FetchResponse message) throws Exception;
}
