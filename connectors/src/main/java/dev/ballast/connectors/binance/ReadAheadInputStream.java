package dev.ballast.connectors.binance;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * An input stream that reads its source ahead on a thread of its own, so that the source's work (gunzip,
 * file reads) runs alongside the reader's (parsing) instead of before it. The pump thread fills a few
 * fixed chunks, hands them over in order and gets them back once read; nothing is allocated per chunk but a
 * small holder. A failure of the source is thrown by the {@code read} that reaches it.
 *
 * <p>Threads: one reader thread calls {@code read} and {@code close}; the pump thread only reads the source
 * (and closes it when it ends). {@link #close()} stops the pump and waits for it.
 */
final class ReadAheadInputStream extends InputStream {
    static final int CHUNK_BYTES = 1 << 18;
    private static final int CHUNKS = 4;
    private static final long CLOSE_WAIT_MS = 5_000;

    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread pump;
    private volatile boolean closed;

    private Chunk current;
    private int position;
    private boolean ended;

    /** A chunk of the source's bytes; or its end ({@code bytes == null}), with the failure that ended it if any. */
    private record Chunk(byte[] bytes, int length, Throwable failure) {
    }

    /** Starts reading {@code source} ahead; {@code name} names the pump thread. */
    ReadAheadInputStream(InputStream source, String name) {
        Objects.requireNonNull(source, "source");
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new byte[CHUNK_BYTES]);
        }
        pump = new Thread(() -> pump(source), "read-ahead " + name);
        pump.setDaemon(true);
        pump.start();
    }

    private void pump(InputStream source) {
        Throwable failure = null;
        try (source) {
            while (!closed) {
                byte[] chunk = free.take();
                int n = source.readNBytes(chunk, 0, chunk.length);
                if (n > 0) {
                    filled.put(new Chunk(chunk, n, null));
                }
                if (n < chunk.length) {
                    break;
                }
            }
        } catch (InterruptedException | InterruptedIOException e) {
            return; // closed: nobody reads any more
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
        if (!closed) {
            // room is guaranteed: at most CHUNKS chunks are in flight and the queue holds one more
            filled.add(new Chunk(null, 0, failure));
        }
    }

    @Override
    public int read() throws IOException {
        if (!available0()) {
            return -1;
        }
        return current.bytes[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!available0()) {
            return -1;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current.bytes, position, b, off, n);
        position += n;
        return n;
    }

    /** True when {@link #current} has bytes left to read, taking the next chunk if needed; false at the end. */
    private boolean available0() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (current != null && position < current.length) {
            return true;
        }
        if (ended) {
            return false;
        }
        if (current != null) {
            free.add(current.bytes);
            current = null;
        }
        Chunk next;
        try {
            next = filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the read-ahead");
        }
        if (next.bytes == null) {
            ended = true;
            if (next.failure != null) {
                throw new IOException("reading ahead failed: " + next.failure.getMessage(), next.failure);
            }
            return false;
        }
        current = next;
        position = 0;
        return true;
    }

    /** Stops the pump (which closes the source) and waits for it. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        pump.interrupt();
        try {
            pump.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (pump.isAlive()) {
            throw new IOException(pump.getName() + " did not stop within " + CLOSE_WAIT_MS + " ms");
        }
    }

    /** True while the pump thread runs; for tests. */
    boolean pumpAlive() {
        return pump.isAlive();
    }

    /** Waits (at most {@code timeoutMs}) for the pump to end by itself; for tests. */
    boolean awaitPumpEnd(long timeoutMs) throws InterruptedException {
        pump.join(timeoutMs);
        return !pump.isAlive();
    }
}
