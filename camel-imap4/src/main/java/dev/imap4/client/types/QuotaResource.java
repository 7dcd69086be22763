package dev.imap4.client.types;

/**
 * One resource of a QUOTA response (RFC 2087 / RFC 9208): its name (e.g. {@code STORAGE} in KiB,
 * {@code MESSAGE}), usage and limit as 64-bit values.
 */
public record QuotaResource(String name, long usage, long limit) {
}
