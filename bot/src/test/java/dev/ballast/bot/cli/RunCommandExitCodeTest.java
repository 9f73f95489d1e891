package dev.ballast.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.bot.run.BotRunner;
import org.junit.jupiter.api.Test;

/** How the end of a run maps to the process's exit code. */
class RunCommandExitCodeTest {
    @Test
    void shouldExitZeroAfterSigtermEvenWhenAVenueLeftOrdersUnconfirmed() {
        assertThat(RunCommand.exitCode(new BotRunner.Outcome(false, "SIGTERM", true, false))).isZero();
    }

    @Test
    void shouldExitNotFlatWhenTheDurationEndsWithOrdersLeftOpen() {
        assertThat(RunCommand.exitCode(new BotRunner.Outcome(false, "duration reached", false, true)))
                .isEqualTo(BallastCommand.EXIT_NOT_FLAT);
        assertThat(RunCommand.exitCode(new BotRunner.Outcome(true, "duration reached", false, true))).isZero();
    }
}
