package dev.ballast.bot.risk;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The operator's way into the engine: commands are posted from any thread (the control file watcher, a signal
 * handler, a test) and applied by the engine thread, in order, at its next {@code doWork}.
 *
 * <p>Thread-safe: {@link #post} from any thread; {@link #drain} from the engine thread only.
 */
public final class OperatorCommands {
    private final Queue<OperatorCommand> queue = new ConcurrentLinkedQueue<>();

    /** Queues a command for the engine. Never blocks. */
    public void post(OperatorCommand command) {
        queue.add(Objects.requireNonNull(command, "command"));
    }

    /** Applies every queued command to {@code consumer}, in order. @return how many */
    public int drain(Consumer<OperatorCommand> consumer) {
        int n = 0;
        for (OperatorCommand c; (c = queue.poll()) != null; n++) {
            consumer.accept(c);
        }
        return n;
    }
}
