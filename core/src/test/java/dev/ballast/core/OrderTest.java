package dev.ballast.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderTest {
    private final Instrument btc = new Instrument(InstrumentId.of("sim-a", "BTCUSDT"), Asset.of("BTC"), Asset.of("USDT"),
            new BigDecimal("0.01"), new BigDecimal("0.0001"), new BigDecimal("5"));

    private Order order(String size) {
        return new Order(new ClientOrderId("t-1"), btc, Side.BUY, OrderType.LIMIT_POST_ONLY,
                new BigDecimal("60000.00"), new BigDecimal(size), 0);
    }

    @Test
    void shouldWalkThroughOpenPartiallyFilledAndFilled() {
        Order o = order("0.0100");
        o.transition(OrderStatus.OPEN, 1);
        o.applyFill(new BigDecimal("0.004"), new BigDecimal("60000"), 2);
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(o.remainingSize()).isEqualByComparingTo("0.006");
        o.applyFill(new BigDecimal("0.006"), new BigDecimal("60000"), 3);

        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.status().isTerminal()).isTrue();
        assertThat(o.averageFillPrice()).isEqualByComparingTo("60000");
    }

    @Test
    void shouldFailFastOnAnIllegalTransition() {
        Order o = order("0.01");
        o.transition(OrderStatus.REJECTED, 1);

        assertThatThrownBy(() -> o.transition(OrderStatus.OPEN, 2))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessage("order t-1: illegal transition REJECTED -> OPEN");
    }

    @Test
    void shouldNotReopenAFilledOrder() {
        Order o = order("0.01");
        o.applyFill(new BigDecimal("0.01"), new BigDecimal("60000"), 1);

        assertThatThrownBy(() -> o.transition(OrderStatus.CANCELLED, 2))
                .isInstanceOf(IllegalOrderTransitionException.class);
    }

    @Test
    void shouldRefuseAnOverfill() {
        Order o = order("0.01");

        assertThatThrownBy(() -> o.applyFill(new BigDecimal("0.02"), new BigDecimal("60000"), 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("overfill");
    }

    @Test
    void shouldLetAnOrderOfUnknownFateResolveToAnyOutcome() {
        for (OrderStatus outcome : new OrderStatus[] {OrderStatus.OPEN, OrderStatus.PARTIALLY_FILLED,
                OrderStatus.FILLED, OrderStatus.CANCELLED, OrderStatus.REJECTED}) {
            Order o = order("0.01");
            o.transition(OrderStatus.UNKNOWN, 1);
            o.transition(outcome, 2);
            assertThat(o.status()).isEqualTo(outcome);
        }
    }

    @Test
    void shouldRefuseAnOrderOffTheTickGrid() {
        assertThatThrownBy(() -> new Order(new ClientOrderId("t-2"), btc, Side.SELL, OrderType.LIMIT_POST_ONLY,
                new BigDecimal("60000.005"), new BigDecimal("0.01"), 0))
                .hasMessageContaining("is not a multiple of 0.01");
    }

    @Test
    void shouldMakeDistinctValidClientOrderIdsAcrossSessions() {
        ClientOrderIdGenerator a = new ClientOrderIdGenerator("bl", 1_700_000_000_000L);
        ClientOrderIdGenerator b = new ClientOrderIdGenerator("bl", 1_700_000_000_001L);
        java.util.Set<ClientOrderId> seen = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(a.next())).isTrue();
            assertThat(seen.add(b.next())).isTrue();
        }
        assertThat(a.next().value()).hasSizeLessThanOrEqualTo(36);
    }

    @Test
    void shouldMakeClientOrderIdsEveryVenueAcceptsAsTheyAre() {
        ClientOrderIdGenerator g = new ClientOrderIdGenerator("bl", 1_790_000_000_000L);
        ClientOrderId first = g.next();
        assertThat(first.value()).isEqualTo("bl" + Long.toString(1_790_000_000_000L, 36) + "0")
                .matches("[A-Za-z0-9]{1,18}");
        for (int i = 0; i < 100_000; i++) {
            assertThat(g.next().value()).matches("[A-Za-z0-9]{11,18}");
        }
    }

    @Test
    void shouldRefuseAPrefixThatWouldBreakAVenuesIdRules() {
        assertThatThrownBy(() -> new ClientOrderIdGenerator("b-l", 1)).hasMessageContaining("1-3 letters or digits");
    }
}
