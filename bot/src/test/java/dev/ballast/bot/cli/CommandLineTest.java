package dev.ballast.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {
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

    private static Path defaultConfig() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.exists(p.resolve("config.yaml"))) {
            p = p.getParent();
        }
        return p.resolve("config.yaml");
    }

    @Test
    void shouldValidateTheDefaultConfigWithExitCodeZero() {
        int code = execute("validate", "--config", defaultConfig().toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("valid (paper mode, 2 venues, assets [BTC, ETH])");
    }

    @Test
    void shouldValidateThePaperLiveExampleCountingItsLiveVenues() {
        int code = execute("validate", "--config", defaultConfig().resolveSibling("config/examples/paper-live.yaml")
                .toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("valid (paper-live mode, 2 venues, assets [BTC])");
    }

    @Test
    void shouldRefuseToStartPaperLiveWhenTheExchangeCannotBeReached() throws IOException {
        String yaml = Files.readString(defaultConfig().resolveSibling("config/examples/paper-live.yaml"))
                .replace("    type: binance-spot\n", "    type: binance-spot\n    restUrl: http://127.0.0.1:9/\n"
                        + "    wsUrl: ws://127.0.0.1:9/\n    privateWsUrl: ws://127.0.0.1:9/\n    requestTimeoutMs: 500\n")
                .replace("    type: binance-usdm\n", "    type: binance-usdm\n    restUrl: http://127.0.0.1:9/\n"
                        + "    wsUrl: ws://127.0.0.1:9/\n    privateWsUrl: ws://127.0.0.1:9/\n    requestTimeoutMs: 500\n")
                + "journal:\n  url: " + dir.resolve("journal.db") + "\n";
        Path config = Files.writeString(dir.resolve("unreachable.yaml"), yaml);

        int code = execute("run", "--config", config.toString());

        assertThat(code).isEqualTo(BallastCommand.EXIT_VENUE_UNAVAILABLE);
        assertThat(err.toString()).contains("cannot start in paper-live mode").contains("binance");
    }

    @Test
    void shouldExitTwoAndNameTheFieldWhenMaxPositionIsNegative() throws IOException {
        String yaml = Files.readString(defaultConfig()).replace("maxPosition: 0.3 ", "maxPosition: -1 ");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), yaml);

        int code = execute("validate", "--config", bad.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("assets.BTC.maxPosition must be > 0 (was -1)");
    }

    @Test
    void shouldPrintEveryProblemNotJustTheFirst() throws IOException {
        String yaml = Files.readString(defaultConfig())
                .replace("maxPosition: 0.3 ", "maxPosition: -1 ")
                .replace("quoteSize: 0.1\n", "quoteSize: 0\n")
                .replace("statusIntervalMs:", "statusIntervalMS:");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), yaml);

        int code = execute("validate", "--config", bad.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("assets.BTC.maxPosition must be > 0 (was -1)")
                .contains("assets.ETH.quoteSize must be > 0 (was 0)")
                .contains("engine.statusIntervalMS: unknown key (did you mean 'statusIntervalMs'?)");
    }

    @Test
    void shouldRefuseToRunAnInvalidConfigWithoutTouchingAVenue() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "mode: paper\nassets: [\n");

        int code = execute("run", "--config", bad.toString(), "--duration", "1s");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("bad.yaml:");
        assertThat(out.toString()).doesNotContain("engine started");
    }

    @Test
    void shouldNameAMissingConfigFile() {
        int code = execute("validate", "--config", dir.resolve("nope.yaml").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("nope.yaml");
    }

    @Test
    void shouldPrintVersionAndHelp() {
        assertThat(execute("--version")).isZero();
        assertThat(out.toString()).startsWith("ballast ");

        assertThat(execute("--help")).isZero();
        assertThat(out.toString()).contains("run").contains("validate");
    }

    @Test
    void shouldReadDurationsAsOperatorsWriteThem() {
        DurationConverter c = new DurationConverter();

        assertThat(c.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(c.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(c.convert("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> c.convert("2 minutes")).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> c.convert("0s")).hasMessageContaining("must be > 0");
    }
}
