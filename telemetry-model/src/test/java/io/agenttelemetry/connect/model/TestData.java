package io.agenttelemetry.connect.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Files under the repository's testdata/ directory (set by Surefire as testdata.dir). */
public final class TestData {
    private TestData() {
    }

    public static Path path(String relative) {
        String dir = System.getProperty("testdata.dir");
        Path base = dir != null ? Paths.get(dir) : Paths.get("..", "testdata");
        Path p = base.resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("test data missing: " + p.toAbsolutePath());
        }
        return p;
    }
}
