package dev.ballast.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.bot.cli.BallastCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the {@code backtest} command on the recorded Binance files, for the tests on real data. */
final class RecordedBacktests {
    static final String SPOT = "binance-spot_btcusdt_20240808.gz";
    static final String USDM = "binance-usdm_btcusdt_20240808.gz";
    static final String COINM = "binance-coinm_btcusd_perp_20240808.gz";

    private RecordedBacktests() {
    }

    /** The project root: the first directory up from here with the default config.yaml and the parent pom. */
    static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (!(Files.exists(p.resolve("config.yaml")) && Files.exists(p.resolve("pom.xml")))) {
            p = p.getParent();
        }
        return p;
    }

    /**
     * Runs {@code backtest --config <root>/config.yaml --data <files> --out <out> <options>} and returns what it
     * printed; fails the test on a non-zero exit code.
     */
    static String run(Path out, List<String> files, String... options) {
        Path root = projectRoot();
        Path data = root.resolve("../shared/data/market/binance-btc-2024-08-08");
        List<String> args = new ArrayList<>(List.of("backtest", "--config", root.resolve("config.yaml").toString(),
                "--data"));
        files.forEach(f -> args.add(data.resolve(f).toString()));
        args.addAll(List.of("--out", out.toString()));
        args.addAll(List.of(options));
        StringWriter err = new StringWriter();
        CommandLine cl = BallastCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = cl.execute(args.toArray(String[]::new));
        } finally {
            System.setOut(old);
        }
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
