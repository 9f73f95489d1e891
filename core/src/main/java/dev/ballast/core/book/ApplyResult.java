package dev.ballast.core.book;

/** What became of a delta offered to an {@link OrderBook}. */
public enum ApplyResult {
    /** The delta chained on and was applied. */
    APPLIED,
    /** The delta is older than the book's state and was ignored (normal while bridging a snapshot). */
    STALE,
    /** The book has no snapshot yet (or is invalid after a gap): the delta was ignored; the caller may buffer it. */
    NOT_SYNCED,
    /** The delta does not chain on: a gap. The book is now invalid until the next snapshot. */
    GAP
}
