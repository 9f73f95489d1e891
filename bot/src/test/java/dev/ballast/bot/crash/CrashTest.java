package dev.ballast.bot.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.bot.crash.JournalFile.JournaledFill;
import dev.ballast.bot.run.SystemClock;
import dev.ballast.connectors.remote.SimExchangeServer;
import dev.ballast.connectors.remote.SimExchangeSettings;
import dev.ballast.connectors.sim.SimulatedAssetSpec;
import dev.ballast.connectors.sim.SimulatedMarketConfig;
import dev.ballast.connectors.sim.SimulatedMarketSpec;
import dev.ballast.connectors.sim.SimulatedVenue;
import dev.ballast.connectors.sim.SimulatedVenueConfig;
import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash-only, tested by crashing: a paper bot in a child process trades on a simulated exchange that lives in this
 * process (so its state survives the bot), and is killed with SIGKILL at {@value #KILLS} seeded random moments —
 * many of them the instant it logs {@code PLACE}, between journaling an order's intent and the venue's
 * acknowledgement; others as it logs a fill or a cancel, or after a random time — and restarted after each kill on
 * the same journal. At the end it is stopped with SIGTERM.
 *
 * <p>After every kill: no client order id reached the exchange twice; every order the exchange received was journaled
 * first; every journaled fill is one of the exchange's, exactly (venue, trade id, order, side, price, size, fee); and
 * every fill the exchange had made by the previous kill is now in the journal (the restart recovered those made while
 * it was down). After the clean stop: the journal and the exchange hold the same fills, neither has an open order,
 * and the positions the journal holds — and the starting balances plus the journaled fills — equal the exchange's
 * balances, exactly.
 *
 * <p>Runs in {@code mvn verify} (tag {@code crash}); alone: {@code mvn -pl bot -am test -Dtest=CrashTest
 * -Dsurefire.failIfNoSpecifiedTests=false}. Takes one to three minutes: every restart is a cold JVM.
 */
@Tag("crash")
class CrashTest {
    static final long SEED = 20_261_128L;
    static final int KILLS = 22;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TRIGGER_TIMEOUT = Duration.ofSeconds(8);
    private static final Asset BTC = Asset.of("BTC");
    private static final Asset USDT = Asset.of("USDT");
    private static final List<VenueId> VENUES = List.of(VenueId.of("sim-a"), VenueId.of("sim-b"));
    private static final Map<Asset, BigDecimal> START_BALANCES = Map.of(BTC, new BigDecimal("0.5"),
            USDT, new BigDecimal("40000"));
    private static final Set<String> LIVE_STATUSES = Set.of("PENDING_NEW", "OPEN", "PARTIALLY_FILLED", "UNKNOWN");

    /** Where a kill lands. */
    enum Kill {
        /** The instant the bot logs a new order: its intent is journaled, the order is on its way or about to be. */
        ON_PLACE(" PLACE "),
        /** The instant the bot logs a fill it has just journaled and applied. */
        ON_FILL(" FILL "),
        /** The instant the bot logs a cancel it is about to send. */
        ON_CANCEL(" CANCEL "),
        /** After a random time, wherever the bot is. */
        AFTER_DELAY(null);

        final String marker;

        Kill(String marker) {
            this.marker = marker;
        }

        static Kill pick(SplittableRandom random) {
            int p = random.nextInt(100);
            return p < 40 ? ON_PLACE : p < 55 ? ON_FILL : p < 70 ? ON_CANCEL : AFTER_DELAY;
        }
    }

    /** The journal, the config and each run's log (bot-N.log); kept when the test fails. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void shouldKeepTheJournalAndTheExchangeInAgreementThroughRepeatedKills() throws Exception {
        try (SimExchangeServer exchange = SimExchangeServer.start(market(), venues(), new SystemClock(),
                SimExchangeSettings.onPort(0))) {
            Path config = writeConfig(exchange.url());
            JournalFile journal = new JournalFile(dir.resolve("journal.db"));
            SplittableRandom random = new SplittableRandom(SEED);
            Map<Kill, Integer> kills = new EnumMap<>(Kill.class);
            Map<String, Fill> exchangeFillsAtLastKill = Map.of();
            for (int k = 0; k < KILLS; k++) {
                ChildBot bot = ChildBot.start(config, dir, dir.resolve("bot-" + k + ".log"));
                bot.awaitTrading(START_TIMEOUT);
                Kill kill = crash(bot, random);
                int exit = bot.awaitExit(EXIT_TIMEOUT);
                assertThat(exit).as("kill %d (%s: %s) should be a SIGKILL; the bot's last lines:%n%s", k, kill,
                        bot.killedAt(), bot.tail()).isEqualTo(137);
                kills.merge(bot.killedOnALine() ? kill : Kill.AFTER_DELAY, 1, Integer::sum); // where it landed
                exchangeFillsAtLastKill = checkAfterKill(k, exchange, journal, exchangeFillsAtLastKill);
            }

            ChildBot last = ChildBot.start(config, dir, dir.resolve("bot-last.log"));
            last.awaitTrading(START_TIMEOUT);
            last.runFor(1_000 + random.nextInt(1_000));
            last.terminate();
            assertThat(last.awaitExit(EXIT_TIMEOUT)).as("a SIGTERM stop should cancel everything and exit 0;"
                    + " the bot's last lines:%n%s", last.tail()).isZero();
            assertThat(journal.lastSessionEnded()).as("the stop should close the journal's session").isTrue();

            int[] counted = checkAfterCleanStop(exchange, journal);
            assertThat(kills.getOrDefault(Kill.ON_PLACE, 0)).as("kills right after an order was sent: %s", kills)
                    .isGreaterThanOrEqualTo(5);
            System.out.printf("crash test: %d kills, %d restarts, %d fills, %d orders checked (kills: %s)%n",
                    KILLS, KILLS, counted[0], counted[1], kills);
        }
    }

    /** Kills the running bot at a moment picked by {@code random}. @return where */
    private static Kill crash(ChildBot bot, SplittableRandom random) throws InterruptedException {
        Kill kill = Kill.pick(random);
        long runFirstMs = random.nextInt(1_500);
        if (kill == Kill.AFTER_DELAY) {
            bot.killAfter(runFirstMs + random.nextInt(1_500));
            return kill;
        }
        bot.runFor(runFirstMs);
        bot.killOnNextLineContaining(kill.marker);
        bot.killAfter(TRIGGER_TIMEOUT.toMillis()); // no such line in time (a quiet market): killed where it stands
        return kill;
    }

    // ------------------------------------------------------------------------------------------------ checks

    /**
     * What must hold whenever the bot is dead: no id twice, every order journaled before it reached the exchange,
     * every journaled fill the exchange's, and everything the exchange had at the previous kill recovered since.
     *
     * @return the exchange's fills now, for the next kill's check
     */
    private static Map<String, Fill> checkAfterKill(int k, SimExchangeServer exchange, JournalFile journal,
                                                    Map<String, Fill> exchangeFillsAtLastKill) throws Exception {
        Map<String, Fill> exchangeFills = exchangeFills(exchange);
        Map<String, JournaledFill> journaled = journal.fills();
        Map<String, String> orders = journal.orderStatuses();
        assertThat(exchange.duplicateOrderIds()).as("client order ids the exchange received twice (kill %d)", k)
                .isEmpty();
        assertThat(orders.keySet()).as("orders the exchange received that were never journaled (kill %d)", k)
                .containsAll(ids(exchange.receivedOrderIds()));
        for (JournaledFill f : journaled.values()) {
            assertSameFill(f, exchangeFills.get(f.key()), "kill " + k);
        }
        assertThat(journaled.keySet()).as("fills made by kill %d that the restart did not recover", k - 1)
                .containsAll(exchangeFillsAtLastKill.keySet());
        return exchangeFills;
    }

    /** After the SIGTERM stop: the same fills, no open orders, positions equal to balances. @return {fills, orders} */
    private static int[] checkAfterCleanStop(SimExchangeServer exchange, JournalFile journal) throws Exception {
        Map<String, Fill> exchangeFills = exchangeFills(exchange);
        Map<String, JournaledFill> journaled = journal.fills();
        Map<String, String> orders = journal.orderStatuses();

        assertThat(exchange.duplicateOrderIds()).as("client order ids the exchange received twice").isEmpty();
        assertThat(orders.keySet()).containsAll(ids(exchange.receivedOrderIds()));
        assertThat(journaled.keySet()).as("fills lost (on the exchange, not in the journal) or invented")
                .containsExactlyInAnyOrderElementsOf(exchangeFills.keySet());
        for (JournaledFill f : journaled.values()) {
            assertSameFill(f, exchangeFills.get(f.key()), "after the stop");
        }

        List<OpenOrder> open = new ArrayList<>();
        VENUES.forEach(v -> open.addAll(exchange.venue(v).openOrders()));
        assertThat(open).as("orders still open on the exchange after the stop").isEmpty();
        assertThat(orders).as("orders the journal holds as live after the stop")
                .allSatisfy((id, status) -> assertThat(LIVE_STATUSES).doesNotContain(status));

        Map<VenueId, Map<Asset, BigDecimal>> balances = new TreeMap<>(java.util.Comparator.comparing(VenueId::name));
        for (VenueId v : VENUES) {
            Map<Asset, BigDecimal> totals = new TreeMap<>();
            for (Balance b : exchange.venue(v).balances().values()) {
                totals.put(b.asset(), b.total().stripTrailingZeros());
            }
            balances.put(v, totals);
        }
        assertThat(normalized(journal.positions())).as("the journal's positions against the exchange's balances")
                .isEqualTo(balances);
        assertThat(normalized(startPlusFills(journaled.values()))).as("starting balances plus the journaled fills"
                + " against the exchange's balances").isEqualTo(balances);
        return new int[] {journaled.size(), orders.size()};
    }

    private static void assertSameFill(JournaledFill journaled, Fill onExchange, String when) {
        assertThat(onExchange).as("journaled fill %s is not on the exchange (%s)", journaled.key(), when).isNotNull();
        assertThat(journaled.clientOrderId()).as("%s order", journaled.key())
                .isEqualTo(onExchange.clientOrderId().value());
        assertThat(journaled.side()).as("%s side", journaled.key()).isEqualTo(onExchange.side());
        assertThat(journaled.price()).as("%s price", journaled.key()).isEqualByComparingTo(onExchange.price());
        assertThat(journaled.size()).as("%s size", journaled.key()).isEqualByComparingTo(onExchange.size());
        assertThat(journaled.fee()).as("%s fee", journaled.key()).isEqualByComparingTo(onExchange.fee());
        assertThat(journaled.feeAsset()).as("%s fee asset", journaled.key()).isEqualTo(onExchange.feeAsset());
    }

    /** Every fill of ours the exchange made, on every venue and market, by venue, symbol and trade id. */
    private static Map<String, Fill> exchangeFills(SimExchangeServer exchange) {
        Map<String, Fill> out = new LinkedHashMap<>();
        for (VenueId v : VENUES) {
            SimulatedVenue venue = exchange.venue(v);
            for (Instrument i : venue.instruments()) {
                for (Fill f : venue.tradesSince(i.id(), null)) {
                    out.put(JournaledFill.key(v, i.id().symbol(), f.tradeId().value()), f);
                }
            }
        }
        return out;
    }

    private static Map<VenueId, Map<Asset, BigDecimal>> startPlusFills(Iterable<JournaledFill> fills) {
        Map<VenueId, Map<Asset, BigDecimal>> out = new TreeMap<>(java.util.Comparator.comparing(VenueId::name));
        for (VenueId v : VENUES) {
            out.put(v, new TreeMap<>(START_BALANCES));
        }
        for (JournaledFill f : fills) {
            Map<Asset, BigDecimal> at = out.get(f.venue());
            BigDecimal sign = BigDecimal.valueOf(f.side().sign());
            at.merge(f.base(), f.size().multiply(sign), BigDecimal::add);
            at.merge(f.quote(), f.price().multiply(f.size()).multiply(sign).negate(), BigDecimal::add);
            at.merge(f.feeAsset(), f.fee().negate(), BigDecimal::add);
        }
        return out;
    }

    private static Map<VenueId, Map<Asset, BigDecimal>> normalized(Map<VenueId, Map<Asset, BigDecimal>> in) {
        Map<VenueId, Map<Asset, BigDecimal>> out = new TreeMap<>(java.util.Comparator.comparing(VenueId::name));
        in.forEach((v, m) -> {
            Map<Asset, BigDecimal> n = new TreeMap<>();
            m.forEach((a, x) -> n.put(a, x.stripTrailingZeros()));
            out.put(v, n);
        });
        return out;
    }

    private static Set<String> ids(Set<ClientOrderId> ids) {
        return ids.stream().map(ClientOrderId::value).collect(Collectors.toSet());
    }

    // ------------------------------------------------------------------------------------------------ setup

    /** BTC at 60 000 USDT, moving a little: enough for quotes to be re-placed and cancelled all the time. */
    private static SimulatedMarketConfig market() {
        return new SimulatedMarketConfig(SEED, 100, USDT, Map.of(BTC, new SimulatedAssetSpec(60_000, 4.0)));
    }

    /** Two venues with a tight book and brisk takers, so our quotes fill often; fees on both sides. */
    private static List<SimulatedVenueConfig> venues() {
        List<SimulatedVenueConfig> out = new ArrayList<>();
        for (VenueId v : VENUES) {
            Instrument btcusdt = new Instrument(new InstrumentId(v, "BTCUSDT"), BTC, USDT, new BigDecimal("0.01"),
                    new BigDecimal("0.0001"), new BigDecimal("5"));
            out.add(new SimulatedVenueConfig(v, 5, new BigDecimal("1"), new BigDecimal("5"), 2.0, START_BALANCES,
                    List.of(new SimulatedMarketSpec(btcusdt, 4.0, 10, new BigDecimal("0.2"), 6.0,
                            new BigDecimal("0.02")))));
        }
        return out;
    }

    private Path writeConfig(URI exchange) throws Exception {
        StringBuilder venues = new StringBuilder();
        for (VenueId v : VENUES) {
            venues.append("  ").append(v).append(":\n")
                    .append("    type: remote-sim\n")
                    .append("    url: ").append(exchange).append('\n')
                    .append("    markets:\n")
                    .append("      BTCUSDT: { base: BTC, quote: USDT }\n");
        }
        String yaml = """
                mode: paper
                quoteCurrency: USDT
                engine:
                  statusIntervalMs: 60000
                  requoteIntervalMs: 100
                venues:
                %s\
                assets:
                  BTC: { target: 1.0, band: 0.01, maxPosition: 0.2, quoteSize: 0.01, spreadBps: 3.0,
                         skewBpsPerUnit: 20 }
                journal:
                  url: %s
                  snapshotIntervalSec: 1
                reconciliation:
                  intervalSec: 1
                """.formatted(venues, dir.resolve("journal.db"));
        Path file = dir.resolve("crash.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
