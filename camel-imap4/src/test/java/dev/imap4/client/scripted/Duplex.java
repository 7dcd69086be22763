package dev.imap4.client.scripted;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The two directions of an in-memory connection between a client and a {@link TranscriptPlayer}
 * on its own thread. Writes never block. A read blocks until data comes, the writer closes, or the
 * read can never be answered: when the player waits for the client while the client waits for the
 * player (or the test has declared the client finished), the player's read fails at once with a
 * {@link Stalemate} instead of hanging until the timeout.
 */
final class Duplex {

    /** A player read that no client byte can ever answer. */
    static final class Stalemate extends SocketTimeoutException {
        Stalemate(String message) {
            super(message);
        }
    }

    private final Object lock = new Object();
    private final Pipe toServer = new Pipe();
    private final Pipe toClient = new Pipe();
    private final long timeoutNanos;
    private boolean clientReading;
    private boolean clientFinished;

    Duplex(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    /** The player's ends: it reads what the client wrote and writes what the client reads. */
    TranscriptPlayer.Streams serverStreams() {
        return new TranscriptPlayer.Streams(toServer.in(true), toClient.out());
    }

    InputStream clientInput() {
        return toClient.in(false);
    }

    OutputStream clientOutput() {
        return toServer.out();
    }

    /** The client closed the connection: the player reads end of stream. */
    void clientClosed() {
        synchronized (lock) {
            toServer.writerClosed = true;
            lock.notifyAll();
        }
    }

    /** The player closed the connection: the client reads end of stream, its writes fail. */
    void serverClosed() {
        synchronized (lock) {
            toClient.writerClosed = true;
            toServer.readerClosed = true;
            lock.notifyAll();
        }
    }

    /** The test will send nothing more: a player waiting for a client line fails now. */
    void clientFinished() {
        synchronized (lock) {
            clientFinished = true;
            lock.notifyAll();
        }
    }

    /** Whether bytes the player wrote are still unread by the client. */
    boolean clientHasUnread() {
        synchronized (lock) {
            return toClient.size() > 0;
        }
    }

    /** One direction: a growable byte buffer guarded by the duplex's lock. */
    private final class Pipe {
        private byte[] buf = new byte[256];
        private int start;
        private int end;
        private boolean writerClosed;
        private boolean readerClosed;

        int size() {
            return end - start;
        }

        OutputStream out() {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    synchronized (lock) {
                        if (readerClosed || writerClosed) {
                            throw new IOException("connection closed");
                        }
                        if (end + len > buf.length) {
                            byte[] grown = new byte[Math.max(buf.length * 2, size() + len)];
                            System.arraycopy(buf, start, grown, 0, size());
                            end = size();
                            start = 0;
                            buf = grown;
                        }
                        System.arraycopy(b, off, buf, end, len);
                        end += len;
                        lock.notifyAll();
                    }
                }

                @Override
                public void close() {
                    synchronized (lock) {
                        writerClosed = true;
                        lock.notifyAll();
                    }
                }
            };
        }

        InputStream in(boolean player) {
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (len == 0) {
                        return 0;
                    }
                    synchronized (lock) {
                        long deadline = System.nanoTime() + timeoutNanos;
                        while (size() == 0 && !writerClosed) {
                            if (player && clientFinished) {
                                throw new Stalemate("the client never sent it");
                            }
                            if (player && clientReading && !toClient.writerClosed && toClient.size() == 0) {
                                throw new Stalemate("the client waits for the server, but the transcript expects it to"
                                        + " send this line first");
                            }
                            long left = deadline - System.nanoTime();
                            if (left <= 0) {
                                throw new SocketTimeoutException("read timed out");
                            }
                            if (!player) {
                                clientReading = true;
                                lock.notifyAll();
                            }
                            try {
                                lock.wait(Math.max(1, left / 1_000_000));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new InterruptedIOException("interrupted while reading");
                            } finally {
                                if (!player) {
                                    clientReading = false;
                                }
                            }
                        }
                        if (size() == 0) {
                            return -1;
                        }
                        int n = Math.min(len, size());
                        System.arraycopy(buf, start, b, off, n);
                        start += n;
                        return n;
                    }
                }

                @Override
                public int available() {
                    synchronized (lock) {
                        return size();
                    }
                }
            };
        }
    }
}
