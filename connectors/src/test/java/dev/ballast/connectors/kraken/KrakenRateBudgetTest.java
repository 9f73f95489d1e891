package dev.ballast.connectors.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.connectors.live.Endpoint;
import dev.ballast.connectors.live.RateBudget;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which of Kraken's counters each call draws on, and what it costs. */
class KrakenRateBudgetTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private final KrakenRateBudget budget = new KrakenRateBudget(KrakenRateTier.STARTER, DecayingCounter::new);

    @Test
    void shouldLetAStarterKeyMakeFifteenPrivateCallsThenWaitForTheCounterToDecay() {
        for (int i = 0; i < 15; i++) {
            assertThat(budget.tryAcquire(KrakenEndpoints.BALANCE, 0)).as("call %d", i + 1).isZero();
        }

        long wait = budget.tryAcquire(KrakenEndpoints.BALANCE, 0);

        assertThat(wait).isBetween(3 * SECOND, 4 * SECOND); // one call's worth at 0.33 per second
        assertThat(budget.tryAcquire(KrakenEndpoints.BALANCE, wait)).isZero();
    }

    @Test
    void shouldChargeTradeHistoryTwo() {
        for (int i = 0; i < 7; i++) {
            assertThat(budget.tryAcquire(KrakenEndpoints.TRADES_HISTORY, 0)).isZero();
        }

        assertThat(budget.tryAcquire(KrakenEndpoints.TRADES_HISTORY, 0)).isPositive();
        assertThat(budget.tryAcquire(KrakenEndpoints.BALANCE, 0)).isZero();
    }

    @Test
    void shouldKeepOrderEntryOnItsPairsTradingCounterApartFromTheApiCounter() {
        for (int i = 0; i < 15; i++) {
            budget.tryAcquire(KrakenEndpoints.BALANCE, 0);
        }

        for (int i = 0; i < 60; i++) {
            assertThat(budget.tryAcquire(KrakenEndpoints.addOrder("XBT/USD"), 0)).as("order %d", i + 1).isZero();
        }

        assertThat(budget.tryAcquire(KrakenEndpoints.addOrder("XBT/USD"), 0)).isPositive();
        assertThat(budget.tryAcquire(KrakenEndpoints.addOrder("ETH/USD"), 0)).isZero();
    }

    @Test
    void shouldChargeACancelMoreTheYoungerItsOrder() {
        assertThat(KrakenEndpoints.cancelOrder("XBT/USD", 2 * SECOND).weight()).isEqualTo(8);
        assertThat(KrakenEndpoints.cancelOrder("XBT/USD", 12 * SECOND).weight()).isEqualTo(5);
        assertThat(KrakenEndpoints.cancelOrder("XBT/USD", 60 * SECOND).weight()).isEqualTo(2);
        assertThat(KrakenEndpoints.cancelOrder("XBT/USD", 301 * SECOND).weight()).isZero();
        for (int i = 0; i < 7; i++) {
            assertThat(budget.tryAcquire(KrakenEndpoints.cancelOrder("XBT/USD", 0), 0)).isZero();
        }
        assertThat(budget.tryAcquire(KrakenEndpoints.cancelOrder("XBT/USD", 0), 0)).isPositive();
    }

    @Test
    void shouldNeverHoldBackCancelAllOrPublicData() {
        for (int i = 0; i < 15; i++) {
            budget.tryAcquire(KrakenEndpoints.BALANCE, 0);
        }

        assertThat(budget.tryAcquire(KrakenEndpoints.CANCEL_ALL, 0)).isZero();
        assertThat(budget.tryAcquire(KrakenEndpoints.ASSET_PAIRS, 0)).isZero();
    }

    @Test
    void shouldHoldEveryCounterBackForAsLongAsKrakenAsks() {
        budget.onThrottled(5 * SECOND, 0);

        assertThat(budget.tryAcquire(KrakenEndpoints.BALANCE, SECOND)).isEqualTo(4 * SECOND);
        assertThat(budget.tryAcquire(KrakenEndpoints.addOrder("XBT/USD"), SECOND)).isEqualTo(4 * SECOND);
        assertThat(budget.tryAcquire(KrakenEndpoints.BALANCE, 5 * SECOND)).isZero();
    }

    /** A plain decaying counter standing in for the kit's: {@code max} outstanding, draining linearly. */
    private static final class DecayingCounter implements RateBudget {
        private final double max;
        private final double decayPerNs;
        private double count;
        private long lastNs;

        DecayingCounter(double max, double decayPerSecond) {
            this.max = max;
            this.decayPerNs = decayPerSecond / SECOND;
        }

        @Override
        public synchronized long tryAcquire(Endpoint endpoint, long nowNs) {
            count = Math.max(0, count - (nowNs - lastNs) * decayPerNs);
            lastNs = nowNs;
            double after = count + endpoint.weight();
            if (after > max + 1e-9) {
                return (long) Math.ceil((after - max) / decayPerNs);
            }
            count = after;
            return 0;
        }

        @Override
        public void onThrottled(long retryAfterNs, long nowNs) {
        }
    }
}
