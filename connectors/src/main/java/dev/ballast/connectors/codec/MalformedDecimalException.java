package dev.ballast.connectors.codec;

/** A decimal from a venue that is not a plain decimal on the expected grid: the message holding it is malformed. */
public final class MalformedDecimalException extends IllegalArgumentException {
    private final boolean offGrid;

    public MalformedDecimalException(String message, boolean offGrid) {
        super(message);
        this.offGrid = offGrid;
    }

    /** True when the text was a valid decimal, just not a whole number of grid steps. */
    public boolean offGrid() {
        return offGrid;
    }
}
