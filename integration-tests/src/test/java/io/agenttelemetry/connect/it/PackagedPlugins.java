package io.agenttelemetry.connect.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What our packaged plugin directories declare: plugin class to plugin directory, read from their jars' ServiceLoader manifests. */
final class PackagedPlugins {
    static final List<String> PLUGIN_DIRECTORIES = List.of(
            "agent-telemetry-connect-source-agent-logs",
            "agent-telemetry-connect-smt-masking",
            "agent-telemetry-connect-sink-opensearch",
            "agent-telemetry-connect-sink-s3-archive");

    private static final String SERVICES = "META-INF/services/org.apache.kafka.";

    private PackagedPlugins() {
    }

    static Map<String, String> declared(Path pluginPath) {
        Map<String, String> out = new TreeMap<>();
        for (String dir : PLUGIN_DIRECTORIES) {
            for (Path jar : jars(pluginPath.resolve(dir).resolve("lib"))) {
                for (String cls : servicesIn(jar)) {
                    if (cls.startsWith("io.agenttelemetry.")) {
                        out.put(cls, dir);
                    }
                }
            }
        }
        return out;
    }

    static List<Path> jars(Path lib) {
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> servicesIn(Path jar) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            List<String> classes = new java.util.ArrayList<>();
            for (Enumeration<JarEntry> entries = jf.entries(); entries.hasMoreElements(); ) {
                JarEntry e = entries.nextElement();
                if (e.getName().startsWith(SERVICES)) {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(jf.getInputStream(e), StandardCharsets.UTF_8))) {
                        r.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(classes::add);
                    }
                }
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
