package dev.ballast.connectors.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.connectors.Venue;
import dev.ballast.connectors.VenueContractTest;
import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.Side;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.time.ManualClock;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link Venue} contract on a backtest venue whose recording holds one still book and no trades. The minimum
 * notional (100 USDT) is above one lot's (60 USDT), so the minimum-notional check is exercised too.
 */
class BacktestVenueContractTest extends VenueContractTest {
    private static final Instrument INSTRUMENT = new Instrument(BacktestFixture.BTC_USDT.id(), BacktestFixture.BTC,
            BacktestFixture.USDT, new BigDecimal("0.1"), new BigDecimal("0.001"), new BigDecimal("100"));
    private ManualClock clock;
    private BacktestVenue backtest;

    @Override
    protected Venue newVenue() {
        clock = new ManualClock(BacktestFixture.T0);
        backtest = new BacktestVenue(BacktestVenueConfig.spot(INSTRUMENT, SequenceRule.SEQUENTIAL,
                BacktestFixture.MAKER_BPS, BacktestFixture.TAKER_BPS, BacktestFixture.ORDER_LATENCY_MS,
                BacktestFixture.CANCEL_LATENCY_MS, BacktestFixture.BALANCES), clock);
        backtest.onMarketEvent(new BookSnapshot(INSTRUMENT.id(), 1,
                new long[] {600_000, 599_999, 599_998}, new long[] {10, 20, 30}, 3,
                new long[] {600_001, 600_002, 600_003}, new long[] {10, 20, 30}, 3, clock.nowNs()));
        return backtest;
    }

    @Override
    protected Instrument instrumentUnderTest() {
        return INSTRUMENT;
    }

    @Override
    protected void advanceMs(long ms) {
        clock.advanceNs(ms * 1_000_000L);
        backtest.advanceTo(clock.nowNs());
    }

    /** Locked balances are exactly what the open orders need: a buy its notional plus maker fee, a sell its size. */
    @Override
    protected void assertInternalState() {
        BigDecimal buyLockMultiplier = BigDecimal.ONE.add(
                backtest.fees(instrument.id()).makerRate().max(BigDecimal.ZERO));
        Map<Asset, BigDecimal> expectedLocked = new HashMap<>();
        for (OpenOrder o : backtest.openOrders()) {
            BigDecimal remaining = o.size().subtract(o.filledSize());
            if (o.side() == Side.BUY) {
                expectedLocked.merge(instrument.quote(), o.price().multiply(remaining).multiply(buyLockMultiplier),
                        BigDecimal::add);
            } else {
                expectedLocked.merge(instrument.base(), remaining, BigDecimal::add);
            }
        }
        backtest.balances().forEach((asset, balance) -> assertThat(balance.locked())
                .as("locked %s", asset)
                .isEqualByComparingTo(expectedLocked.getOrDefault(asset, BigDecimal.ZERO)));
    }
}
