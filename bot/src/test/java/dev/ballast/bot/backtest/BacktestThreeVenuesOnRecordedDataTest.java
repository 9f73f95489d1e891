package dev.ballast.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backtest command on the real Binance recording of 08-08 with three venues: spot (quoted in USDT), the USD-M
 * perpetual (USDT) and the COIN-M inverse perpetual (USD, contracts of 100 USD), over the first 260 s — the first
 * hedges come after 219 s (until then the market is quiet and the resting quotes cover the drift).
 *
 * <p>Spot's taker fee is Binance's regular 10 bps: shorting COIN-M against its BTC margin is then the cheaper
 * hedge for the long inventory the falling market leaves (at the default 4 bps spot takes most of them: COIN-M
 * trades about 5 bps under spot).
 */
class BacktestThreeVenuesOnRecordedDataTest {
    private static final String SPOT = "binance";
    private static final String USDM = "binance-usdm";
    private static final String COINM = "binance-coinm";
    private static final double CONTRACT_USD = 100;
    /** The default config's BTC target and maxPosition: the COIN-M margin taken from spot's share. */
    private static final double TARGET = 1.0;
    private static final double COINM_MARGIN = 0.3;

    @TempDir
    static Path dir;

    private static JsonNode results;

    @BeforeAll
    static void runTheBacktestOnThreeVenues() throws Exception {
        RecordedBacktests.run(dir, List.of(RecordedBacktests.SPOT, RecordedBacktests.USDM, RecordedBacktests.COINM),
                "--duration-sec", "260", "--spot-fees-bps", "1.0,10.0");
        results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
    }

    private static boolean isBuy(JsonNode fill) {
        return fill.get("side").asText().equals("BUY");
    }

    @Test
    void shouldQuoteOnAllThreeVenuesAndHedgeOnCoinmInWholeContracts() {
        Map<String, Long> fillsByVenue = new HashMap<>();
        long coinmHedges = 0;
        for (JsonNode s : results.get("strategies")) {
            for (JsonNode f : s.get("fills")) {
                String venue = f.get("venue").asText();
                fillsByVenue.merge(venue, 1L, Long::sum);
                if (venue.equals(COINM)) {
                    coinmHedges += f.get("hedge").asBoolean() ? 1 : 0;
                    // results keep 12 significant digits: a whole number of contracts to within 1e-6
                    double contracts = f.get("sizeBase").asDouble() * f.get("price").asDouble() / CONTRACT_USD;
                    assertThat(contracts).as("contracts in %s", f).isGreaterThanOrEqualTo(1 - 1e-6)
                            .isCloseTo(Math.rint(contracts), within(1e-6));
                }
            }
        }
        assertThat(fillsByVenue).containsOnlyKeys(SPOT, USDM, COINM);
        assertThat(coinmHedges).as("hedges on COIN-M").isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldAccountPositionsExactlyAsTheFillsInTheResultsSay() {
        for (JsonNode s : results.get("strategies")) {
            Map<String, Double> filled = new HashMap<>();
            for (JsonNode f : s.get("fills")) {
                double signed = (isBuy(f) ? 1 : -1) * f.get("sizeBase").asDouble();
                // COIN-M charges its fees in BTC: the results give them in USDT at the fill price
                double feeBase = f.get("venue").asText().equals(COINM)
                        ? f.get("feeQuote").asDouble() / f.get("price").asDouble() : 0;
                filled.merge(f.get("venue").asText(), signed - feeBase, Double::sum);
            }
            JsonNode positions = s.get("series").get("positionBaseByVenue");
            assertThat(positions.has(COINM)).isTrue();
            for (var it = positions.fields(); it.hasNext(); ) {
                var venue = it.next();
                JsonNode values = venue.getValue().get("value");
                double change = values.get(values.size() - 1).asDouble() - values.get(0).asDouble();
                assertThat(change).as("%s position change on %s", s.get("name").asText(), venue.getKey())
                        .isCloseTo(filled.getOrDefault(venue.getKey(), 0.0), within(1e-9));
            }
            assertThat(s.get("metrics").get("fills").asLong()).isEqualTo(s.get("fills").size());
        }
    }

    @Test
    void shouldStartOnTargetWithTheCoinmMarginTakenFromTheSpotVenue() {
        for (JsonNode s : results.get("strategies")) {
            JsonNode positions = s.get("series").get("positionBaseByVenue");
            double spot = positions.get(SPOT).get("value").get(0).asDouble();
            double coinm = positions.get(COINM).get("value").get(0).asDouble();
            double usdm = positions.get(USDM).get("value").get(0).asDouble();

            assertThat(coinm).isEqualTo(COINM_MARGIN);
            assertThat(spot).isCloseTo(TARGET - COINM_MARGIN, within(1e-12));
            assertThat(usdm).isZero();
            assertThat(s.get("series").get("driftBase").get("value").get(0).asDouble()).isZero();
        }
    }

    @Test
    void shouldReplayOnlyTheFirstSecondsAskedForAndSaySo() {
        assertThat(results.get("inputs").get("durationSec").asLong()).isEqualTo(260);
        for (JsonNode s : results.get("strategies")) {
            assertThat(s.get("metrics").get("durationSec").asDouble()).isLessThanOrEqualTo(260);
        }
    }
}
