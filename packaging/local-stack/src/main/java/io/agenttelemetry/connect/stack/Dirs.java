package io.agenttelemetry.connect.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** Directory trees the stack and the demo clear. */
public final class Dirs {
    private Dirs() {
    }

    /** Deletes the directory and everything in it; nothing happens if it does not exist. */
    public static void deleteTree(Path dir) {
        deleteBelow(dir, true);
    }

    /** Deletes everything in the directory, keeping the directory itself. */
    public static void deleteContents(Path dir) {
        deleteBelow(dir, false);
    }

    private static void deleteBelow(Path dir, boolean andDir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>();
            files.forEach(all::add);
            Collections.reverse(all);
            for (Path p : all) {
                if (andDir || !p.equals(dir)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete under " + dir, e);
        }
    }
}
