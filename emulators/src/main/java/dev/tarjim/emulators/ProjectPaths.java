package dev.tarjim.emulators;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project's root folder (where {@code pom.xml} and {@code .local/} live). */
public final class ProjectPaths {
    private ProjectPaths() {
    }

    /**
     * The project root: the {@code tarjim.root} system property when set (Maven sets it for tests), else the first
     * parent of the working directory that holds {@code template.yaml}.
     */
    public static Path root() {
        String prop = System.getProperty("tarjim.root");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("template.yaml")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        return dir;
    }
}
