package dev.ballast.connectors.marketdata;

import dev.ballast.core.event.Event;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Several sources replayed on one clock: a k-way merge by exchange time, so spot and a perpetual (or a
 * Tardis book and its trades) interleave as they happened. Stable: of events with equal times, the one from
 * the source listed first comes first, and each source's own order is kept. Each source's events keep
 * their contract (in sync, in time order), so the merge's do too, provided each instrument's book events come
 * from one source only (a Tardis trades file may share its instrument with the book file).
 *
 * <p>The merge owns its sources: {@link #close()} closes them all. Not thread-safe: owned by the thread that
 * runs the replay.
 */
public final class MergedSource implements MarketDataSource {
    private final MarketDataSource[] sources;
    private final List<InstrumentFeed> instruments;
    private final String description;
    private Event lookahead;
    private int lookaheadSource = -1;
    private boolean closed;

    /** @throws IllegalArgumentException if {@code sources} is empty */
    public MergedSource(List<? extends MarketDataSource> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a merge needs at least one source");
        }
        this.sources = sources.stream().map(s -> Objects.requireNonNull(s, "source"))
                .toArray(MarketDataSource[]::new);
        LinkedHashSet<InstrumentFeed> feeds = new LinkedHashSet<>();
        for (MarketDataSource source : this.sources) {
            feeds.addAll(source.instruments());
        }
        this.instruments = List.copyOf(feeds);
        this.description = sources.stream().map(MarketDataSource::describe)
                .collect(Collectors.joining(" + ", "merged[", "]"));
    }

    @Override
    public Event next() {
        Event event = peek();
        if (event != null) {
            sources[lookaheadSource].next();
            lookahead = null;
            lookaheadSource = -1;
        }
        return event;
    }

    @Override
    public Event peek() {
        if (lookahead != null || closed) {
            return lookahead;
        }
        Event earliest = null;
        int from = -1;
        for (int i = 0; i < sources.length; i++) {
            Event head = sources[i].peek();
            if (head != null && (earliest == null || head.timestampNs() < earliest.timestampNs())) {
                earliest = head;
                from = i;
            }
        }
        lookahead = earliest;
        lookaheadSource = from;
        return earliest;
    }

    @Override
    public List<InstrumentFeed> instruments() {
        return instruments;
    }

    @Override
    public long malformedCount() {
        long sum = 0;
        for (MarketDataSource source : sources) {
            sum += source.malformedCount();
        }
        return sum;
    }

    @Override
    public long gapCount() {
        long sum = 0;
        for (MarketDataSource source : sources) {
            sum += source.gapCount();
        }
        return sum;
    }

    /** The mean of the sources' progress; NaN if any cannot tell. */
    @Override
    public double progress() {
        double sum = 0;
        for (MarketDataSource source : sources) {
            sum += source.progress();
        }
        return sum / sources.length;
    }

    @Override
    public String describe() {
        return description;
    }

    /** The merged sources, in merge (tie-break) order. */
    public List<MarketDataSource> sources() {
        return List.of(sources);
    }

    /** Closes every source, even if one fails; the first failure is thrown with the others suppressed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        lookahead = null;
        List<RuntimeException> failures = new ArrayList<>();
        for (MarketDataSource source : sources) {
            try {
                source.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
