package dev.ballast.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One of our orders and what has happened to it. The price and size are exact and already on the
 * instrument's tick and lot grid; the status follows {@link OrderStatus}'s state machine and an illegal
 * move throws {@link IllegalOrderTransitionException}. Fills are applied with {@link #applyFill}; an
 * overfill is a broken invariant and throws.
 *
 * <p>Not thread-safe: owned by the engine thread.
 */
public final class Order {
    private final ClientOrderId clientOrderId;
    private final Instrument instrument;
    private final Side side;
    private final OrderType type;
    private final BigDecimal price; // null for MARKET
    private final BigDecimal size;
    private final long createdNs;

    private VenueOrderId venueOrderId;
    private OrderStatus status = OrderStatus.PENDING_NEW;
    private BigDecimal filledSize = BigDecimal.ZERO;
    private BigDecimal filledNotional = BigDecimal.ZERO;
    private boolean cancelRequested;
    private String lastReason = "";
    private long updatedNs;

    public Order(ClientOrderId clientOrderId, Instrument instrument, Side side, OrderType type,
                 BigDecimal price, BigDecimal size, long createdNs) {
        this.clientOrderId = Objects.requireNonNull(clientOrderId, "clientOrderId");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.side = Objects.requireNonNull(side, "side");
        this.type = Objects.requireNonNull(type, "type");
        this.size = Objects.requireNonNull(size, "size");
        if (size.signum() <= 0) {
            throw new IllegalArgumentException("order " + clientOrderId + ": size must be > 0 (was " + size + ")");
        }
        instrument.sizeToLots(size); // throws when off the lot grid
        if (type == OrderType.MARKET) {
            this.price = null;
        } else {
            this.price = Objects.requireNonNull(price, "price");
            if (price.signum() <= 0) {
                throw new IllegalArgumentException("order " + clientOrderId + ": price must be > 0 (was " + price + ")");
            }
            instrument.priceToTicks(price); // throws when off the tick grid
        }
        this.createdNs = createdNs;
        this.updatedNs = createdNs;
    }

    /** Moves to {@code to}; the same status again is a no-op except for PARTIALLY_FILLED and UNKNOWN. */
    public void transition(OrderStatus to, long atNs) {
        if (to == status && (to == OrderStatus.OPEN || to == OrderStatus.PENDING_NEW)) {
            return;
        }
        if (!status.canMoveTo(to)) {
            throw new IllegalOrderTransitionException(clientOrderId, status, to);
        }
        status = to;
        updatedNs = atNs;
    }

    /**
     * Applies one execution: adds to the filled size and moves to PARTIALLY_FILLED or FILLED.
     *
     * @throws IllegalStateException if the fill would take the order past its size or the order is terminal
     */
    public void applyFill(BigDecimal fillSize, BigDecimal fillPrice, long atNs) {
        BigDecimal newFilled = filledSize.add(fillSize);
        if (newFilled.compareTo(size) > 0) {
            throw new IllegalStateException("order " + clientOrderId + ": overfill " + newFilled + " > " + size);
        }
        OrderStatus to = newFilled.compareTo(size) == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        transition(to, atNs);
        filledSize = newFilled;
        filledNotional = filledNotional.add(fillSize.multiply(fillPrice));
    }

    public void markCancelRequested() {
        cancelRequested = true;
    }

    public void venueOrderId(VenueOrderId id) {
        this.venueOrderId = id;
    }

    public void lastReason(String reason) {
        this.lastReason = reason == null ? "" : reason;
    }

    public ClientOrderId clientOrderId() { return clientOrderId; }
    public Instrument instrument() { return instrument; }
    public InstrumentId instrumentId() { return instrument.id(); }
    public Side side() { return side; }
    public OrderType type() { return type; }
    /** The limit price, or null for a market order. */
    public BigDecimal price() { return price; }
    public BigDecimal size() { return size; }
    public long createdNs() { return createdNs; }
    public long updatedNs() { return updatedNs; }
    public VenueOrderId venueOrderId() { return venueOrderId; }
    public OrderStatus status() { return status; }
    public BigDecimal filledSize() { return filledSize; }
    public BigDecimal remainingSize() { return size.subtract(filledSize); }
    public boolean cancelRequested() { return cancelRequested; }
    public String lastReason() { return lastReason; }

    /** Volume-weighted average fill price, or null before the first fill. */
    public BigDecimal averageFillPrice() {
        return filledSize.signum() == 0 ? null
                : filledNotional.divide(filledSize, java.math.MathContext.DECIMAL64);
    }

    @Override
    public String toString() {
        return "Order[" + clientOrderId + " " + instrument.id() + " " + side + " " + type + " "
                + (price == null ? "MKT" : price.toPlainString()) + " x " + size.toPlainString()
                + " filled " + filledSize.toPlainString() + " " + status + "]";
    }
}
