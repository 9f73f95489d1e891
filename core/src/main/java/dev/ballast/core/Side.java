package dev.ballast.core;

/** The side of an order or of a book: a buy rests on the bid, a sell on the ask. */
public enum Side {
    BUY(1),
    SELL(-1);

    private final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    /** +1 for a buy (position grows), -1 for a sell. */
    public int sign() {
        return sign;
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
