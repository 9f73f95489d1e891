package dev.ballast.connectors.paperlive;

import dev.ballast.core.TradeId;
import dev.ballast.core.Fill;
import java.util.Optional;
import dev.ballast.core.OrderReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ballast.connectors.Venue;
import dev.ballast.connectors.backtest.BacktestVenueConfig;
import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.FeeSchedule;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.VenueId;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.PublicTrade;
import dev.ballast.core.event.VenueStatus;
import dev.ballast.core.time.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaperLiveVenueTest {
    private static final Asset BTC = Asset.of("BTC");
    private static final Asset USDT = Asset.of("USDT");
    private static final VenueId LIVE = VenueId.of("binance");
    private static final Instrument BTCUSDT = new Instrument(InstrumentId.of("binance", "BTCUSDT"), BTC, USDT,
            new BigDecimal("0.01"), new BigDecimal("0.001"), new BigDecimal("5"));

    /** A live venue started without keys: it streams what the test pushes and refuses any order entry. */
    private static final class PublicFeed implements Venue {
        volatile EventSink sink;
        volatile int orderCalls;

        @Override public VenueId id() { return LIVE; }
        @Override public List<Instrument> instruments() { return List.of(BTCUSDT); }
        @Override public FeeSchedule fees(InstrumentId instrument) { throw new AssertionError("no account without keys"); }
        @Override public Map<Asset, Balance> balances() { throw new AssertionError("no account without keys"); }
        @Override public List<OpenOrder> openOrders() { throw new AssertionError("no account without keys"); }
        @Override public void start(EventSink sink) { this.sink = sink; }
        @Override public void requestSnapshot(InstrumentId instrument) { }
        @Override public void place(OrderRequest request) { orderCalls++; }
        @Override public void cancel(InstrumentId instrument, ClientOrderId clientOrderId) { orderCalls++; }
        @Override public void cancelAll() { orderCalls++; }
        @Override public Optional<OrderReport> orderStatus(InstrumentId i, ClientOrderId id) { throw new AssertionError("no account without keys"); }
        @Override public List<Fill> tradesSince(InstrumentId i, TradeId after) { throw new AssertionError("no account without keys"); }
        @Override public void close() { }
    }

    private final ManualClock clock = new ManualClock(1_790_000_000_000_000_000L);
    private final PublicFeed feed = new PublicFeed();
    private final List<Event> engine = new CopyOnWriteArrayList<>();
    private final PaperLiveVenue venue = PaperLiveVenue.of(feed,
            BacktestVenueConfig.spot(BTCUSDT, SequenceRule.SEQUENTIAL, new BigDecimal("1"), new BigDecimal("5"), 20, 20,
                    Map.of(BTC, new BigDecimal("1"), USDT, new BigDecimal("100000"))), clock, 1);

    @AfterEach
    void close() {
        venue.close();
    }

    private void startWithBook() {
        venue.start(engine::add);
        // live book: bid 60 000.00 x 2, ask 60 000.10 x 2
        feed.sink.offer(new BookSnapshot(BTCUSDT.id(), 1, new long[] {6_000_000}, new long[] {2_000}, 1,
                new long[] {6_000_010}, new long[] {2_000}, 1, clock.nowNs()));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.stream().anyMatch(e -> e instanceof BookSnapshot));
    }

    private ClientOrderId restBidAt(long ticks) {
        ClientOrderId id = new ClientOrderId("paper1");
        venue.place(new OrderRequest(id, BTCUSDT.id(), Side.BUY, OrderType.LIMIT_POST_ONLY,
                BTCUSDT.ticksToPrice(ticks), new BigDecimal("0.01")));
        clock.advance(Duration.ofMillis(25)); // past the 20 ms order latency
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.stream().anyMatch(e -> e instanceof OrderAccepted));
        return id;
    }

    @Test
    void shouldFillOurRestingBidOnlyWhenARealTradePrintsThroughItsPrice() {
        startWithBook();
        ClientOrderId bid = restBidAt(6_000_005); // inside the spread: nobody ahead of us

        feed.sink.offer(new PublicTrade(BTCUSDT.id(), 6_000_010, 500, Side.BUY, clock.nowNs())); // a buy at the ask
        feed.sink.offer(new PublicTrade(BTCUSDT.id(), 6_000_000, 500, Side.SELL, clock.nowNs())); // a sell through us
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.stream().anyMatch(e -> e instanceof OrderFilled));

        List<OrderFilled> fills = engine.stream().filter(e -> e instanceof OrderFilled).map(e -> (OrderFilled) e).toList();
        assertThat(fills).hasSize(1);
        assertThat(fills.get(0).fill().clientOrderId()).isEqualTo(bid);
        assertThat(fills.get(0).fill().price()).isEqualByComparingTo("60000.05");
        assertThat(fills.get(0).fill().size()).isEqualByComparingTo("0.01");
        assertThat(venue.balances().get(BTC).total()).isEqualByComparingTo("1.01");
        assertThat(feed.orderCalls).as("no order ever reaches the live exchange").isZero();
    }

    @Test
    void shouldKeepOurOrderRestingWhileTheMarketTradesAwayFromIt() {
        startWithBook();
        restBidAt(6_000_005);

        feed.sink.offer(new PublicTrade(BTCUSDT.id(), 6_000_010, 5_000, Side.BUY, clock.nowNs()));
        await().atMost(Duration.ofSeconds(5)).until(() -> venue.feedEvents() >= 2);
        assertThat(venue.openOrders()).singleElement()
                .satisfies(o -> assertThat(o.filledSize()).isEqualByComparingTo("0"));
        assertThat(engine).noneMatch(e -> e instanceof OrderFilled);
    }

    @Test
    void shouldPassTheLiveFeedsHealthToTheEngine() {
        startWithBook();
        feed.sink.offer(new VenueStatus(LIVE, VenueHealth.STREAM_STALE, "silent 10 s", clock.nowNs()));

        await().atMost(Duration.ofSeconds(5)).until(() -> engine.stream().anyMatch(e -> e instanceof VenueStatus));
        assertThat(engine).filteredOn(e -> e instanceof VenueStatus).singleElement()
                .satisfies(e -> assertThat(((VenueStatus) e).health()).isEqualTo(VenueHealth.STREAM_STALE));
    }

    @Test
    void shouldReportPaperBalancesWithoutAskingTheLiveVenue() {
        assertThat(venue.balances().get(USDT).total()).isEqualByComparingTo("100000");
        assertThat(venue.instruments()).containsExactly(BTCUSDT);
    }
}
