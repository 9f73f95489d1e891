package dev.ballast.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ResearchAvellanedaStoikovCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cl = new CommandLine(new ResearchAvellanedaStoikovCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void shouldPrintARowPerGammaAndStrategyNextToThePapers() {
        int code = execute("--seed", "1");

        assertThat(code).isZero();
        String table = out.toString();
        assertThat(table).contains("1000 paths, seed 1");
        assertThat(table.lines().filter(l -> l.contains("inventory") && !l.contains("paper"))).hasSize(3);
        assertThat(table.lines().filter(l -> l.contains(" symmetric") && !l.contains("paper"))).hasSize(3);
        assertThat(table).contains("paper inventory      1.29     62.94         5.89");
        assertThat(table).containsPattern("(?m)^0\\.1 +inventory +1\\.49 ");
    }

    @Test
    void shouldPrintTheSameTableForTheSameSeed() {
        execute("--seed", "7", "--paths", "200");
        String first = out.toString();
        out.getBuffer().setLength(0);

        execute("--seed", "7", "--paths", "200");

        assertThat(out.toString()).isEqualTo(first);
    }

    @Test
    void shouldRunOnlyTheGammasAsked() {
        int code = execute("--gamma", "0.5,2", "--paths", "100");

        assertThat(code).isZero();
        assertThat(out.toString()).containsPattern("(?m)^0\\.5 +inventory").containsPattern("(?m)^2 +inventory")
                .doesNotContain("paper");
    }

    @Test
    void shouldRefuseANonPositiveGammaWithAUsageError() {
        int code = execute("--gamma", "0.1,-1");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--gamma must be > 0 (was -1.0)");
    }

    @Test
    void shouldRefuseZeroPaths() {
        int code = execute("--paths", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--paths must be >= 1 (was 0)");
    }
}
