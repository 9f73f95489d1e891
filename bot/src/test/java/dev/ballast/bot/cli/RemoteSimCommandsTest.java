package dev.ballast.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.bot.config.ConfigLoader;
import dev.ballast.bot.run.PaperTrading;
import dev.ballast.bot.run.SystemClock;
import dev.ballast.connectors.remote.SimExchangeServer;
import dev.ballast.connectors.remote.SimExchangeSettings;
import dev.ballast.core.VenueId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ballast run} on venues of a simulated exchange in another process ({@code type: remote-sim}), and
 * {@code ballast sim-exchange}'s refusal of a config it cannot serve. The exchange runs in this process on loopback.
 */
class RemoteSimCommandsTest {
    private static final VenueId SIM_A = VenueId.of("sim-a");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cl = BallastCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** A paper config whose one venue, sim-a, is served at {@code url}; its journal in the test's directory. */
    private Path remoteConfig(String url) throws Exception {
        Path file = dir.resolve("remote.yaml");
        Files.writeString(file, """
                mode: paper
                quoteCurrency: USDT
                venues:
                  sim-a:
                    type: remote-sim
                    url: %s
                    markets:
                      BTCUSDT: { base: BTC, quote: USDT }
                assets:
                  BTC: { target: 0.5, band: 0.02, maxPosition: 0.3, quoteSize: 0.01, spreadBps: 6.0,
                         skewBpsPerUnit: 20, hedge: { enabled: false } }
                journal:
                  url: %s
                """.formatted(url, dir.resolve("journal.db")));
        return file;
    }

    private static Path defaultConfig() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.exists(p.resolve("config.yaml"))) {
            p = p.getParent();
        }
        return p.resolve("config.yaml");
    }

    @Test
    void shouldTradeOnASimulatedExchangeInAnotherProcessAndStopFlat() throws Exception {
        var paper = ConfigLoader.load(defaultConfig());
        try (SimExchangeServer exchange = SimExchangeServer.start(PaperTrading.simulatedMarketConfig(paper),
                List.of(PaperTrading.simulatedVenueConfig(paper.venues().get(SIM_A), paper.venues().get(SIM_A)
                        .balances())), new SystemClock(), SimExchangeSettings.onPort(0))) {
            int code = execute("run", "--config", remoteConfig(exchange.url().toString()).toString(),
                    "--duration", "3s");

            assertThat(code).as(err.toString()).isZero();
            assertThat(exchange.receivedOrderIds()).as("orders that reached the exchange").isNotEmpty();
            assertThat(exchange.duplicateOrderIds()).isEmpty();
            assertThat(exchange.venue(SIM_A).openOrders()).as("everything cancelled at the stop").isEmpty();
        }
    }

    @Test
    void shouldRefuseToStartWithExitFourWhenTheExchangeCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }

        int code = execute("run", "--config", remoteConfig("http://127.0.0.1:" + closedPort).toString());

        assertThat(code).isEqualTo(BallastCommand.EXIT_VENUE_UNAVAILABLE);
        assertThat(err.toString()).contains("cannot start in paper mode").contains("sim-a");
    }

    @Test
    void shouldRefuseToServeAConfigWithoutSimulatedVenues() throws Exception {
        int code = execute("sim-exchange", "--config", remoteConfig("http://127.0.0.1:1").toString(), "--port", "0");

        assertThat(code).isEqualTo(BallastCommand.EXIT_INVALID_CONFIG);
        assertThat(err.toString()).contains("no simulated venues (type: simulated) to serve");
    }
}
