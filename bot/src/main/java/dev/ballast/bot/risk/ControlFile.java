package dev.ballast.bot.risk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * The operator's control file: one command per file, {@code halt}, {@code reduce} or {@code resume}, optionally
 * followed by a reason on the same line ({@code halt exchange maintenance at 14:00}). Blank lines and lines
 * starting with {@code #} are ignored; the first other line is the command. The bot reads it every second and
 * applies it each time the file changes (and once at start, so a bot restarted after a {@code halt} starts
 * HALTED).
 *
 * <p>Stateless and thread-safe.
 */
public final class ControlFile {
    private ControlFile() {
    }

    /**
     * The command in a control file's text.
     *
     * @param source where it came from, for the log ({@code file ballast.control})
     * @throws IllegalArgumentException when there is no command, or the first word is not one
     */
    public static OperatorCommand parse(String text, String source) {
        Objects.requireNonNull(text, "text");
        for (String line : text.split("\\R")) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] words = s.split("\\s+", 2);
            OperatorCommand.Action action = OperatorCommand.Action.ofWord(words[0]).orElseThrow(() ->
                    new IllegalArgumentException("the command must be halt, reduce or resume (was '" + words[0] + "')"));
            return new OperatorCommand(action, words.length > 1 ? words[1] : "", source);
        }
        throw new IllegalArgumentException("no command in the file: write halt, reduce or resume");
    }

    /** The text {@link #write} puts in the file. */
    public static String text(OperatorCommand.Action action, String reason, String comment) {
        String oneLineReason = reason == null ? "" : reason.replaceAll("\\s+", " ").strip();
        String oneLineComment = comment == null ? "" : comment.replaceAll("\\s+", " ").strip();
        return action.word() + (oneLineReason.isEmpty() ? "" : " " + oneLineReason) + "\n"
                + (oneLineComment.isEmpty() ? "" : "# " + oneLineComment + "\n");
    }

    /**
     * Replaces the control file atomically (a temporary file in the same directory, then an atomic rename), so the
     * bot never reads half a command.
     *
     * @param comment a line written after the command as a comment (who wrote it and when); it also makes each
     *                write differ from the last, so repeating a command is seen as a new one
     * @throws IOException when the directory cannot be written or the file system cannot rename atomically
     */
    public static void write(Path file, OperatorCommand.Action action, String reason, String comment) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text(action, reason, comment), StandardCharsets.UTF_8);
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(tmp);
            throw new IOException(dir + " cannot rename files atomically; the control file needs a local file system", e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
