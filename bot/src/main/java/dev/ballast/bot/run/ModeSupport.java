package dev.ballast.bot.run;

import dev.ballast.bot.config.BallastConfig;
import dev.ballast.bot.config.Mode;
import java.util.Optional;

/**
 * Which modes this build can run: the one place that says so. Paper mode is assembled by {@link PaperTrading};
 * paper-live and live need the live venues wired to the engine, which this build does not have yet, so
 * {@code run} stops before touching any venue. Their configs load and validate in full.
 *
 * <p>Stateless and thread-safe.
 */
public final class ModeSupport {
    private ModeSupport() {
    }

    /** Empty when {@code run} can trade this config; otherwise why not, as one line for the operator. */
    public static Optional<String> unavailable(BallastConfig config) {
        Mode mode = config.mode();
        return switch (mode) {
            case PAPER -> Optional.empty();
            case PAPER_LIVE, LIVE -> Optional.of("mode " + mode.configName()
                    + ": venue wiring not available in this build (the config is valid: `validate` checks it in full;"
                    + " use mode: paper to run)");
        };
    }
}
