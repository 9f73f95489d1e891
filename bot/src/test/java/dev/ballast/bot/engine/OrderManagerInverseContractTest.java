package dev.ballast.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.bot.testing.ScriptedVenue;
import dev.ballast.connectors.Venue;
import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderIdGenerator;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Order;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import dev.ballast.core.time.ManualClock;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Orders on an inverse contract are sized in contracts but counted as exposure in base units. */
class OrderManagerInverseContractTest {
    private static final Asset BTC = Asset.of("BTC");
    private final Instrument coinm = Instrument.inverse(InstrumentId.of("binance-coinm", "BTCUSD_PERP"), BTC,
            Asset.of("USD"), new BigDecimal("0.1"), BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("100"));
    private final Instrument spot = new Instrument(InstrumentId.of("binance", "BTCUSDT"), BTC, Asset.of("USDT"),
            new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("5"));
    private final ScriptedVenue coinmVenue = new ScriptedVenue(VenueId.of("binance-coinm"), List.of(coinm));
    private final OrderManager orders = new OrderManager(new ManualClock(0), new ClientOrderIdGenerator("t", 1),
            venues(coinmVenue, new ScriptedVenue(VenueId.of("binance"), List.of(spot))));

    private static Map<VenueId, Venue> venues(ScriptedVenue... vs) {
        Map<VenueId, Venue> m = new LinkedHashMap<>();
        for (ScriptedVenue v : vs) {
            m.put(v.id(), v);
        }
        return m;
    }

    @Test
    void shouldSendAnInverseOrderInContractsAndCountItsExposureInBaseAtItsLimitPrice() {
        orders.place(coinm, Side.SELL, OrderType.LIMIT_IOC, 600_000, 6, "hedge"); // 6 contracts at 60 000.0
        orders.place(spot, Side.SELL, OrderType.LIMIT_POST_ONLY, 6_000_100, 300, "quote"); // 0.003 BTC

        assertThat(coinmVenue.placed).singleElement().satisfies(r -> {
            assertThat(r.size()).isEqualByComparingTo("6");
            assertThat(r.price()).isEqualByComparingTo("60000");
        });
        // 600 USD at 60 000 is 0.01 BTC, plus the spot quote's 0.003
        assertThat(orders.exposure(BTC, Side.SELL, null)).isCloseTo(0.013, within(1e-15));
        assertThat(orders.exposure(BTC, Side.BUY, null)).isZero();
    }

    @Test
    void shouldCountWhatIsLeftOfAPartlyFilledInverseOrderInBase() {
        Order o = orders.place(coinm, Side.BUY, OrderType.LIMIT_POST_ONLY, 500_000, 10, "quote"); // 10 @ 50 000.0
        o.applyFill(new BigDecimal("4"), new BigDecimal("50000"), 1);

        assertThat(OrderManager.remainingBase(o)).isCloseTo(0.012, within(1e-15)); // 6 × 100 / 50 000
        assertThat(orders.exposure(BTC, Side.BUY, null)).isCloseTo(0.012, within(1e-15));
    }

    @Test
    void shouldRefuseAMarketOrderOnAnInverseContractWhoseExposureHasNoPrice() {
        assertThatThrownBy(() -> orders.place(coinm, Side.BUY, OrderType.MARKET, 0, 1, "hedge"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no market orders on an inverse contract");
        assertThat(coinmVenue.placed).isEmpty();
    }
}
