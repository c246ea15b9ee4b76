package io.agenttelemetry.connect.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Writes the properties and log4j2 files the servers read. */
final class ConfigFiles {
    private ConfigFiles() {
    }

    static Path writeProperties(Path file, Map<String, String> props) {
        StringBuilder out = new StringBuilder("# Written by the agent-telemetry local stack launcher\n");
        new TreeMap<>(props).forEach((k, v) -> out.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        return write(file, out.toString());
    }

    /** A log4j2 configuration printing INFO to stdout, which the launcher sends to the process's log file. */
    static Path writeLog4j2(Path file) {
        return write(file, String.join("\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = STDOUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.out.ref = STDOUT",
                "logger.reflections.name = org.reflections",
                "logger.reflections.level = ERROR",
                ""));
    }

    static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
