package dev.ballast.bot.cli;

import dev.ballast.bot.config.BallastConfig;
import dev.ballast.bot.config.ConfigException;
import dev.ballast.bot.config.ConfigLoader;
import dev.ballast.bot.config.VenueConfig;
import dev.ballast.bot.run.PaperTrading;
import dev.ballast.bot.run.SystemClock;
import dev.ballast.connectors.remote.SimExchangeServer;
import dev.ballast.connectors.remote.SimExchangeSettings;
import dev.ballast.connectors.sim.SimulatedVenueConfig;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Serves a config's simulated venues (its {@code simulation} and {@code type: simulated} venues) over HTTP until
 * Ctrl-C or SIGTERM, so that paper bots in other processes trade on one simulated market through
 * {@code type: remote-sim} venues — and so that the exchange outlives a bot that is stopped or killed.
 */
@Command(name = "sim-exchange", mixinStandardHelpOptions = true,
        description = "Serve the config's simulated venues over HTTP for paper bots in other processes"
                + " (their venues: type remote-sim, url http://HOST:PORT) until Ctrl-C or SIGTERM.")
public final class SimExchangeCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
            description = "a paper config; its simulation and simulated venues are served")
    Path config;

    @Option(names = {"-p", "--port"}, paramLabel = "N", defaultValue = "7070",
            description = "the TCP port (0: any free one); default ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = SimExchangeSettings.DEFAULT_HOST,
            description = "the address to listen on; default ${DEFAULT-VALUE} (this machine only)")
    String host;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        BallastConfig c;
        try {
            c = ConfigLoader.load(config);
        } catch (ConfigException e) {
            ValidateCommand.printProblems(spec.commandLine(), e);
            return BallastCommand.EXIT_INVALID_CONFIG;
        }
        if (c.venues().isEmpty()) {
            spec.commandLine().getErr().println(config + ": no simulated venues (type: simulated) to serve");
            return BallastCommand.EXIT_INVALID_CONFIG;
        }
        List<SimulatedVenueConfig> venues = new ArrayList<>();
        for (VenueConfig vc : c.venues().values()) {
            venues.add(PaperTrading.simulatedVenueConfig(vc, vc.balances()));
        }
        SimExchangeServer server;
        try {
            server = SimExchangeServer.start(PaperTrading.simulatedMarketConfig(c), venues, new SystemClock(),
                    new SimExchangeSettings(host, port, SimExchangeSettings.DEFAULT_HEARTBEAT_INTERVAL_MS,
                            SimExchangeSettings.DEFAULT_SESSION_QUEUE_CAPACITY));
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("sim-exchange: " + e.getMessage() + " (" + e.getCause() + ")");
            return BallastCommand.EXIT_VENUE_UNAVAILABLE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sim-exchange-shutdown"));
        spec.commandLine().getOut().printf("sim-exchange: serving %s at %s (Ctrl-C to stop)%n",
                String.join(", ", c.venues().keySet().stream().map(Object::toString).toList()), server.url());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
