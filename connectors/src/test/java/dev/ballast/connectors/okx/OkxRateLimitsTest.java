package dev.ballast.connectors.okx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.connectors.live.PerEndpointBudget;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** OKX's per-endpoint limits as the kit's budget applies them, with time moved by hand. */
class OkxRateLimitsTest {
    private final PerEndpointBudget budget = OkxRateLimits.budget();
    private long nowNs = 1_000_000_000_000L;

    @Test
    void shouldGrantSixtyOrdersInTwoSecondsAndRefuseTheSixtyFirstUntilTheWindowMoves() {
        for (int i = 0; i < 60; i++) {
            assertThat(budget.tryAcquire(OkxEndpoints.PLACE, nowNs)).isZero();
            nowNs += 10_000_000L;
        }

        long waitNs = budget.tryAcquire(OkxEndpoints.PLACE, nowNs);

        assertThat(waitNs).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2).toNanos());
        assertThat(budget.tryAcquire(OkxEndpoints.PLACE, nowNs + waitNs)).isZero();
    }

    @Test
    void shouldKeepEachEndpointsBudgetApart() {
        for (int i = 0; i < 10; i++) {
            assertThat(budget.tryAcquire(OkxEndpoints.BALANCE, nowNs)).isZero();
        }

        assertThat(budget.tryAcquire(OkxEndpoints.BALANCE, nowNs)).as("balance: 10 per 2 s").isPositive();
        assertThat(budget.tryAcquire(OkxEndpoints.PLACE, nowNs)).isZero();
        assertThat(budget.tryAcquire(OkxEndpoints.CANCEL, nowNs)).isZero();
    }

    @Test
    void shouldDocumentALimitForEveryEndpointTheVenueCalls() {
        for (var endpoint : new dev.ballast.connectors.live.Endpoint[] {OkxEndpoints.INSTRUMENTS,
                OkxEndpoints.TRADE_FEE, OkxEndpoints.BALANCE, OkxEndpoints.ORDERS_PENDING, OkxEndpoints.ORDER,
                OkxEndpoints.FILLS, OkxEndpoints.PLACE, OkxEndpoints.CANCEL, OkxEndpoints.cancelBatch(1)}) {
            assertThat(OkxRateLimits.of(endpoint.name()).window()).isEqualTo(Duration.ofSeconds(2));
        }
    }
}
