package dev.ballast.core.inbox;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * A bounded queue with many producers and one consumer: how connector threads hand events to the
 * engine thread. {@link #offer} is lock-free and safe from any thread; {@link #drain} must only be called
 * by the one consumer thread. Nothing is allocated per message.
 *
 * <p>Implementation notes: a ring of slots, each with a sequence number (Vyukov's bounded queue, with the
 * consumer side simplified for a single consumer). A producer claims a position with a CAS on the tail,
 * writes the element, then publishes it by setting the slot's sequence to position + 1. The consumer reads
 * a slot only once its sequence says it was published, clears it, and frees it for the producer one lap
 * later by setting its sequence to position + capacity. A full queue makes {@code offer} return false:
 * the producer decides what that means (market data: count it and resync; commands: back-pressure).
 */
public final class Inbox<E> {
    private final int capacity;
    private final int mask;
    private final AtomicReferenceArray<E> slots;
    private final AtomicLongArray sequences;
    private final AtomicLong tail = new AtomicLong();
    private long head; // consumer-owned
    private final AtomicLong rejected = new AtomicLong();

    /** @param capacity the number of slots, rounded up to a power of two, at least 2 */
    public Inbox(int capacity) {
        if (capacity < 2 || capacity > (1 << 30)) {
            throw new IllegalArgumentException("capacity must be in [2, 2^30] (was " + capacity + ")");
        }
        this.capacity = Integer.highestOneBit(capacity - 1) << 1;
        this.mask = this.capacity - 1;
        this.slots = new AtomicReferenceArray<>(this.capacity);
        this.sequences = new AtomicLongArray(this.capacity);
        for (int i = 0; i < this.capacity; i++) {
            sequences.set(i, i);
        }
    }

    /**
     * Adds an element if there is room. Safe from any thread.
     *
     * @return false when the inbox is full (the element was not added; counted in {@link #rejectedCount})
     */
    public boolean offer(E element) {
        if (element == null) {
            throw new NullPointerException("element");
        }
        while (true) {
            long pos = tail.get();
            int index = (int) (pos & mask);
            long seq = sequences.get(index);
            long diff = seq - pos;
            if (diff == 0) {
                if (tail.compareAndSet(pos, pos + 1)) {
                    slots.lazySet(index, element);
                    sequences.set(index, pos + 1); // publish (volatile write orders the element before it)
                    return true;
                }
            } else if (diff < 0) {
                rejected.incrementAndGet();
                return false; // the consumer has not freed this slot yet: full
            }
            // else another producer took this position: retry with a fresh tail
            Thread.onSpinWait();
        }
    }

    /**
     * Hands up to {@code limit} published elements, in order, to {@code consumer}. Consumer thread only.
     *
     * @return how many elements were drained
     */
    public int drain(Consumer<? super E> consumer, int limit) {
        int n = 0;
        while (n < limit) {
            int index = (int) (head & mask);
            if (sequences.get(index) != head + 1) {
                break; // not yet published
            }
            E e = slots.get(index);
            slots.lazySet(index, null);
            sequences.set(index, head + capacity);
            head++;
            n++;
            consumer.accept(e);
        }
        return n;
    }

    /** Removes and returns the next element, or null when empty. Consumer thread only. */
    public E poll() {
        int index = (int) (head & mask);
        if (sequences.get(index) != head + 1) {
            return null;
        }
        E e = slots.get(index);
        slots.lazySet(index, null);
        sequences.set(index, head + capacity);
        head++;
        return e;
    }

    /** An estimate of the number of queued elements (exact when no producer is mid-offer). */
    public int size() {
        long s = tail.get() - head;
        return (int) Math.max(0, Math.min(s, capacity));
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    public int capacity() {
        return capacity;
    }

    /** How many offers found the inbox full. */
    public long rejectedCount() {
        return rejected.get();
    }
}
