package dev.imap4.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The bytes of one IMAP literal: held in memory when small, spooled to a temporary file above the
 * configured threshold. {@link #close()} deletes the spool file; in-memory literals need no closing.
 * A spooled literal read from a connection is also deleted when the connection closes, unless it
 * was handed to the caller first (see docs/client.md, "Spool files").
 */
public final class Literal implements AutoCloseable {

    /**
     * Told once when a spooled literal's file stops being the literal's: deleted by
     * {@link #close()} or handed over by {@link #release()}. The connection's spool bookkeeping.
     */
    @FunctionalInterface
    public interface SpoolOwner {
        void gone(Literal literal);
    }

    private final byte[] bytes;
    private final Path file;
    private final long size;
    private final SpoolOwner owner;
    private volatile boolean released;

    private Literal(byte[] bytes, Path file, long size, SpoolOwner owner) {
        this.bytes = bytes;
        this.file = file;
        this.size = size;
        this.owner = owner;
    }

    public static Literal of(byte[] bytes) {
        return new Literal(bytes, null, bytes.length, null);
    }

    public static Literal of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A literal whose bytes live in {@code file}, which this literal owns and deletes on close. */
    public static Literal spooled(Path file, long size) {
        return new Literal(null, file, size, null);
    }

    /** A spooled literal whose {@code owner} is told when the file is deleted or handed over. */
    public static Literal spooled(Path file, long size, SpoolOwner owner) {
        return new Literal(null, file, size, owner);
    }

    /** The spool file, or null for an in-memory literal. */
    public Path file() {
        return file;
    }

    public long size() {
        return size;
    }

    public boolean isSpooled() {
        return file != null;
    }

    /**
     * Hands the spool file of a spooled literal to the caller, who then owns it and must delete it:
     * {@link #close()} no longer does. Lets a large body change hands without being copied.
     *
     * @throws IllegalStateException when the literal is held in memory
     */
    public Path release() {
        if (file == null) {
            throw new IllegalStateException("an in-memory literal has no file to release");
        }
        released = true;
        if (owner != null) {
            owner.gone(this);
        }
        return file;
    }

    /** A fresh stream over the bytes; may be called more than once. */
    public InputStream openStream() {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        try {
            return Files.newInputStream(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw gone(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spooled literal " + file, e);
        }
    }

    /** All bytes in memory; for a spooled literal this reads the file (refused above 2 GiB). */
    public byte[] bytes() {
        if (bytes != null) {
            return bytes;
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new Imap4Exception("literal of " + size + " bytes is too large for a byte array; use openStream()");
        }
        try {
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw gone(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spooled literal " + file, e);
        }
    }

    private UncheckedIOException gone(IOException e) {
        return new UncheckedIOException("spooled literal " + file + " was deleted: it was closed, dropped from the"
                + " untagged store, or its connection closed before it was handed over", e);
    }

    public String asString(Charset charset) {
        return new String(bytes(), charset);
    }

    @Override
    public void close() {
        if (file != null && !released) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file the OS will reclaim; nothing the caller can do
            }
            if (owner != null) {
                owner.gone(this);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Literal other && size == other.size && Arrays.equals(bytes(), other.bytes());
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size);
    }

    @Override
    public String toString() {
        if (bytes != null && size <= 64) {
            return "Literal{" + new String(bytes, StandardCharsets.ISO_8859_1) + "}";
        }
        return "Literal{" + size + " bytes" + (file != null ? ", spooled" : "") + "}";
    }
}
