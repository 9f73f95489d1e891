package dev.ballast.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.bot.risk.ControlFile;
import dev.ballast.bot.risk.ControlFileWatcher;
import dev.ballast.bot.risk.OperatorCommand;
import dev.ballast.bot.risk.OperatorCommands;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ballast control}: writes the control file the running bot's watcher reads. */
class ControlCommandTest {
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

    /** The default config.yaml copied into the temp dir, with {@code risk.controlFile} set to {@code controlFile}. */
    private Path config(String controlFile) throws IOException {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.exists(p.resolve("config.yaml"))) {
            p = p.getParent();
        }
        String yaml = Files.readString(p.resolve("config.yaml")).replaceFirst("(?m)^  controlFile: .*$",
                "  controlFile: " + controlFile);
        assertThat(yaml).contains("controlFile: " + controlFile);
        return Files.writeString(dir.resolve("bot.yaml"), yaml);
    }

    private static List<OperatorCommand> drain(OperatorCommands commands) {
        List<OperatorCommand> seen = new ArrayList<>();
        commands.drain(seen::add);
        return seen;
    }

    @Test
    void shouldWriteTheCommandAndReasonToTheControlFileNamedInTheConfigRelativeToIt() throws Exception {
        Path config = config("run/ballast.control");
        Files.createDirectories(dir.resolve("run"));

        int code = execute("control", "halt", "--config", config.toString(), "--reason", "exchange maintenance");

        Path file = dir.resolve("run/ballast.control");
        assertThat(code).isZero();
        assertThat(Files.readString(file)).startsWith("halt exchange maintenance\n# written by ballast control at ");
        assertThat(ControlFile.parse(Files.readString(file), "file")).isEqualTo(
                new OperatorCommand(OperatorCommand.Action.HALT, "exchange maintenance", "file"));
        assertThat(out.toString()).contains("halt (exchange maintenance) written");
        try (var stream = Files.list(dir.resolve("run"))) {
            assertThat(stream).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void shouldLetTheWatcherSeeEachCommandOnceEvenWhenTheSameCommandIsRepeated() throws Exception {
        Path file = dir.resolve("ballast.control");
        OperatorCommands commands = new OperatorCommands();
        ControlFileWatcher watcher = new ControlFileWatcher(file, commands);
        assertThat(watcher.poll()).as("no file yet").isZero();

        execute("control", "reduce", "--control-file", file.toString());
        assertThat(watcher.poll()).isEqualTo(1);
        assertThat(watcher.poll()).as("unchanged").isZero();
        execute("control", "resume", "--control-file", file.toString());
        watcher.poll();
        execute("control", "resume", "--control-file", file.toString(), "--reason", "again");
        watcher.poll();

        assertThat(drain(commands)).extracting(OperatorCommand::action).containsExactly(OperatorCommand.Action.REDUCE,
                OperatorCommand.Action.RESUME, OperatorCommand.Action.RESUME);
    }

    @Test
    void shouldIgnoreAControlFileWithoutACommandUntilItChanges() throws Exception {
        Path file = Files.writeString(dir.resolve("ballast.control"), "# nothing yet\n\n");
        OperatorCommands commands = new OperatorCommands();
        ControlFileWatcher watcher = new ControlFileWatcher(file, commands);

        assertThat(watcher.poll()).isZero();
        Files.writeString(file, "stop now\n");
        assertThat(watcher.poll()).isZero();
        Files.writeString(file, "HALT  by hand \n");
        assertThat(watcher.poll()).isEqualTo(1);

        assertThat(drain(commands)).containsExactly(
                new OperatorCommand(OperatorCommand.Action.HALT, "by hand", "file ballast.control"));
    }

    @Test
    void shouldRefuseAnUnknownCommandWithExitTwoAndWriteNothing() {
        Path file = dir.resolve("ballast.control");

        int code = execute("control", "pause", "--control-file", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("COMMAND must be halt, reduce or resume (was 'pause')");
        assertThat(file).doesNotExist();
    }

    @Test
    void shouldExitOneWhenTheControlFilesDirectoryDoesNotExist() {
        int code = execute("control", "halt", "--control-file", dir.resolve("missing/ballast.control").toString());

        assertThat(code).isEqualTo(ControlCommand.EXIT_NOT_WRITTEN);
        assertThat(err.toString()).contains("cannot write the control file");
    }
}
