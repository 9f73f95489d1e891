package dev.ballast.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ResearchAlmgrenChrissCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cl = new CommandLine(new ResearchAlmgrenChrissCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void shouldPrintThePapersTable1TrajectoryCostAndRiskByDefault() {
        int code = execute();

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("X = 1000000  T = 5  N = 5  tau = T/N = 1")
                .contains("kappa = 0.607076 per time unit  kappa*T = 3.0354")
                .containsPattern("1 +1\\.0000 +541,955\\.6 +458,044\\.4 +800,000\\.0 +200,000\\.0")
                .containsPattern("5 +5\\.0000 +0\\.0 +62,141\\.8 +0\\.0 +200,000\\.0")
                .containsPattern("E +911,226\\.99 +662,500\\.00")
                .containsPattern("sqrt\\(V\\) +603,430\\.67 +1,040,672\\.86")
                .containsPattern("E \\+ lambda\\*V +1,275,355\\.56 +1,745,500\\.00");
    }

    @Test
    void shouldTradeInEqualSlicesWithoutRiskAversion() {
        int code = execute("--lambda", "0", "-X", "0.5", "-T", "60", "-N", "6", "--sigma", "3", "--eta", "0.5",
                "--epsilon", "3", "--gamma", "0");

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("kappa = 0.000000")
                .containsPattern("1 +10\\.0000 +0\\.416667 +0\\.083333 +0\\.416667 +0\\.083333")
                .containsPattern("E +1\\.50 +1\\.50");
    }

    @Test
    void shouldExitTwoNamingTheParameterWhenTheProblemIsInvalid() {
        int code = execute("--periods", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("periods must be >= 1 (was 0)");
        assertThat(out.toString()).isEmpty();
    }
}
