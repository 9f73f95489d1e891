package dev.ballast.bot.cli;

import dev.ballast.bot.backtest.BacktestDriver;
import dev.ballast.bot.backtest.BacktestInputs;
import dev.ballast.bot.backtest.BacktestRecorder;
import dev.ballast.bot.backtest.BacktestReport;
import dev.ballast.bot.backtest.BacktestResults;
import dev.ballast.bot.backtest.BacktestRun;
import dev.ballast.bot.backtest.ConsoleTable;
import dev.ballast.bot.backtest.ProgressBar;
import dev.ballast.bot.backtest.StrategyRun;
import dev.ballast.bot.config.AssetConfig;
import dev.ballast.bot.config.BallastConfig;
import dev.ballast.bot.config.ConfigException;
import dev.ballast.bot.config.ConfigLoader;
import dev.ballast.bot.engine.AssetSettings;
import dev.ballast.bot.engine.EngineSettings;
import dev.ballast.bot.engine.HedgeSettings;
import dev.ballast.bot.inventory.InventoryTarget;
import dev.ballast.bot.run.PaperTrading;
import dev.ballast.connectors.backtest.BacktestVenueConfig;
import dev.ballast.connectors.backtest.ContractType;
import dev.ballast.connectors.binance.BinanceMarket;
import dev.ballast.connectors.marketdata.BinanceRecordedSource;
import dev.ballast.connectors.marketdata.InstrumentFeed;
import dev.ballast.connectors.marketdata.MarketDataSource;
import dev.ballast.connectors.marketdata.MergedSource;
import dev.ballast.connectors.marketdata.RecordedEvents;
import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.strategies.quoting.LinearSkewQuoteModel;
import dev.ballast.strategies.quoting.QuoteModels;
import dev.ballast.strategies.rebalance.RebalanceParams;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Replays recorded Binance markets (spot to quote, the USD-M perpetual to hedge) through the engine with the
 * configured strategy and three baselines on the same data, prints the side-by-side table and writes
 * {@code results.json} and {@code report.html}.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Replay recorded Binance spot + USD-M data: the configured strategy and three baselines.")
