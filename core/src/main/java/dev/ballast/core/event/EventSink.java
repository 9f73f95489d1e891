package dev.ballast.core.event;

/** Where a venue delivers its events: in the running bot, the engine's inbox. Safe from any thread. */
@FunctionalInterface
public interface EventSink {
    /** @return false when the event could not be queued (inbox full) */
    boolean offer(Event event);
}
