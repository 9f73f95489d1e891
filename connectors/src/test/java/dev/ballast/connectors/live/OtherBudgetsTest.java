package dev.ballast.connectors.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kraken's decaying counter, OKX's per-endpoint limits and their composition, by hand-driven time. */
class OtherBudgetsTest {
    private static final long T0 = 1_700_000_000L * 1_000_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final Endpoint BALANCE = Endpoint.read("POST /0/private/Balance", RequestKind.ACCOUNT, 1);
    private static final Endpoint LEDGERS = Endpoint.read("POST /0/private/Ledgers", RequestKind.ACCOUNT, 2);
    private static final Endpoint OKX_ORDER = Endpoint.write("POST /api/v5/trade/order", RequestKind.ORDER, 1);
    private static final Endpoint OKX_BALANCE = Endpoint.read("GET /api/v5/account/balance", RequestKind.ACCOUNT, 1);
    private static final Endpoint OKX_TICKER = Endpoint.read("GET /api/v5/market/ticker", RequestKind.MARKET_DATA, 1);

    @Test
    void shouldGrantUntilTheCounterIsFullThenWaitForItsDecay() {
        DecayingCounterBudget kraken = new DecayingCounterBudget(15, 0.5);
        for (int i = 0; i < 15; i++) {
            assertThat(kraken.tryAcquire(BALANCE, T0)).isZero();
        }

        assertThat(kraken.tryAcquire(BALANCE, T0)).isEqualTo(2 * SECOND);
        assertThat(kraken.tryAcquire(LEDGERS, T0 + SECOND)).as("costs 2, 0.5 decayed").isEqualTo(3 * SECOND);
        assertThat(kraken.tryAcquire(BALANCE, T0 + 2 * SECOND)).isZero();
        assertThat(kraken.counter(T0 + 2 * SECOND)).isEqualTo(15.0);
        assertThat(kraken.counter(T0 + 1_000 * SECOND)).as("never below zero").isZero();
    }

    @Test
    void shouldFillTheCounterWhenKrakenSaysTheLimitIsExceeded() {
        DecayingCounterBudget kraken = new DecayingCounterBudget(20, 0.5);
        kraken.tryAcquire(BALANCE, T0);

        kraken.onThrottled(0, T0);

        assertThat(kraken.counter(T0)).isEqualTo(20.0);
        assertThat(kraken.tryAcquire(BALANCE, T0)).isEqualTo(2 * SECOND);
    }

    @Test
    void shouldRefundACallTheCounterTook() {
        DecayingCounterBudget kraken = new DecayingCounterBudget(15, 0.33);
        kraken.tryAcquire(LEDGERS, T0);

        kraken.refund(LEDGERS, T0);

        assertThat(kraken.counter(T0)).isZero();
        assertThatThrownBy(() -> new DecayingCounterBudget(15, 0)).hasMessage(
                "kraken.decayPerSecond must be > 0 (was 0.0)");
    }

    @Test
    void shouldLimitEachOkxEndpointOnItsOwnSlidingWindow() {
        PerEndpointBudget okx = new PerEndpointBudget(Map.of(
                OKX_ORDER.name(), new PerEndpointBudget.Limit(3, Duration.ofSeconds(2)),
                OKX_BALANCE.name(), new PerEndpointBudget.Limit(1, Duration.ofSeconds(2))), null);

        assertThat(okx.tryAcquire(OKX_ORDER, T0)).isZero();
        assertThat(okx.tryAcquire(OKX_ORDER, T0 + SECOND)).isZero();
        assertThat(okx.tryAcquire(OKX_ORDER, T0 + SECOND + 1)).isZero();
        assertThat(okx.tryAcquire(OKX_BALANCE, T0 + SECOND)).as("another endpoint, another limit").isZero();

        assertThat(okx.tryAcquire(OKX_ORDER, T0 + SECOND + 2)).isEqualTo(SECOND - 2);
        assertThat(okx.tryAcquire(OKX_ORDER, T0 + 2 * SECOND)).as("the first grant slid out").isZero();
        assertThat(okx.tryAcquire(OKX_ORDER, T0 + 2 * SECOND)).as("no edge burst: the next two are still in")
                .isEqualTo(SECOND);
        assertThat(okx.tryAcquire(OKX_TICKER, T0)).as("no limit, no default: free").isZero();
    }

    @Test
    void shouldGiveUnlistedEndpointsTheDefaultLimitEach() {
        PerEndpointBudget okx = new PerEndpointBudget(Map.of(), new PerEndpointBudget.Limit(1, Duration.ofSeconds(2)));

        assertThat(okx.tryAcquire(OKX_TICKER, T0)).isZero();
        assertThat(okx.tryAcquire(OKX_BALANCE, T0)).isZero();
        assertThat(okx.tryAcquire(OKX_TICKER, T0)).isEqualTo(2 * SECOND);
        okx.refund(OKX_TICKER, T0);
        assertThat(okx.tryAcquire(OKX_TICKER, T0)).isZero();
    }

    @Test
    void shouldGrantOnlyWhenEveryPartGrantsAndTakeNothingFromTheOthersWhenOneRefuses() {
        WindowBudget accountWide = WindowBudget.of(
                WindowBudget.Window.orders("orders-2s", Duration.ofSeconds(2), 10, null));
        PerEndpointBudget perEndpoint = new PerEndpointBudget(Map.of(
                OKX_ORDER.name(), new PerEndpointBudget.Limit(1, Duration.ofSeconds(2))), null);
        CompositeBudget budget = CompositeBudget.of(accountWide, perEndpoint);

        assertThat(budget.tryAcquire(OKX_ORDER, T0)).isZero();
        long waitNs = budget.tryAcquire(OKX_ORDER, T0 + 1);

        assertThat(waitNs).isEqualTo(2 * SECOND - 1);
        assertThat(accountWide.used("orders-2s", T0 + 1)).as("refunded by the composite").isEqualTo(1);
    }

    @Test
    void shouldPassThrottlesToEveryPart() {
        WindowBudget a = WindowBudget.of(WindowBudget.Window.calls("calls", Duration.ofSeconds(1), 100));
        DecayingCounterBudget b = new DecayingCounterBudget(15, 0.5);
        CompositeBudget budget = CompositeBudget.of(a, b);

        budget.onThrottled(5 * SECOND, T0);

        assertThat(a.tryAcquire(OKX_TICKER, T0 + SECOND)).isEqualTo(4 * SECOND);
        assertThat(b.tryAcquire(BALANCE, T0 + SECOND)).isEqualTo(4 * SECOND);
    }
}