public final class BacktestCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
            description = "the YAML config: its assets (strategy), engine, estimators and hedging sections are used")
    Path config;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "PATH",
            description = "recorded files or directories (binance-spot_*, binance-usdm_*)")
    List<Path> data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "backtest-out",
            description = "where results.json and report.html go (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--latency-ms", defaultValue = "20", description = "order latency (default: ${DEFAULT-VALUE})")
    long latencyMs;

    @Option(names = "--cancel-latency-ms", defaultValue = "20",
            description = "cancel latency (default: ${DEFAULT-VALUE})")
    long cancelLatencyMs;

    @Option(names = "--spot-fees-bps", defaultValue = "1.0,4.0", split = ",", paramLabel = "MAKER,TAKER",
            description = "spot maker,taker fees in bps (default: ${DEFAULT-VALUE})")
    List<BigDecimal> spotFees;

    @Option(names = "--perp-fees-bps", defaultValue = "0.0,2.5", split = ",", paramLabel = "MAKER,TAKER",
            description = "USD-M perpetual maker,taker fees in bps (default: ${DEFAULT-VALUE})")
    List<BigDecimal> perpFees;

    @Option(names = "--seed", defaultValue = "1", description = "recorded in the results (the replay is deterministic)")
    long seed;

    @Option(names = "--score-interval-sec", defaultValue = "60",
            description = "interval of the PnL variance in the mean-variance score (default: ${DEFAULT-VALUE})")
    double scoreIntervalSec;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BallastConfig c;
        try {
            c = ConfigLoader.load(config);
        } catch (ConfigException e) {
            ValidateCommand.printProblems(spec.commandLine(), e);
            return BallastCommand.EXIT_INVALID_CONFIG;
        }
        PrintStream console = System.out;
        quietTradingLogs();
        List<StrategyRun> runs = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (Path p : data) {
            files.add(p.getFileName().toString());
        }
        List<BinanceRecordedSource> sources = usable(BinanceRecordedSource.openAll(data), c);
        if (sources.isEmpty()) {
            spec.commandLine().getErr().println("no spot or USD-M recording quoted in " + c.quoteCurrency() + " in " + data);
            return 2;
        }
        List<BacktestVenueConfig> venues = new ArrayList<>();
        Asset base = null;
        for (BinanceRecordedSource src : sources) {
            for (InstrumentFeed feed : src.instruments()) {
                base = feed.instrument().base();
                venues.add(venue(feed, c));
            }
        }
        AssetConfig assetConfig = c.assets().get(base);
        if (assetConfig == null) {
            spec.commandLine().getErr().println("the config has no assets." + base + " section for the recorded "
                    + base + " markets");
            sources.forEach(BinanceRecordedSource::close);
            return 2;
        }
        // read and parse once; every strategy replays the same events from memory
        console.println("reading " + files + " ...");
        long readStartNs = System.nanoTime();
        RecordedEvents recording = RecordedEvents.readAll(new MergedSource(sources));
        double readSec = (System.nanoTime() - readStartNs) / 1e9;
        console.printf(java.util.Locale.ROOT, "read %,d events in %.2f s (%,.0f events/s)%n", recording.size(), readSec,
                recording.size() / readSec);
        List<BacktestDriver.Strategy> strategies = strategies(base, assetConfig);
        BacktestDriver driver = new BacktestDriver(c.quoteCurrency(),
                Map.of(base, new InventoryTarget(assetConfig.target(), assetConfig.band(), assetConfig.maxPosition())),
                engineSettings(c), PaperTrading.brain(c));
        for (int s = 0; s < strategies.size(); s++) {
            BacktestDriver.Strategy strategy = strategies.get(s);
            try (MarketDataSource replay = recording.replay()) {
                console.println("backtest " + (s + 1) + "/" + strategies.size() + ": " + strategy.name() + " — "
                        + strategy.description());
                // the bar's clock is the wall clock: it shows the operator how fast the replay runs
                long startNs = System.nanoTime();
                ProgressBar bar = new ProgressBar(console, 1000, startNs, 100_000_000L, 40);
                long[] count = {0};
                BacktestRecorder rec = driver.run(strategy, replay, venues, n -> {
                    count[0] = n;
                    bar.update((long) (replay.progress() * 1000), n, System.nanoTime());
                });
                bar.finish(count[0], System.nanoTime());
                runs.add(rec.run(strategy.name(), strategy.description(), hedgeGamma(assetConfig),
                        assetConfig.band().doubleValue(), scoreIntervalSec));
            }
        }
        BacktestRun run = new BacktestRun(new BacktestInputs(config.getFileName().toString(), files, seed,
                base.code(), c.quoteCurrency().code()), runs);
        Files.createDirectories(out);
        BacktestResults.write(run, out.resolve("results.json"));
        BacktestReport.write(run, out.resolve("report.html"));
        console.print(ConsoleTable.render(run));
        console.println("wrote " + out.resolve("results.json") + " and " + out.resolve("report.html"));
        return 0;
    }

    /**
     * A replay trades thousands of times a simulated minute: the per-order and per-decision INFO lines of a live
     * run would drown the console (and cost most of the replay's time). Warnings still show.
     */
    private static void quietTradingLogs() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx) {
            for (String name : List.of("ballast.orders", "ballast.fills", "dev.ballast.bot.engine.Engine")) {
                ctx.getLogger(name).setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    private static double hedgeGamma(AssetConfig a) {
        return a.rebalanceParams().riskAversion();
    }

    /** Spot and USD-M recordings quoted in the config's currency; the COIN-M (USD, inverse) one is left out. */
    private List<BinanceRecordedSource> usable(List<BinanceRecordedSource> all, BallastConfig c) {
        List<BinanceRecordedSource> out = new ArrayList<>();
        for (BinanceRecordedSource s : all) {
            boolean ok = s.instruments().stream().allMatch(f -> f.instrument().quote().equals(c.quoteCurrency()));
            if (ok) {
                out.add(s);
            } else {
                spec.commandLine().getErr().println("skipping " + s.describe() + ": quoted in "
                        + s.instruments().get(0).instrument().quote() + ", not " + c.quoteCurrency());
                s.close();
            }
        }
        return out;
    }

    private BacktestVenueConfig venue(InstrumentFeed feed, BallastConfig c) {
        Instrument i = feed.instrument();
        boolean spot = i.id().venue().name().equals("binance");
        List<BigDecimal> fees = spot ? spotFees : perpFees;
        AssetConfig a = c.assets().get(i.base());
        Map<Asset, BigDecimal> balances = new LinkedHashMap<>();
        // the spot venue holds the target; the perpetual starts flat with margin in quote
        balances.put(i.base(), spot && a != null ? a.target() : BigDecimal.ZERO);
        balances.put(i.quote(), new BigDecimal("100000"));
        return new BacktestVenueConfig(i.id().venue(), i, spot ? ContractType.SPOT : ContractType.LINEAR_PERPETUAL,
                BigDecimal.ONE, feed.sequenceRule(), fees.get(0), fees.get(1), latencyMs, cancelLatencyMs, balances);
    }

    private static EngineSettings engineSettings(BallastConfig c) {
        var ec = c.engine();
        return new EngineSettings(Duration.ofMillis(ec.requoteIntervalMs()).toNanos(), ec.requoteToleranceBps(),
                Duration.ofMillis(ec.statusIntervalMs()).toNanos(), 4096);
    }

    /** The configured strategy first, then the three baselines on the same asset settings. */
    public static List<BacktestDriver.Strategy> strategies(Asset asset, AssetConfig a) {
        double max = a.maxPosition().doubleValue();
        double band = a.band().doubleValue();
        double quoteSize = a.quoteSize().doubleValue();
        var model = QuoteModels.create(a.model().configName(), a.quoteModelParams());
        HedgeSettings configured = a.hedge().enabled()
                ? new HedgeSettings(a.rebalanceParams(), a.hedge().execution()::schedule) : null;
        // "at once": any drift is out of band and waiting is never worth its risk: every fill is hedged at market
        HedgeSettings atOnce = new HedgeSettings(new RebalanceParams(0, 1e12, 0, 0, 0, 1, 0, 16),
                (start, size, minChild) -> new dev.ballast.strategies.execution.ImmediateIoc());
        // "no skew": symmetric quotes; past the band, hedge everything back at once
        HedgeSettings pastBand = new HedgeSettings(new RebalanceParams(band, 1e12, 0, 0.5, 0, 1, 0, 16),
                (start, size, minChild) -> new dev.ballast.strategies.execution.ImmediateIoc());
        return List.of(
                new BacktestDriver.Strategy("configured", a.model().configName() + " quotes, hedging "
                        + (configured == null ? "off" : "by the decision"),
                        Map.of(asset, new AssetSettings(asset, model, max, configured))),
                new BacktestDriver.Strategy("no-hedge", "the configured quotes, skewed; never hedges",
                        Map.of(asset, new AssetSettings(asset, QuoteModels.create(a.model().configName(),
                                a.quoteModelParams()), max, null))),
                new BacktestDriver.Strategy("hedge-at-once", "the configured quotes; every fill hedged at once at market",
                        Map.of(asset, new AssetSettings(asset, QuoteModels.create(a.model().configName(),
                                a.quoteModelParams()), max, atOnce))),
                new BacktestDriver.Strategy("no-skew", "symmetric quotes (no skew); hedged back past the band",
                        Map.of(asset, new AssetSettings(asset, new LinearSkewQuoteModel(quoteSize, a.spreadBps(), 0),
                                max, pastBand))));
    }
}
