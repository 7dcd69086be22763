package dev.imap4.client.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Gives a pipe (a child process's stdout) the read timeout a socket has: a daemon thread copies the
 * pipe into a bounded buffer, and reads wait on that buffer at most the timeout, then throw
 * {@link SocketTimeoutException} as a socket would.
 */
final class TimedInputStream extends InputStream {

    private final InputStream source;
    private final byte[] ring = new byte[64 * 1024];
    private int head;
    private int count;
    private boolean eof;
    private IOException failure;
    private boolean broken;
    private volatile long timeoutMillis;

    TimedInputStream(InputStream source, Duration timeout, String threadName) {
        this.source = source;
        this.timeoutMillis = timeout.toMillis();
        Thread pump = new Thread(this::pump, threadName);
        pump.setDaemon(true);
        pump.start();
    }

    void timeout(Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
    }

    private void pump() {
        byte[] chunk = new byte[8192];
        try {
            while (true) {
                int n = source.read(chunk);
                if (n < 0) {
                    break;
                }
                put(chunk, n);
            }
        } catch (IOException e) {
            synchronized (this) {
                if (failure == null) {
                    failure = e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                eof = true;
                notifyAll();
            }
        }
    }

    private synchronized void put(byte[] chunk, int n) throws InterruptedException {
        int off = 0;
        while (off < n && !broken) {
            while (count == ring.length && !broken) {
                wait();
            }
            if (broken) {
                return;
            }
            int tail = (head + count) % ring.length;
            int len = Math.min(n - off, Math.min(ring.length - count, ring.length - tail));
            System.arraycopy(chunk, off, ring, tail, len);
            count += len;
            off += len;
            notifyAll();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        long limit = timeoutMillis;
        long deadline = System.nanoTime() + limit * 1_000_000L;
        while (count == 0 && !eof) {
            long left = limit == 0 ? 0 : (deadline - System.nanoTime()) / 1_000_000L;
            if (limit != 0 && left <= 0) {
                throw new SocketTimeoutException("no data from the child process for " + limit + " ms");
            }
            try {
                wait(Math.max(left, 0));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading from the child process");
            }
        }
        if (count == 0) {
            if (failure != null) {
                throw failure;
            }
            return -1;
        }
        int n = Math.min(len, Math.min(count, ring.length - head));
        System.arraycopy(ring, head, b, off, n);
        head = (head + n) % ring.length;
        count -= n;
        notifyAll();
        return n;
    }

    /**
     * Fails every read from now on with {@code reason}, waking one that waits; what was buffered is
     * dropped. Never blocks on the pipe.
     */
    synchronized void breakWith(IOException reason) {
        broken = true;
        failure = reason;
        eof = true;
        count = 0;
        notifyAll();
    }

    @Override
    public synchronized int available() {
        return count;
    }

    @Override
    public void close() throws IOException {
        breakWith(new IOException("the child process's output is closed"));
        source.close();
    }
}
