package dev.ballast.connectors.sim;

import dev.ballast.core.Asset;
import dev.ballast.core.VenueId;
import dev.ballast.core.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The simulated world that {@link SimulatedVenue}s share: one price per asset, in the quote asset, following a
 * seeded random walk stepped every {@code stepMs} of simulated time — and the driver that moves the whole simulation
 * (prices, every venue's dislocations and books, anonymous takers, our commands) through time.
 *
 * <pre>{@code
 * SimulatedMarket market = new SimulatedMarket(marketConfig, clock);
 * SimulatedVenue a = market.addVenue(venueConfigA);   // wiring time, before the first doWork()
 * SimulatedVenue b = market.addVenue(venueConfigB);
 * // one thread, repeatedly:
 * int work = market.doWork();                          // catches up to clock.nowNs()
 * }</pre>
 *
 * <p>Time: the simulation never reads the wall clock; it reads the {@link Clock} it was given and starts at the
 * clock's time at construction. {@link #doWork()} handles everything due up to {@code clock.nowNs()} in time
 * order: price steps at start + k·stepMs, commands at their arrival times, anonymous takers at their Poisson arrival
 * times; at equal times a price step comes first, then commands (venues in the order added), then takers (venues in
 * order, markets in configured order). Every random process draws from its own stream seeded by the market seed and
 * the process's name, so the same seed, the same commands and the same clock give the same events — and how often
 * {@code doWork()} is called does not change them, as long as a command is sent before the clock passes its
 * arrival time.
 *
 * <p>Threading: not thread-safe. {@link #addVenue} at wiring time, then {@link #doWork()} and the venues' state are
 * owned by one driving thread (asserted); other threads reach the venues only through their {@code Venue} methods,
 * which enqueue. In paper mode that thread runs {@code doWork()} against the system clock; in tests the test thread
 * moves a {@code ManualClock} and calls {@code doWork()}.
 */
public final class SimulatedMarket {
    private final SimulatedMarketConfig config;
    private final Clock clock;
    private final long stepNs;
    private final Map<Asset, AssetPrice> prices = new TreeMap<>();
    private final List<SimulatedVenue> venues = new ArrayList<>();
    private long nowNs;
    private long nextStepNs;
    private Thread owner;

    /** One asset's shared price and the walk that moves it. */
    private static final class AssetPrice {
        final SimulatedAssetSpec spec;
        final RandomStream random;
        final double sigmaPerStep;
        double price;

        AssetPrice(SimulatedAssetSpec spec, RandomStream random, double stepMs) {
            this.spec = spec;
            this.random = random;
            this.sigmaPerStep = spec.volatilityBpsPerSqrtSec() / 10_000 * Math.sqrt(stepMs / 1_000);
            this.price = spec.startPrice();
        }

        void step() {
            price = spec.walk().step(price, spec.startPrice(), sigmaPerStep, random.nextGaussian());
        }
    }

    public SimulatedMarket(SimulatedMarketConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stepNs = Math.multiplyExact(config.stepMs(), 1_000_000L);
        this.nowNs = clock.nowNs();
        this.nextStepNs = nowNs + stepNs;
        config.assets().forEach((asset, spec) ->
                prices.put(asset, new AssetPrice(spec, new RandomStream(config.seed(), "price:" + asset),
                        config.stepMs())));
    }

    /**
     * Adds a venue trading on this market. Wiring time only: before the first {@link #doWork()}.
     *
     * @throws IllegalArgumentException if the venue id is taken or one of its markets trades an asset this market
     *                                  does not price
     * @throws IllegalStateException    after the first {@code doWork()}
     */
    public SimulatedVenue addVenue(SimulatedVenueConfig venueConfig) {
        Objects.requireNonNull(venueConfig, "venueConfig");
        if (owner != null) {
            throw new IllegalStateException("venues must be added before the first doWork()");
        }
        for (SimulatedVenue v : venues) {
            if (v.id().equals(venueConfig.id())) {
                throw new IllegalArgumentException("venue " + venueConfig.id() + " added twice");
            }
        }
        SimulatedVenue venue = new SimulatedVenue(venueConfig, this, clock, config.seed(), config.stepMs(), nowNs);
        venues.add(venue);
        return venue;
    }

    /**
     * Moves the simulation to {@code clock.nowNs()}, handling everything due on the way in time order. A clock that
     * moved backwards is ignored until it passes the simulation again.
     *
     * @return the number of price steps, commands and anonymous takers handled
     */
    public int doWork() {
        if (owner == null) {
            owner = Thread.currentThread(); // from here on, no more venues
        }
        assert owner == Thread.currentThread()
                : "doWork() called from " + Thread.currentThread() + ", owned by " + owner;
        long target = Math.max(clock.nowNs(), nowNs);
        for (SimulatedVenue venue : venues) {
            venue.drainCommands(nowNs);
        }
        int work = 0;
        while (true) {
            long next = nextStepNs;
            SimulatedVenue commandVenue = null;
            SimulatedVenue takerVenue = null;
            SimBook takerBook = null;
            for (SimulatedVenue venue : venues) {
                long t = venue.nextCommandNs();
                if (t < next) {
                    next = t;
                    commandVenue = venue;
                }
            }
            for (SimulatedVenue venue : venues) {
                for (SimBook book : venue.books()) {
                    long t = book.nextTakerNs();
                    if (t < next) {
                        next = t;
                        commandVenue = null;
                        takerVenue = venue;
                        takerBook = book;
                    }
                }
            }
            if (next > target) {
                break;
            }
            nowNs = next;
            if (takerBook != null) {
                takerVenue.runTaker(takerBook, next);
            } else if (commandVenue != null) {
                commandVenue.runNextCommand(next);
            } else {
                step(next);
            }
            work++;
        }
        nowNs = target;
        return work;
    }

    private void step(long atNs) {
        prices.values().forEach(AssetPrice::step);
        nextStepNs = atNs + stepNs;
        for (SimulatedVenue venue : venues) {
            venue.onPriceStep(atNs);
        }
    }

    /** The shared price of an asset in the quote asset (1 for the quote asset itself). Driving thread only. */
    public double sharedPrice(Asset asset) {
        if (asset.equals(config.quoteAsset())) {
            return 1.0;
        }
        AssetPrice p = prices.get(asset);
        if (p == null) {
            throw new IllegalArgumentException("asset " + asset + " has no simulated price");
        }
        return p.price;
    }

    /** The simulated time reached by the last {@link #doWork()}. Driving thread only. */
    public long nowNs() {
        return nowNs;
    }

    public SimulatedMarketConfig config() {
        return config;
    }

    /** The venues added, in order. */
    public List<SimulatedVenue> venues() {
        return Collections.unmodifiableList(venues);
    }

    /** The venue with this id, or null. */
    public SimulatedVenue venue(VenueId id) {
        for (SimulatedVenue venue : venues) {
            if (venue.id().equals(id)) {
                return venue;
            }
        }
        return null;
    }

    Asset quoteAsset() {
        return config.quoteAsset();
    }

    boolean isPriced(Asset asset) {
        return asset.equals(config.quoteAsset()) || prices.containsKey(asset);
    }
}
