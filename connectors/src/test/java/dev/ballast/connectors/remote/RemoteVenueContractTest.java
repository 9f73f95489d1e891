package dev.ballast.connectors.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.connectors.Venue;
import dev.ballast.connectors.VenueContractTest;
import dev.ballast.connectors.testing.RecordingSink;
import dev.ballast.core.Instrument;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@link Venue} contract on a {@link RemoteVenue} over loopback: every order, cancel and query crosses HTTP to a
 * {@link SimExchangeServer} whose market holds still and has no other traders; every event comes back on the
 * stream. After each test the server must have received no client order id twice except where the test sent one
 * again on purpose, and the client's view of the account must be the venue's own.
 */
class RemoteVenueContractTest extends VenueContractTest {
    private RemoteFixture fixture;
    private RemoteVenue remote;

    @Override
    protected Venue newVenue() {
        fixture = new RemoteFixture(0);
        remote = fixture.newVenue(RemoteFixture.SIM_A);
        return remote;
    }

    @Override
    protected Instrument instrumentUnderTest() {
        return RemoteFixture.btcUsdt(RemoteFixture.SIM_A);
    }

    @Override
    protected void startStreaming(RecordingSink sink) {
        fixture.start(remote, sink);
    }

    @Override
    protected void advanceMs(long ms) {
        fixture.advanceMs(ms);
    }

    /** What the client reads over HTTP is what the venue itself holds. */
    @Override
    protected void assertInternalState() {
        var simulated = fixture.server.venue(RemoteFixture.SIM_A);
        assertThat(remote.balances()).isEqualTo(simulated.balances());
        assertThat(remote.openOrders()).isEqualTo(simulated.openOrders());
        assertThat(remote.droppedEventCount()).isZero();
    }

    /** After the contract's own checks (extension callbacks run after every {@code @AfterEach} method). */
    @RegisterExtension
    final AfterEachCallback stopServer = context -> {
        if (fixture != null) {
            fixture.close();
        }
    };
}
