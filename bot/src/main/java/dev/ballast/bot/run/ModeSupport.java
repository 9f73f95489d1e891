package dev.ballast.bot.run;

import dev.ballast.bot.config.BallastConfig;
import dev.ballast.bot.config.Mode;
import java.util.Optional;

/**
 * Which modes this build can run: the one place that says so. Paper mode is assembled by {@link PaperTrading};
 * paper-live and live by {@link LiveTrading}, for every venue type {@link LiveVenues} has a connector for.
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
            case PAPER_LIVE, LIVE -> config.liveVenues().values().stream()
                    .filter(v -> !LiveVenues.hasConnector(v.type()))
                    .findFirst()
                    .map(v -> "mode " + mode.configName() + ": venues." + v.id() + ".type " + v.type().configName()
                            + " has no connector in this build (the config is valid: `validate` checks it in full)");
        };
    }
}
