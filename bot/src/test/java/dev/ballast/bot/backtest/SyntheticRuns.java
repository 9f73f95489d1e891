package dev.ballast.bot.backtest;

import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** A made-up backtest for tests of the writers: seeded, so every call gives the same run. */
final class SyntheticRuns {
    static final VenueId SPOT = VenueId.of("binance");
    static final VenueId PERP = VenueId.of("binance-usdm");
    static final long START_NS = 1_723_075_200_000_000_000L; // 2024-08-08T00:00:00Z

    private SyntheticRuns() {
    }

    static BacktestRun run(long seed, int samples, String... names) {
        List<StrategyRun> runs = new java.util.ArrayList<>();
        for (int k = 0; k < names.length; k++) {
            runs.add(strategy(seed + k, samples, names[k], k));
        }
        return new BacktestRun(new BacktestInputs("config.yaml",
                List.of("../shared/data/market/binance-btc-2024-08-08/spot.jsonl"), seed, "BTC", "USDT"), runs);
    }

    private static StrategyRun strategy(long seed, int samples, String name, int flavour) {
        SplittableRandom random = new SplittableRandom(seed);
        BacktestRecorder recorder = new BacktestRecorder();
        double mid = 60_000;
        double spot = 0;
        double perp = 0;
        double pnl = 0;
        for (int i = 0; i < samples; i++) {
            long t = START_NS + i * 1_000_000_000L;
            mid += random.nextGaussian() * 8;
            double fair = mid + 1.5;
            boolean quoting = i % 500 < 450;
            if (random.nextDouble() < 0.05) {
                boolean buy = random.nextBoolean();
                double price = buy ? mid - 6 : mid + 6;
                spot += buy ? 0.01 : -0.01;
                recorder.onFill(t, SPOT, buy ? Side.BUY : Side.SELL, price, 0.01, price * 0.01 * 0.0001, false, fair);
                pnl += 0.06;
            }
            if (flavour != 1 && Math.abs(spot + perp) > 0.05) {
                double size = Math.abs(spot + perp);
                boolean buy = spot + perp < 0;
                double price = buy ? mid + 3 : mid - 3;
                perp += buy ? size : -size;
                recorder.onFill(t, PERP, buy ? Side.BUY : Side.SELL, price, size, price * size * 0.0004, true, fair);
                pnl -= 3 * size;
            }
            pnl += (spot + perp) * random.nextGaussian() * 8;
            Map<VenueId, Double> positions = new TreeMap<>((a, b) -> a.name().compareTo(b.name()));
            positions.put(SPOT, spot);
            positions.put(PERP, perp);
            double skew = -(spot + perp) * 20;
            recorder.onSample(t, fair, spot + perp, positions, pnl, quoting ? mid - 6 + skew : Double.NaN,
                    quoting ? mid + 6 + skew : Double.NaN, mid);
        }
        return recorder.run(name, "strategy " + name + " (synthetic)", 1e-3, 0.04, 60);
    }
}
