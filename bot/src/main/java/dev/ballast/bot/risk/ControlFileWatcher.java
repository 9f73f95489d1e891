package dev.ballast.bot.risk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the operator's {@link ControlFile}: each {@link #poll} reads it and, when it is new or changed (content or
 * modification time) since the last poll, posts its command to the engine's {@link OperatorCommands}. A file that
 * does not exist is not a problem (no command); one that cannot be parsed is logged and ignored until it changes.
 *
 * <p>Not thread-safe: polled by one thread — the runner's {@code control-file} thread, once a second — never the
 * engine thread (it does file I/O). Tests call {@link #poll} directly.
 */
public final class ControlFileWatcher {
    private static final Logger LOG = LoggerFactory.getLogger("ballast.risk");

    private final Path file;
    private final OperatorCommands commands;
    private String lastSeen;
    private String lastError;

    public ControlFileWatcher(Path file, OperatorCommands commands) {
        this.file = Objects.requireNonNull(file, "file");
        this.commands = Objects.requireNonNull(commands, "commands");
    }

    /**
     * Reads the file once.
     *
     * @return 1 when a command was posted, 0 otherwise
     */
    public int poll() {
        String key;
        String text;
        try {
            key = Files.getLastModifiedTime(file).toString();
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException gone) {
            if (lastSeen != null) {
                LOG.info("control file {} removed; the trading state stays as it is", file);
            }
            lastSeen = null;
            return 0;
        } catch (IOException | RuntimeException e) {
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!message.equals(lastError)) {
                LOG.warn("control file {} cannot be read: {}", file, message);
                lastError = message;
            }
            return 0;
        }
        lastError = null;
        key = key + '\n' + text;
        if (key.equals(lastSeen)) {
            return 0;
        }
        lastSeen = key;
        try {
            commands.post(ControlFile.parse(text, "file " + file.getFileName()));
            return 1;
        } catch (IllegalArgumentException bad) {
            LOG.warn("control file {} ignored: {}", file, bad.getMessage());
            return 0;
        }
    }

    public Path file() {
        return file;
    }
}
