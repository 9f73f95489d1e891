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
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Replays recorded Binance markets (spot, the USD-M perpetual and the COIN-M inverse perpetual, whichever are
 * given) through the engine with the configured strategy and three baselines on the same data, prints the
 * side-by-side table and writes {@code results.json} and {@code report.html}.
 *
 * <p>COIN-M quotes BTC in USD, in contracts of 100 USD: the engine counts its positions in BTC (the instrument
 * converts contracts at the price) and USD one for one as a USD stablecoin quote currency (USDT); the price
 * difference between the two currencies is part of the COIN-M venue's basis against spot, which the engine
 * takes out of fair value as it does USD-M's premium.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Replay recorded Binance spot, USD-M and COIN-M data: the configured strategy and three baselines.")
public final class BacktestCommand implements Callable<Integer> {
    private static final Asset USD = Asset.of("USD");
    private static final Set<String> USD_STABLECOINS = Set.of("USDT", "USDC");

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
            description = "the YAML config: its assets (strategy), engine, estimators and hedging sections are used")
    Path config;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "PATH",
            description = "recorded files or directories (binance-spot_*, binance-usdm_*, binance-coinm_*)")
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

    @Option(names = "--coinm-fees-bps", defaultValue = "0.0,2.5", split = ",", paramLabel = "MAKER,TAKER",
            description = "COIN-M perpetual maker,taker fees in bps of face value, charged in BTC "
                    + "(default: ${DEFAULT-VALUE})")
    List<BigDecimal> coinmFees;

    @Option(names = "--coinm-margin", paramLabel = "BASE",
            description = "BTC the COIN-M venue starts with as margin, moved from the spot venue's share of the "
                    + "target (default: the asset's maxPosition, at most its target)")
    BigDecimal coinmMargin;

    @Option(names = "--duration-sec", defaultValue = "0", paramLabel = "SECONDS",
            description = "replay only the first SECONDS of the recording's exchange time (default: all of it)")
    long durationSec;

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
        for (List<BigDecimal> fees : List.of(spotFees, perpFees, coinmFees)) {
            if (fees.size() != 2) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "fees are MAKER,TAKER in bps (was " + fees + ")");
            }
        }
        if (durationSec < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--duration-sec must be >= 0 (was " + durationSec + ")");
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
            spec.commandLine().getErr().println("no recording quoted in " + c.quoteCurrency()
                    + (atPar(c.quoteCurrency()).isEmpty() ? "" : " or " + USD) + " in " + data);
            return 2;
        }
        List<InstrumentFeed> feeds = new ArrayList<>();
        sources.forEach(src -> feeds.addAll(src.instruments()));
        BigDecimal margin;
        try {
            margin = inverseMargin(feeds, c);
        } catch (CommandLine.ParameterException e) {
            sources.forEach(BinanceRecordedSource::close);
            throw e;
        }
        List<BacktestVenueConfig> venues = new ArrayList<>();
        Asset base = null;
        for (InstrumentFeed feed : feeds) {
            base = feed.instrument().base();
            venues.add(venue(feed, c, margin));
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
        RecordedEvents recording = durationSec > 0
                ? RecordedEvents.readFirst(new MergedSource(sources), Duration.ofSeconds(durationSec).toNanos())
                : RecordedEvents.readAll(new MergedSource(sources));
        double readSec = (System.nanoTime() - readStartNs) / 1e9;
        console.printf(java.util.Locale.ROOT, "read %,d events in %.2f s (%,.0f events/s)%n", recording.size(), readSec,
                recording.size() / readSec);
        List<BacktestDriver.Strategy> strategies = strategies(base, assetConfig);
        BacktestDriver driver = new BacktestDriver(c.quoteCurrency(), atPar(c.quoteCurrency()),
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
                base.code(), c.quoteCurrency().code(), durationSec), runs);
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

    /**
     * USD counts at par with a USD stablecoin quote currency: the COIN-M perpetual (quoted in USD) is then traded
     * next to spot and USD-M (in USDT), the USD/USDT rate being part of its basis.
     */
    static Set<Asset> atPar(Asset quoteCurrency) {
        return USD_STABLECOINS.contains(quoteCurrency.code()) ? Set.of(USD) : Set.of();
    }

    /** Recordings quoted in the config's currency, or in one at par with it (COIN-M's USD next to USDT). */
    private List<BinanceRecordedSource> usable(List<BinanceRecordedSource> all, BallastConfig c) {
        List<BinanceRecordedSource> out = new ArrayList<>();
        Set<Asset> atPar = atPar(c.quoteCurrency());
        for (BinanceRecordedSource s : all) {
            boolean ok = s.instruments().stream().allMatch(f -> f.instrument().quote().equals(c.quoteCurrency())
                    || atPar.contains(f.instrument().quote()));
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

    /**
     * The BTC margin of the inverse (COIN-M) venue when one is replayed, else zero: {@code --coinm-margin}, or the
     * asset's {@code maxPosition} (enough to short a whole hedge against it), at most its target.
     */
    private BigDecimal inverseMargin(List<InstrumentFeed> feeds, BallastConfig c) {
        for (InstrumentFeed feed : feeds) {
            AssetConfig a = c.assets().get(feed.instrument().base());
            if (feed.instrument().isInverse() && a != null) {
                BigDecimal margin = coinmMargin != null ? coinmMargin : a.maxPosition().min(a.target());
                if (margin.signum() < 0 || margin.compareTo(a.target()) > 0) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--coinm-margin must be >= 0 and <= "
                            + "assets." + feed.instrument().base() + ".target " + a.target().toPlainString()
                            + " (was " + margin.toPlainString() + ")");
                }
                return margin;
            }
        }
        return BigDecimal.ZERO;
    }

    /**
     * The venue of one recorded market. Together the venues start on target with no position: the spot venue
     * holds the asset's target (less the COIN-M margin) and 100 000 quote; the USD-M perpetual holds 100 000 USDT
     * of margin; the inverse COIN-M perpetual holds {@code inverseMargin} of the asset as its margin — coin-margined
     * — and no USD. The hedge router treats a perpetual's balances as it does spot's (a sell needs the base held
     * there, a buy the quote): USD-M can buy, COIN-M can short up to its margin and buy back what it shorted.
     */
    private BacktestVenueConfig venue(InstrumentFeed feed, BallastConfig c, BigDecimal inverseMargin) {
        Instrument i = feed.instrument();
        boolean spot = i.id().venue().name().equals("binance");
        ContractType type = spot ? ContractType.SPOT
                : i.isInverse() ? ContractType.INVERSE_PERPETUAL : ContractType.LINEAR_PERPETUAL;
        List<BigDecimal> fees = spot ? spotFees : i.isInverse() ? coinmFees : perpFees;
        AssetConfig a = c.assets().get(i.base());
        Map<Asset, BigDecimal> balances = new LinkedHashMap<>();
        if (i.isInverse()) {
            balances.put(i.base(), inverseMargin);
            balances.put(i.quote(), BigDecimal.ZERO);
        } else {
            balances.put(i.base(), spot && a != null ? a.target().subtract(inverseMargin) : BigDecimal.ZERO);
            balances.put(i.quote(), new BigDecimal("100000"));
        }
        return new BacktestVenueConfig(i.id().venue(), i, type, i.isInverse() ? i.contractSizeQuote() : BigDecimal.ONE,
                feed.sequenceRule(), fees.get(0), fees.get(1), latencyMs, cancelLatencyMs, balances);
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
