package io.agenttelemetry.connect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.agenttelemetry.connect.stack.Http;
import io.agenttelemetry.connect.stack.LocalStack;
import io.agenttelemetry.connect.stack.StackLayout;

/** The packaged plugin directories are what a user drops into plugin.path, and real workers load them. */
@ExtendWith(LocalStackExtension.class)
class PluginPackagingIT {
    private static final String VERSION = System.getProperty("project.version");
    private final StackLayout layout = Stacks.layout();
    private final Map<String, String> declared = PackagedPlugins.declared(layout.pluginPath());

    @Test
    void everyPluginDirectoryDeclaresAPluginAndBundlesNothingTheWorkerProvides() throws IOException {
        for (String dir : PackagedPlugins.PLUGIN_DIRECTORIES) {
            assertTrue(declared.containsValue(dir), dir + " declares no plugin in META-INF/services");
            Path root = layout.pluginPath().resolve(dir);
            JsonNode manifest = Http.mapper().readTree(root.resolve("manifest.json").toFile());
            assertEquals(VERSION, manifest.path("version").asText(), dir + "/manifest.json version");
            assertTrue(manifest.path("component_types").size() > 0, dir + "/manifest.json component_types");
            for (Path jar : PackagedPlugins.jars(root.resolve("lib"))) {
                String name = jar.getFileName().toString();
                assertFalse(name.matches("(kafka-clients|connect-api|connect-transforms|connect-runtime|slf4j-.*|log4j-.*)-[0-9].*"),
                        dir + " bundles " + name + ", which the worker provides");
            }
        }
    }

    @Test
    void everyPluginDirectoryHasAZipArchiveWithTheSameLayout() throws IOException {
        Path archives = layout.pluginPath().getParent().resolve("archives");
        for (String dir : PackagedPlugins.PLUGIN_DIRECTORIES) {
            String module = dir.substring("agent-telemetry-".length());
            Path zip = archives.resolve(module + "-" + VERSION + "-plugin.zip");
            assertTrue(Files.exists(zip), "missing " + zip);
            try (ZipFile zf = new ZipFile(zip.toFile())) {
                assertTrue(zf.getEntry(dir + "/manifest.json") != null, zip + " lacks " + dir + "/manifest.json");
                assertTrue(zf.stream().anyMatch(e -> e.getName().startsWith(dir + "/lib/") && e.getName().endsWith(".jar")),
                        zip + " has no jars under " + dir + "/lib/");
            }
        }
    }

    /** Kafka's own plugin checker (KIP-898), on the runtime we ship against and on the oldest we support. */
    @ParameterizedTest(name = "Kafka {0}")
    @ValueSource(strings = {"4.3.1", "3.9.1"})
    void kafkasConnectPluginPathListsEveryPluginLoadableWithManifest(String kafkaVersion) throws Exception {
        Path libs = kafkaVersion.startsWith("3.") ? Stacks.kafka39Libs() : layout.kafkaLibs();
        Map<String, String[]> rows = connectPluginPathList(libs, layout.pluginPath());
        assertFalse(declared.isEmpty(), "no plugins declared");
        for (Map.Entry<String, String> plugin : declared.entrySet()) {
            String[] row = rows.get(plugin.getKey());
            assertTrue(row != null, plugin.getKey() + " not listed by ConnectPluginPath on Kafka " + kafkaVersion);
            // Columns: pluginName firstAlias secondAlias pluginVersion pluginType isLoadable hasManifest pluginLocation
            assertEquals("true", row[5], plugin.getKey() + " isLoadable on Kafka " + kafkaVersion);
            assertEquals("true", row[6], plugin.getKey() + " hasManifest on Kafka " + kafkaVersion);
            assertTrue(row[7].endsWith(plugin.getValue()), plugin.getKey() + " location " + row[7]);
            assertEquals(VERSION, row[3], plugin.getKey() + " version on Kafka " + kafkaVersion);
        }
    }

    @Test
    void theRunningWorkerOffersEveryPluginWithOurVersion(LocalStack stack) {
        JsonNode plugins = Http.get(stack.connect().restUrl() + "/connector-plugins?connectorsOnly=false").ok().json();
        Map<String, JsonNode> byClass = new HashMap<>();
        plugins.forEach(p -> byClass.put(p.path("class").asText(), p));
        for (String cls : declared.keySet()) {
            JsonNode p = byClass.get(cls);
            assertTrue(p != null, cls + " not offered by the worker; it offers " + byClass.keySet());
            assertEquals(VERSION, p.path("version").asText(), cls + " version");
        }
    }

    private static Map<String, String[]> connectPluginPathList(Path libs, Path pluginPath) throws Exception {
        Path out = Files.createTempFile(Files.createDirectories(Stacks.workDir("plugin-path")), "connect-plugin-path", ".txt");
        Process p = new ProcessBuilder(StackLayout.java(), "-cp", libs + "/*", "org.apache.kafka.tools.ConnectPluginPath",
                "list", "--plugin-path", pluginPath.toString())
                .redirectErrorStream(false)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ConnectPluginPath did not finish");
        assertEquals(0, p.exitValue(), "ConnectPluginPath exit code");
        Map<String, String[]> rows = new HashMap<>();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        for (String line : lines) {
            String[] cols = line.split("\t");
            if (cols.length >= 8) {
                rows.put(cols[0], cols);
            }
        }
        Files.delete(out);
        return rows;
    }
}
