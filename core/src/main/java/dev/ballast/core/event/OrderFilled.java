package dev.ballast.core.event;

import dev.ballast.core.Fill;
import java.util.Objects;

/** One of our orders traded (fully or in part). */
public record OrderFilled(Fill fill) implements Event {
    public OrderFilled {
        Objects.requireNonNull(fill, "fill");
    }

    @Override
    public long timestampNs() {
        return fill.timestampNs();
    }
}
