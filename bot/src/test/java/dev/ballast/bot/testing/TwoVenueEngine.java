package dev.ballast.bot.testing;

import dev.ballast.bot.engine.AssetSettings;
import dev.ballast.bot.engine.BrainSettings;
import dev.ballast.bot.engine.Engine;
import dev.ballast.bot.engine.EngineSettings;
import dev.ballast.bot.engine.OrderManager;
import dev.ballast.bot.inventory.InventoryAggregator;
import dev.ballast.bot.inventory.InventoryTarget;
import dev.ballast.bot.risk.RiskLimits;
import dev.ballast.connectors.Venue;
import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderIdGenerator;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Liquidity;
import dev.ballast.core.Order;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueId;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.inbox.Inbox;
import dev.ballast.core.time.ManualClock;
import dev.ballast.strategies.quoting.LinearSkewQuoteModel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An engine on two {@link ScriptedVenue}s (sim-a, sim-b) trading BTC/USDT (tick 0.01, lot 0.001, min notional 5),
 * each venue holding {@code btcPerVenue} BTC and 50 000 USDT, target 1 BTC, quoted by a linear model; time moves by
 * hand on a {@link ManualClock}, the test answers for the venues. For the risk and shutdown tests.
 */
public final class TwoVenueEngine {
    public static final Asset BTC = Asset.of("BTC");
    public static final Asset USDT = Asset.of("USDT");

    public final ManualClock clock = new ManualClock(1_700_000_000_000_000_000L);
    public final Inbox<Event> inbox = new Inbox<>(4096);
    public final Instrument btcA = instrument("sim-a");
    public final Instrument btcB = instrument("sim-b");
    public final ScriptedVenue a;
    public final ScriptedVenue b;
    public final Engine engine;
    private long seq;
    private long trades;

    /** 0.5 BTC on each venue; quotes of 0.01 BTC 10 bps wide, skewed 100 bps per BTC of drift; maxPosition 0.3. */
    public TwoVenueEngine(RiskLimits limits) {
        this(limits, new LinearSkewQuoteModel(0.01, 10, 100), 0.3, "0.5");
    }

    /** Started, with {@code limits}; nothing quoted until books arrive. */
    public TwoVenueEngine(RiskLimits limits, LinearSkewQuoteModel model, double maxPosition, String btcPerVenue) {
        a = new ScriptedVenue(VenueId.of("sim-a"), List.of(btcA)).balance("BTC", btcPerVenue).balance("USDT", "50000");
        b = new ScriptedVenue(VenueId.of("sim-b"), List.of(btcB)).balance("BTC", btcPerVenue).balance("USDT", "50000");
        Map<VenueId, Venue> venues = new LinkedHashMap<>();
        venues.put(a.id(), a);
        venues.put(b.id(), b);
        InventoryAggregator inventory = new InventoryAggregator(USDT, Map.of(BTC,
                new InventoryTarget(new BigDecimal("1.0"), new BigDecimal("0.005"), BigDecimal.valueOf(maxPosition))));
        OrderManager orders = new OrderManager(clock, new ClientOrderIdGenerator("t", 1), venues);
        engine = new Engine(clock, inbox, venues, orders, inventory, List.of(btcA, btcB),
                Map.of(BTC, new AssetSettings(BTC, model, maxPosition)),
                new EngineSettings(Duration.ofMillis(100).toNanos(), 0.0, Duration.ofSeconds(5).toNanos(), 1000),
                BrainSettings.defaults(), i -> new OrderBook(i, SequenceRule.SEQUENTIAL));
        engine.riskLimits(limits);
        engine.start();
    }

    private static Instrument instrument(String venue) {
        return new Instrument(InstrumentId.of(venue, "BTCUSDT"), BTC, USDT, new BigDecimal("0.01"),
                new BigDecimal("0.001"), new BigDecimal("5"));
    }

    /** Books on both venues around {@code mid}, then a step. */
    public void books(double mid) {
        book(btcA, mid);
        book(btcB, mid);
        step();
    }

    /** Queues a one-level book (2 bps either side of {@code mid}, 1 BTC a side) for one instrument. */
    public void book(Instrument i, double mid) {
        long bid = i.roundToTicks(mid * (1 - 0.0002), Side.BUY);
        long ask = i.roundToTicks(mid * (1 + 0.0002), Side.SELL);
        inbox.offer(new BookSnapshot(i.id(), ++seq, new long[] {bid}, new long[] {1000}, 1,
                new long[] {ask}, new long[] {1000}, 1, clock.nowNs()));
    }

    /** 150 ms later, one round of engine work. */
    public void step() {
        clock.advance(Duration.ofMillis(150));
        engine.doWork();
    }

    /** Acknowledges every order placed so far on both venues, then a step. */
    public void acceptAll() {
        for (ScriptedVenue v : List.of(a, b)) {
            for (OrderRequest r : v.placed) {
                inbox.offer(new OrderAccepted(r.instrument(), r.clientOrderId(), new VenueOrderId("v-" + r.clientOrderId()),
                        clock.nowNs()));
            }
        }
        step();
    }

    /** Confirms every cancel the engine asked for, then a step. */
    public void confirmCancels() {
        for (Order o : List.copyOf(engine.orders().liveOrders())) {
            if (o.cancelRequested()) {
                inbox.offer(new OrderCancelled(o.instrumentId(), o.clientOrderId(), "cancelled", clock.nowNs()));
            }
        }
        step();
    }

    /** Queues a fill of {@code size} of our order {@code o} at its price. */
    public void fill(Order o, BigDecimal size) {
        inbox.offer(new OrderFilled(new Fill(o.instrument().id(), o.clientOrderId(), new VenueOrderId("v-" + o.clientOrderId()),
                new TradeId("tr-" + ++trades), o.side(), o.price(), size, BigDecimal.ZERO, USDT, Liquidity.MAKER,
                clock.nowNs())));
    }

    /** Orders placed so far on both venues. */
    public int placedCount() {
        return a.placed.size() + b.placed.size();
    }
}
