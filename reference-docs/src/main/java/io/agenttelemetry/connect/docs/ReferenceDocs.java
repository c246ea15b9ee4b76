package io.agenttelemetry.connect.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

import io.agenttelemetry.connect.opensearch.OpenSearchSinkConnector;
import io.agenttelemetry.connect.s3.S3ArchiveSinkConnector;
import io.agenttelemetry.connect.smt.ClassifySensitivity;
import io.agenttelemetry.connect.smt.MaskSensitiveData;
import io.agenttelemetry.connect.smt.RouteBySensitivity;
import io.agenttelemetry.connect.smt.SensitivityAtLeast;
import io.agenttelemetry.connect.source.AgentLogSourceConnector;

/**
 * The per-plugin reference pages in docs/reference/: an introduction and the delivery guarantee (hand-written, in
 * this module's resources) followed by every setting as the plugin's own ConfigDef declares it.
 * Regenerate: {@code mvn -q -pl reference-docs -am test -Dtest=ReferenceDocsTest -Dsurefire.failIfNoSpecifiedTests=false -Dreference.docs.write=true}.
 */
public final class ReferenceDocs {
    /** Page name to the class and the ConfigDef it documents. */
    static Map<String, Page> pages() {
        Map<String, Page> pages = new LinkedHashMap<>();
        pages.put("agent-log-source", new Page(AgentLogSourceConnector.class.getName(), new AgentLogSourceConnector().config()));
        pages.put("mask-sensitive-data", new Page(MaskSensitiveData.class.getName() + "$Value (and $Key)",
                new MaskSensitiveData.Value<>().config()));
        pages.put("classify-sensitivity", new Page(ClassifySensitivity.class.getName(), new ClassifySensitivity<>().config()));
        pages.put("route-by-sensitivity", new Page(RouteBySensitivity.class.getName(), new RouteBySensitivity<>().config()));
        pages.put("sensitivity-at-least", new Page(SensitivityAtLeast.class.getName(), new SensitivityAtLeast<>().config()));
        pages.put("opensearch-sink", new Page(OpenSearchSinkConnector.class.getName(), new OpenSearchSinkConnector().config()));
        pages.put("s3-archive-sink", new Page(S3ArchiveSinkConnector.class.getName(), new S3ArchiveSinkConnector().config()));
        return pages;
    }

    static final class Page {
        final String className;
        final ConfigDef config;

        Page(String className, ConfigDef config) {
            this.className = className;
            this.config = config;
        }
    }

    private ReferenceDocs() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Paths.get(args.length > 0 ? args[0] : ".").resolve("docs/reference");
        Files.createDirectories(dir);
        Map<String, String> pages = render();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Files.writeString(dir.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
        }
        System.out.println("wrote " + pages.size() + " pages to " + dir);
    }

    /** File name to content, for every page and the index. */
    static Map<String, String> render() {
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder("# Reference\n\nGenerated from each plugin's `ConfigDef` by `reference-docs`; "
                + "do not edit by hand (`ReferenceDocsTest` fails when a page is stale; regenerate with "
                + "`mvn -q -pl reference-docs -am test -Dtest=ReferenceDocsTest -Dsurefire.failIfNoSpecifiedTests=false -Dreference.docs.write=true`).\n\n");
        for (Map.Entry<String, Page> e : pages().entrySet()) {
            String file = e.getKey() + ".md";
            String intro = resource(e.getKey() + ".md");
            index.append("- [").append(intro.lines().findFirst().orElse(e.getKey()).replaceFirst("^# ", ""))
                    .append("](").append(file).append(")\n");
            files.put(file, page(e.getValue(), intro));
        }
        files.put("README.md", index.toString());
        return files;
    }

    private static String page(Page page, String intro) {
        StringBuilder out = new StringBuilder();
        out.append(intro.strip()).append("\n\n");
        out.append("Class: `").append(page.className).append("`\n\n");
        out.append("## Settings\n");
        String group = null;
        for (ConfigDef.ConfigKey key : sorted(page.config)) {
            String g = key.group == null ? "General" : key.group;
            if (!g.equals(group)) {
                group = g;
                out.append("\n### ").append(g).append("\n\n");
                out.append("| name | type | default | valid values | importance | description |\n|---|---|---|---|---|---|\n");
            }
            out.append("| `").append(key.name).append("` | ").append(key.type.name().toLowerCase())
                    .append(" | ").append(defaultValue(key)).append(" | ").append(cell(key.validator == null ? "" : key.validator.toString()))
                    .append(" | ").append(key.importance.name().toLowerCase()).append(" | ").append(cell(key.documentation)).append(" |\n");
        }
        return out.toString();
    }

    /** By group in the order groups first appear, then by the order in the group. */
    private static List<ConfigDef.ConfigKey> sorted(ConfigDef def) {
        List<String> groups = new ArrayList<>(def.groups());
        List<ConfigDef.ConfigKey> keys = new ArrayList<>(def.configKeys().values());
        keys.sort((a, b) -> {
            int ga = a.group == null ? -1 : groups.indexOf(a.group);
            int gb = b.group == null ? -1 : groups.indexOf(b.group);
            return ga != gb ? Integer.compare(ga, gb) : Integer.compare(a.orderInGroup, b.orderInGroup);
        });
        return keys;
    }

    private static String defaultValue(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        Object v = key.defaultValue;
        if (v == null) {
            return "null";
        }
        if (v instanceof Password) {
            return "\"\"";
        }
        String s = v instanceof List ? String.join(",", ((List<?>) v).stream().map(Object::toString).toArray(String[]::new)) : v.toString();
        return s.isEmpty() ? "\"\"" : "`" + s.replace("|", "\\|") + "`";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static String resource(String name) {
        try (InputStream in = ReferenceDocs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing introduction " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
