package dev.ballast.bot.inventory;

import static dev.ballast.bot.inventory.TestMarkets.A;
import static dev.ballast.bot.inventory.TestMarkets.BTC;
import static dev.ballast.bot.inventory.TestMarkets.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class InventoryAggregatorOwnershipTest {

    private final InventoryAggregator inventory = TestMarkets.newInventory();

    @Test
    void shouldRefuseCallsFromAnotherThreadOnceBoundToTheEngineThread() throws InterruptedException {
        Assumptions.assumeTrue(InventoryAggregator.class.desiredAssertionStatus(), "needs -ea");
        inventory.markFairValue(BTC, 100.0);
        AtomicReference<Throwable> thrown = new AtomicReference<>();

        Thread intruder = new Thread(() -> {
            try {
                inventory.driftDouble(BTC);
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "intruder");
        intruder.start();
        intruder.join();

        assertThat(thrown.get()).isInstanceOf(AssertionError.class).hasMessageContaining("intruder");
    }

    @Test
    void shouldAllowSetupOnAWiringThreadBeforeTheEngineBindsIt() throws InterruptedException {
        Thread wiring = new Thread(() -> inventory.setStartingBalance(A, BTC, d("1")), "wiring");
        wiring.start();
        wiring.join();

        inventory.markFairValue(BTC, 100.0);
        assertThat(inventory.quantity(BTC)).isEqualByComparingTo("1");
    }
}
