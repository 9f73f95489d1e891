package dev.ballast.bench;

import dev.ballast.bot.backtest.BacktestDriver;
import dev.ballast.bot.cli.BacktestCommand;
import dev.ballast.bot.config.AssetConfig;
import dev.ballast.bot.config.BallastConfig;
import dev.ballast.bot.config.ConfigLoader;
import dev.ballast.bot.engine.EngineSettings;
import dev.ballast.bot.inventory.InventoryTarget;
import dev.ballast.bot.run.PaperTrading;
import dev.ballast.connectors.backtest.BacktestVenueConfig;
import dev.ballast.connectors.backtest.ContractType;
import dev.ballast.connectors.marketdata.BinanceRecordedSource;
import dev.ballast.connectors.marketdata.InstrumentFeed;
import dev.ballast.connectors.marketdata.MergedSource;
import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End-to-end replay throughput: the whole backtest path for the configured strategy — gunzip, parse, sync, the
 * backtest venues (queue model, republished books) and the engine (books, inventory, quotes, decisions, hedges) —
 * on the recorded Binance spot 08-08 + 08-09 and USD-M 08-08 files, in recorded messages (lines) per second.
 * A plain main with warm-up rounds rather than JMH: one round is a whole replay of about 2 s.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.ballast.bench.BacktestThroughput [rounds]</pre>
 * (run from the project root; the first 3 rounds are warm-up)
 */
public final class BacktestThroughput {
    private BacktestThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        Path data = Path.of("../shared/data/market/binance-btc-2024-08-08");
        List<Path> files = List.of(data.resolve("binance-spot_btcusdt_20240808.gz"),
                data.resolve("binance-spot_btcusdt_20240809.gz"), data.resolve("binance-usdm_btcusdt_20240808.gz"));
        BallastConfig c = ConfigLoader.load(Path.of("config.yaml"));
        Asset btc = Asset.of("BTC");
        AssetConfig a = c.assets().get(btc);
        BacktestDriver.Strategy strategy = BacktestCommand.strategies(btc, a).get(0);
        BacktestDriver driver = new BacktestDriver(c.quoteCurrency(),
                Map.of(btc, new InventoryTarget(a.target(), a.band(), a.maxPosition())),
                new EngineSettings(Duration.ofMillis(c.engine().requoteIntervalMs()).toNanos(),
                        c.engine().requoteToleranceBps(), Duration.ofSeconds(60).toNanos(), 4096),
                PaperTrading.brain(c));
        double[] msgsPerSec = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            List<BinanceRecordedSource> sources = BinanceRecordedSource.openAll(files);
            List<BacktestVenueConfig> venues = new ArrayList<>();
            for (BinanceRecordedSource s : sources) {
                for (InstrumentFeed f : s.instruments()) {
                    venues.add(venue(f, a.target()));
                }
            }
            long[] events = {0};
            long t0 = System.nanoTime();
            try (MergedSource merged = new MergedSource(sources)) {
                driver.run(strategy, merged, venues, n -> events[0] = n);
            }
            long ns = System.nanoTime() - t0;
            long lines = 0;
            for (BinanceRecordedSource s : sources) {
                lines += s.linesRead();
            }
            msgsPerSec[r] = lines / (ns / 1e9);
            System.out.printf("round %d%s: %,d messages (%,d events) in %.3f s = %,.0f messages/s, %,.0f events/s%n",
                    r + 1, r < 3 ? " (warm-up)" : "", lines, events[0], ns / 1e9, msgsPerSec[r], events[0] / (ns / 1e9));
        }
        double[] measured = Arrays.copyOfRange(msgsPerSec, Math.min(3, rounds - 1), rounds);
        Arrays.sort(measured);
        System.out.printf("median of measured rounds: %,.0f messages/s (min %,.0f, max %,.0f, %d rounds)%n",
                measured[measured.length / 2], measured[0], measured[measured.length - 1], measured.length);
    }

    private static BacktestVenueConfig venue(InstrumentFeed feed, BigDecimal target) {
        Instrument i = feed.instrument();
        boolean spot = i.id().venue().name().equals("binance");
        Map<Asset, BigDecimal> balances = new LinkedHashMap<>();
        balances.put(i.base(), spot ? target : BigDecimal.ZERO);
        balances.put(i.quote(), new BigDecimal("100000"));
        return new BacktestVenueConfig(i.id().venue(), i, spot ? ContractType.SPOT : ContractType.LINEAR_PERPETUAL,
                BigDecimal.ONE, feed.sequenceRule(), spot ? new BigDecimal("1.0") : BigDecimal.ZERO,
                spot ? new BigDecimal("4.0") : new BigDecimal("2.5"), 20, 20, balances);
    }
}
