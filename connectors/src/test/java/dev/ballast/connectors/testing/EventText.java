package dev.ballast.connectors.testing;

import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import java.util.Arrays;

/** Renders events as text with array contents (records compare arrays by identity), to compare event sequences. */
public final class EventText {
    private EventText() {
    }

    public static String render(Event e) {
        if (e instanceof BookSnapshot s) {
            return "Snapshot[" + s.instrument() + " " + s.updateId() + " bids " + side(s.bidTicks(), s.bidLots(),
                    s.bidCount()) + " asks " + side(s.askTicks(), s.askLots(), s.askCount()) + " @" + s.timestampNs() + "]";
        }
        if (e instanceof BookDelta d) {
            return "Delta[" + d.instrument() + " " + d.firstUpdateId() + ".." + d.lastUpdateId() + " bids "
                    + side(d.bidTicks(), d.bidLots(), d.bidCount()) + " asks "
                    + side(d.askTicks(), d.askLots(), d.askCount()) + " @" + d.timestampNs() + "]";
        }
        return e.toString();
    }

    private static String side(long[] ticks, long[] lots, int count) {
        return Arrays.toString(Arrays.copyOf(ticks, count)) + "x" + Arrays.toString(Arrays.copyOf(lots, count));
    }
}
