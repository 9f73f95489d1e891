package dev.ballast.bot.crash;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ballast run --config FILE} in a child JVM on the test's own classpath, whose output the test reads line by
 * line: to know when the bot trades (its first {@code PLACE} line), and to kill it with SIGKILL the instant it writes a
 * chosen line — the bot logs {@code PLACE} after journaling an order's intent and just before handing the order to
 * the venue, so a kill there lands between sending the order and journaling its acknowledgement.
 *
 * <p>The bot writes to a log file, which one reader thread per child follows as it grows (every 0.2 ms when idle)
 * and which does the triggered kill itself, with no hand-off. Everything else is called from the test thread.
 */
final class ChildBot {
    private static final int TAIL_LINES = 60;
    private static final long POLL_NS = 200_000;

    private final Process process;
    private final Path log;
    private final Thread reader;
    private final Deque<String> tail = new ArrayDeque<>(); // guarded by itself
    private final AtomicReference<String> killOn = new AtomicReference<>();
    private final AtomicReference<String> killedAt = new AtomicReference<>();
    private final CountDownLatch trading = new CountDownLatch(1);
    private final AtomicLong places = new AtomicLong();
    private volatile boolean killedOnLine;

    private ChildBot(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.reader = new Thread(this::read, "child-bot-output-" + process.pid());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Starts the bot on {@code config}; its output (stderr merged) is read, and copied to {@code log}. */
    static ChildBot start(Path config, Path workDir, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-ea");
        command.add("-XX:TieredStopAtLevel=1"); // starts faster: each restart is a cold JVM
        command.add("-XX:+UseSerialGC");
        command.add("-Xmx256m");
        command.add("-Dlogback.configurationFile=logback.xml"); // the bot's own (test resources hold a quieter one)
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.ballast.bot.Main");
        command.add("run");
        command.add("--config");
        command.add(config.toString());
        try {
            // to a file rather than a pipe: the JDK closes a child's pipe under a reader when the child exits, losing
            // its last lines (the shutdown's); the reader follows the file as it grows
            return new ChildBot(new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the bot: " + command, e);
        }
    }

    /**
     * Waits until the bot has placed its first order of this run (recovery done, quoting).
     *
     * @throws AssertionError when it did not within {@code timeout} (it exited, or refused to start)
     */
    void awaitTrading(Duration timeout) throws InterruptedException {
        if (!trading.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the bot did not start trading within " + timeout + (process.isAlive() ? ""
                    : " (exited with " + process.exitValue() + ")") + "; its log: " + log + "; its last lines:\n" + tail());
        }
    }

    /** Kills the bot (SIGKILL) as soon as it writes a line containing {@code marker}. */
    void killOnNextLineContaining(String marker) {
        killOn.set(marker);
    }

    /** Lets the bot run for {@code ms}, or until it dies. */
    void runFor(long ms) throws InterruptedException {
        process.waitFor(ms, TimeUnit.MILLISECONDS);
    }

    /** Lets the bot run for up to {@code ms} (returns early if it dies), then kills it (SIGKILL). */
    void killAfter(long ms) throws InterruptedException {
        if (!process.waitFor(ms, TimeUnit.MILLISECONDS)) {
            killedAt.compareAndSet(null, "after " + ms + " ms");
            process.destroyForcibly();
        }
    }

    /** Asks the bot to stop (SIGTERM: cancel everything, flush the journal, exit). */
    void terminate() {
        process.destroy();
    }

    /**
     * Waits for the process to end and for its output to be read.
     *
     * @return its exit code (137 after SIGKILL, 143 for an unhandled SIGTERM)
     * @throws AssertionError when it is still alive after {@code timeout}
     */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the bot did not exit within " + timeout + "; its log: " + log
                    + "; its last lines:\n" + tail());
        }
        reader.join(timeout.toMillis());
        return process.exitValue();
    }

    /** What the kill interrupted: the line it was triggered by, or the delay. */
    String killedAt() {
        return killedAt.get();
    }

    /** True when the kill was triggered by a line (not by a delay running out). */
    boolean killedOnALine() {
        return killedOnLine;
    }

    /** The {@code PLACE} lines written in this run. */
    long placeCount() {
        return places.get();
    }

    /** The last lines the bot wrote. */
    String tail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    private void read() {
        try (InputStream in = Files.newInputStream(log)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            while (true) {
                boolean exited = !process.isAlive(); // read after: what it wrote before exiting is in the file
                int n = in.read(buffer);
                if (n > 0) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            onLine(line.toString(StandardCharsets.UTF_8));
                            line.reset();
                        } else {
                            line.write(buffer[i]);
                        }
                    }
                } else if (exited) {
                    return;
                } else {
                    LockSupport.parkNanos(POLL_NS);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the bot's output " + log, e);
        }
    }

    private void onLine(String line) {
        String marker = killOn.get();
        if (marker != null && line.contains(marker) && killOn.compareAndSet(marker, null)) {
            process.destroyForcibly(); // first, before anything else: the bot is mid-way through this step
            killedOnLine = killedAt.compareAndSet(null, line);
        }
        if (line.contains(" PLACE ")) {
            places.incrementAndGet();
            trading.countDown();
        }
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }
    }
}
