package dev.ballast.connectors.okx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ballast.core.Instrument;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Instruments cached in Caffeine on the venue's clock: served from memory, refreshed in the background, expired. */
class OkxReferenceDataTest {
    private static final String INSTRUMENTS = "/api/v5/public/instruments";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final OkxLoopback okx = OkxLoopback.trading();

    @AfterEach
    void close() {
        okx.close();
    }

    @Test
    void shouldServeInstrumentsFromTheCacheWithinTheRefreshPeriod() {
        List<Instrument> first = okx.venue.instruments();
        okx.clock.advance(Duration.ofMinutes(14));

        assertThat(okx.venue.instruments()).isEqualTo(first);
        assertThat(instrumentFetches()).isEqualTo(1);
    }

    @Test
    void shouldRefreshInTheBackgroundAfterTheRefreshPeriodAndReloadAfterTheTtl() {
        List<Instrument> first = okx.venue.instruments();

        okx.clock.advance(Duration.ofMinutes(16));
        assertThat(okx.venue.instruments()).as("the cached list, while it refreshes").isEqualTo(first);
        await().atMost(WAIT).until(() -> instrumentFetches() == 2);

        okx.clock.advance(Duration.ofHours(2));
        assertThat(okx.venue.instruments()).isEqualTo(first);
        assertThat(instrumentFetches()).as("expired: read again before answering").isEqualTo(3);
    }

    @Test
    void shouldKeepTheCachedListWhenARefreshFails() {
        List<Instrument> first = okx.venue.instruments();
        okx.stub(get(urlPathEqualTo(INSTRUMENTS)).willReturn(aResponse().withStatus(503)));

        okx.clock.advance(Duration.ofMinutes(16));
        okx.venue.instruments();
        await().atMost(WAIT).until(() -> instrumentFetches() >= 2);

        assertThat(okx.venue.instruments()).isEqualTo(first);
    }

    private int instrumentFetches() {
        return okx.rest.countRequestsMatching(getRequestedFor(urlPathEqualTo(INSTRUMENTS)).build()).getCount();
    }
}
