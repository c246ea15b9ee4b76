package io.agenttelemetry.connect.source.file;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the regular files matching glob patterns ({@code **} crosses directories) and include/exclude regexes. */
public final class FileDiscovery {
    private static final Logger log = LoggerFactory.getLogger(FileDiscovery.class);

    private final List<Glob> globs = new ArrayList<>();
    private final Pattern include;
    private final Pattern exclude;
    private final Set<String> warned = new HashSet<>();

    public FileDiscovery(List<String> patterns, Pattern include, Pattern exclude) {
        for (String p : patterns) {
            globs.add(new Glob(p.trim()));
        }
        this.include = include;
        this.exclude = exclude;
    }

    /** Matching files, sorted by path so every task sees the same order. */
    public List<Path> discover() {
        Set<Path> found = new TreeSet<>();
        for (Glob g : globs) {
            g.collect(found);
        }
        List<Path> out = new ArrayList<>();
        for (Path p : found) {
            String s = p.toString();
            if ((include == null || include.matcher(s).matches()) && (exclude == null || !exclude.matcher(s).matches())) {
                out.add(p);
            }
        }
        return out;
    }

    /** Logs a problem with a path once, not on every discovery. */
    public void warnOnce(Path p, String problem) {
        if (warned.add(p + problem)) {
            log.warn("Cannot read {}: {}; will keep trying", p, problem);
        }
    }

    private final class Glob {
        private final Path base;
        private final PathMatcher matcher;
        private final int maxDepth;

        Glob(String pattern) {
            Path abs = Paths.get(pattern).toAbsolutePath().normalize();
            // The walk starts at the deepest directory with no glob characters in its name.
            Path b = abs.getRoot();
            int fixed = 0;
            for (Path part : abs) {
                if (part.toString().matches(".*[*?\\[{].*")) {
                    break;
                }
                b = b.resolve(part);
                fixed++;
            }
            boolean literal = fixed == abs.getNameCount();
            this.base = literal ? abs.getParent() : b;
            this.maxDepth = abs.toString().contains("**") ? Integer.MAX_VALUE : abs.getNameCount() - base.getNameCount();
            this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + abs.toString().replace("\\", "\\\\"));
        }

        void collect(Set<Path> out) {
            if (!Files.isDirectory(base)) {
                return;
            }
            try {
                Files.walkFileTree(base, EnumSet.noneOf(FileVisitOption.class), maxDepth, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && matcher.matches(file)) {
                            out.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        warnOnce(file, e.toString());
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                warnOnce(base, e.toString());
            }
        }
    }
}
