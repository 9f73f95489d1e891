package dev.ballast.bot.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of the project from a test, whatever directory the test runs in (surefire uses the module's). */
final class ProjectFiles {
    private ProjectFiles() {
    }

    /** The project root: the nearest directory up from here holding both config.yaml and pom.xml. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("config.yaml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory above " + Path.of("").toAbsolutePath()
                + " holds config.yaml and pom.xml");
    }

    /** The committed default configuration. */
    static Path defaultConfig() {
        return root().resolve("config.yaml");
    }
}
