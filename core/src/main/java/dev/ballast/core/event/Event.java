package dev.ballast.core.event;

/**
 * Something that happened at a venue, as the engine sees it. Connectors turn their venue's messages into
 * events on their own threads and offer them to the engine's inbox; only the engine thread applies them.
 * {@code timestampNs} is the venue's event time (epoch nanoseconds) where the venue gives one.
 */
public sealed interface Event
        permits BookSnapshot, BookDelta, PublicTrade, OrderAccepted, OrderRejected, OrderCancelled,
                CancelRejected, OrderFilled, VenueStatus {
    long timestampNs();
}
