package dev.ballast.connectors.sim;

import static dev.ballast.connectors.sim.SimFixture.SIM_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.connectors.Venue;
import dev.ballast.connectors.VenueContractTest;
import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.Side;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** The {@link Venue} contract on a simulated venue whose market holds still and has no other traders. */
class SimulatedVenueContractTest extends VenueContractTest {
    private SimFixture sim;
    private SimulatedVenue simVenue;

    @Override
    protected Venue newVenue() {
        sim = new SimFixture(SimFixture.stillMarket(7));
        simVenue = sim.add(SimFixture.venue().withEth());
        return simVenue;
    }

    @Override
    protected Instrument instrumentUnderTest() {
        return SimFixture.btcUsdt(SIM_A);
    }

    @Override
    protected void advanceMs(long ms) {
        sim.advanceMs(ms);
    }

    /** Locked balances are exactly what the open orders need: a buy its notional plus maker fee, a sell its size. */
    @Override
    protected void assertInternalState() {
        BigDecimal buyLockMultiplier = BigDecimal.ONE.add(
                simVenue.fees(instrument.id()).makerRate().max(BigDecimal.ZERO));
        Map<Asset, BigDecimal> expectedLocked = new HashMap<>();
        for (OpenOrder o : simVenue.openOrders()) {
            Instrument i = simVenue.instruments().stream().filter(x -> x.id().equals(o.instrument())).findFirst()
                    .orElseThrow();
            BigDecimal remaining = o.size().subtract(o.filledSize());
            if (o.side() == Side.BUY) {
                expectedLocked.merge(i.quote(), o.price().multiply(remaining).multiply(buyLockMultiplier),
                        BigDecimal::add);
            } else {
                expectedLocked.merge(i.base(), remaining, BigDecimal::add);
            }
        }
        simVenue.balances().forEach((asset, balance) -> assertThat(balance.locked())
                .as("locked %s", asset)
                .isEqualByComparingTo(expectedLocked.getOrDefault(asset, BigDecimal.ZERO)));
    }
}
