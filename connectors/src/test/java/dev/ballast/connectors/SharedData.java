package dev.ballast.connectors;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's shared real data ({@code ../shared/data} beside the project root) from wherever the
 * tests run: surefire's working directory is the module, so this walks up until it finds it.
 */
public final class SharedData {
    private SharedData() {
    }

    /** {@code <shared>/data/<relative>}. @throws IllegalStateException if no ancestor has it */
    public static Path resolve(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/data").resolve(relative).normalize();
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared data '" + relative + "' not found above "
                + Path.of("").toAbsolutePath() + " (expected at <project root>/../shared/data)");
    }
}
