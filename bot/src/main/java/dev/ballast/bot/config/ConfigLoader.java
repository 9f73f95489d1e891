package dev.ballast.bot.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Loads a {@link BallastConfig} from a YAML file shaped like the project's config.yaml (every key is described
 * in docs/config.md), or reports every problem in it at once.
 *
 * <p>What is checked, in one pass: YAML syntax (a syntax error stops the read, as the rest cannot be parsed);
 * {@code ${VAR}} and {@code ${VAR:-default}} references in values, resolved from the environment before the
 * values are read; unknown keys (with the closest valid key suggested), duplicate keys, missing required keys
 * and values of the wrong type (each with line, column and dotted path); then each part's rules and the rules
 * between parts (see the records' Javadoc), named by dotted path. A part whose own values are missing or
 * mistyped is not checked further, and the rules between parts are checked once every part reads cleanly, so
 * a fixed config may show a few more problems on the next run, never misleading ones.
 *
 * <p>Values of keys named like a credential ({@code *key*}, {@code *secret*}, {@code *passphrase*}) are never
 * shown in a message, nor are the values of environment variables that fail to resolve. A live venue's API keys are
 * taken only as {@code ${VAR}} references: a key written into the file is refused.
 *
 * <p>Stateless and thread-safe; loading reads the file and the environment, nothing else.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * Loads {@code file}, resolving {@code ${VAR}} references from the process environment.
     *
     * @throws ConfigException listing every problem, when the file cannot be read or is not a valid config
     */
    public static BallastConfig load(Path file) throws ConfigException {
        return load(file, System::getenv);
    }

    /**
     * Loads {@code file}, resolving {@code ${VAR}} references with {@code env}.
     *
     * @param env a variable's value by name, or null when it is not set (tests pass {@code Map::get})
     * @throws ConfigException listing every problem, when the file cannot be read or is not a valid config
     */
    public static BallastConfig load(Path file, Function<String, String> env) throws ConfigException {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, List.of(source + ": no such file"));
        } catch (AccessDeniedException e) {
            throw new ConfigException(source, List.of(source + ": cannot read the file: permission denied"));
        } catch (CharacterCodingException e) {
            throw new ConfigException(source, List.of(source + ": the file is not UTF-8 text"));
        } catch (IOException e) {
            String reason = e.getMessage() == null ? "an I/O error" : e.getMessage();
            throw new ConfigException(source, List.of(source + ": cannot read the file: " + reason));
        }
        return parse(text, source, env);
    }

    /**
     * Loads a config from YAML text.
     *
     * @param source how problems name the text, usually its file name
     * @param env a variable's value by name, or null when it is not set
     * @throws ConfigException listing every problem
     */
    public static BallastConfig parse(String yaml, String source, Function<String, String> env)
            throws ConfigException {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(env, "env");
        Problems problems = new Problems(source);
        YamlNode.Mapping root = new YamlTreeReader(problems, env).read(yaml);
        BallastConfig config = root == null ? null : new ConfigBinder(problems, env).bind(root);
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems.messages());
        }
        if (config == null) {
            throw new IllegalStateException(source + ": the config was not built, yet no problem was reported");
        }
        return config;
    }
}
