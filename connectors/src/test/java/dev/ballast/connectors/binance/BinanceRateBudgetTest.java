package dev.ballast.connectors.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.connectors.live.Endpoint;
import dev.ballast.connectors.live.RequestKind;
import dev.ballast.connectors.live.RestReply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The budget of one Binance API key, with time moved by hand (epoch ns; windows align to the clock). */
class BinanceRateBudgetTest {
    /** 2021-10-12 00:28:30 UTC: 30 s into a minute, 0 s into a 10 s window. */
    private static final long T0 = 1_633_998_510_000_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final Endpoint ORDER = Endpoint.write("POST /api/v3/order", RequestKind.ORDER, 1);
    private static final Endpoint ACCOUNT = Endpoint.read("GET /api/v3/account", RequestKind.ACCOUNT, 20);

    private final BinanceRateBudget budget = new BinanceRateBudget(List.of(
            new BinanceRateLimit(BinanceRateLimit.Type.REQUEST_WEIGHT, 60_000, 100),
            new BinanceRateLimit(BinanceRateLimit.Type.ORDERS, 10_000, 5),
            new BinanceRateLimit(BinanceRateLimit.Type.ORDERS, 86_400_000, 1_000)), 1.0);

    @Test
    void shouldGrantOrdersUntilTheTenSecondWindowIsFullThenWaitForItsEnd() {
        for (int i = 0; i < 5; i++) {
            assertThat(budget.tryAcquire(ORDER, T0 + i)).isZero();
        }

        assertThat(budget.tryAcquire(ORDER, T0 + 3 * SECOND)).isEqualTo(7 * SECOND);
        assertThat(budget.tryAcquire(ACCOUNT, T0 + 3 * SECOND)).as("reads do not count orders").isZero();
        assertThat(budget.tryAcquire(ORDER, T0 + 10 * SECOND)).isZero();
        assertThat(budget.used(BinanceRateLimit.Type.ORDERS, 86_400_000, T0 + 10 * SECOND)).isEqualTo(6);
    }

    @Test
    void shouldChargeEachCallItsWeightAgainstTheMinute() {
        for (int i = 0; i < 5; i++) {
            assertThat(budget.tryAcquire(ACCOUNT, T0)).isZero();
        }

        assertThat(budget.tryAcquire(ACCOUNT, T0 + SECOND)).as("until the minute ends").isEqualTo(29 * SECOND);
        assertThat(budget.tryAcquire(ACCOUNT, T0 + 30 * SECOND)).isZero();
    }

    @Test
    void shouldTakeBinancesCountFromTheUsageHeadersWhenItIsHigher() {
        budget.tryAcquire(ACCOUNT, T0);

        budget.onReply(ACCOUNT, new RestReply(200, Map.of("x-mbx-used-weight-1m", List.of("95"),
                "x-mbx-order-count-10s", List.of("4")), "{}", T0), T0);

        assertThat(budget.used(BinanceRateLimit.Type.REQUEST_WEIGHT, 60_000, T0)).isEqualTo(95);
        assertThat(budget.tryAcquire(ACCOUNT, T0)).isPositive();
        assertThat(budget.tryAcquire(ORDER, T0)).isZero();
        assertThat(budget.tryAcquire(ORDER, T0)).as("Binance had counted 4 of 5").isPositive();
    }

    @Test
    void shouldStopEveryCallUntilRetryAfterOnceThrottled() {
        budget.onThrottled(45 * SECOND, T0);

        assertThat(budget.tryAcquire(ACCOUNT, T0 + SECOND)).isEqualTo(44 * SECOND);
        assertThat(budget.tryAcquire(ORDER, T0 + 45 * SECOND)).isZero();
    }

    @Test
    void shouldHoldAThrottleWhenExchangeInfoRestatesTheLimits() {
        budget.onThrottled(45 * SECOND, T0);

        budget.apply(List.of(new BinanceRateLimit(BinanceRateLimit.Type.REQUEST_WEIGHT, 60_000, 6_000)), T0);

        assertThat(budget.tryAcquire(ACCOUNT, T0 + SECOND)).isEqualTo(44 * SECOND);
    }

    @Test
    void shouldKeepWhatAWindowCountedWhenExchangeInfoRestatesItsLimit() {
        budget.tryAcquire(ACCOUNT, T0);

        budget.apply(List.of(new BinanceRateLimit(BinanceRateLimit.Type.REQUEST_WEIGHT, 60_000, 40)), T0);

        assertThat(budget.used(BinanceRateLimit.Type.REQUEST_WEIGHT, 60_000, T0)).isEqualTo(20);
        assertThat(budget.tryAcquire(ACCOUNT, T0)).isZero();
        assertThat(budget.tryAcquire(ACCOUNT, T0)).isPositive();
        assertThat(budget.used(BinanceRateLimit.Type.ORDERS, 10_000, T0)).as("a limit no longer stated").isEqualTo(-1);
    }

    @Test
    void shouldLeaveTheHeadroomUnused() {
        BinanceRateBudget cautious = new BinanceRateBudget(List.of(
                new BinanceRateLimit(BinanceRateLimit.Type.ORDERS, 10_000, 10)), 0.8);

        for (int i = 0; i < 8; i++) {
            assertThat(cautious.tryAcquire(ORDER, T0)).isZero();
        }
        assertThat(cautious.tryAcquire(ORDER, T0)).isPositive();
    }

    @Test
    void shouldNameTheUsageHeadersAsBinanceDoes() {
        assertThat(BinanceRateLimit.of("REQUEST_WEIGHT", "MINUTE", 1, 1200).usageHeader())
                .isEqualTo("x-mbx-used-weight-1m");
        assertThat(BinanceRateLimit.of("ORDERS", "SECOND", 10, 50).usageHeader()).isEqualTo("x-mbx-order-count-10s");
        assertThat(BinanceRateLimit.of("ORDERS", "DAY", 1, 160000).usageHeader()).isEqualTo("x-mbx-order-count-1d");
        assertThat(BinanceRateLimit.of("RAW_REQUESTS", "MINUTE", 5, 6100).usageHeader()).isNull();
    }
}
